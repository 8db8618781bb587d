import type { DateRange, IsoDay, SourceCoverage, UnscResolution } from '../../sources/events/types.js';
import { ADMINISTRATIONS } from './administrations.js';
import { SERIES_NOTES, type AnnouncedAction, type SeriesData } from './announced.js';
import { countOver, type CountInput, type Counts } from './counts.js';
import { actionsOfBasis, type DesignationAction, type DesignationProblem, type InitialState } from './designation-actions.js';
import type { ListPressure } from './designations.js';
import { actionsByList, intervalsBetween, lagFrom, lagStats, type Interval, type Lag, type LagAction, type LagStats, type ListRange } from './lag.js';
import type { DataProblem, LaunchEvent, LaunchEvidence, Evidence, NuclearTest, Provocations } from './launches.js';
import type { ListCoverage } from './list-coverage.js';
import { addDays, checkWindow, GRANULARITIES, intersect, periodRange, periodsSpanning, windowRange, type Granularity, type Window } from './periods.js';
import { matchAnnounced, matchResolution, type AnnouncedOut, type ResolutionOut } from './series-match.js';
import { windowWarnings } from './warnings.js';

/**
 * The joined timeline: launches and nuclear tests (provocations) against DPRK-related designation actions
 * (pressure), counted per day/month/quarter/year and per U.S. administration, with response lags. Pure: the data
 * is loaded by service.ts. Shape: docs/timeline.md ("Timeline JSON").
 */

export interface TimelineData {
  provocations: Pick<Provocations, 'launches' | 'nuclearTests' | 'coverage' | 'problems'>;
  pressure: ListPressure;
  series: SeriesData;
}

/** 'any': every DPRK-related designation; 'program': only records with a DPRK tag or UN KP reference. */
export type DesignationBasis = 'any' | 'program';

export interface TimelineOptions extends Window {
  basis?: DesignationBasis;
}

export interface Response {
  any_list: Lag;
  by_list: Record<string, Lag>;
}

export interface LaunchOut {
  date: IsoDay;
  class: LaunchEvent['class'];
  classes: LaunchEvent['classes'];
  missiles: number | null;
  missiles_from: LaunchEvent['missileCountFrom'];
  missile_types: string[];
  outcome: LaunchEvent['outcome'];
  date_quality: LaunchEvent['dateQuality'];
  other_days: IsoDay[];
  administration: string | null;
  sources: LaunchEvent['sources'];
  response: Response;
  evidence: LaunchEvidence[];
}

export interface NuclearTestOut {
  date: IsoDay;
  ordinal: number | null;
  label: string;
  administration: string | null;
  response: Response;
  evidence: Evidence[];
}

/** Counts of one period, with the lag medians of the launches in it (full statistics are in `summary`). */
export type PeriodRow = { period: string; first: IsoDay; last: IsoDay } & Omit<Counts, 'response_lag_all' | 'response_lag_ballistic'> & {
  median_response_lag_days: number | null;
  median_response_lag_days_ballistic: number | null;
  launches_censored: number | null;
};

export type AdministrationRow = { president: string; party: string; start: IsoDay; end: IsoDay | null } & Counts;

export interface Summary {
  launch_days: number | null;
  ballistic_launch_days: number | null;
  launch_days_by_class: Counts['launch_days_by_class'];
  missiles: number | null;
  nuclear_tests: number | null;
  designation_actions: number | null;
  designation_actions_flagged: number | null;
  designation_actions_by_list: Record<string, number | null>;
  designated_entities: number | null;
  designated_records_by_list: Record<string, number | null>;
  /** Kaplan-Meier median days from a launch to the next action of a list covering it (see response_lag). */
  median_response_lag_days: number | null;
  median_response_lag_days_ballistic: number | null;
  /** Plain median of the observed lags (biased low when launches are censored). */
  median_observed_response_lag_days: number | null;
  launches_censored: number | null;
  launches_not_covered: number | null;
  ofac_announced_actions: number;
  unsc_resolutions: number;
}

export interface TimelineReport {
  /** The window as asked (null: open). */
  from: IsoDay | null;
  to: IsoDay | null;
  /** The days actually counted: the window, with open sides closed at the ends of the data. */
  range: DateRange;
  basis: DesignationBasis;
  coverage: {
    events: SourceCoverage[];
    events_range: DateRange | null;
    designations: ListCoverage[];
    series: { ofac_announced: { rows: number; range: DateRange | null; complete: false; note: string }; unsc: { rows: number; range: DateRange | null; note: string } };
    window: { events: Counts['events_coverage']; designations: Counts['designation_coverage'] };
  };
  warnings: string[];
  launches: LaunchOut[];
  nuclear_tests: NuclearTestOut[];
  designations: DesignationAction[];
  /** Entries present in each list's first held version: designated on or before it; not actions. */
  initial_state: InitialState[];
  ofac_announced_actions: AnnouncedOut[];
  unsc_resolutions: ResolutionOut[];
  response_lag: {
    rule: string;
    all_launches: { any_list: LagStats | null; by_list: Record<string, LagStats> };
    ballistic: { any_list: LagStats | null; by_list: Record<string, LagStats> };
    nuclear_tests: { any_list: LagStats | null };
  };
  intervals: { any_list: Interval[]; by_list: Record<string, Interval[]> };
  periods: Record<Granularity, PeriodRow[]>;
  administrations: AdministrationRow[];
  summary: Summary;
  problems: { events: DataProblem[]; designations: DesignationProblem[] };
}

