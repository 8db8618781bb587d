import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot, sharedDataDir } from '../../src/config/paths.js';
import { SourceError } from '../../src/sources/types.js';
import { parseUnConsolidated, unSc } from '../../src/sources/un/index.js';
import { recordProblems } from '../../src/sources/un/validate.js';
import type { SourceRecord } from '../../src/model/types.js';

const fixture = (name: string) => join(packageRoot(), 'test', 'fixtures', 'un', name);
const real = (date: string) => join(sharedDataDir(), 'lists', 'un', date, 'consolidated.xml');
const noData = !existsSync(real('2026-05-08'));

function byId(records: SourceRecord[], recordId: string): SourceRecord {
  const r = records.find((x) => x.recordId === recordId);
  assert.ok(r, `record ${recordId} not found`);
  return r;
}

async function expectSourceError(path: string, reason: RegExp, line?: (l: number) => boolean) {
  await assert.rejects(parseUnConsolidated(path), (err: unknown) => {
    assert.ok(err instanceof SourceError, `expected a SourceError, got ${err}`);
    assert.equal(err.file, path);
    assert.match(err.message, new RegExp(path.split('/').pop()!.replace('.', '\\.')));
    assert.equal(typeof err.line, 'number', `no line in: ${err.message}`);
    if (line) assert.ok(line(err.line!), `unexpected line ${err.line} in: ${err.message}`);
    assert.match(err.reason, reason);
    return true;
  });
}

test('unSc describes the UN list', () => {
  assert.equal(unSc.name, 'un');
  assert.equal(unSc.dataset, 'un_sc_sanctions');
  assert.equal(unSc.prefix, 'un');
  assert.equal(unSc.mirrorDir, 'un');
  assert.ok(unSc.folderPattern.test('2026-05-08'));
  assert.ok(!unSc.folderPattern.test('2025-12-24-partial'));
  assert.deepEqual(unSc.files, [{ name: 'consolidated.xml', url: 'https://scsanctions.un.org/resources/xml/en/consolidated.xml', required: true }]);
});

test('UN 2026-05-08: counts, KP entries, stated date, speed', { skip: noData && 'shared data not present' }, async () => {
  const t0 = performance.now();
  const res = await unSc.parse({ 'consolidated.xml': real('2026-05-08') });
  const ms = performance.now() - t0;
  console.log(`# UN 2026-05-08 parsed in ${ms.toFixed(0)} ms (first parse in this process)`);
  assert.equal(res.records.length, 1009);
  assert.equal(res.records.filter((r) => r.schema === 'Person').length, 737);
  assert.equal(res.records.filter((r) => r.schema === 'Organization').length, 272);
  assert.equal(res.records.filter((r) => r.recordId.startsWith('KPi.')).length, 80);
  assert.equal(res.records.filter((r) => r.recordId.startsWith('KPe.')).length, 75);
  assert.equal(res.records.filter((r) => r.sanctions[0].programs[0] === 'DPRK').length, 155);
  assert.equal(res.statedDate, '2026-05-08');
  // The 2026 schema adds two elements: the INTERPOL notice link is kept as a source link, the YES/NO flag dropped.
  assert.equal(res.warnings.filter((w) => w.includes('INTERPOL')).length, 0);
  assert.equal(res.records.filter((r) => r.properties.sourceUrl?.some((u) => u.includes('interpol'))).length, 641);
  for (const r of res.records) assert.deepEqual(recordProblems(r), []);
  assert.equal(new Set(res.records.map((r) => r.id)).size, 1009);
  assert.ok(ms < 5000, `parse took ${ms} ms`);
});

test('UN 2026-05-08: KPi.033 RI WON HO', { skip: noData && 'shared data not present' }, async () => {
  const { records } = await parseUnConsolidated(real('2026-05-08'));
  const r = byId(records, 'KPi.033');
  assert.equal(r.id, 'un-KPi.033');
  assert.equal(r.source, 'un');
  assert.equal(r.schema, 'Person');
  assert.equal(r.caption, 'RI WON HO');
  assert.deepEqual(r.properties.name, ['RI WON HO']);
  // DPRK names are family name first: FIRST_NAME is the family name.
  assert.deepEqual(r.properties.lastName, ['RI']);
  assert.deepEqual(r.properties.firstName, ['WON HO']);
  assert.deepEqual(r.properties.birthDate, ['1964-07-17']);
  assert.deepEqual(r.properties.passportNumber, ['381310014']);
  assert.deepEqual(r.properties.nationality, ['kp']);
  assert.deepEqual(r.properties.position, ['DPRK Ministry of State Security Official']);
  assert.equal(r.sanctions.length, 1);
  assert.deepEqual(r.sanctions[0], {
    authority: 'UN Security Council',
    programs: ['DPRK'],
    provisions: [],
    listingDate: '2016-11-30',
    reason: 'Ri Won Ho is a DPRK Ministry of State Security Official stationed in Syria supporting KOMID.',
  });
  assert.ok(r.properties.notes.includes('Ri Won Ho is a DPRK Ministry of State Security Official stationed in Syria supporting KOMID.'));
  assert.ok(typeof r.line === 'number' && r.line > 1);
});

