import type { DateRange, IsoDay } from '../../sources/events/types.js';
import type { LaunchClass } from './classify.js';
import type { DesignationAction } from './designation-actions.js';
import { lagStats, type Lag, type LagStats } from './lag.js';
import type { ListCoverage } from './list-coverage.js';
import { addDays, coverageOf, intersect } from './periods.js';

/**
 * Counts over one stretch of days (the window, a month, an administration's term), the same way everywhere. Pure.
 * A side with no data over the stretch gives null counts, never zeros.
 */

export const LAUNCH_CLASSES: readonly LaunchClass[] = ['ballistic', 'cruise', 'satellite', 'other'];

export interface CountableLaunch {
  date: IsoDay;
  class: LaunchClass;
  missileCount: number | null;
}

export interface CountInput {
  launches: readonly CountableLaunch[];
  nuclearTests: readonly { date: IsoDay }[];
  /** Union of the event sources' ranges. */
  eventsRange: DateRange | null;
  actions: readonly DesignationAction[];
  lists: readonly ListCoverage[];
  announced: readonly { date: IsoDay }[];
  resolutions: readonly { adoptionDate: IsoDay }[];
  /** Lag of each launch (by date) to the next action of any list covering it, for all and ballistic launches. */
  lagOf: ReadonlyMap<IsoDay, Lag>;
}

export type Coverage = 'full' | 'partial' | 'none';

export interface Counts {
  events_coverage: Coverage;
  launch_days: number | null;
  launch_days_by_class: Record<LaunchClass, number> | null;
  ballistic_launch_days: number | null;
  /** Missiles on the launch days that give a number; `launch_days_missiles_unknown` days give none. */
  missiles: number | null;
  launch_days_missiles_unknown: number | null;
  nuclear_tests: number | null;
  /** Lists whose designation data overlaps the stretch, and how well all of them together cover it. */
  designation_lists: string[];
  /** Lists with data elsewhere but not over (all of) the stretch: the totals leave them out. */
  designation_lists_missing: string[];
  designation_coverage: Coverage;
  designation_actions: number | null;
  /** Actions whose every record is only DPRK-related (other programme): flagged. */
  designation_actions_flagged: number | null;
  designation_actions_by_list: Record<string, number | null>;
  /** Distinct targets (merged entities; a record no longer served counts by its record id). */
  designated_entities: number | null;
  designated_records_by_list: Record<string, number | null>;
  designated_records_by_program: Record<string, number>;
  ofac_announced_actions: number;
  unsc_resolutions: number;
  response_lag_all: LagStats | null;
  response_lag_ballistic: LagStats | null;
}

function within(day: IsoDay, r: DateRange): boolean {
  return r.first <= day && day <= r.last;
}

/** How much of `range` the union of `ranges` covers. */
export function unionCoverage(range: DateRange, ranges: readonly DateRange[]): Coverage {
  const parts = ranges.map((r) => intersect(range, r)).filter((r): r is DateRange => r !== null).sort((a, b) => (a.first < b.first ? -1 : 1));
  if (!parts.length) return 'none';
  let reach = addDays(range.first, -1);
  for (const p of parts) {
    if (p.first > addDays(reach, 1)) return 'partial';
    if (p.last > reach) reach = p.last;
  }
  return reach >= range.last ? 'full' : 'partial';
}

/**
 * Counts over `kst` (launch days, KST) and `us` (actions and resolutions, U.S./New York days). For a calendar
 * period both are the same range; an administration's term starts a day later in Korea.
 */
export function countOver(kst: DateRange, us: DateRange, d: CountInput): Counts {
  const eventsCoverage = coverageOf(kst, d.eventsRange);
  const launches = eventsCoverage === 'none' ? [] : d.launches.filter((l) => within(l.date, kst));
  const byClass = Object.fromEntries(LAUNCH_CLASSES.map((c) => [c, launches.filter((l) => l.class === c).length])) as Record<LaunchClass, number>;
  const known = launches.filter((l) => l.missileCount !== null);
  const overlapping = d.lists.filter((c) => c.range && intersect(us, c.range));
  const designationCoverage = unionCoverage(us, overlapping.map((c) => c.range!));
  const actions = d.actions.filter((a) => within(a.date, us) && overlapping.some((c) => c.list === a.list));
  const perList = <T>(f: (list: string) => T): Record<string, T | null> =>
    Object.fromEntries(d.lists.filter((c) => c.range).map((c) => [c.list, overlapping.includes(c) ? f(c.list) : null]));
  const byProgram: Record<string, number> = {};
  for (const a of actions) for (const id of a.entities) for (const p of a.records[id]?.programs ?? []) byProgram[p] = (byProgram[p] ?? 0) + 1;
  const noEvents = eventsCoverage === 'none';
  const noLists = designationCoverage === 'none';
  const lagsOf = (cls?: LaunchClass) => launches.filter((l) => !cls || l.class === cls).map((l) => d.lagOf.get(l.date)).filter((l): l is Lag => l !== undefined);
  return {
    events_coverage: eventsCoverage,
    launch_days: noEvents ? null : launches.length,
    launch_days_by_class: noEvents ? null : byClass,
    ballistic_launch_days: noEvents ? null : byClass.ballistic,
    missiles: noEvents ? null : known.reduce((n, l) => n + (l.missileCount ?? 0), 0),
    launch_days_missiles_unknown: noEvents ? null : launches.length - known.length,
    nuclear_tests: noEvents ? null : d.nuclearTests.filter((n) => within(n.date, kst)).length,
    designation_lists: overlapping.map((c) => c.list),
    designation_lists_missing: d.lists.filter((c) => c.range && coverageOf(us, c.range) !== 'full').map((c) => c.list),
    designation_coverage: designationCoverage,
    designation_actions: noLists ? null : actions.length,
    designation_actions_flagged: noLists ? null : actions.filter((a) => a.dprk_basis === 'related').length,
    designation_actions_by_list: perList((list) => actions.filter((a) => a.list === list).length),
    designated_entities: noLists ? null : new Set(actions.flatMap((a) => a.entities.map((id) => a.records[id]?.entity ?? id))).size,
    designated_records_by_list: perList((list) => new Set(actions.filter((a) => a.list === list).flatMap((a) => a.entities)).size),
    designated_records_by_program: byProgram,
    ofac_announced_actions: d.announced.filter((a) => within(a.date, us)).length,
    unsc_resolutions: d.resolutions.filter((r) => within(r.adoptionDate, us)).length,
    response_lag_all: noEvents ? null : lagStats(lagsOf()),
    response_lag_ballistic: noEvents ? null : lagStats(lagsOf('ballistic')),
  };
}
