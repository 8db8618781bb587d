import { recordDprkReasons, type DprkReason } from '../../model/dprk.js';
import type { SanctionInfo, SourceRecord } from '../../model/types.js';

/**
 * Why a designation counts as DPRK-related on the timeline. The model's reasons (src/model/dprk.ts: programme tag
 * and UN KP reference = strong; nationality, citizenship, address, flag, birth place, link to a strong entity =
 * weak) plus one the model does not read: OFAC's own remark that North Korea Sanctions Regulations apply
 * ("Secondary sanctions risk: North Korea Sanctions Regulations, sections 510.201 and 510.210"). OFAC writes it on
 * E.O. 13382 (NPWMD) designations made for the DPRK, e.g. the 8 entries added on 2022-01-12, none of which
 * carries a DPRK tag (two of them, a Russian national and a Russian company, have no other DPRK reason at all).
 */

export type ReasonKind = DprkReason['kind'] | 'ofac_nksr_provision';

export interface DesignationReason {
  kind: ReasonKind;
  detail: string;
  /** The record that states it (for merged entities, possibly another list's record). */
  record: string;
  strong: boolean;
}

/**
 * 'program': the designated record itself carries a DPRK programme tag or UN KP reference.
 * 'related': it does not (another programme), but something ties it to the DPRK: flagged in the output.
 */
export type DprkBasis = 'program' | 'related';

/** An OFAC provision that names the North Korea Sanctions Regulations (31 CFR part 510). */
export const NKSR_PROVISION = /North Korea Sanctions Regulations/i;

/** Reasons stated by a record's sanctions provisions (OFAC remarks). */
export function provisionReasons(recordId: string, sanctions: readonly SanctionInfo[]): DesignationReason[] {
  for (const s of sanctions) {
    const p = s.provisions?.find((x) => NKSR_PROVISION.test(x));
    if (p) return [{ kind: 'ofac_nksr_provision', detail: p, record: recordId, strong: false }];
  }
  return [];
}

/** Everything one record says by itself (no merge, no links followed). */
export function reasonsOfRecord(r: SourceRecord): DesignationReason[] {
  return [...recordDprkReasons(r), ...provisionReasons(r.id, r.sanctions)];
}

/** Reasons with duplicates (same kind, detail and record) removed, in order. */
export function distinctReasons(reasons: readonly DesignationReason[]): DesignationReason[] {
  const seen = new Set<string>();
  return reasons.filter((r) => {
    const key = `${r.kind}|${r.detail}|${r.record}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** 'program' when the record itself states a strong reason; null when nothing ties it to the DPRK. */
export function basisOf(recordId: string, reasons: readonly DesignationReason[]): DprkBasis | null {
  if (!reasons.length) return null;
  return reasons.some((r) => r.strong && r.record === recordId) ? 'program' : 'related';
}