/** The range when there is no data at all and no window side: a placeholder day (every count is then null). */
const NO_DATA_DAY = '1970-01-01';

export const LAG_RULE =
  'days from a launch (KST day) to the next DPRK-related designation action (lag 0 = same day) of the lists whose data covers the launch day; ' +
  'no action until the end of that data = censored; median = Kaplan-Meier median (null when fewer than half of the launches saw an action)';

function spanOf(ranges: readonly (DateRange | null)[], days: readonly IsoDay[] = []): DateRange | null {
  const firsts = [...ranges.flatMap((r) => (r ? [r.first] : [])), ...days].sort();
  const lasts = [...ranges.flatMap((r) => (r ? [r.last] : [])), ...days].sort();
  return firsts.length ? { first: firsts[0], last: lasts.at(-1)! } : null;
}

function lagAction(a: DesignationAction): LagAction {
  return { date: a.date, list: a.list, ...(a.after ? { after: a.after } : {}) };
}

function responder(ranges: ListRange[], actions: DesignationAction[]): (day: IsoDay) => Response {
  const byList = actionsByList(actions.map(lagAction));
  return (day) => ({
    any_list: lagFrom(day, ranges, byList),
    by_list: Object.fromEntries(ranges.filter((r) => r.range).map((r) => [r.list, lagFrom(day, [r], byList)])),
  });
}

function launchOut(l: LaunchEvent, response: Response): LaunchOut {
  return {
    date: l.date, class: l.class, classes: l.classes, missiles: l.missileCount, missiles_from: l.missileCountFrom, missile_types: l.missileTypes,
    outcome: l.outcome, date_quality: l.dateQuality, other_days: l.otherDays, administration: l.administration, sources: l.sources, response,
    evidence: l.evidence,
  };
}

function periodRow(key: string, r: DateRange, c: Counts): PeriodRow {
  const { response_lag_all: all, response_lag_ballistic: ballistic, ...rest } = c;
  return {
    period: key, first: r.first, last: r.last, ...rest,
    median_response_lag_days: all?.median_days ?? null,
    median_response_lag_days_ballistic: ballistic?.median_days ?? null,
    launches_censored: all?.censored ?? null,
  };
}

function periodRows(range: DateRange, g: Granularity, input: CountInput, activeDays: ReadonlySet<IsoDay>): PeriodRow[] {
  const keys = g === 'day' ? [...activeDays].sort() : periodsSpanning(range, g);
  return keys.flatMap((key) => {
    const r = intersect(periodRange(key, g), range);
    return r ? [periodRow(key, r, countOver(r, r, input))] : [];
  });
}

function administrationRows(range: DateRange, input: CountInput): AdministrationRow[] {
  return ADMINISTRATIONS.flatMap((a) => {
    const term = { first: a.start, last: addDays(a.end ?? range.last, -1) };
    const us = intersect(term, range);
    // On the KST calendar a term starts (and ends) a day later: see administrationOn.
    const kst = intersect({ first: addDays(term.first, 1), last: addDays(term.last, 1) }, range);
    if (!us || !kst) return [];
    return [{ president: a.president, party: a.party, start: a.start, end: a.end, ...countOver(kst, us, input) }];
  });
}

function inRange(day: IsoDay, r: DateRange): boolean {
  return r.first <= day && day <= r.last;
}

/** Lag statistics per list for some launches (lists with a range only). */
function statsByList(lists: readonly ListRange[], items: readonly { response: Response }[]): Record<string, LagStats> {
  return Object.fromEntries(lists.filter((r) => r.range).map((r) => [r.list, lagStats(items.map((i) => i.response.by_list[r.list]))]));
}

function summaryOf(c: Counts): Summary {
  return {
    launch_days: c.launch_days,
    ballistic_launch_days: c.ballistic_launch_days,
    launch_days_by_class: c.launch_days_by_class,
    missiles: c.missiles,
    nuclear_tests: c.nuclear_tests,
    designation_actions: c.designation_actions,
    designation_actions_flagged: c.designation_actions_flagged,
    designation_actions_by_list: c.designation_actions_by_list,
    designated_entities: c.designated_entities,
    designated_records_by_list: c.designated_records_by_list,
    median_response_lag_days: c.response_lag_all?.median_days ?? null,
    median_response_lag_days_ballistic: c.response_lag_ballistic?.median_days ?? null,
    median_observed_response_lag_days: c.response_lag_all?.median_observed_days ?? null,
    launches_censored: c.response_lag_all?.censored ?? null,
    launches_not_covered: c.response_lag_all?.not_covered ?? null,
    ofac_announced_actions: c.ofac_announced_actions,
    unsc_resolutions: c.unsc_resolutions,
  };
}

