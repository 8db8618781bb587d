import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encodePosition, encodeStaticVoyage, encodeClassBStatic } from '../../src/sources/ais/encode.js';
import { createNmeaDecoder, type AisPosition } from '../../src/sources/ais/index.js';
import { positionPayload, staticPayload, NmeaWriter, CsvWriter, teeSink, type SimPosition } from '../../bench/maritime-sim/writers.js';
import { simulate } from '../../bench/maritime-sim/simulate.js';
import { scoreEvents, type TruthEvent } from '../../bench/maritime-sim/truth.js';
import { Rng } from '../../bench/maritime-sim/world.js';
import { runFiles } from '../../src/analyses/maritime/pipeline.js';
import type { MaritimeEvent } from '../../src/analyses/maritime/events.js';

test('simulator NMEA payloads are bit-identical to the decoder tests\' encoder (encode.ts)', () => {
  const r = new Rng(7);
  for (let k = 0; k < 2000; k++) {
    const cls = r.chance(0.3) ? 'B' : 'A';
    const p: SimPosition = {
      mmsi: r.int(100_000, 999_999_999), t: 1_709_251_200_000 + r.int(0, 86_400) * 1000, lat: Math.round(r.range(-90, 90) * 600_000) / 600_000,
      lon: Math.round(r.range(-180, 180) * 600_000) / 600_000, sog: Math.round(r.range(0, 30) * 10) / 10, cog: Math.round(r.range(0, 359.9) * 10) / 10,
      heading: r.int(0, 359), navStatus: r.int(0, 15), cls,
    };
    const radio = r.int(0, 1 << 18);
    const mine = positionPayload(p, radio);
    const ref = encodePosition({
      type: cls === 'B' ? 18 : 1, mmsi: p.mmsi, lat: p.lat, lon: p.lon, sog: p.sog, cog: p.cog, heading: p.heading, navStatus: p.navStatus,
      second: Math.floor(p.t / 1000) % 60, radio,
    });
    assert.equal(mine.bits.payload(), ref.payload);
    assert.equal(mine.fill, ref.fill);
  }
  const s = { mmsi: 412345678, t: 0, cls: 'A' as const, name: 'KUM UN SAN 3', callSign: 'HMAB', imo: 9074729, shipType: 80 };
  const ref5 = encodeStaticVoyage({ mmsi: s.mmsi, imo: s.imo, callSign: s.callSign, name: s.name, shipType: 80, bow: 100, stern: 20, port: 8, starboard: 8, draught: 8 });
  assert.equal(staticPayload(s).bits.payload(), ref5.payload);
  const b = { ...s, cls: 'B' as const };
  assert.equal(staticPayload(b, 'A').bits.payload(), encodeClassBStatic({ mmsi: s.mmsi, name: s.name }, 'A').payload);
  assert.equal(staticPayload(b, 'B').bits.payload(),
    encodeClassBStatic({ mmsi: s.mmsi, shipType: 80, callSign: s.callSign, bow: 15, stern: 5, port: 3, starboard: 3 }, 'B').payload);
});

test('simulator: deterministic per seed; NMEA (with tag blocks) and CSV carry the same records and give the same events', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'chokepoint-sim-'));
  try {
    const o = { seed: 5, vessels: 40, days: 2, scenarios: { sts: 2, dark_gap: 2, port_call: 1, port_call_dark: 1, identity_change: 2, reflag: 1, shared_mmsi: 1, invalid_mmsi: 2, sts_one_sided: 1 } };
    const nmea = new NmeaWriter(join(dir, 'a.nmea'));
    const csv = new CsvWriter(join(dir, 'a.csv'));
    const a = simulate(o, teeSink(nmea, csv));
    nmea.close();
    csv.close();
    const b = simulate(o, { position() {}, static() {} });
    assert.deepEqual(b.truth, a.truth);
    assert.equal(b.positions, a.positions);
    const c = simulate({ ...o, seed: 6 }, { position() {}, static() {} });
    assert.notDeepEqual(c.truth, a.truth);
    // Every line is a tag-blocked sentence with a time.
    const first = readFileSync(join(dir, 'a.nmea'), 'utf8').split('\n', 3);
    assert.match(first[0], /^\\s:sim,c:\d{10}\*[0-9A-F]{2}\\!AIVDM,1,1,,A,[0-9:;<=>?@A-W`a-w]+,\d\*[0-9A-F]{2}$/);
    // The NMEA round trip gives back the simulated positions.
    const decoded: AisPosition[] = [];
    const d = createNmeaDecoder({ onPosition: (p) => decoded.push({ ...p }) });
    d.push(readFileSync(join(dir, 'a.nmea')));
    d.end();
    assert.equal(decoded.length, a.positions);
    assert.deepEqual(d.stats().errors, {});
    // CSV writes 6 decimals, NMEA carries 1/600000 degree: the same events, to the minute.
    const minute = (iso: string) => iso.slice(0, 16);
    const ev = async (file: string) => {
      const out: MaritimeEvent[] = [];
      await runFiles({ files: [join(dir, file)], onEvent: (e) => out.push(e) });
      return out.map((e) => `${e.type} ${e.mmsi.join(',')} ${minute(e.start)} ${minute(e.end)} ${e.region}`).sort();
    };
    const fromNmea = await ev('a.nmea');
    assert.ok(fromNmea.length > 10);
    assert.deepEqual(await ev('a.csv'), fromNmea);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('scoring: type, MMSIs and time must agree; matching is one-to-one; optional truth is neither missed nor false', () => {
  const h = 3_600_000;
  const ev = (type: MaritimeEvent['type'], mmsi: number[], s: number, e: number): MaritimeEvent => ({
    type, mmsi, imo: [], start: new Date(s).toISOString(), end: new Date(e).toISOString(), lat: 0, lon: 0, region: '', confidence: 1, evidence: {}, params: {},
  });
  const truth: TruthEvent[] = [
    { type: 'encounter', mmsi: [1, 2], start: 10 * h, end: 14 * h, lat: 0, lon: 0, scenario: 'x' },
    { type: 'encounter', mmsi: [3, 4], start: 10 * h, end: 14 * h, lat: 0, lon: 0, scenario: 'x' },
    { type: 'gap', mmsi: [5], start: 0, end: 8 * h, lat: 0, lon: 0, scenario: 'x', optional: true },
  ];
  const detected = [
    ev('encounter', [2, 1], 11 * h, 13 * h), // match (order-free MMSIs)
    ev('encounter', [1, 2], 11 * h, 12 * h), // a duplicate: false positive
    ev('encounter', [3, 4], 20 * h, 22 * h), // wrong time: false positive, and [3, 4] missed
    ev('gap', [5], 0, 8 * h), // optional truth: not counted either way
    ev('loitering', [9], 0, 5 * h), // no truth of this type
  ];
  const s = scoreEvents(detected, truth);
  const enc = s.perType.find((x) => x.type === 'encounter')!;
  assert.deepEqual([enc.tp, enc.fp, enc.fn], [1, 2, 1]);
  assert.equal(enc.precision, 1 / 3);
  assert.equal(enc.recall, 0.5);
  const gap = s.perType.find((x) => x.type === 'gap')!;
  assert.deepEqual([gap.tp, gap.fp, gap.fn, gap.precision, gap.recall], [0, 0, 0, 1, 1]);
  const loit = s.perType.find((x) => x.type === 'loitering')!;
  assert.deepEqual([loit.fp, loit.precision], [1, 0]);
});
