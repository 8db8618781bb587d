import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { packageRoot, sharedDataDir } from '../../src/config/paths.js';
import { freshPglite } from '../helpers/db.js';
import { update } from '../../src/ingest/update.js';
import { SourceError } from '../../src/sources/types.js';
import { CNS_FILE, CSIS_FILE, NAGIX_DIR, parseCns } from '../../src/sources/events/index.js';
import { buildTimeline, type TimelineData } from '../../src/analyses/timeline/analysis.js';
import { OFAC_ACTIONS_FILE } from '../../src/analyses/timeline/announced.js';
import { timelineCsv } from '../../src/analyses/timeline/csv-export.js';
import type { DesignationAction } from '../../src/analyses/timeline/designation-actions.js';
import { kaplanMeierMedian } from '../../src/analyses/timeline/lag.js';
import type { LaunchClass } from '../../src/analyses/timeline/classify.js';
import type { LaunchEvent, NuclearTest } from '../../src/analyses/timeline/launches.js';
import type { ListCoverage } from '../../src/analyses/timeline/list-coverage.js';
import { TimelineInputError } from '../../src/analyses/timeline/periods.js';
import { TimelineService } from '../../src/analyses/timeline/service.js';
import { administrationOn } from '../../src/analyses/timeline/administrations.js';
import { ScreeningService } from '../../src/analyses/screening/service.js';
import { timelineRoutes } from '../../src/surfaces/api/routes/timeline.js';
import { handleError } from '../../src/surfaces/api/errors.js';
import { router } from '../../src/surfaces/api/router.js';
import type { Services } from '../../src/surfaces/api/services.js';
import { Command } from 'commander';
import { registerTimeline } from '../../src/surfaces/cli/commands/timeline.js';
import { UserError } from '../../src/surfaces/cli/context.js';

/** The routes mounted as app.ts mounts routers (its error handler turns HttpError into the JSON error body). */
function mounted(s: Services, dataDir: string) {
  const app = router();
  app.onError(handleError);
  app.route('/', timelineRoutes(s, { dataDir }));
  return app;
}

// ---- a hand-made fixture: every number below is worked out by hand in the comments ----------------------------

function launch(date: string, cls: LaunchClass, missiles: number | null): LaunchEvent {
  return {
    date, year: Number(date.slice(0, 4)), dayBasis: 'local-date', dateQuality: 'exact', otherDays: [], class: cls,
    classDecision: { kind: 'csis-label', rule: 'fixture', rowId: `csis:${date}#1`, matched: null }, classes: [cls], classConflicts: [],
    missileTypes: [], missileNames: [], facilities: [], outcome: 'unknown', missileCount: missiles, missileCountFrom: missiles === null ? null : 'csis-text',
    administration: administrationOn(date, 'KST')?.president ?? null, sources: ['csis'],
    evidence: [{ source: 'csis', rowId: `csis:${date}#1`, file: 'fixture.csv', line: 2, fields: { date }, kstDay: date, dayBasis: 'local-date', class: cls, classRule: 'fixture' }],
  };
}

function act(list: string, date: string, records: [id: string, entity: string, flagged: boolean][], after?: string): DesignationAction {
  const flagged = records.filter((r) => r[2]).map((r) => r[0]);
  return {
    date, date_precision: after ? 'between' : 'exact', ...(after ? { after } : {}), list, entities: records.map((r) => r[0]),
    records: Object.fromEntries(records.map(([id, entity, f]) => [id, { caption: id, schema: 'Organization', programs: [f ? 'NPWMD' : 'DPRK3'], entity, basis: f ? 'related' as const : 'program' as const }])),
    programs: [...new Set(records.map((r) => (r[2] ? 'NPWMD' : 'DPRK3')))].sort(),
    dprk_reasons: Object.fromEntries(records.map(([id, , f]) => [id, [{ kind: f ? 'nationality' as const : 'program' as const, detail: f ? 'kp' : 'DPRK3', record: id, strong: !f }]])),
    dprk_basis: flagged.length === records.length ? 'related' : 'program', flagged, administration: 'Joe Biden',
    evidence: records.map(([id]) => ({ source: 'list_date' as const, record: id, field: 'LISTED_ON', value: date, version: `${list}@fixture` })),
  };
}

