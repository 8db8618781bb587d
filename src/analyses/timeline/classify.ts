import type { CatalogueTest, CsisEvent } from '../../sources/events/types.js';

/**
 * Launch classification, as data. Each rule is a pattern over one kind of evidence and the class it implies.
 * Precedence between kinds of evidence (see docs/timeline.md):
 *   1. a catalogue's missile-type field (CNS 'Missile Type', nagix missile.en.json type),
 *   2. CSIS description text,
 *   3. CSIS event label,
 *   4. nothing matched: 'other' (unknown).
 * Within one kind, the first matching rule of the table wins.
 */

export type LaunchClass = 'ballistic' | 'cruise' | 'satellite' | 'other';

/** When one day's evidence of the same kind names several classes, the event's class is the first of these. */
export const CLASS_RANK: readonly LaunchClass[] = ['ballistic', 'satellite', 'cruise', 'other'];

export type EvidenceKind = 'missile-type' | 'csis-description' | 'csis-label' | 'default';
export const EVIDENCE_PRECEDENCE: readonly EvidenceKind[] = ['missile-type', 'csis-description', 'csis-label', 'default'];

export interface ClassRule {
  id: string;
  pattern: RegExp;
  class: LaunchClass;
  note: string;
}

export interface Classification {
  class: LaunchClass;
  kind: EvidenceKind;
  /** Id of the rule that decided, e.g. 'type:ballistic' or 'text:cruise'. */
  rule: string;
  /** The text the rule matched (a type code, or the matched words). */
  matched: string | null;
}

/** Catalogue missile-type codes. 'Unknown' matches nothing and falls through to weaker evidence. */
export const MISSILE_TYPE_RULES: readonly ClassRule[] = [
  { id: 'type:ballistic', pattern: /^(SRBM|MRBM|IRBM|ICBM|SLBM|HGV)$/, class: 'ballistic', note: 'ballistic range classes, submarine-launched and hypersonic glide vehicles' },
  { id: 'type:satellite', pattern: /^SLV$/, class: 'satellite', note: 'space launch vehicle (Taepodong-1, Unha, Unha-3, Chollima-1)' },
];

/**
 * Free-text rules, applied to a CSIS description and then to its label. Order matters: a satellite launch
 * story says "ballistic missile technology", and an anti-ship cruise missile is still a cruise missile.
 */
export const TEXT_RULES: readonly ClassRule[] = [
  {
    // Only a launch OF a satellite: 'Satellite Launching Ground' is a place name (Tonghae, Sohae), and a
    // "test for its reconnaissance satellite systems" (2022-03-05) was an ICBM flight.
    id: 'text:satellite',
    pattern: /\b(satellite launch(?!ing)|launch(ed|es|ing)?\s+(\w+\s+){0,4}satellite|carrier rocket|space launch vehicle|SLV|Kwangmyongsong|Unha|Chollima-1|Malligyong)/i,
    class: 'satellite',
    note: 'satellite launches and their launchers',
  },
  {
    id: 'text:ballistic',
    pattern: /\b(ballistic\s+(missile|rocket|weapon)s?|ICBMs?|IRBMs?|MRBMs?|SRBMs?|SLBMs?|CRBMs?|hypersonic|Hwasong(pho)?-?\d*|Pukguksong|Nodong|Scud|Musudan|Taepodong|KN-(02|08|11|14|15|17|18|20|21|22|23|24|25))\b/i,
    class: 'ballistic',
    // 'ballistic missile', not bare 'ballistic': "a new ballistic control system" (2024-02-11) steered MLRS rockets.
    note: "'ballistic missile', range classes, hypersonic, and ballistic missile families (KN-25 as CNS types it: SRBM)",
  },
  {
    id: 'text:cruise',
    pattern: /\b(cruise|Hwasal|Padasuri|surface-to-ship|anti-ship|KN-01|KN-19)\b/i,
    class: 'cruise',
    note: 'cruise missiles; DPRK anti-ship / surface-to-ship missiles (KN-01, Kumsong-3 / KN-19) are cruise missiles',
  },
  {
    id: 'text:other',
    pattern: /\b(artillery|rocket launchers?|multiple[- ]la\w* rocket|MLRS|FROG|rockets?|surface-to-air|anti-air(craft)?|SAMs?|KN-06|shells?)\b/i,
    class: 'other',
    note: 'artillery, rocket artillery (MLRS, FROG) and air-defence missiles',
  },
];

export const DEFAULT_RULE = { id: 'default:unknown', class: 'other' as LaunchClass, note: 'no rule matched: type unknown' };

function firstMatch(rules: readonly ClassRule[], text: string, kind: EvidenceKind): Classification | null {
  for (const r of rules) {
    const m = r.pattern.exec(text);
    if (m) return { class: r.class, kind, rule: r.id, matched: m[0] };
  }
  return null;
}

const FALLBACK: Classification = { class: DEFAULT_RULE.class, kind: 'default', rule: DEFAULT_RULE.id, matched: null };

export function classifyCatalogue(test: CatalogueTest): Classification {
  return firstMatch(MISSILE_TYPE_RULES, test.missileType, 'missile-type') ?? FALLBACK;
}

/** A CSIS row: its description beats its label, which beats nothing. */
export function classifyCsis(event: CsisEvent): Classification {
  return firstMatch(TEXT_RULES, event.description, 'csis-description') ?? firstMatch(TEXT_RULES, event.label, 'csis-label') ?? FALLBACK;
}

/** Is `a` stronger evidence than `b`? Kind first, then class rank. */
export function strongerThan(a: Classification, b: Classification): boolean {
  const ka = EVIDENCE_PRECEDENCE.indexOf(a.kind);
  const kb = EVIDENCE_PRECEDENCE.indexOf(b.kind);
  return ka !== kb ? ka < kb : CLASS_RANK.indexOf(a.class) < CLASS_RANK.indexOf(b.class);
}

/** Which CSIS rows report a launch. First matching rule wins; rows matching none are not launches. */
export interface CsisLaunchRule {
  id: string;
  /** Provocation type the rule applies to; any type when absent. */
  type?: CsisEvent['type'];
  label: RegExp;
  launch: boolean;
  note: string;
}

export const CSIS_LAUNCH_RULES: readonly CsisLaunchRule[] = [
  { id: 'not-launch:engine-test', label: /engine test/i, launch: false, note: 'a ground test of an engine: nothing flew' },
  { id: 'not-launch:abroad', label: /with China/i, launch: false, note: "1991 'Joint Missile Test with China': reported at Yinchuan, China, not a DPRK launch" },
  { id: 'launch:missile-provocation', type: 'Missile Provocation', label: /./, launch: true, note: "CSIS 'Missile Provocation' rows" },
  {
    id: 'launch:label',
    label: /satellite launch|missile launch(es)?\b|\bMLRS\b|multiple la\w* rocket|controlled rocket/i,
    launch: true,
    note: "'Other'/'Nuclear' rows whose label names a launch: satellite launches, MLRS tests, '... / Short-range missile launch'",
  },
];

export function csisLaunchRule(event: CsisEvent): CsisLaunchRule | null {
  return CSIS_LAUNCH_RULES.find((r) => (r.type === undefined || r.type === event.type) && r.label.test(event.label)) ?? null;
}

export function isCsisLaunch(event: CsisEvent): boolean {
  return csisLaunchRule(event)?.launch ?? false;
}
