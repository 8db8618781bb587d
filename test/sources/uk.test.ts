import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot, sharedDataDir } from '../../src/config/paths.js';
import { SourceError } from '../../src/sources/types.js';
import { parseFcdoXml, parseHmtCsv, ukFcdo, ukHmt } from '../../src/sources/uk/index.js';
import { documentNumbers } from '../../src/sources/uk/documents.js';
import { readNationality } from '../../src/sources/uk/nationalities.js';
import { recordProblems } from '../../src/sources/un/validate.js';
import type { SourceRecord } from '../../src/model/types.js';

const fixture = (name: string) => join(packageRoot(), 'test', 'fixtures', 'uk', name);
const realHmt = join(sharedDataDir(), 'lists', 'uk', '2014-04-02', 'sanctionsconlist.csv');
const DPRK_REGIME = "North Korea (Democratic People's Republic of Korea)";

function byId(records: SourceRecord[], recordId: string): SourceRecord {
  const r = records.find((x) => x.recordId === recordId);
  assert.ok(r, `record ${recordId} not found`);
  return r;
}

async function expectSourceError(run: Promise<unknown>, path: string, reason: RegExp, line?: number) {
  await assert.rejects(run, (err: unknown) => {
    assert.ok(err instanceof SourceError, `expected a SourceError, got ${err}`);
    assert.equal(err.file, path);
    if (line !== undefined) assert.equal(err.line, line, err.message);
    assert.match(err.reason, reason);
    return true;
  });
}

// ---- HM Treasury CSV ---------------------------------------------------------------------------------------

test('ukHmt describes the HM Treasury list', () => {
  assert.equal(ukHmt.name, 'uk');
  assert.equal(ukHmt.dataset, 'gb_hmt_sanctions');
  assert.equal(ukHmt.prefix, 'uk');
  assert.equal(ukHmt.mirrorDir, 'uk');
  assert.ok(ukHmt.folderPattern.test('2014-04-02'));
  assert.deepEqual(ukHmt.files.map((f) => f.name), ['sanctionsconlist.csv']);
  assert.equal(ukHmt.files[0].url, 'https://ofsistorage.blob.core.windows.net/publishlive/2022format/ConList.csv');
});

test('HMT 2014-04-02: 2,297 targets, 63 DPRK (34 entities, 29 individuals)', { skip: !existsSync(realHmt) && 'shared data not present' }, async () => {
  const t0 = performance.now();
  const res = await ukHmt.parse({ 'sanctionsconlist.csv': realHmt });
  console.log(`# HMT 2014-04-02 parsed in ${(performance.now() - t0).toFixed(0)} ms`);
  assert.equal(res.records.length, 2297);
  assert.equal(res.statedDate, '2014-04-02');
  assert.deepEqual(res.warnings, []);
  const dprk = res.records.filter((r) => r.sanctions.some((s) => s.programs.includes(DPRK_REGIME)));
  assert.equal(dprk.length, 63);
  assert.equal(dprk.filter((r) => r.schema === 'Organization').length, 34);
  assert.equal(dprk.filter((r) => r.schema === 'Person').length, 29);
  assert.ok(dprk.every((r) => r.sanctions[0].authority === 'HM Treasury'));
  for (const r of res.records) assert.deepEqual(recordProblems(r), []);

  // Windows-1252 decoded: an accented name, and the right single quote in the 2ND ACADEMY row.
  const gia = byId(res.records, '6963');
  assert.equal(gia.caption, 'ARMED ISLAMIC GROUP');
  assert.ok(gia.properties.alias.includes('GROUPE ISLAMIQUE ARMÉ'), 'GROUPE ISLAMIQUE ARMÉ not found (wrong decoding?)');
  assert.ok(byId(res.records, gia.recordId).properties.birthPlace === undefined);
  assert.ok(res.records.some((r) => r.properties.birthPlace?.some((p) => p.startsWith('Médéa'))), 'Médéa (town of birth) not decoded');
  const academy = byId(res.records, '12871');
  assert.equal(academy.caption, 'SECOND ACADEMY OF NATURAL SCIENCES');
  assert.ok(academy.properties.alias.includes('2ND ACADEMY OF NATURAL SCIENCES'));
  assert.ok(academy.properties.notes.some((n) => n.includes('development of the DPRK’s advanced weapons systems')));
  assert.deepEqual(academy.properties.country, ['kp']);
  assert.deepEqual(academy.sanctions, [{ authority: 'HM Treasury', programs: [DPRK_REGIME], listingDate: '2013-04-23', provisions: [] }]);
  assert.equal(academy.line, 3);

  // One group, several regimes: one SanctionInfo per regime, with its own listing date.
  const soleimani = byId(res.records, '9062');
  assert.deepEqual(soleimani.sanctions.map((s) => [s.programs[0], s.listingDate]).sort(), [
    ['Iran (nuclear proliferation)', '2007-03-24'],
    ['Syria', '2011-06-24'],
    ['Terrorism and Terrorist Financing', '2011-10-17'],
  ]);
  // Doubled quotes inside an unquoted field.
  assert.deepEqual(byId(res.records, '12562').properties.position, ['In charge of counter-terrorist unit of the KGB "Alpha" unit']);
});