test('UN 2026-05-08: KPe.001 KOMID', { skip: noData && 'shared data not present' }, async () => {
  const { records } = await parseUnConsolidated(real('2026-05-08'));
  const r = byId(records, 'KPe.001');
  assert.equal(r.id, 'un-KPe.001');
  assert.equal(r.schema, 'Organization');
  assert.equal(r.caption, 'KOREA MINING DEVELOPMENT TRADING CORPORATION');
  assert.deepEqual(r.properties.alias, [
    'CHANGGWANG SINYONG CORPORATION',
    'EXTERNAL TECHNOLOGY GENERAL CORPORATION',
    'DPRKN MINING DEVELOPMENT TRADING COOPERATION',
    'KOMID',
  ]);
  assert.deepEqual(r.properties.address, ["Central District, Pyongyang, Democratic People's Republic of Korea"]);
  assert.deepEqual(r.properties.country, ['kp']);
  assert.equal(r.properties.firstName, undefined);
  assert.equal(r.sanctions[0].listingDate, '2009-04-24');
});

test('UN 2026-05-08: IMO company numbers, f.k.a. names, cited records', { skip: noData && 'shared data not present' }, async () => {
  const { records } = await parseUnConsolidated(real('2026-05-08'));
  const withImo = records.filter((r) => r.recordId.startsWith('KPe.') && r.properties.imoNumber);
  assert.equal(withImo.length, 16);
  assert.ok(withImo.every((r) => r.schema === 'Organization'));
  const chongchongang = byId(records, 'KPe.022');
  assert.deepEqual(chongchongang.properties.imoNumber, ['5342883']);
  assert.ok(chongchongang.properties.notes.some((n) => n.startsWith('IMO company number 5342883')));
  assert.deepEqual(byId(records, 'KPe.066').properties.imoNumber, ['5434358']); // 'Company Number IMO 5434358'
  assert.deepEqual(byId(records, 'KPe.020').properties.imoNumber, ['1790183']); // '(IMO) Number: 1790183'
  assert.deepEqual(byId(records, 'KPe.002').properties.previousName, ['LYONGAKSAN GENERAL TRADING CORPORATION']);
  // KPe.021 names KPe.018 inside an alias: the alias is kept without the reference, and a link is stated.
  const ands = byId(records, 'KPe.021');
  assert.deepEqual(ands.properties.alias, ['SECOND ACADEMY OF NATURAL SCIENCES']);
  const link = ands.links.find((l) => l.targetRecordId === 'KPe.018');
  assert.ok(link);
  assert.equal(link.type, 'linked_to');
  assert.equal(link.targetName, byId(records, 'KPe.018').caption);
});

for (const [date, total] of [['2026-02-27', 1003], ['2024-09-26', 875], ['2020-11-30', 1018], ['2018-10-29', 1093]] as const) {
  test(`UN ${date}: ${total} entries, 80 KPi and 75 KPe`, { skip: !existsSync(real(date)) && 'shared data not present' }, async () => {
    const res = await parseUnConsolidated(real(date));
    assert.equal(res.records.length, total);
    assert.equal(res.records.filter((r) => r.recordId.startsWith('KPi.')).length, 80);
    assert.equal(res.records.filter((r) => r.recordId.startsWith('KPe.')).length, 75);
    assert.equal(res.statedDate, date);
    assert.ok(!res.warnings.some((w) => w.startsWith('unknown element')), res.warnings.join('\n'));
    for (const r of res.records) assert.deepEqual(recordProblems(r), []);
    const kpImo = res.records.filter((r) => r.recordId.startsWith('KPe.') && r.properties.imoNumber).length;
    assert.equal(kpImo, date < '2024' ? 3 : 16);
  });
}

