/**
 * The front-company ranking rule, as data. An unlisted entity's ties to designated parties are evidence that it may
 * act for them; each kind of tie has a weight in 0..1 read as "how much this tie alone should raise suspicion", and
 * the ties combine by noisy-OR: score = 1 - PRODUCT(1 - weight) over the ties counted (at most `max` per kind, so
 * fifty shared-address edges in one building do not outweigh one designated officer).
 *
 * The weights are judgement, not statistics (there is no labelled set of DPRK front companies to fit them to): the
 * order follows how directly each tie shows control or continuity, as the guidance below describes the patterns.
 * They are data so a team can change them; tests pin the ranking they produce on a fixture.
 *
 * Sources for the patterns (what the ties are, not the numbers):
 * - FinCEN Advisory FIN-2017-A008, "Advisory on North Korea's Use of the International Financial System",
 *   2 Nov 2017: front and shell companies, often sharing addresses and officers with designated parties.
 * - U.S. Treasury/State/Coast Guard, "Sanctions Risks Related to North Korea's Shipping Practices", 23 Feb 2018, and
 *   "Updated Guidance on Addressing North Korea's Illicit Shipping Practices", 21 Mar 2019: vessels held through
 *   shell owners and managers; ship-to-ship transfers, AIS manipulation.
 * - UN Security Council Panel of Experts on the DPRK, final reports (e.g. S/2019/171, S/2020/151): designated
 *   entities re-registering under new names; front companies at the addresses of designated entities.
 */
export interface TieRule {
  weight: number;
  /** Ties of this kind counted at most (each adds by noisy-OR). */
  max: number;
  rationale: string;
}

export const FRONT_COMPANY_RULES = {
  version: 1,
  combine: 'noisy_or' as const,
  /** Candidates scoring below this are not reported. */
  minScore: 0.25,
  /** Screening score from which a former name IS a designated name (the match-rules.ts name score). */
  formerNameScore: 0.9,
  /** Schemata ranked: organisations (a front is a company); people are reached as officers. */
  schemata: ['Company', 'Organization', 'LegalEntity', 'PublicBody'] as readonly string[],
  ties: {
    former_designated_name: {
      weight: 0.6, max: 1,
      rationale: 'Its former name is a designated party\'s name: re-registration under a new name is the continuity pattern the Panel of Experts documents.',
    },
    designated_officer: {
      weight: 0.55, max: 2,
      rationale: 'One of its officers (director, manager) is a designated person: control by a designated party.',
    },
    owns_designated_vessel: {
      weight: 0.5, max: 2,
      rationale: 'It owns or manages a designated vessel: registered owners and managers of DPRK-linked ships are typically single-ship shells.',
    },
    minority_owned_by_designated: {
      weight: 0.4, max: 2,
      rationale: 'A designated party holds a stake below 50 %: not blocked by the rule, but a direct financial tie.',
    },
    common_officer: {
      weight: 0.35, max: 3,
      rationale: 'It shares an officer with a designated entity: interlocking directorates tie fronts to their principals.',
    },
    shared_email: { weight: 0.35, max: 2, rationale: 'The same e-mail address as a designated party: one operator behind both.' },
    shared_phone: { weight: 0.3, max: 2, rationale: 'The same telephone number as a designated party.' },
    shared_website: { weight: 0.25, max: 1, rationale: 'The same website as a designated party.' },
    shared_identifier: { weight: 0.4, max: 1, rationale: 'A registration, tax or other number in common with a designated party.' },
    stated_link: { weight: 0.3, max: 3, rationale: 'A relation to a designated party stated in the imported data (UnknownLink).' },
    shared_address: {
      weight: 0.2, max: 2,
      rationale: 'The same street-level address as a designated party (city-level addresses never count: graph.ts streetAddress). Weak alone: business centres house many firms.',
    },
    vessel_in_maritime_event: {
      weight: 0.2, max: 3,
      rationale: 'It owns or manages a vessel found in a maritime event (ship-to-ship encounter, AIS gap, DPRK port call) in the AIS runs held.',
    },
  } satisfies Record<string, TieRule>,
};

export type TieKind = keyof typeof FRONT_COMPANY_RULES.ties;

/** Noisy-OR of the tie weights, counting at most `max` ties of each kind. */
export function combineTies(kinds: readonly TieKind[], rules = FRONT_COMPANY_RULES): number {
  const seen = new Map<TieKind, number>();
  let keep = 1;
  for (const k of kinds) {
    const n = (seen.get(k) ?? 0) + 1;
    seen.set(k, n);
    if (n > rules.ties[k].max) continue;
    keep *= 1 - rules.ties[k].weight;
  }
  return Math.round((1 - keep) * 1000) / 1000;
}
