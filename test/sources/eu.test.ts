import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { packageRoot } from '../../src/config/paths.js';
import { SourceError } from '../../src/sources/types.js';
import { euFsf, parseEuFsf } from '../../src/sources/eu/index.js';
import { recordProblems } from '../../src/sources/un/validate.js';
import type { SourceRecord } from '../../src/model/types.js';

// No real EU file is staged: these fixtures are written from the published format (see src/sources/eu/fields.ts).
const fixture = (name: string) => join(packageRoot(), 'test', 'fixtures', 'eu', name);

function byId(records: SourceRecord[], recordId: string): SourceRecord {
  const r = records.find((x) => x.recordId === recordId);
  assert.ok(r, `record ${recordId} not found`);
  return r;
}

test('euFsf describes the EU list', () => {
  assert.equal(euFsf.name, 'eu');
  assert.equal(euFsf.dataset, 'eu_fsf');
  assert.equal(euFsf.prefix, 'eu');
  assert.equal(euFsf.mirrorDir, 'eu');
  assert.deepEqual(euFsf.files.map((f) => f.name), ['eu-fsf.xml']);
  assert.match(euFsf.files[0].url, /xmlFullSanctionsList_1_1\/content\?token=/);
});

test('EU fixture: a DPRK person', async () => {
  const res = await euFsf.parse({ 'eu-fsf.xml': fixture('sample.xml') });
  assert.equal(res.statedDate, '2026-05-07');
  assert.equal(res.records.length, 3);
  const ri = byId(res.records, '120001');
  assert.equal(ri.id, 'eu-120001');
  assert.equal(ri.source, 'eu');
  assert.equal(ri.schema, 'Person');
  assert.equal(ri.caption, 'RI Won Ho');
  assert.deepEqual(ri.properties.alias, ['Ри Вон Хо']);
  assert.deepEqual(ri.properties.weakAlias, ['Ri Won-ho']);
  assert.deepEqual(ri.properties.firstName, ['Won Ho']);
  assert.deepEqual(ri.properties.lastName, ['RI']);
  assert.deepEqual(ri.properties.gender, ['male']);
  assert.deepEqual(ri.properties.position, ['Ministry of State Security official']);
  assert.deepEqual(ri.properties.nationality, ['kp']);
  assert.deepEqual(ri.properties.birthDate, ['1964-07-17', '1963']);
  assert.deepEqual(ri.properties.birthPlace, ['Pyongyang, NORTH KOREA']);
  assert.deepEqual(ri.properties.birthCountry, ['kp']);
  assert.deepEqual(ri.properties.passportNumber, ['381310014']);
  assert.deepEqual(ri.properties.address, ['Damascus, SYRIAN ARAB REPUBLIC (at time of listing)']);
  assert.deepEqual(ri.properties.country, ['sy']);
  assert.deepEqual(ri.properties.modifiedAt, ['2017-08-30']);
  assert.equal(ri.properties.sourceUrl.length, 2);
  for (const note of ['UN listing date: 30.11.2016.', 'low quality alias', 'Valid until 2021', 'UN Ref KPi.033', 'EU reference number: EU.4232.71', 'Date of birth: circa 1963']) {
    assert.ok(ri.properties.notes.includes(note), `missing note "${note}": ${ri.properties.notes.join(' | ')}`);
  }
  assert.ok(ri.properties.notes.some((n) => n.startsWith('EU regulation: 2017/1509 (OJ L224), (amendment), programme PRK')));
  assert.deepEqual(ri.sanctions, [{ authority: 'EU', programs: ['PRK'], provisions: [], listingDate: '2016-12-14' }]);
});

test('EU fixture: a DPRK enterprise, identifiers and contacts', async () => {
  const res = await parseEuFsf(fixture('sample.xml'));
  const komid = byId(res.records, '120002');
  assert.equal(komid.schema, 'Organization');
  assert.equal(komid.caption, 'Korea Mining Development Trading Corporation');
  assert.deepEqual(komid.properties.alias, ['KOMID']);
  assert.deepEqual(komid.properties.imoNumber, ['1234567']);
  assert.deepEqual(komid.properties.swiftBic, ['KOMID-BIC1']);
  assert.deepEqual(komid.properties.idNumber, ['X-1']);
  assert.deepEqual(komid.properties.phone, ['+850 2 18111', '+850 2 18222']);
  assert.deepEqual(komid.properties.email, ['komid@silibank.com']);
  assert.deepEqual(komid.properties.address, ['Central District, Pyongyang, NORTH KOREA']);
  assert.deepEqual(komid.properties.country, ['kp']);
  assert.ok(komid.properties.notes.includes('Function: Arms dealer'), 'an enterprise has no position: kept as a note');
  assert.ok(komid.properties.notes.includes('futureElement: some new text'));
  assert.equal(komid.sanctions[0].reason, 'Primary arms dealer and main exporter of goods and equipment related to ballistic missiles.');
  assert.equal(komid.sanctions[0].listingDate, '2009-05-04');
  assert.ok(res.warnings.some((w) => w.includes('"newcode"')), res.warnings.join('\n'));
  assert.ok(res.warnings.some((w) => w.includes('<sanctionEntity/futureElement>')), res.warnings.join('\n'));

  const other = byId(res.records, '120003');
  assert.deepEqual(other.sanctions[0].programs, ['UKR']);
  for (const r of res.records) assert.deepEqual(recordProblems(r), []);
});

test('EU bad input: wrong root, truncated file', async () => {
  const wrong = fixture('wrong-root.xml');
  await assert.rejects(parseEuFsf(wrong), (err: unknown) => {
    assert.ok(err instanceof SourceError);
    assert.equal(err.file, wrong);
    assert.equal(err.line, 2);
    assert.match(err.reason, /root element <CONSOLIDATED_LIST> is not <export>/);
    return true;
  });
  const truncated = fixture('truncated.xml');
  await assert.rejects(parseEuFsf(truncated), (err: unknown) => {
    assert.ok(err instanceof SourceError);
    assert.equal(err.file, truncated);
    assert.equal(typeof err.line, 'number');
    assert.match(err.reason, /truncated|malformed XML/);
    return true;
  });
  await assert.rejects(euFsf.parse({}), SourceError);
});