test('UN fixture: aliases, dates, documents, unknown elements, links', async () => {
  const res = await parseUnConsolidated(fixture('sample.xml'));
  assert.equal(res.statedDate, '2026-05-08');
  const ri = byId(res.records, 'KPi.033');
  assert.deepEqual(ri.properties.alias, ['Ri Won-ho']);
  assert.deepEqual(ri.properties.weakAlias, ['Won Ho']);
  assert.deepEqual(ri.properties.birthDate, ['1965', '1966', '1964-07-17', '1962', '1963']);
  assert.deepEqual(ri.properties.birthPlace, ["Pyongyang, Democratic People's Republic of Korea"]);
  assert.deepEqual(ri.properties.birthCountry, ['kp']);
  assert.deepEqual(ri.properties.passportNumber, ['381310014']);
  assert.deepEqual(ri.properties.idNumber, ['K-12345']);
  assert.deepEqual(ri.properties.modifiedAt, ['2017-01-02', '2018-03-04']);
  assert.deepEqual(ri.properties.gender, ['male']);
  assert.ok(ri.properties.notes.includes('Date of birth: between 1962 and 1963'));
  assert.ok(ri.properties.notes.some((n) => n.startsWith('Document: National Identification Number K-12345: issued by')));
  assert.deepEqual(ri.links, [{ type: 'linked_to', targetRecordId: 'KPe.001', targetName: 'KOREA MINING DEVELOPMENT TRADING CORPORATION', note: ri.links[0].note }]);
  assert.ok(!ri.properties.notes.some((n) => n.includes('INTERPOL')), 'the YES/NO flag carries no fact');

  const abu = byId(res.records, 'QDi.999');
  assert.equal(abu.caption, 'ABU EXAMPLE AL-FIXTURE');
  assert.equal(abu.properties.lastName, undefined, 'name parts are not guessed outside the DPRK list');
  assert.deepEqual(abu.properties.alias, ['أبو']);
  assert.deepEqual(abu.properties.title, ['Mullah']);
  assert.deepEqual(abu.properties.birthDate, ['1970']);
  assert.ok(abu.properties.notes.includes('Date of birth: approximately 1970'));
  assert.deepEqual(abu.properties.passportNumber, ['P 1234567']);
  assert.deepEqual(abu.properties.address, ['Kabul, Afghanistan (previous address)']);
  assert.deepEqual(abu.properties.country, ['af']);
  assert.ok(abu.properties.notes.includes('INDIVIDUAL_ADDRESS/BUILDING: Block 7'));
  assert.equal(abu.sanctions[0].listingDate, '2001-10-06');
  assert.equal(abu.sanctions[0].reason, undefined);

  const komid = byId(res.records, 'KPe.001');
  assert.deepEqual(komid.properties.alias, ['KOMID', 'SECOND ACADEMY OF NATURAL SCIENCES']);
  assert.deepEqual(komid.properties.previousName, ['CHANGGWANG SINYONG CORPORATION']);
  assert.deepEqual(komid.properties.imoNumber, ['1234567']);
  assert.equal(komid.links[0].targetRecordId, 'KPe.018');
  assert.equal(komid.links[0].targetName, undefined, 'KPe.018 is not in this file');

  assert.ok(res.warnings.some((w) => w.startsWith('unknown element <INDIVIDUAL_ADDRESS>/<BUILDING>')), res.warnings.join('\n'));
  for (const r of res.records) assert.deepEqual(recordProblems(r), []);
});

test('UN bad input: truncated file', async () => {
  await expectSourceError(fixture('truncated.xml'), /the file ends inside <INDIVIDUAL_ALIAS> \(opened on line 37\): it is truncated/, (l) => l === 39);
});

test('UN bad input: malformed tag', async () => {
  await expectSourceError(fixture('malformed-tag.xml'), /malformed XML at column \d+: unexpected close tag where <\/SECOND_NAME> was expected/, (l) => l === 8);
});

test('UN bad input: UTF-16 file', async () => {
  await expectSourceError(fixture('utf16.xml'), /UTF-16/, (l) => l === 1);
});

test('UN bad input: Latin-1 bytes in a UTF-8 file', async () => {
  await expectSourceError(fixture('latin1.xml'), /not UTF-8 \(0xE9\)/, (l) => l === 87);
});

test('UN bad input: wrong root element', async () => {
  await expectSourceError(fixture('wrong-root.xml'), /root element <sdnList> is not <CONSOLIDATED_LIST>/, (l) => l === 2);
});

test('UN bad input: missing file', async () => {
  await assert.rejects(unSc.parse({}), SourceError);
  await assert.rejects(parseUnConsolidated(fixture('no-such-file.xml')), /file not found/);
});
