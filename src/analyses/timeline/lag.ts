import type { DateRange, IsoDay } from '../../sources/events/types.js';
import { daysBetween, median } from './periods.js';

/**
 * Response lag: days from a launch (KST day) to the next DPRK-related designation action (U.S. or New York day)
 * of a list whose data covers the launch day. Pure.
 *
 * - An action on the launch day itself counts (lag 0): a launch on KST day d happened before U.S. business hours of
 *   day d (KST is 13-14 hours ahead of Washington).
 * - No action until the end of the list's data: CENSORED at the days to that end (never 0, never dropped). The
 *   median is the Kaplan-Meier median, which uses censored launches as "at least this long"; the plain median of
 *   the observed lags is reported beside it and is biased low when many launches are censored.
 * - A launch outside a list's range is 'not_covered' for that list.
 * - Any list: the first action of the lists that cover the launch day, up to the earliest end of their ranges.
 *   Each launch says which lists that was. Lists whose data starts later are not used for that launch.
 */

/** Actions on the launch day count as responses (lag 0). */
export const SAME_DAY_COUNTS = true;

export interface LagAction {
  date: IsoDay;
  list: string;
  after?: IsoDay;
}

export interface ListRange {
  list: string;
  range: DateRange | null;
}

export type LagStatus = 'observed' | 'censored' | 'not_covered';

export interface Lag {
  status: LagStatus;
  /** Lists whose data covered the launch day (for one list: that list, or none). */
  lists: string[];
  /** Observed: days to the next action. */
  lag_days: number | null;
  /** Censored: no action for at least this many days (to the end of the data). */
  censored_after_days: number | null;
  next_action: LagAction | null;
  /** The action is dated by an interval that starts before the launch day: it may precede the launch. */
  order_uncertain: boolean;
}

export interface LagStats {
  launches: number;
  observed: number;
  censored: number;
  not_covered: number;
  /** Kaplan-Meier median over observed and censored lags; null when fewer than half saw an action in the data. */
  median_days: number | null;
  /** Plain median of the observed lags only. */
  median_observed_days: number | null;
  order_uncertain: number;
  /** How many launches each set of lists observed ('un_sc_sanctions+us_ofac_sdn': 40). */
  list_sets: Record<string, number>;
}

function covers(r: ListRange, day: IsoDay): boolean {
  return r.range !== null && r.range.first <= day && day <= r.range.last;
}

function nextAction(sorted: readonly LagAction[], day: IsoDay, until: IsoDay): LagAction | null {
  for (const a of sorted) {
    if ((SAME_DAY_COUNTS ? a.date >= day : a.date > day) && a.date <= until) return a;
    if (a.date > until) break;
  }
  return null;
}

/** Actions grouped by list, each sorted by date. */
export function actionsByList(actions: readonly LagAction[]): Map<string, LagAction[]> {
  const out = new Map<string, LagAction[]>();
  for (const a of actions) out.set(a.list, [...(out.get(a.list) ?? []), a]);
  for (const list of out.values()) list.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return out;
}

/** The lag from `day` to the next action of the given lists (those covering `day`). */
export function lagFrom(day: IsoDay, ranges: readonly ListRange[], byList: ReadonlyMap<string, readonly LagAction[]>): Lag {
  const observing = ranges.filter((r) => covers(r, day));
  const lists = observing.map((r) => r.list).sort();
  if (!observing.length) return { status: 'not_covered', lists, lag_days: null, censored_after_days: null, next_action: null, order_uncertain: false };
  const until = observing.map((r) => r.range!.last).sort()[0];
  const candidates = observing.map((r) => nextAction(byList.get(r.list) ?? [], day, until)).filter((a): a is LagAction => a !== null);
  const next = candidates.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.list.localeCompare(b.list)))[0];
  if (!next) return { status: 'censored', lists, lag_days: null, censored_after_days: daysBetween(day, until), next_action: null, order_uncertain: false };
  return {
    status: 'observed', lists, lag_days: daysBetween(day, next.date), censored_after_days: null, next_action: next,
    order_uncertain: next.after !== undefined && next.after < day,
  };
}

