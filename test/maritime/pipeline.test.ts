import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { parse } from 'csv-parse/sync';
import { sharedDataDir } from '../../src/config/paths.js';
import { runFiles } from '../../src/analyses/maritime/pipeline.js';
import { validateEvent, type MaritimeEvent } from '../../src/analyses/maritime/events.js';
import { defaultParams, PARAMETERS } from '../../src/analyses/maritime/params.js';
import { registerAis } from '../../src/surfaces/cli/commands/ais.js';
import { toSentences, encodePosition } from '../../src/sources/ais/encode.js';

const MIN = 60_000;
const T0 = Date.UTC(2024, 2, 1);
const iso = (t: number) => new Date(t).toISOString().replace('.000Z', 'Z');

/** A pinned-layout CSV: three vessels every minute for 8 hours (time order), then the bad lines. */
function badCsv(): string {
  const lines = ['mmsi,timestamp,lat,lon,sog,cog,heading,nav_status'];
  for (let k = 0; k < 480; k++) {
    lines.push(`412000001,${iso(T0 + k * MIN)},${(30 + k * 0.001).toFixed(4)},123.0,10,0,0,0`);
    lines.push(`412000011,${iso(T0 + k * MIN)},${(32 + k * 0.001).toFixed(4)},125.0,10,0,0,0`);
    lines.push(`412000021,${iso(T0 + k * MIN)},${(34 + k * 0.001).toFixed(4)},127.0,10,0,0,0`);
  }
  lines.push(
    'this is not a csv row at all',
    '412000001,not-a-time,30,123,10,0,0,0',
    'abc,2024-03-01T01:00:00Z,30,123,10,0,0,0',
    `412000001,${iso(T0 + 30 * MIN)},30.03,123.0,10,0,0,0`, // a duplicate of an earlier line
    `412000002,${iso(T0 + 60 * MIN)},91,181,0,0,0,0`, // "not available"
    `412000002,${iso(T0 + 60 * MIN)},91.5,120,0,0,0,0`, // impossible
    `412000002,${iso(T0 + 60 * MIN)},30,181.5,0,0,0,0`, // impossible
    `412000003,${iso(T0 + 5 * MIN)},31,124,10,0,0,0`, // out of order: 8 h late
    '"unterminated,quote',
  );
  return `${lines.join('\n')}\n`;
}

test('bad input: garbage, out-of-order and duplicate lines and impossible coordinates are counted and skipped; the run completes', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'chokepoint-bad-'));
  try {
    const file = join(dir, 'bad.csv');
    writeFileSync(file, badCsv());
    // In memory (small input): the out-of-order line is put back in order.
    const a = await runFiles({ files: [file] });
    assert.equal(a.positions, 1441);
    assert.equal(a.skipped.duplicate, 1);
    assert.equal(a.skipped.position_unavailable, 1);
    assert.equal(a.skipped.bad_position, 2);
    assert.ok((a.skipped.bad_time ?? 0) >= 1);
    assert.ok((a.skipped.bad_mmsi ?? 0) + (a.skipped.malformed ?? 0) >= 2, JSON.stringify(a.skipped));
    assert.ok(a.tracks.reordered >= 1);
    // Streaming: the lines hours behind the stream (the out-of-order one and the repeated one) are skipped as late.
    const b = await runFiles({ files: [file], streaming: true });
    assert.equal(b.skipped.late, 2);
    assert.equal(b.positions, 1440);
    assert.equal(b.streaming, true);

    // NMEA: garbage, a bad checksum, a duplicate sentence, a truncated line.
    const good = (t: number, lat: number) => `\\c:${Math.floor(t / 1000)}*00\\${toSentences(encodePosition({ type: 1, mmsi: 412000009, lat, lon: 123, sog: 10, cog: 0, radio: t % 1000 }))[0]}`;
    const nmea = [
      ...Array.from({ length: 60 }, (_, k) => good(T0 + k * MIN, 30 + k * 0.002)),
      'garbage garbage', '!AIVDM,1,1,,A,15M67FC000G?ufbE`FepT@3n00Sa,0*FF', '!AIVDM,1,1,,A,15M67F', good(T0 + 59 * MIN, 30.118),
    ].map((l) => l.replace(/\\c:(\d+)\*00\\/, (_m, c: string) => {
      const body = `c:${c}`;
      let x = 0;
      for (const ch of body) x ^= ch.charCodeAt(0);
      return `\\${body}*${x.toString(16).toUpperCase().padStart(2, '0')}\\`;
    }));
    const nf = join(dir, 'bad.nmea');
    writeFileSync(nf, `${nmea.join('\n')}\n`);
    const c = await runFiles({ files: [nf] });
    assert.equal(c.positions, 60);
    assert.ok(Object.values(c.skipped).reduce((x, y) => x + y, 0) >= 3, JSON.stringify(c.skipped));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('CLI: chokepoint ais detect writes pinned JSON Lines and GeoJSON and says what it skipped', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'chokepoint-cli-'));
  const err: string[] = [];
  const write = process.stderr.write.bind(process.stderr);
  try {
    const file = join(dir, 'in.csv');
    // One DPRK-flagged vessel with a gap and the bad lines.
    writeFileSync(file, badCsv().replace(/^412000001,/gm, '445000001,'));
    const program = new Command('chokepoint').exitOverride();
    registerAis(program);
    process.stderr.write = ((s: string) => { err.push(String(s)); return true; }) as typeof process.stderr.write;
    await program.parseAsync(['node', 'chokepoint', 'ais', 'detect', file, '--output', join(dir, 'e.jsonl'), '--geojson', join(dir, 'e.geojson'),
      '--summary', join(dir, 's.json'), '--identities', join(dir, 'ids.jsonl')]);
    process.stderr.write = write;
    const events = readFileSync(join(dir, 'e.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as MaritimeEvent);
    assert.ok(events.length >= 1);
    for (const e of events) assert.deepEqual(validateEvent(e), []);
    assert.ok(events.some((e) => e.type === 'invalid_mmsi' && e.evidence.reason === 'dprk_flag'));
    const gj = JSON.parse(readFileSync(join(dir, 'e.geojson'), 'utf8')) as { type: string; features: { geometry: { type: string } }[] };
    assert.equal(gj.type, 'FeatureCollection');
    assert.equal(gj.features.length, events.length);
    const summary = JSON.parse(readFileSync(join(dir, 's.json'), 'utf8')) as { skipped: Record<string, number> };
    assert.equal(summary.skipped.duplicate, 1);
    assert.match(err.join(''), /skipped: .*duplicate 1/);
    assert.match(err.join(''), /positions\/s/);
    // The pinned CSV has no identity columns: the timelines file exists and is empty.
    assert.equal(readFileSync(join(dir, 'ids.jsonl'), 'utf8'), '');
  } finally {
    process.stderr.write = write;
    rmSync(dir, { recursive: true, force: true });
  }
});

