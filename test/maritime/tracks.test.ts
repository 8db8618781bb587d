import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TrackBuffer, type Bucket } from '../../src/analyses/maritime/tracks.js';
import { Segmenter } from '../../src/analyses/maritime/segments.js';
import { defaultParams, withOverrides } from '../../src/analyses/maritime/params.js';
import type { AisPosition } from '../../src/sources/ais/index.js';
import { track, T0, H, MIN } from './helpers.js';

function pos(mmsi: number, t: number, lat: number, lon: number, sog = 10): AisPosition {
  return { mmsi, t, lat, lon, sog, cog: 90, heading: 90, navStatus: 0, msgType: 1, cls: 'A' };
}

/** Collects (mmsi, t) of every released row, bucket by bucket. */
function collect(streaming: boolean, params = defaultParams()) {
  const rows: [number, number][] = [];
  const buckets: number[] = [];
  let tb: TrackBuffer;
  const on = (b: Bucket) => {
    buckets.push(b.start);
    for (let r = 0; r < b.runs; r++) {
      for (let i = b.runStart[r]; i < b.runStart[r + 1]; i++) rows.push([tb.vessels.mmsi[b.cols.vessel[i]], b.cols.t[i]]);
    }
  };
  tb = new TrackBuffer(params, on, streaming);
  return { tb, rows, buckets };
}

test('tracks: per vessel, time-ordered; out-of-order rows sorted, exact duplicates and impossible values counted and skipped', () => {
  const { tb, rows, buckets } = collect(false);
  const input = [
    pos(412000001, T0 + 3 * MIN, 30, 123), pos(412000002, T0 + 2 * MIN, 31, 123), pos(412000001, T0 + 1 * MIN, 30, 122.9),
    pos(412000001, T0 + 3 * MIN, 30, 123), // exact duplicate
    pos(412000002, T0 + 70 * MIN, 31, 123.2), pos(412000001, T0 + 2 * MIN, 30, 122.95),
    pos(412000003, T0, 91, 181), pos(412000003, T0, 95, 120), pos(412000003, T0, 30, 200), pos(412000003, NaN, 30, 120),
    pos(412000003, Date.UTC(1970, 0, 2), 30, 120),
  ];
  for (const p of input) tb.addPosition(p);
  tb.finish();
  assert.deepEqual(rows, [
    [412000001, T0 + MIN], [412000001, T0 + 2 * MIN], [412000001, T0 + 3 * MIN], [412000002, T0 + 2 * MIN], [412000002, T0 + 70 * MIN],
  ]);
  assert.deepEqual(buckets, [T0, T0 + H]);
  const s = tb.stats();
  assert.equal(s.skipped.duplicate, 1);
  assert.equal(s.skipped.bad_position, 3);
  assert.equal(s.skipped.bad_time, 2);
  assert.ok(s.reordered >= 1);
});

test('tracks, streaming: buckets are released behind the watermark; records later than the bound and clock outliers are skipped', () => {
  const { tb, rows, buckets } = collect(true, withOverrides({ 'ingest.clockJumpConfirmPositions': 5 }));
  for (let k = 0; k < 6 * 60; k++) tb.addPosition(pos(412000001, T0 + k * MIN, 30, 123 + k * 0.001));
  // 6 h in: bucket 0..4 released (lateness 1 h), so a record from hour 1 is late.
  tb.advance();
  assert.ok(buckets.includes(T0) && buckets.includes(T0 + 3 * H), JSON.stringify(buckets));
  tb.addPosition(pos(412000002, T0 + 1 * H + 5 * MIN, 30, 124));
  // A single record 3 days ahead is an outlier (the next normal record shows it).
  tb.addPosition(pos(412000003, T0 + 72 * H, 30, 124));
  tb.addPosition(pos(412000001, T0 + 6 * H, 30, 123.4));
  tb.finish();
  const s = tb.stats();
  assert.equal(s.skipped.late, 1);
  assert.equal(s.skipped.time_outlier, 1);
  assert.ok(!rows.some(([m]) => m === 412000002 || m === 412000003));
  assert.equal(rows.length, 6 * 60 + 1);
  // Memory: never more than the lateness span and a bucket buffered.
  assert.ok(s.peakBuffered <= 3 * 60 + 1024, String(s.peakBuffered));
});

test('tracks, streaming: a clock jump confirmed by the records that follow is accepted', () => {
  const { tb, rows } = collect(true, withOverrides({ 'ingest.clockJumpConfirmPositions': 5 }));
  for (let k = 0; k < 30; k++) tb.addPosition(pos(412000001, T0 + k * MIN, 30, 123));
  for (let k = 0; k < 30; k++) tb.addPosition(pos(412000001, T0 + 72 * H + k * MIN, 30, 123.5));
  tb.finish();
  assert.equal(rows.length, 60);
  assert.equal(tb.stats().skipped.time_outlier, 0);
});

/** Segment serial of each row, in order. */
function segmentsOf(positions: AisPosition[]) {
  const p = defaultParams();
  const seg = new Segmenter(p, 3);
  const serials: number[] = [];
  const flags: number[] = [];
  const transitions: { prevT: number; t: number; linked: boolean }[] = [];
  const tb = new TrackBuffer(p, (b) => {
    seg.assign(b);
    for (let i = 0; i < b.cols.n; i++) serials.push(seg.serial[seg.slotOf[i]]);
    for (const f of seg.speedFlags) flags.push(b.cols.t[f.row]);
    for (const tr of seg.transitions) transitions.push({ prevT: tr.prevT, t: b.cols.t[tr.row], linked: tr.linked });
    seg.release();
  }, false);
  for (const x of [...positions].sort((a, b) => a.t - b.t)) tb.addPosition(x);
  tb.finish();
  return { serials, flags, transitions, stats: seg.stats };
}

test('segments: a spoofed fix starts its own one-fix segment and the track goes on, even when it later passes the spoofed spot', () => {
  const ps = track(412000001, T0, [30, 123], [{ to: [30, 126], kn: 12 }], 60);
  // A fix at 30.0, 125.0 early on, where the vessel only arrives hours later.
  ps[10] = { ...ps[10], lat: 30.0, lon: 125.0 };
  const { serials, flags, stats } = segmentsOf(ps);
  const main = serials[0];
  assert.equal(serials.filter((s) => s !== main).length, 1);
  assert.equal(serials[10] !== main, true);
  assert.equal(stats.jumpSplits, 1);
  assert.ok(flags.includes(ps[10].t));
});

test('segments: two ships on one MMSI make two segments; a long silence splits but links the segments (a gap, not a jump)', () => {
  const a = track(412000001, T0, [30, 123], [{ to: [30, 124], kn: 10 }], 60);
  const b = track(412000001, T0 + 20_000, [35, 130], [{ to: [35, 131], kn: 10 }], 60);
  const two = segmentsOf([...a, ...b]);
  assert.equal(new Set(two.serials).size, 2);
  const c = [...track(412000002, T0, [30, 123], [{ to: [30, 123.5], kn: 10 }], 60),
    ...track(412000002, T0 + 30 * H, [30.2, 124], [{ to: [30.2, 124.5], kn: 10 }], 60)];
  const gap = segmentsOf(c);
  assert.equal(new Set(gap.serials).size, 2);
  assert.equal(gap.stats.timeSplits, 1);
  assert.equal(gap.transitions.length, 1);
  assert.equal(gap.transitions[0].linked, true);
  assert.equal(gap.transitions[0].t, T0 + 30 * H);
});