function coverage(list: string, first: string, last: string): ListCoverage {
  return { list, source: list, versions: [], dated_by: ['list_date'], range: { first, last }, change_log: null, note: 'fixture' };
}

const NUCLEAR: NuclearTest = { date: '2022-06-01', year: 2022, ordinal: null, knownTest: false, label: 'test', description: '', administration: 'Joe Biden', evidence: [] };

/**
 * Events 2022 (CSIS range 2022-01-01..2022-12-31). Launches: 01-05 ballistic (2 missiles), 01-11 ballistic (1),
 * 02-01 cruise (unknown count), 03-10 ballistic (3), 11-20 satellite (1); a nuclear test on 06-01.
 * L1 (stated days, covers all 2022): 01-12 records a (entity Ea), b (Eb); 03-10 record c (Ec).
 * L2 (covers 2022-01-01..06-30): between 01-30 and 02-15, record d (entity Eb again), flagged (other programme).
 */
function fixture(): TimelineData {
  return {
    provocations: {
      launches: [launch('2022-01-05', 'ballistic', 2), launch('2022-01-11', 'ballistic', 1), launch('2022-02-01', 'cruise', null), launch('2022-03-10', 'ballistic', 3), launch('2022-11-20', 'satellite', 1)],
      nuclearTests: [NUCLEAR],
      coverage: [{ source: 'csis', files: ['fixture.csv'], rows: 6, range: { first: '2022-01-01', last: '2022-12-31' } }],
      problems: [],
    },
    pressure: {
      actions: [act('L1', '2022-01-12', [['a', 'Ea', false], ['b', 'Eb', false]]), act('L2', '2022-02-15', [['d', 'Eb', true]], '2022-01-30'), act('L1', '2022-03-10', [['c', 'Ec', false]])],
      initialState: [],
      coverage: [coverage('L1', '2022-01-01', '2022-12-31'), coverage('L2', '2022-01-01', '2022-06-30')],
      problems: [],
    },
    series: { announced: [], resolutions: [] },
  };
}

