import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import XLSX from 'xlsx';
import iconv from 'iconv-lite';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { packageRoot, sharedDataDir } from '../../src/config/paths.js';
import { buildIndex, type ScreeningIndex } from '../../src/analyses/screening/index/build.js';
import { BatchStats, batchColumns, outputRecord, screenQuery, screenRows, type BatchQuery } from '../../src/analyses/screening/batch.js';
import { SuppressionList, suppressionKey } from '../../src/analyses/screening/suppressions.js';
import { deltaIndex } from '../../src/analyses/screening/since.js';
import { ScreeningService } from '../../src/analyses/screening/service.js';
import { diffVersions } from '../../src/analyses/deltas/diff.js';
import { allEntities } from '../../src/store/entities.js';
import { update } from '../../src/ingest/update.js';
import { mapColumns, parseDate, parseMapSpecs, readInput, sniffDelimiter, type InputOptions } from '../../src/sources/input/index.js';
import { readSuppressionFile } from '../../src/sources/input/suppression-file.js';
import { freshPglite } from '../helpers/db.js';
import { ENTITIES } from '../fixtures/screen/entities.js';

const FIXTURES = join(packageRoot(), 'test', 'fixtures', 'screen');
const VERSIONS = ['ofac@2024-05-03', 'un@2026-05-08'];
const index = buildIndex(ENTITIES, VERSIONS);
const tmp = mkdtempSync(join(tmpdir(), 'cp-batch-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

/** Runs a batch as `chokepoint screen --input` does and returns the output CSV text. */
async function runBatch(ix: ScreeningIndex, path: string, opts: InputOptions = {}, suppressions?: SuppressionList, stats = new BatchStats()): Promise<string> {
  const input = await readInput(path, opts);
  const out: Record<string, string>[] = [];
  for await (const r of screenRows(ix, input.rows, { stats, ...(suppressions ? { suppressions } : {}) })) out.push(outputRecord(r, ix.versions));
  return stringify(out, { header: true, columns: batchColumns() });
}

const records = (csv: string) => parse(csv, { columns: true }) as Record<string, string>[];

/** Line-by-line equality with short messages (one input row holds a 10,000-character name). */
function assertSameCsv(actual: string, expectedFile: string): void {
  const a = actual.split('\n'), e = readFileSync(join(FIXTURES, expectedFile), 'utf8').split('\n');
  const short = (s: string | undefined) => (s && s.length > 300 ? `${s.slice(0, 300)}… (${s.length} chars)` : s);
  for (let i = 0; i < Math.max(a.length, e.length); i++) assert.ok(a[i] === e[i], `output line ${i + 1}:\n  got      ${short(a[i])}\n  expected ${short(e[i])}`);
}

test('column mapping: common headers recognised, --map overrides, no name column refused', () => {
  const m = mapColumns(['Customer ID', 'Full Name', 'Date of Birth', 'Nationality', 'IMO No.', 'Passport', 'Type']);
  assert.deepEqual(m, { id: [0], name: [1], birthDate: [2], nationality: [3], imoNumber: [4], passportNumber: [5], schema: [6] });
  assert.deepEqual(mapColumns(['Surname', 'Given Name', 'DOB']), { lastName: [0], firstName: [1], birthDate: [2] });
  assert.deepEqual(mapColumns(['고객번호', '성명', '생년월일', '국적', 'Raison Sociale']), { id: [0], name: [1], birthDate: [2], nationality: [3] });
  assert.deepEqual(mapColumns(['Nom', 'Raison Sociale'], parseMapSpecs(['name=raison sociale'])), { name: [1] });
  assert.throws(() => mapColumns(['Client', 'Born', 'Land']), /no name column among: Client, Born, Land/);
  const explicit = mapColumns(['Client', 'Born', 'Land'], parseMapSpecs(['name=client', 'country=Land']));
  assert.deepEqual(explicit, { name: [0], country: [2], birthDate: [1] });
  // An explicit mapping wins over a recognised header, and a field may read several columns.
  assert.deepEqual(mapColumns(['Name', 'Legal Name', 'AKA 1', 'AKA 2'], parseMapSpecs(['name=Legal Name', 'alias=AKA 1', 'alias=AKA 2'])),
    { name: [1], alias: [2, 3] });
  assert.throws(() => parseMapSpecs(['nam=Customer']), /FIELD one of id, name/);
  assert.throws(() => mapColumns(['Name'], parseMapSpecs(['birthDate=DOB'])), /no column "DOB"/);
  assert.equal(sniffDelimiter('Ref;Customer Name;"A, B";DOB'), ';');
  assert.equal(sniffDelimiter('a\tb\tc'), '\t');
  assert.equal(sniffDelimiter('name'), ',');
});

test('dates as customer files write them', () => {
  const cases: [string, string | undefined][] = [
    ['1955', '1955'], ['1955-03', '1955-03'], ['1955-03-07', '1955-03-07'], ['1955/3/7', '1955-03-07'], ['07.03.1955', '1955-03-07'],
    ['07/03/1955', '1955-03-07'], ['25/12/1955', '1955-12-25'], ['7 Mar 1955', '1955-03-07'], ['March 7, 1955', '1955-03-07'],
    ['Mar 1955', '1955-03'], ['1955년 3월 7일', '1955-03-07'], ['1955-03-07T00:00:00Z', '1955-03-07'],
    ['31/02/1946', undefined], ['1955-13-01', undefined], ['circa 1955', undefined], ['yesterday', undefined], ['0955', undefined],
  ];
  for (const [text, iso] of cases) assert.equal(parseDate(text), iso, text);
  assert.equal(parseDate('07/03/1955', 'mdy'), '1955-07-03');
  assert.equal(parseDate('25/12/1955', 'mdy'), '1955-12-25', 'only one reading is a date');
});

test('batch over the fixture CSV: one output row per input row, malformed rows kept with their error', async () => {
  const stats = new BatchStats();
  const csv = await runBatch(index, join(FIXTURES, 'customers.csv'), {}, undefined, stats);
  assertSameCsv(csv, 'customers.expected.csv');
  const rows = records(csv);
  const by = (id: string) => rows.find((r) => r.id === id)!;
  // Korean names in several romanizations and in Hangul all find RI Yong Gil / CHOE Ryong Hae.
  assert.equal(by('C001').match_id, 'ofac-33936');
  assert.match(by('C001').explanation, /korean_name_key:0\.95/);
  assert.equal(by('C002').match_id, 'ofac-33936');
  assert.equal(by('C012').match_id, 'ofac-23213');
  // A vessel under another name is found by its IMO number.
  assert.equal(by('C004').match_id, 'ofac-17069');
  assert.match(by('C004').explanation, /identifier_match:0\.99/);
  // A Korean name not on the lists: screened, nothing found.
  assert.deepEqual([by('C005').match, by('C005').match_id, by('C005').error], ['false', '', '']);
  assert.equal(by('C006').error, 'empty name');
  assert.match(by('C007').error, /^unparseable date "31\/02\/1946"/);
  assert.equal(by('C008').error, 'name too long (10000 characters; at most 500)');
  assert.match(by('C010').error, /^unknown schema "cyber group"/);
  // A bad country is left out, and the row still screened.
  assert.deepEqual([by('C009').match_id, by('C009').warning], ['ofac-23213', 'unknown country "Narnia" left out']);
  assert.equal(by('C011').query, 'Kim; Yong-chol', 'a quoted delimiter stays in the value');
  assert.deepEqual(rows.map((r) => r.line), ['2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12', '13']);
  assert.ok(rows.every((r) => r.versions === 'ofac@2024-05-03;un@2026-05-08'));
  assert.deepEqual({ rows: stats.rows, screened: stats.screened, matches: stats.matches, errors: stats.errors }, { rows: 12, screened: 8, matches: 7, errors: 4 });
});

test('the same table as XLSX (with real date cells) gives the same output', async () => {
  const table = parse(readFileSync(join(FIXTURES, 'customers.csv'), 'utf8'), { delimiter: ';' }) as string[][];
  const aoa: (string | Date)[][] = table.map((row, i) => (i === 0 ? row : row.map((cell, c) => {
    // DOB cells that are real dates become Excel date cells (day numbers with a date format); 31/02 stays text.
    const m = c === 2 ? /^(\d{2})[./](\d{2})[./](\d{4})$/.exec(cell) : null;
    const d = m ? new Date(Date.UTC(Number(m[3]), Number(m[2]) - 1, Number(m[1]))) : undefined;
    return d && d.getUTCDate() === Number(m![1]) ? d : cell;
  })));
  assert.ok(aoa.flat().some((c) => c instanceof Date));
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['notes'], ['not this sheet']]), 'Notes');
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(aoa), 'Customers');
  const path = join(tmp, 'customers.xlsx');
  XLSX.writeFile(wb, path);
  await assert.rejects(readInput(path), /no name column among: notes/, 'the first sheet is read by default');
  await assert.rejects(readInput(path, { sheet: 'Clients' }), /no sheet "Clients" \(sheets: Notes, Customers\)/);
  assertSameCsv(await runBatch(index, path, { sheet: 'Customers' }), 'customers.expected.csv');
});

