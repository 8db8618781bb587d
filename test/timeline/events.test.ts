import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as XLSX from 'xlsx';
import { packageRoot, sharedDataDir } from '../../src/config/paths.js';
import { SourceError } from '../../src/sources/types.js';
import { CNS_FILE, CNS_SHEET, CSIS_FILE, NAGIX_DIR, UNSC_FILE, parseCns, parseCsis, parseNagix, parseUnsc } from '../../src/sources/events/index.js';
import { describedDay, missileCountInText } from '../../src/sources/events/csis/text.js';
import { excelFractionToTime, excelSerialToIsoDay } from '../../src/sources/events/cns/excel.js';

const data = sharedDataDir();
const fixtures = join(packageRoot(), 'test', 'fixtures', 'events');

/** Asserts that `run` rejects with a SourceError for `file` at `line` whose reason matches `reason`. */
async function rejectsWithSourceError(run: () => Promise<unknown>, file: string, line: number | undefined, reason: RegExp): Promise<void> {
  await assert.rejects(run, (err: unknown) => {
    assert.ok(err instanceof SourceError, `expected a SourceError, got ${String(err)}`);
    assert.equal(err.file, file);
    assert.equal(err.line, line);
    assert.match(err.reason, reason);
    assert.ok(err.message.startsWith(line === undefined ? file : `${file}:${line}`), err.message);
    return true;
  });
}

test('nagix: 339 tests joined to missile and facility', async () => {
  const tests = await parseNagix(join(data, NAGIX_DIR));
  assert.equal(tests.length, 339);
  assert.equal(new Set(tests.map((t) => t.rowId)).size, 339, 'row ids are unique');
  const erScud = tests.find((t) => t.rowId === 'nagix:2017-03-05#1');
  assert.ok(erScud);
  assert.equal(erScud.missileName, 'ER Scud');
  assert.equal(erScud.missileType, 'MRBM');
  assert.equal(erScud.timeUtc, '22:34');
  assert.deepEqual(erScud.facility, { name: 'Sohae Satellite Launching Station', lat: 39.6596, lon: 124.7057 });
  assert.equal(erScud.raw.missile, 'er-scud', 'raw fields are kept');
  // 'YYYY-MM' dates are month-only.
  const sept1984 = tests.filter((t) => t.date === '1984-09-01');
  assert.equal(sept1984.length, 3);
  assert.ok(sept1984.every((t) => t.datePrecision === 'month' && t.raw.date === '1984-09'));
  // The 'unknown' facility carries Pyongyang's coordinates in facility.en.json: it must not become a location.
  assert.ok(tests.filter((t) => t.raw.facility === 'unknown').every((t) => t.facility === null));
  const outcomes = tests.reduce<Record<string, number>>((n, t) => ({ ...n, [t.outcome]: (n[t.outcome] ?? 0) + 1 }), {});
  assert.deepEqual(outcomes, { success: 229, failure: 38, unknown: 72 }, 'as SOURCES.md states');
});

test('CNS: 140 missile rows, Excel serials to ISO, UTC launch time kept', async () => {
  const tests = await parseCns(join(data, CNS_FILE));
  assert.equal(tests.length, 140);
  assert.equal(tests[0].rowId, 'cns:1');
  assert.equal(tests[0].date, '1984-04-09', 'serial 30781');
  assert.equal(tests[0].raw.Date, 30781);
  assert.equal(tests.at(-1)?.date, '2019-11-28');
  const row99 = tests.find((t) => t.rowId === 'cns:99');
  assert.ok(row99);
  assert.equal(row99.line, 101, 'spreadsheet row: an empty row and the header come first');
  assert.equal(row99.date, '2017-03-05');
  assert.equal(row99.timeUtc, '22:34');
  assert.equal(row99.raw['Launch Time (UTC)'], 0.9402777777777778);
  assert.equal(row99.missileType, 'MRBM');
  assert.equal(tests.filter((t) => t.timeUtc !== null).length, 59);
  // Row 55 has 'Unknown' for facility and coordinates.
  assert.equal(tests.find((t) => t.rowId === 'cns:55')?.facility, null);
});

