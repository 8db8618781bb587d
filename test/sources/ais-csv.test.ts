import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { join } from 'node:path';
import { packageRoot, sharedDataDir } from '../../src/config/paths.js';
import {
  createCsvDecoder, decodeCsvFile, mmsiValidity, GFW_CSV_MAPPING, AISDB_CSV_MAPPING, type AisPosition, type AisStatic,
  type CsvDecoderOptions,
} from '../../src/sources/ais/index.js';
import { CsvRecords } from '../../src/sources/ais/csv-records.js';

const FIXTURE = join(packageRoot(), 'test', 'fixtures', 'ais', 'pinned.csv');
const AIS = join(sharedDataDir(), 'ais');
const GFW = join(AIS, 'gfw-fleet150-identity');
const noGfw = !existsSync(GFW) && 'shared data ais/gfw-fleet150-identity not found';
const noSamples = !existsSync(join(AIS, 'nmea-samples')) && 'shared data ais/nmea-samples not found';

function collect(options: CsvDecoderOptions = {}) {
  const positions: AisPosition[] = [];
  const statics: AisStatic[] = [];
  return {
    positions, statics,
    options: { ...options, onPosition: (p: AisPosition) => positions.push({ ...p }), onStatic: (s: AisStatic) => statics.push({ ...s }) },
  };
}

const MAR_1 = Date.UTC(2024, 2, 1);
const MIN = 60_000;

test('pinned layout: values, "not available" markers, extra columns, bad rows counted', async () => {
  const c = collect();
  const stats = await decodeCsvFile(FIXTURE, c.options);
  const row = (p: AisPosition) => [p.mmsi, p.t, p.lat, p.lon, p.sog, p.cog, p.heading, p.navStatus];
  assert.deepEqual(c.positions.map(row), [
    [445123456, MAR_1, 39, 125.5, 10.5, 123.4, 120, 0],
    [445123456, MAR_1 + 10 * MIN, 39.1, 125.6, undefined, undefined, undefined, 15], // 102.3 kn, 360°, 511: n/a
    [412000001, MAR_1 + 5 * MIN, 31.2, 121.5, undefined, undefined, undefined, undefined], // empty cells
    [412000001, MAR_1 + 5 * MIN, 31.3, 121.6, 0, 0, 0, 1], // +09:00 offset → the same UTC instant
    [273000001, 1709251200000, 43.1, 131.9, 12, 90, 91, 0], // epoch seconds
    [273000002, MAR_1, 43.2, 131.8, undefined, undefined, undefined, undefined], // short row
  ]);
  assert.ok(c.positions.every((p) => p.msgType === 0 && p.cls === 'A'), 'no message-type column: type 0, class A');
  assert.equal(c.statics.length, 0);
  assert.deepEqual(stats, {
    // decoded: the 6 positions and the 2 rows read whose position is unusable (as for NMEA messages)
    lines: 12, sentences: 0, timestampSentences: 0, messages: 12, decoded: { 0: 8 }, unsupportedTypes: {}, positions: 6, statics: 0,
    timeDefaulted: 0, errors: { bad_mmsi: 1, bad_time: 1, no_time: 1, position_unavailable: 1, bad_position: 1, empty_row: 1 },
  });
});

test('push API: chunks cut anywhere, defaultTime, a broken quote is one malformed row', () => {
  const bytes = readFileSync(FIXTURE);
  const whole = collect();
  const d1 = createCsvDecoder(whole.options);
  d1.push(bytes);
  d1.end();
  const cut = collect();
  const d2 = createCsvDecoder(cut.options);
  for (let i = 0; i < bytes.length; i += 5) d2.push(bytes.subarray(i, i + 5));
  d2.end();
  assert.deepEqual(cut.positions, whole.positions);
  assert.deepEqual(d2.stats(), d1.stats());

  const c = collect({ defaultTime: MAR_1 });
  const d = createCsvDecoder(c.options);
  d.push('mmsi,timestamp,lat,lon\n440000002,,35,129\n440000006,2024-03-01T00:00:00Z,"35,129\n');
  d.end();
  assert.deepEqual(c.positions.map((p) => [p.mmsi, p.t]), [[440000002, MAR_1]]);
  assert.equal(d.stats().timeDefaulted, 1);
  assert.deepEqual(d.stats().errors, { malformed: 1 });
});