test('CSV reading: other delimiters, explicit mapping, quoted line breaks, broken records reported not fatal', async () => {
  const path = join(tmp, 'odd.tsv');
  writeFileSync(path, 'Client\tBorn\tLand\r\n"KIM\nYong Chol"\t1946\tKP\r\n\r\nRI Yong Gil\t1955\tKP\tsurplus\r\nChoe Ryong Hae\t1950-01-15\tNorth Korea\r\n');
  const csv = await runBatch(index, path, { map: ['name=Client', 'nationality=Land'] });
  const rows = records(csv);
  assert.deepEqual(rows.map((r) => [r.line, r.query, r.match_id, r.error]), [
    ['2', 'KIM\nYong Chol', 'ofac-12211', ''],
    ['5', 'RI Yong Gil', '', '4 fields where the header has 3 (an unquoted delimiter in a value?)'],
    ['6', 'Choe Ryong Hae', 'ofac-23213', ''],
  ]);
  const broken = join(tmp, 'broken.csv');
  writeFileSync(broken, 'name\nKim Yong Chol\n"Unclosed, name\nRi Yong Gil\n');
  const b = records(await runBatch(index, broken));
  assert.equal(b.length, 2);
  assert.equal(b[0].match_id, 'ofac-12211');
  assert.match(b[1].error, /^unreadable CSV record: Quote Not Closed/);
  // CSV saved by Korean Excel is CP949: refused until its encoding is given, then read right.
  const korean = join(tmp, 'cp949.csv');
  writeFileSync(korean, iconv.encode('고객번호,성명\nK1,리영길\n', 'cp949'));
  await assert.rejects(readInput(korean), /is not UTF-8 text: give its encoding with --encoding/);
  const k = records(await runBatch(index, korean, { encoding: 'cp949' }));
  assert.deepEqual(k.map((r) => [r.id, r.query, r.match_id]), [['K1', '리영길', 'ofac-33936']]);
  const semicolon = join(tmp, 'semi.csv');
  writeFileSync(semicolon, 'name,dob\nKim Yong Chol,1946\n');
  await assert.rejects(readInput(semicolon, { delimiter: 'semicolon' }), /no name column among: name,dob/);
});