test('fixture: summary, lags, censoring and medians, exactly', () => {
  const r = buildTimeline(fixture());
  assert.deepEqual(r.range, { first: '2022-01-01', last: '2022-12-31' });
  const s = r.summary;
  assert.equal(s.launch_days, 5);
  assert.equal(s.ballistic_launch_days, 3);
  assert.deepEqual(s.launch_days_by_class, { ballistic: 3, cruise: 1, satellite: 1, other: 0 });
  assert.equal(s.missiles, 7, '2 + 1 + 3 + 1; the cruise day gives no count');
  assert.equal(s.nuclear_tests, 1);
  assert.equal(s.designation_actions, 3);
  assert.equal(s.designation_actions_flagged, 1);
  assert.deepEqual(s.designation_actions_by_list, { L1: 2, L2: 1 });
  assert.equal(s.designated_entities, 3, 'targets Ea, Eb, Ec (d is Eb again)');
  assert.deepEqual(s.designated_records_by_list, { L1: 3, L2: 1 });
  // Any list: 01-05 -> L1 01-12 = 7; 01-11 -> 1; 02-01 -> L2 02-15 = 14 (its interval starts 01-30: may precede the
  // launch); 03-10 -> L1 same day = 0; 11-20: only L1 covers it, no action to 12-31 -> censored after 41 days.
  const lag = (day: string) => r.launches.find((l) => l.date === day)!.response.any_list;
  assert.deepEqual(['2022-01-05', '2022-01-11', '2022-02-01', '2022-03-10'].map((d) => lag(d).lag_days), [7, 1, 14, 0]);
  assert.equal(lag('2022-02-01').order_uncertain, true);
  assert.equal(lag('2022-01-05').order_uncertain, false);
  assert.deepEqual(lag('2022-11-20'), { status: 'censored', lists: ['L1'], lag_days: null, censored_after_days: 41, next_action: null, order_uncertain: false });
  // Kaplan-Meier over 0, 1, 7, 14 and 41+: S(0) = 4/5, S(1) = 3/5, S(7) = 2/5 <= 1/2 -> median 7.
  assert.equal(s.median_response_lag_days, 7);
  assert.equal(s.median_observed_response_lag_days, 4, 'plain median of 0, 1, 7, 14');
  assert.equal(s.launches_censored, 1);
  assert.equal(s.launches_not_covered, 0);
  // Ballistic: 7, 1, 0 -> S(0) = 2/3, S(1) = 1/3 -> median 1.
  assert.equal(s.median_response_lag_days_ballistic, 1);
  // Per list. L1: 7, 1, 37, 0, 41+ -> median 7. L2 (to 06-30): 41, 35, 14, 03-10 censored after 112 days, 11-20 not covered.
  const l2 = r.response_lag.all_launches.by_list.L2;
  assert.deepEqual([l2.observed, l2.censored, l2.not_covered, l2.median_days, l2.median_observed_days], [3, 1, 1, 35, 35]);
  assert.equal(r.response_lag.all_launches.by_list.L1.median_days, 7);
  // The nuclear test of 06-01: L1 and L2 cover it; none acts by 06-30 (L2's end) -> censored after 29 days.
  assert.deepEqual([r.nuclear_tests[0].response.any_list.status, r.nuclear_tests[0].response.any_list.censored_after_days], ['censored', 29]);
});

test('fixture: launches between actions, periods, administrations, the program-only basis', () => {
  const r = buildTimeline(fixture());
  assert.deepEqual(r.intervals.any_list.map((i) => [i.from, i.to, i.launch_days, i.ballistic_launch_days, i.complete]),
    [['2022-01-12', '2022-02-15', 1, 0, true], ['2022-02-15', '2022-03-10', 1, 1, true]]);
  assert.deepEqual(r.intervals.by_list.L1.map((i) => [i.from, i.to, i.launch_dates]), [['2022-01-12', '2022-03-10', ['2022-02-01', '2022-03-10']]]);
  const month = (key: string) => r.periods.month.find((p) => p.period === key)!;
  assert.equal(r.periods.month.length, 12);
  assert.deepEqual([month('2022-01').launch_days, month('2022-01').missiles, month('2022-01').designation_actions, month('2022-01').designated_entities], [2, 3, 1, 2]);
  assert.equal(month('2022-01').median_response_lag_days, 1, 'lags 7 and 1: S(1) = 1/2');
  assert.deepEqual(month('2022-07').designation_actions_by_list, { L1: 0, L2: null }, 'L2 has no data after June: null, not 0');
  assert.deepEqual(month('2022-07').designation_lists_missing, ['L2']);
  assert.deepEqual(r.periods.quarter.map((q) => q.launch_days), [4, 0, 0, 1]);
  assert.deepEqual(r.periods.year.map((y) => [y.period, y.launch_days, y.designation_actions]), [['2022', 5, 3]]);
  assert.deepEqual(r.periods.day.map((d) => d.period), ['2022-01-05', '2022-01-11', '2022-01-12', '2022-02-01', '2022-02-15', '2022-03-10', '2022-06-01', '2022-11-20']);
  assert.deepEqual(r.administrations.map((a) => [a.president, a.launch_days, a.designation_actions]), [['Joe Biden', 5, 3]]);

  const strict = buildTimeline(fixture(), { basis: 'program' });
  assert.equal(strict.summary.designation_actions, 2, 'the L2 action holds only a flagged record');
  assert.equal(strict.launches.find((l) => l.date === '2022-02-01')!.response.any_list.lag_days, 37);
});