const AIS = join(sharedDataDir(), 'ais');
const noSamples = !existsSync(join(AIS, 'nmea-samples')) && 'shared data ais/nmea-samples not found';

test('real NMEA samples decode through the pipeline (DMA $PGHP stream, tag blocks, plain sentences)', { skip: noSamples }, async () => {
  for (const f of ['stream_example.txt', 'test_data_20211101.nm4', 'nmea_data_sample.txt']) {
    const events: MaritimeEvent[] = [];
    // nmea_data_sample.txt carries no times: they are given one (else every line is skipped as no_time).
    const s = await runFiles({ files: [join(AIS, 'nmea-samples', f)], format: 'nmea', defaultTime: Date.UTC(2024, 0, 1), onEvent: (e) => events.push(e) });
    assert.ok(s.positions > 400, `${f}: ${s.positions} ${JSON.stringify(s.skipped)}`);
    assert.ok(s.vessels > 10);
    for (const e of events) assert.deepEqual(validateEvent(e), [], `${f}: ${JSON.stringify(e)}`);
  }
});

test('Miller et al. 2018 encounters (GFW) all satisfy our encounter parameters, on 10-minute steps', { skip: !existsSync(join(AIS, 'gfw-transshipment-miller2018')) && 'no Miller data' }, () => {
  const rows = parse(readFileSync(join(AIS, 'gfw-transshipment-miller2018', 'encounter-events.csv')), { columns: true }) as Record<string, string>[];
  const p = defaultParams();
  assert.equal(rows.length, 11_681);
  for (const r of rows) {
    assert.ok(Number(r.duration_hr) >= p['encounter.minDurationHours']);
    assert.ok(Number(r.median_distance_km) <= p['encounter.maxDistanceKm']);
    assert.ok(Number(r.median_speed_knots) < p['encounter.maxMedianSpeedKn']);
    assert.equal(Date.parse(r.start_time) % (p['encounter.binMinutes'] * MIN), 0);
  }
});

test('every parameter has a value, a unit and a source', () => {
  for (const [name, spec] of Object.entries(PARAMETERS)) {
    assert.ok(Number.isFinite(spec.value), name);
    assert.ok(spec.unit.length > 0, name);
    assert.ok(spec.source.length > 0, name);
    if (spec.source === 'project') assert.ok('note' in spec && spec.note, `${name}: a project choice needs its reason`);
  }
});