test('suppressions: a reviewed false positive is taken out, the next best shown, and recorded', async () => {
  assert.equal(suppressionKey('Ri Yong-gil'), suppressionKey('RI  YONG GIL'));
  assert.equal(suppressionKey('리용길'), suppressionKey('Ri Yong Gil'));
  assert.notEqual(suppressionKey('Lee Young-kil'), suppressionKey('Ri Yong Gil'), 'another romanization is another query');
  const list = new SuppressionList(readSuppressionFile(join(FIXTURES, 'suppressions.csv')));
  assert.deepEqual(list.unknown(index.entities).map((s) => [s.entity, s.origin.replace(FIXTURES, '')]), [['un-KPi.999', '/suppressions.csv:3']]);
  const stats = new BatchStats();
  const rows = records(await runBatch(index, join(FIXTURES, 'customers.csv'), {}, list, stats));
  const c001 = rows.find((r) => r.id === 'C001')!;
  assert.deepEqual([c001.match_id, c001.match], ['', 'false']);
  assert.equal(c001.suppressed, 'ofac-33936: Customer is a South Korean national born 1990 (passport checked) (j.park, 2026-05-01)');
  assert.equal(rows.find((r) => r.id === 'C002')!.match_id, 'ofac-33936', 'the Hangul query was not reviewed');
  assert.equal(stats.suppressed, 1);
  assert.equal(stats.matches, 6);

  // By referent, in JSON: the UN reference hides the merged entity; the next best moves up.
  const json = join(tmp, 'suppress.json');
  writeFileSync(json, JSON.stringify({ suppressions: [{ query: 'kim yong chol', entity: 'ofac-12211', reason: 'different DOB', reviewer: 'a.lee' }] }));
  const byJson = new SuppressionList(readSuppressionFile(json));
  const s = screenQuery(index, { schema: 'Person', properties: { name: ['Kim Yong-Chol'] }, names: ['Kim Yong-Chol'] }, { suppressions: byJson });
  assert.deepEqual(s.suppressed.map((x) => [x.result.entity.id, x.suppression.reason, x.suppression.origin.endsWith('#0')]), [['ofac-12211', 'different DOB', true]]);
  assert.ok(!s.results.some((r) => r.entity.id === 'ofac-12211'));
  assert.equal(s.total, 0);
  const org = new SuppressionList([{ query: 'Korea Ryonbong General Corp', entity: 'un-KPe.002', reason: 'r', origin: 'x' }]);
  assert.equal(screenQuery(index, { schema: 'Company', properties: { name: ['KOREA RYONBONG GENERAL CORP.'] }, names: ['KOREA RYONBONG GENERAL CORP.'] }, { suppressions: org }).suppressed[0]?.result.entity.id, 'ofac-9347');

  writeFileSync(json, JSON.stringify([{ query: 'x', entity: 'ofac-1' }]));
  assert.throws(() => readSuppressionFile(json), /#0: a suppression needs reason/);
});

test('rows are screened as they stream, and onlyHits passes on only rows with something to review', async () => {
  const rows: BatchQuery[] = ['Kim Yong Chol', 'John Smith', 'Ri Yong Gil'].map((name, i) => ({ line: i + 2, ref: `r${i}`, name, schema: 'Person', properties: { name: [name] }, warnings: [] }));
  rows.push({ line: 5, ref: 'bad', name: '', schema: 'Person', properties: {}, warnings: [], error: 'empty name' });
  const stats = new BatchStats();
  const out = [];
  for await (const r of screenRows(index, rows, { stats, onlyHits: true })) out.push(r.row.ref);
  assert.deepEqual(out, ['r0', 'r2', 'bad'], 'rows without a hit are dropped; malformed rows always pass');
  assert.deepEqual([stats.rows, stats.written, stats.matches, stats.errors], [4, 3, 2, 1]);
});

test('--since on the real staged lists: only hits on entities added, changed or removed since ofac@2023-12-28', async () => {
  const db = await freshPglite();
  try {
    await update(db, { mirror: join(sharedDataDir(), 'lists'), sources: ['ofac', 'un'] });
    // Which DPRK entries the interval added: the diff's added records whose merged entity is DPRK-related.
    const d = await diffVersions(db, 'ofac@2023-12-28', 'ofac@2024-05-03');
    const entities = await allEntities(db);
    const byReferent = new Map(entities.flatMap((e) => e.referents.map((r) => [r, e] as const)));
    const dprkAdded = d.added.map((r) => byReferent.get(r.id)).filter((e) => e && e.dprk.length).map((e) => `${e!.id} ${e!.caption}`);
    assert.deepEqual(dprkAdded, [
      'ofac-47699 RI, Tong Hyok', 'ofac-47701 YU, Pu Ung', 'ofac-48260 LIMITED LIABILITY COMPANY ALIS', 'ofac-48261 PIONEER BENCONT STAR REAL ESTATE',
      'ofac-48262 JON, Yun Gun', 'ofac-48267 HAN, Chol Man', 'ofac-48268 O, In Chun', 'ofac-48269 JONG, Song Ho',
    ]);
    const kind = (id: string) => (d.added.some((r) => r.id === id) ? 'added' : d.changed.some((r) => r.id === id) ? 'changed' : d.removed.some((r) => r.id === id) ? 'removed' : 'unchanged');
    assert.deepEqual(['ofac-45430', 'ofac-47699', 'ofac-10662', 'ofac-17069', 'ofac-18346'].map(kind), ['changed', 'added', 'removed', 'unchanged', 'unchanged']);

    const queries: [string, string][] = [['KIMSUKY', 'Organization'], ['Chong Chon Gang', 'Vessel'], ['Ri Tong-hyok', 'Person'], ['Leo Mugabe', 'Person'], ['Dawnlight', 'Vessel']];
    const rows: BatchQuery[] = queries.map(([name, schema], i) => ({ line: i + 2, ref: `S${i + 1}`, name, schema: schema as BatchQuery['schema'], properties: { name: [name] }, warnings: [] }));
    // Against the full index every one of them is a hit ...
    const full = await new ScreeningService().reload(db);
    const top = rows.map((r) => screenQuery(full, { ...r, names: [r.name] }).results[0]);
    assert.deepEqual(top.map((r) => r?.match && r.entity.id), ['ofac-45430', 'ofac-17069', 'ofac-47699', false, 'ofac-18346'], 'Mugabe is off the current list');
    // ... against the delta index only those on entities the interval touched, the removed one included.
    const delta = await deltaIndex(db, ['ofac@2023-12-28']);
    assert.deepEqual(delta.deltas.map((x) => [x.from, x.to, x.added.length, x.changed.length, x.removed.length]), [['ofac@2023-12-28', 'ofac@2024-05-03', d.added.length, d.changed.length, d.removed.length]]);
    const out = [];
    for await (const r of screenRows(delta.index, rows, { onlyHits: true })) out.push(outputRecord(r, delta.index.versions, (id) => delta.change.get(id)));
    assert.deepEqual(out.map((r) => [r.id, r.match_id, r.change]), [
      ['S1', 'ofac-45430', 'changed ofac@2023-12-28..2024-05-03'],
      ['S3', 'ofac-47699', 'added ofac@2023-12-28..2024-05-03'],
      ['S4', 'ofac-10662', 'removed ofac@2023-12-28..2024-05-03'],
    ]);
    assert.ok(delta.known.some((e) => e.id === 'ofac-10662') && delta.known.some((e) => e.id === 'ofac-17069'));
    await assert.rejects(deltaIndex(db, ['ofac@1999-01-01']), /no stored version ofac@1999-01-01/);
    await assert.rejects(deltaIndex(db, ['ofac@2023-12-28', 'ofac@2024-05-03']), /names ofac twice/);
    const none = await deltaIndex(db, ['un@2026-05-08']);
    assert.equal(none.index.entities.length, 0, 'nothing changed since the version served');
  } finally {
    await db.close();
  }
});