test('HMT fixture: names, dates, documents, nationality, ships', async () => {
  const res = await parseHmtCsv(fixture('hmt-small.csv'));
  assert.equal(res.statedDate, '2014-04-02');
  assert.equal(res.records.length, 5);
  const jon = byId(res.records, '11048');
  assert.equal(jon.id, 'uk-11048');
  assert.equal(jon.schema, 'Person');
  assert.deepEqual(jon.properties.name, ['Pyong-Ho JON']);
  assert.deepEqual(jon.properties.alias, ['Pyong-Ho CHON']);
  assert.deepEqual(jon.properties.firstName, ['Pyong-Ho']);
  assert.deepEqual(jon.properties.lastName, ['JON']);
  assert.deepEqual(jon.properties.birthDate, ['1926', '1926-07']);
  assert.deepEqual(jon.properties.nationality, ['kp']);
  assert.deepEqual(jon.properties.passportNumber, ['290410121', '123456']);
  assert.ok(jon.properties.notes.includes('Passport details: (1) 290410121 (DPRK) (2) PD 123456 (diplomatic)'));
  assert.ok(jon.properties.notes.includes('UN Ref KPi.099. Listed by the EU, Annex V.'));
  assert.deepEqual(jon.properties.position, ['Secretary of the Central Committee, KWP']);
  assert.deepEqual(jon.properties.address, ['Pyongyang, DPRK']);
  assert.deepEqual(jon.properties.modifiedAt, ['2013-02-19']);
  assert.equal(jon.line, 5);

  const gia = byId(res.records, '6963');
  assert.equal(gia.caption, 'GROUPE ISLAMIQUE ARMÉ');
  assert.deepEqual(gia.properties.previousName, ['GIA']);
  assert.deepEqual(gia.properties.country, ['dz']);
  assert.ok(gia.properties.notes.includes('UN Ref QE.G.6.01. Also known as "GIA".'));

  assert.ok(byId(res.records, '12871').properties.notes[0].includes('DPRK’s'));
  assert.deepEqual(byId(res.records, '12562').properties.title, ['Colonel']);

  const ship = byId(res.records, '13100');
  assert.equal(ship.schema, 'Vessel');
  assert.equal(ship.caption, 'CHONG CHON GANG');
  for (const r of res.records) assert.deepEqual(recordProblems(r), []);
});

test('HMT bad input: a row with too few fields, a file that is not the list', async () => {
  await expectSourceError(parseHmtCsv(fixture('hmt-broken-row.csv')), fixture('hmt-broken-row.csv'), /different number of fields/, 4);
  await expectSourceError(parseHmtCsv(fixture('hmt-wrong-header.csv')), fixture('hmt-wrong-header.csv'), /no "Name 6" column/, 2);
  await expectSourceError(parseHmtCsv(fixture('nope.csv')), fixture('nope.csv'), /file not found/);
});

