/**
 * The ingest hot paths against plain reference implementations on random input: RowBuffer's sort by vessel (vs a
 * stable sort of row objects), VesselTable (vs a Map), TrackBuffer's static-record recycling (records seen in one
 * bucket keep their values during the call, and reused records never leak values into later buckets).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Columns, VesselTable } from '../../src/analyses/maritime/columns.js';
import { RowBuffer } from '../../src/analyses/maritime/row-buffer.js';
import { TrackBuffer, type Bucket } from '../../src/analyses/maritime/tracks.js';
import { defaultParams } from '../../src/analyses/maritime/params.js';
import { prng } from '../../bench/stats.js';

const rng = prng;

test('RowBuffer.sortByVesselInto: same rows and order as a stable sort by vessel (counting and comparison paths)', () => {
  for (const [seed, rows, vessels] of [[1, 5000, 40], [2, 300, 5000], [3, 0, 10], [4, 1, 1], [5, 20000, 3000]]) {
    const r = rng(seed);
    const buf = new RowBuffer(4); // grows while filled
    const ref: { i: number; v: number; t: number; lat: number; lon: number; sog: number; cog: number }[] = [];
    for (let i = 0; i < rows; i++) {
      const v = Math.floor(r() * vessels);
      const row = {
        i, v, t: 1.7e12 + Math.floor(r() * 3.6e6), lat: r() * 180 - 90, lon: r() * 360 - 180,
        sog: r() < 0.1 ? NaN : r() * 30, cog: r() < 0.1 ? NaN : r() * 360,
      };
      ref.push(row);
      buf.push(row.v, row.t, row.lat, row.lon, row.sog, row.cog);
    }
    ref.sort((a, b) => a.v - b.v || a.i - b.i);
    const out = new Columns(2);
    buf.sortByVesselInto(out, vessels, new Int32Array(rows + vessels + 1));
    assert.equal(out.n, rows);
    for (let k = 0; k < rows; k++) {
      const e = ref[k];
      assert.deepEqual(
        [out.vessel[k], out.t[k], out.lat[k], out.lon[k], out.sog[k], out.cog[k]],
        [e.v, e.t, e.lat, e.lon, Math.fround(e.sog), Math.fround(e.cog)],
        `seed ${seed} row ${k}`,
      );
    }
  }
});

test('RowBuffer.pushRow copies a row exactly', () => {
  const a = new RowBuffer(1);
  a.push(3, 1.7e12 + 0.5, 12.345678901, -170.123456789, 10.1, NaN);
  const b = new RowBuffer(1);
  b.pushRow(a, 0);
  const out = new Columns(1);
  b.sortByVesselInto(out, 4, new Int32Array(16));
  assert.deepEqual([out.vessel[0], out.t[0], out.lat[0], out.lon[0], out.sog[0]], [3, 1.7e12 + 0.5, 12.345678901, -170.123456789, Math.fround(10.1)]);
  assert.ok(Number.isNaN(out.cog[0]));
});

test('VesselTable: same indices as a Map, for valid MMSIs and for anything a CSV may hold', () => {
  const r = rng(7);
  const table = new VesselTable();
  const ref = new Map<number, number>();
  const odd = [0, -0, -1, 1.5, 2 ** 31, 2 ** 40, 1e15, -123456789, Number.MAX_SAFE_INTEGER];
  for (let i = 0; i < 60000; i++) {
    const m = r() < 0.01 ? odd[Math.floor(r() * odd.length)] : 200000000 + Math.floor(r() ** 2 * 20000) * 37;
    if (!ref.has(m)) ref.set(m, ref.size);
    assert.equal(table.idOf(m), ref.get(m));
    if (i % 7 === 0) {
      const probe = 100000000 + Math.floor(r() * 9e8);
      assert.equal(table.find(probe), ref.get(probe) ?? -1);
    }
  }
  assert.equal(table.count, ref.size);
  for (const [m, v] of ref) {
    assert.equal(table.find(m), v);
    assert.ok(Object.is(table.mmsi[v], m) || table.mmsi[v] === m);
  }
});

test('TrackBuffer: static records of a bucket hold their own values; recycled records do not leak into later buckets', () => {
  const seen: { t: number; name?: string; imo?: number; callSign?: string; cls: string; vessel: number }[][] = [];
  const tb = new TrackBuffer(defaultParams(), (b: Bucket) => {
    seen.push(b.statics.map((s) => ({ t: s.t, name: s.name, imo: s.imo, callSign: s.callSign, cls: s.cls, vessel: s.vessel })));
  }, true);
  const T0 = Date.UTC(2024, 0, 1);
  const H = 3_600_000;
  const expected: typeof seen = [];
  for (let h = 0; h < 6; h++) {
    const bucket: (typeof seen)[number] = [];
    for (let k = 0; k < 50; k++) {
      const t = T0 + h * H + k * 60_000;
      const withName = (h + k) % 3 !== 0;
      tb.addStatic({
        mmsi: 412000000 + k, t, msgType: k % 2 ? 24 : 5, name: withName ? `SHIP ${h}-${k}` : undefined, imo: k % 2 ? undefined : 9000000 + k,
        callSign: undefined, shipType: undefined,
      });
      bucket.push({ t, name: withName ? `SHIP ${h}-${k}` : undefined, imo: k % 2 ? undefined : 9000000 + k, callSign: undefined, cls: k % 2 ? 'B' : 'A', vessel: k });
      tb.addRow(412000000 + k, t, 30, 120 + k * 0.01, 5, 90);
    }
    expected.push(bucket);
    tb.advance();
  }
  tb.finish();
  assert.deepEqual(seen, expected);
});
