import type { Command } from 'commander';
import { writeFile } from 'node:fs/promises';
import Table from 'cli-table3';
import type { TimelineReport } from '../../../analyses/timeline/analysis.js';
import { timelineCsv } from '../../../analyses/timeline/csv-export.js';
import { checkWindow, TimelineInputError, type Granularity } from '../../../analyses/timeline/periods.js';
import { eventsDataDir, TimelineService } from '../../../analyses/timeline/service.js';
import { printJson, UserError, withStore, type GlobalFlags } from '../context.js';

interface TimelineFlags {
  from?: string;
  to?: string;
  json?: boolean;
  csv?: string;
  by: string;
  programOnly?: boolean;
  eventsDir?: string;
}

const TABLE_GRANULARITIES: readonly Granularity[] = ['month', 'quarter', 'year'];
/** Designation actions listed in the text output before "… more". */
const ACTIONS_SHOWN = 60;

const dash = (v: number | null | undefined) => (v === null || v === undefined ? '–' : String(v));

function render(r: TimelineReport, by: Granularity): string {
  const s = r.summary;
  const lists = r.coverage.designations.filter((c) => c.range).map((c) => c.list);
  const out: string[] = [
    `Timeline ${r.range.first} to ${r.range.last}  (designations: ${r.basis === 'any' ? 'all DPRK-related' : 'DPRK-tagged records only'}; – = no data, not zero)`,
    ...r.warnings.map((w) => `  ! ${w}`),
    '',
    `launch days ${dash(s.launch_days)} (ballistic ${dash(s.ballistic_launch_days)}), missiles ${dash(s.missiles)}, nuclear tests ${dash(s.nuclear_tests)}`,
    `designation actions ${dash(s.designation_actions)} (${Object.entries(s.designation_actions_by_list).map(([l, n]) => `${l} ${dash(n)}`).join(', ')}; ${dash(s.designation_actions_flagged)} flagged), designated entities ${dash(s.designated_entities)}`,
    `median response lag ${dash(s.median_response_lag_days)} days (ballistic ${dash(s.median_response_lag_days_ballistic)}; observed-only median ${dash(s.median_observed_response_lag_days)}; ${dash(s.launches_censored)} launches censored, ${dash(s.launches_not_covered)} not covered)`,
    `OFAC announced actions (hand-compiled seed) ${s.ofac_announced_actions}, UNSC resolutions ${s.unsc_resolutions}`,
    '',
  ];
  const periods = new Table({ head: [by, 'launch days', 'ballistic', 'missiles', 'nuclear', ...lists.map((l) => `actions ${l}`), 'entities', 'median lag'] });
  for (const p of r.periods[by]) {
    if (!p.launch_days && !p.designation_actions && !p.nuclear_tests) continue;
    periods.push([p.period, dash(p.launch_days), dash(p.ballistic_launch_days), dash(p.missiles), dash(p.nuclear_tests),
      ...lists.map((l) => dash(p.designation_actions_by_list[l])), dash(p.designated_entities), dash(p.median_response_lag_days)]);
  }
  out.push(`Per ${by} (periods with neither launches nor actions left out):`, periods.toString(), '');
  const admins = new Table({ head: ['administration', 'from', 'launch days', 'ballistic', 'nuclear', 'actions', 'entities', 'median lag', 'censored'] });
  for (const a of r.administrations) {
    admins.push([a.president, a.start, dash(a.launch_days), dash(a.ballistic_launch_days), dash(a.nuclear_tests), dash(a.designation_actions),
      dash(a.designated_entities), dash(a.response_lag_all?.median_days), dash(a.response_lag_all?.censored)]);
  }
  out.push(admins.toString(), '', 'Designation actions:');
  for (const a of r.designations.slice(0, ACTIONS_SHOWN)) {
    const when = a.date_precision === 'between' ? `${a.date} (after ${a.after})` : a.date;
    out.push(`  ${when}  ${a.list}  ${a.entities.length} records  ${a.programs.join(' ')}${a.flagged.length ? `  [${a.flagged.length} flagged: other programme, DPRK-related]` : ''}`);
  }
  if (r.designations.length > ACTIONS_SHOWN) out.push(`  … ${r.designations.length - ACTIONS_SHOWN} more (--json)`);
  for (const i of r.initial_state.filter((x) => x.on_or_before >= r.range.first && x.on_or_before <= r.range.last)) out.push(`  initial state: ${i.entities.length} DPRK-related ${i.list} entries on or before ${i.on_or_before} (${i.version}), not actions`);
  return `${out.join('\n')}\n`;
}

export function registerTimeline(program: Command): void {
  program
    .command('timeline')
    .description('DPRK launches and nuclear tests against DPRK-related designation actions: counts, response lags, per administration')
    .option('--from <date>', 'first day (YYYY-MM-DD)')
    .option('--to <date>', 'last day (YYYY-MM-DD)')
    .option('--json', 'the timeline JSON (pinned shape, see docs/timeline.md)')
    .option('--csv <file>', "write one row per period with the counts ('-' = standard output)")
    .option('--by <period>', `periods of the table and the CSV: ${TABLE_GRANULARITIES.join(', ')}`, 'month')
    .option('--program-only', 'count only designated records that carry a DPRK tag or UN KP reference themselves')
    .option('--events-dir <dir>', 'folder holding events/, un/ and actions/ (also CHOKEPOINT_EVENTS; default the shared data folder)')
    .action(async (opts: TimelineFlags, cmd: Command) => {
      const by = opts.by as Granularity;
      if (!TABLE_GRANULARITIES.includes(by)) throw new UserError(`--by ${opts.by}: one of ${TABLE_GRANULARITIES.join(', ')}`, 2);
      try {
        checkWindow({ from: opts.from, to: opts.to });
      } catch (err) {
        if (err instanceof TimelineInputError) throw new UserError(err.message, 2);
        throw err;
      }
      await withStore(cmd.optsWithGlobals<GlobalFlags>(), async (db) => {
        const service = new TimelineService(db, eventsDataDir(opts.eventsDir));
        const report = await service.report({ from: opts.from, to: opts.to, basis: opts.programOnly ? 'program' : 'any' });
        if (opts.csv === '-') return void process.stdout.write(timelineCsv(report, by));
        if (opts.csv) {
          await writeFile(opts.csv, timelineCsv(report, by));
          process.stderr.write(`wrote ${report.periods[by].length} ${by} rows to ${opts.csv}\n`);
        }
        if (opts.json) printJson(report);
        else process.stdout.write(render(report, by));
      });
    });
}