test('Excel serial and time helpers', () => {
  assert.equal(excelSerialToIsoDay(30781), '1984-04-09');
  assert.equal(excelSerialToIsoDay(43067), '2017-11-28');
  assert.equal(excelSerialToIsoDay(1.5), null);
  assert.equal(excelSerialToIsoDay(-3), null);
  assert.equal(excelFractionToTime(0.9402777777777778), '22:34');
  assert.equal(excelFractionToTime(0), '00:00');
  assert.equal(excelFractionToTime(1.2), null);
});

test('CSIS: 493 events, the six nuclear tests, stable row ids', async () => {
  const events = await parseCsis(join(data, CSIS_FILE));
  assert.equal(events.length, 493);
  assert.equal(new Set(events.map((e) => e.rowId)).size, 493);
  const byType = events.reduce<Record<string, number>>((n, e) => ({ ...n, [e.type]: (n[e.type] ?? 0) + 1 }), {});
  assert.deepEqual(byType, { 'Missile Provocation': 246, 'Other Provocation': 241, 'Nuclear Provocation': 6 });
  const nuclear = events.filter((e) => e.type === 'Nuclear Provocation').map((e) => e.date).sort();
  assert.deepEqual(nuclear, ['2006-10-09', '2009-05-25', '2013-02-12', '2016-01-06', '2016-09-09', '2017-09-03']);
  const first = events[0];
  assert.equal(first.line, 2);
  assert.equal(first.rowId, `csis:${first.date}#1`);
  // Two rows on 2026-05-26: numbered in file order.
  assert.deepEqual(events.filter((e) => e.date === '2026-05-26').map((e) => e.rowId), ['csis:2026-05-26#1', 'csis:2026-05-26#2']);
});

test('CSIS text: counts and described days', () => {
  assert.deepEqual(missileCountInText('North Korea fired two short-range ballistic missiles toward the sea'), { count: 2, phrase: 'two short-range ballistic missiles' });
  assert.equal(missileCountInText('fired around 10 short-range ballistic missiles')?.count, 10);
  assert.equal(missileCountInText('three launches with a total of 7 missiles')?.count, 7);
  assert.equal(missileCountInText('fired an intermediate-range ballistic missile (IRBM)')?.count, 1);
  assert.equal(missileCountInText('several ballistic missile launches were detected around 7:50 a.m. A subsequent missile flew'), null);
  assert.equal(missileCountInText('The projectiles are presumed to be short-range KN-09 projectiles'), null, 'no count from a model number');
  assert.equal(missileCountInText('multiple close-range ballistic missiles'), null);
  assert.deepEqual(describedDay('On March 9, 2020 at 7:36 a.m., North Korea launched three projectiles', '2020-03-06'), { day: '2020-03-09', phrase: 'On March 9, 2020' });
  assert.equal(describedDay('fired two SRBMs on Wednesday from 03:30', '2023-07-18')?.day, '2023-07-19');
  assert.equal(describedDay('fired a missile on Tuesday', '2023-07-18'), null, 'agrees with the row');
  assert.equal(describedDay('no day named', '2023-07-18'), null);
});

test('UNSC resolutions: 9 rows with caps and trigger dates', async () => {
  const rows = await parseUnsc(join(data, UNSC_FILE));
  assert.deepEqual(rows.map((r) => r.resolution), [1718, 1874, 2087, 2094, 2270, 2321, 2371, 2375, 2397]);
  const r2397 = rows.find((r) => r.resolution === 2397);
  assert.ok(r2397);
  assert.equal(r2397.rowId, 'unsc:2397');
  assert.equal(r2397.adoptionDate, '2017-12-22');
  assert.equal(r2397.refinedPetroleumCapBblPerYear, 500_000);
  assert.deepEqual(r2397.triggerEventDates, ['2017-11-28']);
  assert.deepEqual(rows.find((r) => r.resolution === 2371)?.triggerEventDates, ['2017-07-03', '2017-07-28']);
  assert.ok(rows.every((r) => r.sourceUrls.every((u) => u.startsWith('http'))));
});

