import type { PeriodRow, TimelineReport } from './analysis.js';
import { LAUNCH_CLASSES } from './counts.js';

/**
 * The timeline as CSV: one row per period (month by default) with the counts. An empty cell means "no data for
 * that period" (outside the sources' range), never zero. Pure.
 */

type Column = { name: string; value: (r: PeriodRow) => string | number | null };

function joined(values: readonly string[]): string {
  return values.join(' ');
}

/** Columns of the fixed part; one actions and one records column per list follow. */
const FIXED_COLUMNS: readonly Column[] = [
  { name: 'period', value: (r) => r.period },
  { name: 'first_day', value: (r) => r.first },
  { name: 'last_day', value: (r) => r.last },
  { name: 'events_coverage', value: (r) => r.events_coverage },
  { name: 'launch_days', value: (r) => r.launch_days },
  ...LAUNCH_CLASSES.map((c): Column => ({ name: `launch_days_${c}`, value: (r) => r.launch_days_by_class?.[c] ?? null })),
  { name: 'missiles', value: (r) => r.missiles },
  { name: 'launch_days_missiles_unknown', value: (r) => r.launch_days_missiles_unknown },
  { name: 'nuclear_tests', value: (r) => r.nuclear_tests },
  { name: 'designation_coverage', value: (r) => r.designation_coverage },
  { name: 'designation_lists', value: (r) => joined(r.designation_lists) },
  { name: 'designation_lists_missing', value: (r) => joined(r.designation_lists_missing) },
  { name: 'designation_actions', value: (r) => r.designation_actions },
  { name: 'designation_actions_flagged', value: (r) => r.designation_actions_flagged },
  { name: 'designated_entities', value: (r) => r.designated_entities },
  { name: 'median_response_lag_days', value: (r) => r.median_response_lag_days },
  { name: 'median_response_lag_days_ballistic', value: (r) => r.median_response_lag_days_ballistic },
  { name: 'launches_censored', value: (r) => r.launches_censored },
  { name: 'ofac_announced_actions', value: (r) => r.ofac_announced_actions },
  { name: 'unsc_resolutions', value: (r) => r.unsc_resolutions },
];

function cell(v: string | number | null): string {
  if (v === null) return '';
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** CSV text (header + one row per period of `granularity`), lines ending in \n. */
export function timelineCsv(report: TimelineReport, granularity: keyof TimelineReport['periods'] = 'month'): string {
  const lists = report.coverage.designations.filter((c) => c.range).map((c) => c.list);
  const columns: Column[] = [
    ...FIXED_COLUMNS,
    ...lists.flatMap((l): Column[] => [
      { name: `actions_${l}`, value: (r) => r.designation_actions_by_list[l] ?? null },
      { name: `records_${l}`, value: (r) => r.designated_records_by_list[l] ?? null },
    ]),
  ];
  const lines = [columns.map((c) => c.name).join(','), ...report.periods[granularity].map((r) => columns.map((c) => cell(c.value(r))).join(','))];
  return `${lines.join('\n')}\n`;
}