test('a header without the mapped mmsi or timestamp column is refused', () => {
  const d = createCsvDecoder();
  assert.throws(() => d.push('ssvid,timestamp,lat,lon\n1,2,3,4\n'), /no column for mmsi/);
});

test('custom mapping: alternative names and computed fields', () => {
  const c = collect({
    mapping: {
      mmsi: ['MMSI', 'mmsi'], timestamp: (row) => Date.parse(`${row.get('date')}T${row.get('time')}Z`), lat: 'y', lon: 'x',
      sog: (row) => Number(row.get('speed_ms')) * 1.943844, name: 'vessel',
    },
  });
  const d = createCsvDecoder(c.options);
  d.push('MMSI,date,time,y,x,speed_ms,vessel\n445000007,2024-03-01,06:00:00,39.5,125.1,5,SONG HAE\n');
  d.end();
  assert.deepEqual(c.positions.map((p) => [p.mmsi, p.t, p.lat, p.lon, +p.sog!.toFixed(2)]), [[445000007, MAR_1 + 360 * MIN, 39.5, 125.1, 9.72]]);
  assert.deepEqual(c.statics.map((s) => [s.mmsi, s.name]), [[445000007, 'SONG HAE']]);
});

// Expected GFW / AISdb counts were checked independently with Python's csv module (Counter over the type column,
// shipname/lat "NA" tests, 91/181 rows, MMSI "0"): e.g. non_gear_outside_CHN.csv has 23,944 AIS.19 rows (19,617
// with a name), 7,767 AIS.5, 4,964 AIS.24 of which 54 have a name of 20 blanks only, 5 AIS.21, and 2 rows at 91/181.
test('GFW identity extract (non_gear_outside_CHN.csv): positions, statics from NA-position rows', { skip: noGfw }, async () => {
  const c = collect({ mapping: GFW_CSV_MAPPING });
  const stats = await decodeCsvFile(join(GFW, 'non_gear_outside_CHN.csv'), c.options);
  assert.deepEqual(stats, {
    lines: 36680, sentences: 0, timestampSentences: 0, messages: 36680,
    decoded: { 5: 7767, 19: 23944, 24: 4910 }, unsupportedTypes: { 21: 5 },
    positions: 23942, statics: 32294, timeDefaulted: 0,
    errors: { unsupported_type: 5, position_unavailable: 2, empty_row: 54 },
  });
  // First row: "AIS.19","150300002",2022-09-23 12:21:53,"YU FENG 888       2",NA,24.9920283333333,121.000123333333,0.7
  assert.deepEqual(c.positions[0], {
    mmsi: 150300002, t: Date.UTC(2022, 8, 23, 12, 21, 53), lat: 24.9920283333333, lon: 121.000123333333, sog: 0.7, cog: undefined,
    heading: undefined, navStatus: undefined, msgType: 19, cls: 'B',
  });
  assert.equal(c.statics[0].name, 'YU FENG 888       2');
  const withCallSign = c.statics.find((s) => s.callSign !== undefined)!;
  assert.equal(withCallSign.msgType, 5);
  assert.equal(mmsiValidity(c.positions[0].mmsi).reason, 'unknown_mid'); // the "150" fleet
});

test('GFW message-level track (150402951_01dec2021_15feb2022.csv)', { skip: noGfw }, async () => {
  const c = collect({ mapping: GFW_CSV_MAPPING });
  const stats = await decodeCsvFile(join(GFW, '150402951_01dec2021_15feb2022.csv'), c.options);
  assert.deepEqual(stats.decoded, { 1: 14497, 3: 3, 18: 54, 19: 4 });
  assert.equal(stats.positions, 14558);
  assert.deepEqual(stats.errors, {});
  // Row 1: …,"150402951",…,2022-01-26 15:32:37,-45.50027,-60.2064483333,1.6,511,307.1,…,"A",1,2022
  assert.deepEqual(c.positions[0], {
    mmsi: 150402951, t: Date.UTC(2022, 0, 26, 15, 32, 37), lat: -45.50027, lon: -60.2064483333, sog: 1.6, cog: 307.1,
    heading: undefined, navStatus: undefined, msgType: 1, cls: 'A',
  });
  assert.equal(c.positions.filter((p) => p.cls === 'B').length, 58); // AIS_class column
});