test('bad input: missing files', async () => {
  const nowhere = join(fixtures, 'no-such-dir');
  await rejectsWithSourceError(() => parseCsis(join(nowhere, 'x.csv')), join(nowhere, 'x.csv'), undefined, /file not found/);
  await rejectsWithSourceError(() => parseCns(join(nowhere, 'x.xlsx')), join(nowhere, 'x.xlsx'), undefined, /file not found/);
  await rejectsWithSourceError(() => parseNagix(nowhere), join(nowhere, 'missile.en.json'), undefined, /file not found/);
  await rejectsWithSourceError(() => parseUnsc(join(nowhere, 'u.csv')), join(nowhere, 'u.csv'), undefined, /file not found/);
});

test('bad input: malformed JSON names the line', async () => {
  const dir = join(fixtures, 'nagix-malformed');
  // The comma after "outcome": "success" (line 10) is missing; parsing fails at line 11.
  await rejectsWithSourceError(() => parseNagix(dir), join(dir, 'test.en.json'), 11, /malformed JSON/);
});

test('bad input: unknown nagix missile key names the line of the test', async () => {
  const dir = join(fixtures, 'nagix-bad-key');
  await rejectsWithSourceError(() => parseNagix(dir), join(dir, 'test.en.json'), 13, /missile "hwasong-99" is not a key of missile\.en\.json/);
});

test('bad input: CSV missing a column, bad date, short row', async () => {
  const missing = join(fixtures, 'csis-missing-column.csv');
  await rejectsWithSourceError(() => parseCsis(missing), missing, 1, /missing column\(s\): event/);
  // The first data row spans lines 2-3; the bad date is on line 4.
  const badDate = join(fixtures, 'csis-bad-date.csv');
  await rejectsWithSourceError(() => parseCsis(badDate), badDate, 4, /date: not a valid YYYY-MM-DD date: "2017-02-30"/);
  const short = join(fixtures, 'csis-short-row.csv');
  await rejectsWithSourceError(() => parseCsis(short), short, 3, /expected 10 fields as in the header, found 4/);
  const unsc = join(fixtures, 'unsc-bad-date.csv');
  await rejectsWithSourceError(() => parseUnsc(unsc), unsc, 3, /trigger_event_dates: not a valid YYYY-MM-DD date: "28\/11\/2017"/);
});

test('bad input: CNS spreadsheet with a missing column or a bad date', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'chokepoint-cns-'));
  try {
    const header = ['F1', 'Date', 'Date Entered/Updated', 'Launch Time (UTC)', 'Missile Name', 'Missile Type', 'Facility Name',
      'Facility Latitude', 'Facility Longitude', 'Test Outcome', 'Additional Information'];
    const good = [1, 42799, 43067, 0.9402777777777778, 'ER Scud', 'MRBM', 'Sohae Satellite Launching Station', 39.6596, 124.7057, 'Success', ''];
    const bad = [2, 'March 2017', 43067, null, 'ER Scud', 'MRBM', 'Sohae Satellite Launching Station', 39.6596, 124.7057, 'Success', ''];
    const write = async (name: string, rows: unknown[][]) => {
      const book = XLSX.utils.book_new();
      XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([[], ...rows]), CNS_SHEET);
      const file = join(dir, name);
      await writeFile(file, XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
      return file;
    };
    const badDate = await write('bad-date.xlsx', [header, good, bad]);
    // Sheet row 1 is empty, 2 the header, 3 the good row, 4 the bad one.
    await rejectsWithSourceError(() => parseCns(badDate), badDate, 4, /Date: not an Excel date serial: "March 2017"/);
    const noOutcome = await write('no-outcome.xlsx', [header.filter((h) => h !== 'Test Outcome'), good.slice(0, 9)]);
    await rejectsWithSourceError(() => parseCns(noOutcome), noOutcome, 2, /missing column\(s\): Test Outcome/);
    const ok = await parseCns(await write('ok.xlsx', [header, good]));
    assert.equal(ok[0].date, '2017-03-05');
    const notXlsx = join(fixtures, 'csis-bad-date.csv');
    await assert.rejects(() => parseCns(notXlsx), SourceError);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