/** Builds the timeline report for a window. Throws TimelineInputError for a bad window. Pure. */
export function buildTimeline(data: TimelineData, opts: TimelineOptions = {}): TimelineReport {
  const window = checkWindow({ from: opts.from, to: opts.to });
  const basis = opts.basis ?? 'any';
  const { provocations: p, pressure, series } = data;
  const actionsAll = actionsOfBasis(pressure.actions, basis);
  const eventsRange = spanOf(p.coverage.map((c) => c.range));
  const listRanges: ListRange[] = pressure.coverage.map((c) => ({ list: c.list, range: c.range }));
  const dataRange = spanOf([eventsRange, ...listRanges.map((r) => r.range)], [...series.announced.map((a) => a.date), ...series.resolutions.map((r) => r.adoptionDate)]);
  const open = window.from ?? window.to ?? NO_DATA_DAY;
  const range = windowRange(window, dataRange ?? { first: open, last: open });

  const respond = responder(listRanges, actionsAll);
  const launchesIn = p.launches.filter((l) => inRange(l.date, range));
  const launches = launchesIn.map((l) => launchOut(l, respond(l.date)));
  const nuclearTests: NuclearTestOut[] = p.nuclearTests.filter((n) => inRange(n.date, range)).map((n: NuclearTest) => ({
    date: n.date, ordinal: n.ordinal, label: n.label, administration: n.administration, response: respond(n.date), evidence: n.evidence,
  }));
  const lagOf = new Map(launches.map((l) => [l.date, l.response.any_list]));
  const input: CountInput = {
    launches: p.launches, nuclearTests: p.nuclearTests, eventsRange, actions: actionsAll, lists: pressure.coverage,
    announced: series.announced, resolutions: series.resolutions, lagOf,
  };
  const counts = countOver(range, range, input);
  const designations = actionsAll.filter((a) => inRange(a.date, range));
  const announced = series.announced.filter((a: AnnouncedAction) => inRange(a.date, range));
  const resolutions = series.resolutions.filter((r: UnscResolution) => inRange(r.adoptionDate, range));
  const activeDays = new Set<IsoDay>([...launches.map((l) => l.date), ...nuclearTests.map((n) => n.date), ...designations.map((a) => a.date), ...announced.map((a) => a.date), ...resolutions.map((r) => r.adoptionDate)]);

  const ballistic = launches.filter((l) => l.class === 'ballistic');
  const overlaps = (iv: Interval) => iv.from <= range.last && iv.to >= range.first;
  const intervalsOf = (actions: DesignationAction[], ranges: ListRange[]) => intervalsBetween(actions.map(lagAction), ranges, p.launches, p.nuclearTests).filter(overlaps);

  return {
    from: window.from ?? null,
    to: window.to ?? null,
    range,
    basis,
    coverage: {
      events: p.coverage,
      events_range: eventsRange,
      designations: pressure.coverage,
      series: {
        ofac_announced: { rows: series.announced.length, range: spanOf([], series.announced.map((a) => a.date)), complete: false, note: SERIES_NOTES.ofac_announced },
        unsc: { rows: series.resolutions.length, range: spanOf([], series.resolutions.map((r) => r.adoptionDate)), note: SERIES_NOTES.unsc },
      },
      window: { events: counts.events_coverage, designations: counts.designation_coverage },
    },
    warnings: windowWarnings({ window, range, eventsCoverage: p.coverage, eventsRange, lists: pressure.coverage, initialState: pressure.initialState, counts }),
    launches,
    nuclear_tests: nuclearTests,
    designations,
    initial_state: pressure.initialState,
    ofac_announced_actions: announced.map((a) => matchAnnounced(a, pressure.actions, pressure.coverage)),
    unsc_resolutions: resolutions.map((r) => matchResolution(r, p.launches, p.nuclearTests, pressure.actions)),
    response_lag: {
      rule: LAG_RULE,
      all_launches: { any_list: counts.response_lag_all, by_list: statsByList(listRanges, launches) },
      ballistic: { any_list: counts.response_lag_ballistic, by_list: statsByList(listRanges, ballistic) },
      nuclear_tests: { any_list: nuclearTests.length ? lagStats(nuclearTests.map((n) => n.response.any_list)) : null },
    },
    intervals: {
      any_list: intervalsOf(actionsAll, listRanges),
      by_list: Object.fromEntries(listRanges.filter((r) => r.range).map((r) => [r.list, intervalsOf(actionsAll.filter((a) => a.list === r.list), [r])])),
    },
    periods: Object.fromEntries(GRANULARITIES.map((g) => [g, periodRows(range, g, input, activeDays)])) as Record<Granularity, PeriodRow[]>,
    administrations: administrationRows(range, input),
    summary: summaryOf(counts),
    problems: { events: p.problems, designations: pressure.problems },
  };
}