test('AISdb decoded CSV (test_data_20210701.csv) with AISDB_CSV_MAPPING', { skip: noSamples }, async () => {
  const c = collect({ mapping: AISDB_CSV_MAPPING });
  const stats = await decodeCsvFile(join(AIS, 'nmea-samples', 'test_data_20210701.csv'), c.options);
  assert.deepEqual(stats, {
    lines: 2498, sentences: 0, timestampSentences: 0, messages: 2498,
    decoded: { 1: 1062, 3: 206, 5: 31, 18: 84, 19: 41, 24: 33, 27: 978 },
    unsupportedTypes: { 4: 19, 6: 1, 8: 2, 9: 1, 12: 1, 20: 7, 21: 13, 25: 17, 26: 1 },
    positions: 2360, statics: 105, timeDefaulted: 0,
    errors: { unsupported_type: 62, position_unavailable: 11, bad_mmsi: 1 }, // MMSI "0" on a type 18 row
  });
  // "432905000","1",…,"20210701_185151","680",…,"0","0.0","13.6","0","-103.63687","8.87747666667","314.8","315.0",…
  assert.deepEqual(c.positions[0], {
    mmsi: 432905000, t: Date.UTC(2021, 6, 1, 18, 51, 51, 680), lat: 8.87747666667, lon: -103.63687, sog: 13.6, cog: 314.8,
    heading: 315, navStatus: 0, msgType: 1, cls: 'A',
  });
  // "538007407","5",…,"GH ZONDA            ","V7MF3  ","9436472","71","182","49","24","8","87","BLUFF               "
  const zonda = c.statics.find((s) => s.mmsi === 538007407)!;
  assert.deepEqual([zonda.name, zonda.callSign, zonda.imo, zonda.shipType, zonda.shipTypeText, zonda.length, zonda.beam, zonda.draught, zonda.destination],
    ['GH ZONDA', 'V7MF3', 9436472, 71, 'Cargo', 231, 32, 8.7, 'BLUFF']);
});

/** Records as string arrays ('<malformed>' marks a dropped record), fed in chunks of `chunk` bytes. */
function recordsOf(bytes: Buffer, chunk = bytes.length): string[][] {
  const out: string[][] = [];
  const r = new CsvRecords((rec) => {
    const row: string[] = [];
    for (let i = 0; i < rec.count; i++) row.push(rec.field(i)!);
    out.push(row);
  }, () => out.push(['<malformed>']));
  for (let i = 0; i < bytes.length; i += chunk) r.push(bytes.subarray(i, i + chunk));
  r.end();
  return out;
}

const CSV_PARSE_OPTIONS = { bom: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: true } as const;

test('the record splitter gives csv-parse\'s records (tricky input, every staged CSV file, any chunking)', () => {
  const tricky = Buffer.from('\ufeffa,"b ""q"" c","multi\r\nline"\r\n\r\n"x",,\r\nsay "hi",é,\r\nlast,"",z', 'utf8');
  const expected = parse(tricky, CSV_PARSE_OPTIONS) as string[][];
  assert.deepEqual(expected, [['a', 'b "q" c', 'multi\r\nline'], ['x', '', ''], ['say "hi"', 'é', ''], ['last', '', 'z']]);
  for (const chunk of [tricky.length, 1, 2, 3, 5]) assert.deepEqual(recordsOf(tricky, chunk), expected, `chunks of ${chunk}`);
  // Unlike csv-parse, which keeps the first line end it sees as the only one, any of CRLF, LF, CR ends a line.
  assert.deepEqual(recordsOf(Buffer.from('a,b\r\nc,d\ne,f\rg,h')), [['a', 'b'], ['c', 'd'], ['e', 'f'], ['g', 'h']]);
  assert.deepEqual(recordsOf(Buffer.from('a,"open\nb,c\n')), [['<malformed>']], 'a quote never closed');

  const files = [FIXTURE];
  for (const dir of [GFW, join(AIS, 'gfw-transshipment-miller2018')]) {
    if (existsSync(dir)) files.push(...readdirSync(dir).filter((f) => f.endsWith('.csv')).map((f) => join(dir, f)));
  }
  if (!noSamples) files.push(join(AIS, 'nmea-samples', 'test_data_20210701.csv'));
  for (const file of files) {
    const bytes = readFileSync(file);
    const expectedRows = parse(bytes, CSV_PARSE_OPTIONS) as string[][];
    assert.deepEqual(recordsOf(bytes), expectedRows, file);
    assert.deepEqual(recordsOf(bytes, 997), expectedRows, `${file} in chunks of 997 bytes`);
  }
  assert.ok(files.length >= 10 || noGfw, `compared ${files.length} files`);
});
