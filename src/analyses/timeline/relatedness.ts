import { isTagReason, recordDprkReasons, type DprkReason } from '../../model/dprk.js';
import type { SourceRecord } from '../../model/types.js';

/**
 * Why a designation counts as DPRK-related on the timeline: the model's reasons (src/model/dprk.ts), including
 * OFAC's remark that the North Korea Sanctions Regulations apply ('dprk_regulations'), which OFAC writes on E.O.
 * 13382 (NPWMD) designations made for the DPRK — e.g. the 8 entries added on 2022-01-12, none with a DPRK tag.
 */
export type ReasonKind = DprkReason['kind'];
export type DesignationReason = DprkReason;

/**
 * 'program': the designated record itself carries a DPRK programme tag or UN KP reference.
 * 'related': it does not (another programme), but something ties it to the DPRK: flagged in the output.
 */
export type DprkBasis = 'program' | 'related';

/** Everything one record says by itself (no merge, no links followed). */
export function reasonsOfRecord(r: SourceRecord): DesignationReason[] {
  return recordDprkReasons(r);
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
  return reasons.some((r) => isTagReason(r) && r.record === recordId) ? 'program' : 'related';
}