test('fixture: bad windows are refused; windows outside the data say so instead of reporting zero', () => {
  assert.throws(() => buildTimeline(fixture(), { from: '2022-06-01', to: '2022-01-01' }), (e: unknown) => e instanceof TimelineInputError && /after --to/.test(e.message));
  assert.throws(() => buildTimeline(fixture(), { from: '2022-02-30' }), TimelineInputError);
  const out = buildTimeline(fixture(), { from: '2030-01-01', to: '2030-12-31' });
  assert.equal(out.summary.launch_days, null);
  assert.equal(out.summary.designation_actions, null);
  assert.equal(out.summary.median_response_lag_days, null);
  assert.ok(out.warnings.some((w) => /no launch or nuclear-test data covers 2030-01-01 to 2030-12-31.*unknown, not zero/.test(w)), out.warnings.join('\n'));
  assert.ok(out.warnings.some((w) => /no designation data covers.*unknown, not zero/.test(w)));
  const partial = buildTimeline(fixture(), { from: '2021-12-01', to: '2022-01-31' });
  assert.equal(partial.coverage.window.events, 'partial');
  assert.ok(partial.warnings.some((w) => /launch data covers only 2022-01-01 to 2022-12-31/.test(w)));
  assert.equal(partial.periods.month[0].launch_days, null);
  assert.equal(partial.summary.launch_days, 2);
  const csv = parse(timelineCsv(partial), { columns: true }) as Record<string, string>[];
  assert.deepEqual(csv.map((row) => [row.period, row.launch_days, row.designation_actions, row.actions_L1]), [['2021-12', '', '', ''], ['2022-01', '2', '1', '1']]);
});

test('CLI: a reversed or malformed window is a usage error (exit 2) before the store is opened', async () => {
  for (const args of [['--from', '2023-01-01', '--to', '2022-01-01'], ['--to', '2022-02-30'], ['--by', 'week']]) {
    const program = new Command('chokepoint').exitOverride();
    registerTimeline(program);
    await assert.rejects(program.parseAsync(['node', 'chokepoint', 'timeline', ...args]), (e: unknown) => e instanceof UserError && e.exitCode === 2 && /after --to|YYYY-MM-DD|--by week/.test(e.message), args.join(' '));
  }
});

// ---- the staged data ----------------------------------------------------------------------------------------------

const data = sharedDataDir();

/** A copy of the event data folder in which one file is replaced. */
function dataWith(replace: string, content: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'cp-timeline-'));
  for (const sub of ['events/nagix-nk-missile-tests', 'events/cns-missile-test-database', 'events/csis-provocations', 'un', 'actions']) {
    cpSync(join(data, sub), join(dir, sub), { recursive: true, dereference: true });
  }
  writeFileSync(join(dir, replace), content);
  return dir;
}