/**
 * Kaplan-Meier median: the smallest time at which the estimated share of launches still waiting drops to 0.5 or
 * below. Censored times count as at risk up to and including their time (events before censoring at ties).
 */
export function kaplanMeierMedian(obs: readonly { time: number; event: boolean }[]): number | null {
  const times = [...new Set(obs.filter((o) => o.event).map((o) => o.time))].sort((a, b) => a - b);
  let survival = 1;
  for (const t of times) {
    const atRisk = obs.filter((o) => o.time >= t).length;
    const events = obs.filter((o) => o.event && o.time === t).length;
    survival *= 1 - events / atRisk;
    if (survival <= 0.5) return t;
  }
  return null;
}

export function lagStats(lags: readonly Lag[]): LagStats {
  const observed = lags.filter((l) => l.status === 'observed');
  const censored = lags.filter((l) => l.status === 'censored');
  const listSets: Record<string, number> = {};
  for (const l of lags) if (l.status !== 'not_covered') listSets[l.lists.join('+')] = (listSets[l.lists.join('+')] ?? 0) + 1;
  return {
    launches: lags.length,
    observed: observed.length,
    censored: censored.length,
    not_covered: lags.length - observed.length - censored.length,
    median_days: kaplanMeierMedian([
      ...observed.map((l) => ({ time: l.lag_days!, event: true })),
      ...censored.map((l) => ({ time: l.censored_after_days!, event: false })),
    ]),
    median_observed_days: median(observed.map((l) => l.lag_days!)),
    order_uncertain: observed.filter((l) => l.order_uncertain).length,
    list_sets: listSets,
  };
}

export interface Interval {
  /** Previous and next action days. */
  from: IsoDay;
  to: IsoDay;
  days: number;
  /** Lists of the two actions. */
  lists_from: string[];
  lists_to: string[];
  /** Lists whose range spans the whole interval. */
  lists_covering: string[];
  /** False when a list's data starts or ends inside the interval: an action of it may be missing. */
  complete: boolean;
  /** Launch days (and ballistic ones, nuclear tests) after `from` up to and including `to`. */
  launch_days: number;
  ballistic_launch_days: number;
  nuclear_tests: number;
  launch_dates: IsoDay[];
}

/**
 * Launches between consecutive action days: interval (previous action day, next action day], matching the lag rule
 * (a launch on an action's day is before that action). One interval per pair of consecutive distinct action days.
 */
export function intervalsBetween(
  actions: readonly LagAction[], ranges: readonly ListRange[], launches: readonly { date: IsoDay; class: string }[], nuclearTests: readonly { date: IsoDay }[],
): Interval[] {
  const days = [...new Set(actions.map((a) => a.date))].sort();
  const out: Interval[] = [];
  for (let i = 1; i < days.length; i++) {
    const from = days[i - 1];
    const to = days[i];
    const inside = launches.filter((l) => l.date > from && l.date <= to);
    const overlapping = ranges.filter((r) => r.range && r.range.first <= to && r.range.last >= from);
    const covering = overlapping.filter((r) => r.range!.first <= from && r.range!.last >= to);
    out.push({
      from, to, days: daysBetween(from, to),
      lists_from: [...new Set(actions.filter((a) => a.date === from).map((a) => a.list))].sort(),
      lists_to: [...new Set(actions.filter((a) => a.date === to).map((a) => a.list))].sort(),
      lists_covering: covering.map((r) => r.list).sort(),
      complete: covering.length === overlapping.length,
      launch_days: inside.length,
      ballistic_launch_days: inside.filter((l) => l.class === 'ballistic').length,
      nuclear_tests: nuclearTests.filter((n) => n.date > from && n.date <= to).length,
      launch_dates: inside.map((l) => l.date),
    });
  }
  return out;
}