test('HMT free-text helpers', () => {
  assert.deepEqual(documentNumbers('G827238 (Tunisian). Issued on 1 June 1996. Expired on 31 May 2001'), ['G827238']);
  assert.deepEqual(documentNumbers('Syrian passport # 002680351 (issued 25/04/2007, expires 24/04/2013)'), ['002680351']);
  assert.deepEqual(documentNumbers('(1) 660105-01-5297 (2) Driver license no D2161572. Issued in California, USA'), ['660105-01-5297', 'D2161572']);
  assert.deepEqual(documentNumbers('Italian Fiscal Code HDDFTH63H28Z352V'), ['HDDFTH63H28Z352V']);
  assert.deepEqual(readNationality('(1) Somali (2) Swedish'), { codes: ['so', 'se'], exact: true });
  assert.deepEqual(readNationality('North Korean'), { codes: ['kp'], exact: true });
  assert.deepEqual(readNationality('Kuwaiti citizenship withdrawn in 2002'), { codes: ['kw'], exact: false });
  assert.deepEqual(readNationality('Iraq'), { codes: ['iq'], exact: true });
});

// ---- FCDO UK Sanctions List XML ----------------------------------------------------------------------------

test('ukFcdo describes the FCDO list', () => {
  assert.equal(ukFcdo.name, 'uk-fcdo');
  assert.equal(ukFcdo.dataset, 'gb_fcdo_sanctions');
  assert.equal(ukFcdo.prefix, 'ukfcdo');
  assert.equal(ukFcdo.mirrorDir, 'uk-fcdo');
  assert.deepEqual(ukFcdo.files.map((f) => f.name), ['UK_Sanctions_List.xml']);
});

test('FCDO fixture: a DPRK individual', async () => {
  const res = await ukFcdo.parse({ 'UK_Sanctions_List.xml': fixture('fcdo-sample.xml') });
  assert.equal(res.statedDate, '2026-08-20');
  assert.equal(res.records.length, 3);
  const ri = byId(res.records, 'DPR0042');
  assert.equal(ri.id, 'ukfcdo-DPR0042');
  assert.equal(ri.source, 'uk-fcdo');
  assert.equal(ri.schema, 'Person');
  assert.equal(ri.caption, 'Won Ho RI');
  assert.deepEqual(ri.properties.firstName, ['Won']);
  assert.deepEqual(ri.properties.middleName, ['Ho']);
  assert.deepEqual(ri.properties.lastName, ['RI']);
  assert.deepEqual(ri.properties.alias, ['WON HO RI', 'Ri Won-ho', '리원호']);
  assert.deepEqual(ri.properties.weakAlias, ['Wonho']);
  assert.deepEqual(ri.properties.birthDate, ['1964-07-17', '1965']);
  assert.deepEqual(ri.properties.nationality, ['kp']);
  assert.deepEqual(ri.properties.passportNumber, ['381310014']);
  assert.deepEqual(ri.properties.idNumber, ['NI-7788']);
  assert.deepEqual(ri.properties.title, ['Colonel']);
  assert.deepEqual(ri.properties.position, ['Ministry of State Security official']);
  assert.deepEqual(ri.properties.gender, ['male']);
  assert.deepEqual(ri.properties.birthPlace, ['Pyongyang, North Korea']);
  assert.deepEqual(ri.properties.birthCountry, ['kp']);
  assert.deepEqual(ri.properties.address, ['Damascus, Syria']);
  assert.deepEqual(ri.properties.country, ['sy']);
  assert.deepEqual(ri.properties.modifiedAt, ['2026-04-14']);
  for (const note of ['UN Ref KPi.033', 'OFSI Group ID: 13456', 'Designation source: UN', 'Passport: 381310014: DPRK passport, expires 2021', 'FavouriteColour: blue']) {
    assert.ok(ri.properties.notes.includes(note), `missing note ${note}: ${ri.properties.notes.join(' | ')}`);
  }
  assert.deepEqual(ri.sanctions, [{
    authority: 'FCDO',
    programs: ["The Democratic People's Republic of Korea (Sanctions) (EU Exit) Regulations 2019"],
    provisions: ['Asset freeze', 'Travel Ban'],
    listingDate: '2016-11-30',
    reason: 'Ri Won Ho is a DPRK Ministry of State Security official supporting KOMID.',
  }]);
  assert.ok(res.warnings.some((w) => w.includes('<Individual/FavouriteColour>')), res.warnings.join('\n'));
});