test('the timeline on the staged data', async (t) => {
  const db = await freshPglite();
  try {
    await update(db, { mirror: join(data, 'lists') });
    const service = new TimelineService(db, data);
    const all = await service.report();

    await t.test('the six nuclear tests, each traced to its CSIS row', () => {
      assert.deepEqual(all.nuclear_tests.map((n) => [n.ordinal, n.date]),
        [[1, '2006-10-09'], [2, '2009-05-25'], [3, '2013-02-12'], [4, '2016-01-06'], [5, '2016-09-09'], [6, '2017-09-03']]);
      assert.equal(all.summary.nuclear_tests, 6);
      const lines = readFileSync(join(data, CSIS_FILE), 'utf8').split('\n');
      for (const n of all.nuclear_tests) {
        const ev = n.evidence[0];
        assert.equal(ev.file, CSIS_FILE, 'evidence names files relative to the data folder');
        assert.ok(lines[ev.line - 1].startsWith(`${n.date},Nuclear Provocation,`), `line ${ev.line}: ${lines[ev.line - 1].slice(0, 60)}`);
      }
      // 2017-09-03: the UN answered on 2017-09-11 (resolution 2375), 8 days later.
      assert.deepEqual(all.nuclear_tests[5].response.any_list.next_action, { date: '2017-09-11', list: 'un_sc_sanctions' });
    });

    await t.test('launch days per year (docs/timeline.md) and a real zero in 2018', () => {
      const year = (y: string) => all.periods.year.find((p) => p.period === y)!;
      const expected: Record<string, number> = { 2014: 16, 2015: 10, 2016: 20, 2017: 17, 2018: 0, 2019: 14, 2020: 6, 2021: 8, 2022: 37, 2023: 26, 2024: 22, 2025: 19, 2026: 16 };
      for (const [y, n] of Object.entries(expected)) assert.equal(year(y).launch_days, n, y);
      assert.equal(year('2018').events_coverage, 'full');
      assert.equal(all.summary.launch_days, 255);
      assert.equal(all.summary.ballistic_launch_days, 171);
      assert.equal(all.periods.year.reduce((n, p) => n + (p.launch_days ?? 0), 0), all.summary.launch_days, 'years add up to the total');
    });

    await t.test('designations in the window where OFAC and UN data overlap; lags checked by date arithmetic', async () => {
      const r = await service.report({ from: '2021-07-07', to: '2024-05-03' });
      assert.equal(r.summary.designation_actions, 21);
      assert.deepEqual(r.summary.designation_actions_by_list, { gb_hmt_sanctions: null, un_sc_sanctions: 0, us_ofac_sdn: 21 });
      assert.equal(r.summary.designation_actions, r.designations.length);
      assert.equal(r.summary.designated_entities, new Set(r.designations.flatMap((a) => a.entities.map((id) => a.records[id].entity ?? id))).size);
      assert.equal(r.summary.designated_entities, 94, '72 DPRK-tagged + 22 flagged OFAC additions');
      const lag = (day: string) => r.launches.find((l) => l.date === day)!.response.any_list;
      assert.deepEqual([lag('2022-01-05').lag_days, lag('2022-01-05').next_action?.date], [7, '2022-01-12']);
      assert.deepEqual([lag('2022-01-11').lag_days, lag('2022-01-11').order_uncertain], [1, true], 'dated between the 01-10 and 01-12 scrapes');
      assert.deepEqual([lag('2021-10-19').lag_days, lag('2021-10-19').next_action?.date], [52, '2021-12-10']);
      // The median is the Kaplan-Meier median of the per-launch lags shown.
      const obs = r.launches.map((l) => l.response.any_list).map((x) => ({ time: (x.lag_days ?? x.censored_after_days)!, event: x.status === 'observed' }));
      assert.equal(r.summary.median_response_lag_days, kaplanMeierMedian(obs));
      assert.equal(r.summary.median_response_lag_days, 18, 'regression value on the staged data');
      assert.deepEqual(r.response_lag.all_launches.any_list?.list_sets, { 'un_sc_sanctions+us_ofac_sdn': 80 });
      assert.equal(r.administrations.length, 1);
      assert.equal(r.administrations[0].president, 'Joe Biden');
      assert.ok(r.warnings.some((w) => /502 DPRK-related us_ofac_sdn entries present in its first held version ofac@2021-07-07.*not counted as actions/.test(w)));
    });

    await t.test('evidence traced to the source rows: a sample of launches and of designation actions', async () => {
      const csisLines = readFileSync(join(data, CSIS_FILE), 'utf8').split('\n');
      const nagixLines = readFileSync(join(data, NAGIX_DIR, 'test.en.json'), 'utf8').split('\n');
      const cnsRows = new Map((await parseCns(join(data, CNS_FILE))).map((c) => [c.rowId, c]));
      const sample = all.launches.filter((_, i) => i % 7 === 0);
      assert.ok(sample.length > 30);
      for (const l of sample) {
        for (const ev of l.evidence) {
          if (ev.source === 'csis') assert.ok(csisLines[ev.line - 1].startsWith(`${ev.fields.date},`), ev.rowId);
          else if (ev.source === 'nagix') assert.match(nagixLines[ev.line - 1], new RegExp(`"date": "${String(ev.fields.date).slice(0, 7)}`), ev.rowId);
          else assert.equal(cnsRows.get(ev.rowId)?.line, ev.line, ev.rowId);
        }
        assert.equal(l.missiles === null, l.missiles_from === null);
      }
      // OFAC 2022-01-12: each change-log row is in the derived file; each version diff holds in the version files.
      const a = all.designations.find((x) => x.list === 'us_ofac_sdn' && x.date === '2022-01-12')!;
      const log = parse(readFileSync(join(data, 'lists', 'ofac', 'derived', 'sdn_changes_2021-08-18_2024-05-03.csv')), { columns: true }) as Record<string, string>[];
      const entNums = (version: string) => new Set(readFileSync(join(data, 'lists', 'ofac', version, 'sdn.csv'), 'latin1').split('\r\n').map((line) => line.split(',')[0]));
      const versions = new Map(['2022-01-10', '2022-01-12'].map((v) => [`ofac@${v}`, entNums(v)]));
      for (const ev of a.evidence) {
        const ent = ev.record.replace('ofac-', '');
        if (ev.source === 'change_log') {
          assert.ok(log.some((row) => row.date === ev.date && row.previous_date === ev.previous_date && row.change === 'added' && row.ent_num === ent && row.Program === ev.program), ev.record);
        } else if (ev.source === 'version_diff') {
          assert.ok(!versions.get(ev.absent_in)!.has(ent) && versions.get(ev.present_in)!.has(ent), ev.record);
        } else assert.fail(`unexpected evidence ${ev.source}`);
      }
      // UN 2017-12-22: each LISTED_ON is in the version file it cites.
      const un = all.designations.find((x) => x.list === 'un_sc_sanctions' && x.date === '2017-12-22')!;
      for (const ev of un.evidence) {
        assert.equal(ev.source, 'list_date');
        if (ev.source !== 'list_date') continue;
        const xml = readFileSync(join(data, 'lists', 'un', ev.version.replace('un@', ''), 'consolidated.xml'), 'utf8');
        const ref = ev.record.replace('un-', '');
        const entry = xml.slice(xml.indexOf(`<REFERENCE_NUMBER>${ref}`) - 2000, xml.indexOf(`<REFERENCE_NUMBER>${ref}`) + 2000);
        assert.match(entry, new RegExp(`<REFERENCE_NUMBER>${ref.replace('.', '\\.')}\\s*</REFERENCE_NUMBER>[\\s\\S]*?<LISTED_ON>2017-12-22</LISTED_ON>`), ev.record);
      }
    });

    await t.test('the hand-compiled series stay apart, tied to the list data where it reaches', () => {
      assert.equal(all.summary.ofac_announced_actions, 9);
      const may = all.ofac_announced_actions.find((a) => a.date === '2022-05-27')!;
      assert.equal(may.list_coverage, true);
      assert.deepEqual(may.list_action?.entities.length, 4, '1 individual and 3 entities, as the compiled row says');
      const march = all.ofac_announced_actions.find((a) => a.date === '2019-03-21')!;
      assert.deepEqual([march.list_coverage, march.list_action], [false, null]);
      assert.ok(march.evidence.urls.length > 0 && march.evidence.file.endsWith(OFAC_ACTIONS_FILE));
      const r2397 = all.unsc_resolutions.find((r) => r.resolution === 2397)!;
      assert.deepEqual(r2397.triggers[0].events.map((e) => [e.kind, e.date]), [['launch', '2017-11-29']], 'U.S. date 11-28 = KST 11-29 (Hwasong-15)');
      assert.equal(r2397.un_listings_on_adoption?.entities.length, 17);
      const r2094 = all.unsc_resolutions.find((r) => r.resolution === 2094)!;
      assert.deepEqual(r2094.triggers[0].events.map((e) => e.kind), ['nuclear_test']);
    });

    await t.test('windows: outside the data, reversed', async () => {
      const before = await service.report({ from: '1900-01-01', to: '1900-12-31' });
      assert.equal(before.summary.launch_days, null);
      assert.equal(before.summary.designation_actions, null);
      assert.equal(before.warnings.filter((w) => /unknown, not zero/.test(w)).length, 2);
      await assert.rejects(service.report({ from: '2023-01-01', to: '2022-01-01' }), TimelineInputError);
    });

    await t.test('bad input: a missing events folder, a malformed events file, a malformed actions file', async () => {
      await assert.rejects(new TimelineService(db, join(tmpdir(), 'no-such-chokepoint-data')).report(), (e: unknown) => e instanceof SourceError && /event data folder not found/.test(e.message));
      const badCsis = dataWith(CSIS_FILE, readFileSync(join(packageRoot(), 'test', 'fixtures', 'events', 'csis-bad-date.csv'), 'utf8'));
      const badActions = dataWith(OFAC_ACTIONS_FILE, 'action_date,authority_notes,individuals_designated,entities_designated,vessels_designated_or_identified,other,summary,source_urls,verification\n2016-02-31,x,1,,,,s,u,v\n');
      try {
        await assert.rejects(new TimelineService(db, badCsis).report(), (e: unknown) => e instanceof SourceError && e.file === join(badCsis, CSIS_FILE) && e.line !== undefined && /date/.test(e.reason));
        await assert.rejects(new TimelineService(db, badActions).report(), (e: unknown) => e instanceof SourceError && e.line === 2 && /action_date: not a valid YYYY-MM-DD date/.test(e.reason));
      } finally {
        for (const d of [badCsis, badActions]) rmSync(d, { recursive: true, force: true });
      }
    });

    await t.test('HTTP: GET /timeline and /timeline.csv; 400 for a bad window, 503 without event data', async () => {
      const services: Services = { db, screening: new ScreeningService(), ready: true, startedAt: new Date() };
      const app = mounted(services, data);
      const res = await app.request('/timeline?from=2022-01-01&to=2022-12-31');
      assert.equal(res.status, 200);
      const body = await res.json() as { summary: Record<string, unknown>; launches: { date: string; class: string; missiles: unknown; sources: unknown; evidence: unknown[] }[]; designations: { date: string; list: string; entities: string[]; programs: string[]; dprk_reasons: object }[]; nuclear_tests: unknown[] };
      for (const k of ['launch_days', 'ballistic_launch_days', 'nuclear_tests', 'designation_actions', 'designated_entities', 'median_response_lag_days']) assert.ok(k in body.summary, k);
      assert.equal(body.summary.launch_days, 37);
      assert.equal(body.summary.designation_actions, 8);
      assert.ok(body.launches.every((l) => l.date && l.class && 'missiles' in l && l.sources && l.evidence.length > 0));
      assert.ok(body.designations.every((d) => d.date && d.list && d.entities.length && d.programs.length && d.dprk_reasons));
      assert.equal((await app.request('/timeline?from=2023-01-01&to=2022-01-01')).status, 400);
      assert.equal((await app.request('/timeline?from=yesterday')).status, 400);
      const csv = await app.request('/timeline.csv?from=2022-01-01&to=2022-12-31');
      assert.equal(csv.status, 200);
      assert.match(csv.headers.get('content-type') ?? '', /text\/csv/);
      const rows = parse(await csv.text(), { columns: true }) as Record<string, string>[];
      assert.equal(rows.length, 12);
      assert.equal(rows.reduce((n, row) => n + Number(row.launch_days), 0), 37);
      const missing = mounted(services, join(tmpdir(), 'no-such-chokepoint-data'));
      const down = await missing.request('/timeline');
      assert.equal(down.status, 503);
      assert.match(((await down.json()) as { message: string }).message, /event data folder not found/);
    });
  } finally {
    await db.close();
  }
});

