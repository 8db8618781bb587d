import type { SourceRecord } from './types.js';
import { DPRK } from './countries.js';

export const DPRK_REASON_KINDS = [
  'program', 'dprk_regulations', 'un_reference', 'nationality', 'citizenship', 'address', 'flag', 'birth_place', 'linked_to',
] as const;

/** Why a record or entity is DPRK-related. `strong` reasons are list tags; the others are attributes or links. */
export interface DprkReason {
  kind: (typeof DPRK_REASON_KINDS)[number];
  detail: string;
  /** Record that states it. */
  record: string;
  strong: boolean;
}

/**
 * Sanctions programmes that are about the DPRK, per authority, as data with where the tag comes from.
 * OFAC: North Korea Sanctions Regulations (31 CFR part 510) and E.O.s 13382-related DPRK tags; UN: the 1718
 * Committee's list type; EU: programme code PRK; UK: the DPRK regime's name.
 */
export const DPRK_PROGRAMS: { authority: RegExp; program: RegExp; note: string }[] = [
  { authority: /OFAC/i, program: /^DPRK/i, note: 'OFAC tags DPRK, DPRK2, DPRK3, DPRK4, DPRK-NKSPEA' },
  { authority: /UN Security Council/i, program: /^DPRK$/i, note: 'UN 1718 Committee list type DPRK' },
  { authority: /^EU/i, program: /^PRK$/i, note: 'EU regulation programme PRK' },
  { authority: /HM Treasury|FCDO|UK/i, program: /North Korea|Democratic People's Republic of Korea|DPRK/i, note: 'UK DPRK regime' },
];

/**
 * OFAC states the North Korea Sanctions Regulations (31 CFR part 510) in the remarks of entries designated for DPRK
 * conduct under other programme tags (e.g. NPWMD-only KOREA RYONBONG GENERAL CORPORATION): a strong reason.
 */
export const DPRK_REGULATIONS = /North Korea Sanctions Regulations|31\s*C\.?F\.?R\.?\s*(?:part\s*)?510\b/i;

/** UN 1718 Committee reference numbers: KPi.NNN (individuals), KPe.NNN (entities). */
export const UN_DPRK_REFERENCE = /^KP[ie]\.\d+/;

/** DPRK reasons a single record states by itself (no links followed). */
export function recordDprkReasons(r: SourceRecord): DprkReason[] {
  const out: DprkReason[] = [];
  const seen = new Set<string>();
  const add = (kind: DprkReason['kind'], detail: string, strong: boolean) => {
    const key = `${kind}:${detail}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ kind, detail, record: r.id, strong });
  };
  for (const s of r.sanctions) {
    for (const prog of s.programs) {
      if (DPRK_PROGRAMS.some((d) => d.authority.test(s.authority) && d.program.test(prog))) add('program', prog, true);
    }
  }
  for (const s of r.sanctions) {
    const cited = (s.provisions ?? []).find((x) => DPRK_REGULATIONS.test(x));
    if (cited) add('dprk_regulations', cited.slice(0, 200), true);
  }
  if (UN_DPRK_REFERENCE.test(r.recordId)) add('un_reference', r.recordId, true);
  const p = r.properties;
  if (p.nationality?.includes(DPRK)) add('nationality', DPRK, false);
  if (p.citizenship?.includes(DPRK)) add('citizenship', DPRK, false);
  if (p.country?.includes(DPRK)) add('address', DPRK, false);
  if (p.flag?.includes(DPRK)) add('flag', DPRK, false);
  if (p.birthCountry?.includes(DPRK)) add('birth_place', DPRK, false);
  return out;
}

/** The reasons that are a list's own DPRK tag: a programme tag or a UN KP reference (what "DPRK entries" counts). */
export function isTagReason(reason: Pick<DprkReason, 'kind'>): boolean {
  return reason.kind === 'program' || reason.kind === 'un_reference';
}

/** True if the record carries a DPRK programme tag or a UN KP reference. */
export function hasDprkProgram(r: SourceRecord): boolean {
  return recordDprkReasons(r).some(isTagReason);
}