test('FCDO fixture: a DPRK entity and a ship with an IMO number', async () => {
  const res = await parseFcdoXml(fixture('fcdo-sample.xml'));
  const komid = byId(res.records, 'DPR0001');
  assert.equal(komid.schema, 'Organization');
  assert.equal(komid.caption, 'KOREA MINING DEVELOPMENT TRADING CORPORATION');
  assert.deepEqual(komid.properties.alias, ['KOMID']);
  assert.deepEqual(komid.properties.address, ['Central District, Pyongyang, North Korea']);
  assert.deepEqual(komid.properties.country, ['kp']);
  assert.deepEqual(komid.properties.registrationNumber, ['KP-REG-0001']);
  assert.deepEqual(komid.properties.sector, ['Trading company']);
  assert.deepEqual(komid.properties.phone, ['+850 2 18111']);
  assert.deepEqual(komid.properties.email, ['komid@silibank.com']);
  assert.ok(komid.properties.notes.includes('Position: should become a note on an entity'));
  assert.deepEqual(komid.links, [
    { type: 'owner', targetName: 'Second Economic Committee', note: 'FCDO: parent company' },
    { type: 'subsidiary', targetName: 'Tosong Technology Trading Corporation', note: 'FCDO: subsidiary' },
  ]);

  const ship = byId(res.records, 'DPR0075');
  assert.equal(ship.schema, 'Vessel');
  assert.equal(ship.caption, 'YU PHYONG 5');
  assert.deepEqual(ship.properties.imoNumber, ['8605026']);
  assert.deepEqual(ship.properties.flag, ['kp']);
  assert.deepEqual(ship.properties.pastFlags, ['sl']);
  assert.deepEqual(ship.properties.type, ['Oil tanker']);
  assert.deepEqual(ship.properties.tonnage, ['1160']);
  assert.deepEqual(ship.properties.buildDate, ['1986']);
  assert.deepEqual(ship.properties.alias, ['YU PYONG 5']);
  assert.deepEqual(ship.links, [{ type: 'owner_operator', targetName: 'KOREA MYONGDOK SHIPPING CO', note: 'FCDO: current owner/operator' }]);
  // No SanctionsImposed: the measures come from the indicators that are true.
  assert.deepEqual(ship.sanctions[0].provisions, ['Prohibition of port entry', 'Deflag']);
  assert.equal(ship.sanctions[0].listingDate, '2018-03-30');
  for (const r of res.records) assert.deepEqual(recordProblems(r), []);
});

test('FCDO bad input: wrong root, duplicate UniqueID, truncated', async () => {
  await expectSourceError(parseFcdoXml(fixture('fcdo-wrong-root.xml')), fixture('fcdo-wrong-root.xml'), /root element <ArrayOfFinancialSanctionsTarget> is not <Designations>/, 2);
  await expectSourceError(parseFcdoXml(fixture('fcdo-duplicate.xml')), fixture('fcdo-duplicate.xml'), /UniqueID DPR0042 appears twice/);
  await expectSourceError(ukFcdo.parse({}), 'UK_Sanctions_List.xml', /no UK_Sanctions_List\.xml/);
});
