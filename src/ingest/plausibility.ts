import type { SourceRecord } from '../model/types.js';

/**
 * Rules a new publication must pass before it replaces the served one. Each is named data with its reason;
 * `--force` overrides them.
 */
export const PLAUSIBILITY = {
  /** A publication that drops more than this share of the previous one's entries is refused (foundation issue #2). */
  maxDropShare: 0.2,
  /** A publication with fewer entries than this is refused: official lists are never that small. */
  minRecords: 1,
} as const;

export interface PlausibilityCheck {
  ok: boolean;
  reason?: string;
}

export function checkPlausible(records: SourceRecord[], previousCount: number | undefined, rules = PLAUSIBILITY): PlausibilityCheck {
  if (records.length < rules.minRecords) {
    return { ok: false, reason: `it holds ${records.length} entries (at least ${rules.minRecords} expected)` };
  }
  if (previousCount && previousCount > 0) {
    const drop = (previousCount - records.length) / previousCount;
    if (drop > rules.maxDropShare) {
      return {
        ok: false,
        reason: `it holds ${records.length} entries, ${(drop * 100).toFixed(1)} % fewer than the ${previousCount} of the version served ` +
          `(more than ${rules.maxDropShare * 100} % looks like a truncated or partial file; use --force to import it anyway)`,
      };
    }
  }
  return { ok: true };
}
