import type { DateRange, IsoDay } from '../../sources/events/types.js';
import type { HeldVersion } from './designation-actions.js';

/**
 * Where each list's designation data can see actions, so that a quiet period inside it is a real zero and a period
 * outside it is "no data". Pure.
 *
 * - A list that states listing days (UN LISTED_ON, UK 'Listed On'): from the earliest stated day of any of its
 *   records to its last held version. Caveat: entries delisted before the first held version are not seen.
 * - A list dated by versions (OFAC sdn.csv): from its first held version to its last. Entries present in the first
 *   version are its initial state (designated on or before it), not actions.
 * - One version and no stated days: no range (initial state only).
 */

export type DatingBasis = 'list_date' | 'change_log' | 'version_diff';

export interface ListCoverage {
  list: string;
  source: string;
  versions: HeldVersion[];
  dated_by: DatingBasis[];
  /** Days on which the list's actions are observed; null: none. */
  range: DateRange | null;
  change_log: { origin: string; range: DateRange; rows: number } | null;
  note: string;
}

export interface CoverageInput {
  list: string;
  source: string;
  versions: HeldVersion[];
  /** Earliest listing day the list states for any of its records (any programme). */
  earliestListDate: IsoDay | null;
  changeLog: { origin: string; range: DateRange; rows: number } | null;
}

export function listCoverage(c: CoverageInput): ListCoverage {
  const first = c.versions[0]?.published;
  const last = c.versions.at(-1)?.published;
  const base = { list: c.list, source: c.source, versions: c.versions, change_log: c.changeLog };
  if (!first || !last) return { ...base, dated_by: [], range: null, note: 'no version held' };
  if (c.earliestListDate) {
    return {
      ...base, dated_by: ['list_date'], range: { first: c.earliestListDate < first ? c.earliestListDate : first, last },
      note: `listing days stated by the list, ${c.earliestListDate} to the last held version ${last}; entries delisted before ${first} are not seen`,
    };
  }
  if (c.versions.length < 2) return { ...base, dated_by: [], range: null, note: `one version (${first}) and no stated listing days: initial state only` };
  const dated: DatingBasis[] = c.changeLog ? ['change_log', 'version_diff'] : ['version_diff'];
  const log = c.changeLog ? `; daily change log ${c.changeLog.range.first} to ${c.changeLog.range.last}` : '';
  return {
    ...base, dated_by: dated, range: { first, last },
    note: `dated by ${c.versions.length} held versions ${first} to ${last}${log}; entries of ${first} are the initial state (on or before)`,
  };
}

/** Lists whose range holds `day`. */
export function listsCovering(coverage: readonly ListCoverage[], day: IsoDay): string[] {
  return coverage.filter((c) => c.range && c.range.first <= day && day <= c.range.last).map((c) => c.list);
}
