/**
 * Tracks, step 1: from decoded records in arrival order to per-vessel, time-ordered batches.
 *
 * Time is cut into fixed buckets (ingest.bucketMinutes) and each record is appended to its bucket's columnar buffer.
 * Once the stream's watermark (the latest time seen, outliers excepted) is past a bucket's end by the lateness bound,
 * the bucket is released: its positions sorted by vessel then time (counting sort by vessel, insertion sort by time
 * within a vessel: input is nearly ordered), exact duplicates dropped, and handed on with its static records.
 * Pending buckets keep their rows as records (row-buffer.ts), the released bucket as columns.
 * Memory holds only the unreleased span. With an infinite lateness bound everything is kept and released at the end
 * (any input order is then accepted).
 *
 * Bad input is counted and skipped, never fatal: impossible coordinates, times outside the AIS era, times far ahead
 * of the stream (a clock jump confirmed by enough following records is accepted), records later than the lateness
 * bound (streaming mode), exact duplicates.
 */
import { POSITION_VALUES as PV, type AisPosition, type AisStatic } from '../../sources/ais/index.js';
import { Columns, VesselTable } from './columns.js';
import { RowBuffer } from './row-buffer.js';
import { MS_PER_HOUR, MS_PER_MINUTE } from './geo.js';
import type { Params } from './params.js';

/**
 * A static record as kept (copied: the readers reuse theirs). The track buffer recycles these objects once their
 * bucket has been handed on: a consumer must copy what it keeps beyond the onBucket call.
 */
export interface StaticRecord {
  vessel: number;
  mmsi: number;
  t: number;
  msgType: number;
  cls: 'A' | 'B';
  imo?: number;
  name?: string;
  callSign?: string;
  shipType?: number;
}

/**
 * One released time bucket: positions sorted by (vessel, t), split into per-vessel runs. Valid only during the
 * onBucket call: the columns and the static records are reused afterwards.
 */
export interface Bucket {
  start: number;
  end: number;
  cols: Columns;
  /** Run r covers rows runStart[r] .. runStart[r + 1] - 1, all of vessel runVessel[r]. */
  runStart: Int32Array;
  runVessel: Int32Array;
  runs: number;
  statics: StaticRecord[];
}

export interface SkipCounts {
  /** |lat| > 90, |lon| > 180, NaN, or the 91/181 "not available" markers. */
  bad_position: number;
  /** Time not a number or outside [ingest.minYear, ingest.maxYear]. */
  bad_time: number;
  /** Far ahead of the stream and not confirmed by the records that followed. */
  time_outlier: number;
  /** Older than the released time (streaming mode). */
  late: number;
  /** Same vessel, time and position as the record before it. */
  duplicate: number;
}

export interface TrackStats {
  /** Positions handed to the detectors (after every skip). */
  positions: number;
  statics: number;
  /** Positions that arrived out of time order and were put back in order. */
  reordered: number;
  buckets: number;
  skipped: SkipCounts;
  /** Largest number of positions held at once. */
  peakBuffered: number;
}

const LAT_NOT_AVAILABLE = 91;
const LON_NOT_AVAILABLE = 181;
/** Releases are checked every this many records (amortises the watermark test). */
const CHECK_EVERY = 1024;
/**
 * Rows a new pending bucket starts with (it doubles as needed; released buckets are pooled at their grown size).
 * Small because sparse inputs (one fix an hour over months) open thousands of buckets at once in memory mode: at the
 * Columns default (16 Ki rows, 576 KiB) the GFW fleet150 extract (24 k positions over 10.8 k hours) spent 15 of its
 * 17 s allocating and zeroing bucket columns.
 */
const PENDING_INITIAL_ROWS = 256;
/**
 * Static records kept for reuse at most (about 100 bytes each). Recycling matters: a fresh object per static message
 * lives for an hour or two of stream time, so V8 copied each one through the young generation into the old one, which
 * cost more than everything else done with the message.
 */
const MAX_SPARE_STATICS = 1 << 18;
/** Runs longer than this with disorder are sorted by comparison instead of by insertion. */
const INSERTION_SORT_MAX = 64;

function yearStart(year: number): number {
  return Date.UTC(year, 0, 1);
}

interface PendingBucket {
  k: number;
  rows: RowBuffer;
  statics: StaticRecord[];
}

export class TrackBuffer {
  readonly vessels: VesselTable;
  private readonly pending = new Map<number, PendingBucket>();
  private readonly pool: RowBuffer[] = [];
  private readonly spareStatics: StaticRecord[] = [];
  /** addRow's values, as addValues takes them. */
  private readonly rowValues = new Float64Array(PV.length);
  private curK = NaN;
  private cur: PendingBucket | undefined;
  private buffered = 0;
  private suspects = new RowBuffer(256);
  private readonly bucket: Bucket;
  private readonly sorted = new Columns();
  /** Sort scratch: the row order, then the per-vessel counters. */
  private scratch = new Int32Array(1024);
  /** Holds a long disordered run while it is sorted. */
  private readonly runScratch = new Columns(1);
  private readonly bucketMs: number;
  private readonly latenessMs: number;
  private readonly maxJumpMs: number;
  private readonly confirmJump: number;
  private readonly minT: number;
  private readonly maxT: number;
  /** Everything before this has been released. */
  private releasedUntil = -Infinity;
  private watermark = NaN;
  private sinceCheck = 0;
  private readonly s: TrackStats = {
    positions: 0, statics: 0, reordered: 0, buckets: 0, peakBuffered: 0,
    skipped: { bad_position: 0, bad_time: 0, time_outlier: 0, late: 0, duplicate: 0 },
  };

  /**
   * @param streaming false: keep everything until finish() (any order); true: release buckets behind the
   *   watermark by ingest.maxLatenessMinutes.
   */
  constructor(p: Params, private readonly onBucket: (b: Bucket) => void, streaming: boolean, vessels = new VesselTable()) {
    this.vessels = vessels;
    this.bucketMs = p['ingest.bucketMinutes'] * MS_PER_MINUTE;
    this.latenessMs = streaming ? p['ingest.maxLatenessMinutes'] * MS_PER_MINUTE : Infinity;
    this.maxJumpMs = streaming ? p['ingest.maxClockJumpHours'] * MS_PER_HOUR : Infinity;
    this.confirmJump = p['ingest.clockJumpConfirmPositions'];
    this.minT = yearStart(p['ingest.minYear']);
    this.maxT = yearStart(p['ingest.maxYear']);
    this.bucket = { start: 0, end: 0, cols: this.sorted, runStart: new Int32Array(1024), runVessel: new Int32Array(1024), runs: 0, statics: [] };
  }

  stats(): TrackStats {
    return { ...this.s, skipped: { ...this.s.skipped } };
  }

  private timeOk(t: number): boolean {
    return t >= this.minT && t < this.maxT; // false for NaN
  }

  /** The pending bucket holding time t (created on demand). */
  private bucketOf(t: number): PendingBucket {
    const k = Math.floor(t / this.bucketMs);
    if (k === this.curK) return this.cur!;
    let b = this.pending.get(k);
    if (!b) {
      // Without a pooled buffer, start at the size of the bucket written last: consecutive buckets of a stream are
      // alike, and growing from PENDING_INITIAL_ROWS by doubling copied and zeroed each new bucket's rows ~2 times.
      const rows = this.pool.pop() ?? new RowBuffer(Math.max(PENDING_INITIAL_ROWS, this.cur ? this.cur.rows.n : 0));
      rows.n = 0;
      b = { k, rows, statics: [] };
      this.pending.set(k, b);
    }
    this.curK = k;
    this.cur = b;
    return b;
  }

  addPosition(p: AisPosition): void {
    this.addRow(p.mmsi, p.t, p.lat, p.lon, p.sog === undefined ? NaN : p.sog, p.cog === undefined ? NaN : p.cog);
  }

  /** One position as plain values (sog/cog NaN when not available). */
  addRow(mmsi: number, t: number, lat: number, lon: number, sog: number, cog: number): void {
    const v = this.rowValues;
    v[PV.mmsi] = mmsi;
    v[PV.t] = t;
    v[PV.lat] = lat;
    v[PV.lon] = lon;
    v[PV.sog] = sog;
    v[PV.cog] = cog;
    this.addValues(v);
  }

  /**
   * One position laid out as POSITION_VALUES (the NMEA reader's fast path; addRow too). The values stay in the array
   * down to the row buffer: doubles passed as arguments to a call V8 does not inline are boxed, one object each.
   */
  addValues(v: Float64Array): void {
    const lat = v[PV.lat];
    const lon = v[PV.lon];
    const t = v[PV.t];
    if (!(Math.abs(lat) <= 90 && Math.abs(lon) <= 180) || lat === LAT_NOT_AVAILABLE || lon === LON_NOT_AVAILABLE) {
      this.s.skipped.bad_position++;
      return;
    }
    if (!this.timeOk(t)) {
      this.s.skipped.bad_time++;
      return;
    }
    if (t < this.releasedUntil) {
      this.s.skipped.late++;
      return;
    }
    const w = this.watermark;
    if (w === w && t > w + this.maxJumpMs) {
      this.holdSuspect(v);
      return;
    }
    if (this.suspects.n) this.dropSuspects();
    if (!(t <= w)) this.watermark = t;
    this.bucketOf(t).rows.pushValues(this.vessels.idOf(v[PV.mmsi]), v);
    this.buffered++;
    this.s.positions++;
    if (++this.sinceCheck >= CHECK_EVERY) this.check();
  }

  addStatic(r: AisStatic): void {
    if (!this.timeOk(r.t)) {
      this.s.skipped.bad_time++;
      return;
    }
    if (r.t < this.releasedUntil) {
      this.s.skipped.late++;
      return;
    }
    if (this.watermark === this.watermark && r.t > this.watermark + this.maxJumpMs) {
      this.s.skipped.time_outlier++;
      return;
    }
    const rec = this.spareStatics.pop() ?? {
      vessel: 0, mmsi: 0, t: 0, msgType: 0, cls: 'A', imo: undefined, name: undefined, callSign: undefined, shipType: undefined,
    };
    rec.vessel = this.vessels.idOf(r.mmsi);
    rec.mmsi = r.mmsi;
    rec.t = r.t;
    rec.msgType = r.msgType;
    rec.cls = r.msgType === 19 || r.msgType === 24 || r.msgType === 18 ? 'B' : 'A';
    rec.imo = r.imo;
    rec.name = r.name;
    rec.callSign = r.callSign;
    rec.shipType = r.shipType;
    this.bucketOf(r.t).statics.push(rec);
    this.s.statics++;
  }

  private holdSuspect(v: Float64Array): void {
    this.suspects.pushValues(this.vessels.idOf(v[PV.mmsi]), v);
    if (this.suspects.n < this.confirmJump) return;
    // Confirmed: the stream really moved on.
    const sus = this.suspects;
    for (let i = 0; i < sus.n; i++) {
      const ti = sus.t(i);
      this.bucketOf(ti).rows.pushRow(sus, i);
      if (!(ti <= this.watermark)) this.watermark = ti;
      this.buffered++;
      this.s.positions++;
    }
    sus.n = 0;
    this.check();
  }

  private dropSuspects(): void {
    this.s.skipped.time_outlier += this.suspects.n;
    this.suspects.n = 0;
  }

  private check(): void {
    this.sinceCheck = 0;
    if (this.buffered > this.s.peakBuffered) this.s.peakBuffered = this.buffered;
    const ready = Math.floor((this.watermark - this.latenessMs) / this.bucketMs) * this.bucketMs;
    if (ready > this.releasedUntil) this.release(ready);
  }

  /** Releases every bucket ending at or before `until` (all of them for Infinity), in time order. */
  private release(until: number): void {
    const keys: number[] = [];
    for (const k of this.pending.keys()) if ((k + 1) * this.bucketMs <= until) keys.push(k);
    keys.sort((a, b) => a - b);
    if (until !== Infinity) this.releasedUntil = until;
    else if (keys.length) this.releasedUntil = (keys[keys.length - 1] + 1) * this.bucketMs;
    for (const k of keys) {
      const pb = this.pending.get(k)!;
      this.pending.delete(k);
      if (k === this.curK) {
        this.curK = NaN;
        this.cur = undefined;
      }
      this.buffered -= pb.rows.n;
      this.emitBucket(k * this.bucketMs, pb);
      if (this.pool.length < 4) this.pool.push(pb.rows);
    }
  }

  /** Sorts a bucket's rows by (vessel, t) and hands it on. */
  private emitBucket(bStart: number, pb: PendingBucket): void {
    const n = pb.rows.n;
    const out = this.sorted;
    const V = this.vessels.count;
    if (this.scratch.length < n + V + 1) this.scratch = new Int32Array(Math.max(n + V + 1, this.scratch.length * 2));
    pb.rows.sortByVesselInto(out, V, this.scratch);
    const b = this.bucket;
    b.start = bStart;
    b.end = bStart + this.bucketMs;
    b.statics = pb.statics.length > 1 ? pb.statics.sort((x, y) => x.t - y.t) : pb.statics;
    // Runs per vessel, each ordered by time; exact duplicates dropped.
    let runs = 0;
    let i = 0;
    let dups = 0;
    while (i < n) {
      const v = out.vessel[i];
      let e = i + 1;
      while (e < n && out.vessel[e] === v) e++;
      this.sortRun(out, i, e);
      for (let r = i + 1; r < e; r++) {
        if (out.t[r] === out.t[r - 1] && out.lat[r] === out.lat[r - 1] && out.lon[r] === out.lon[r - 1]) dups++;
      }
      if (runs + 2 > b.runStart.length) {
        const rs = new Int32Array(b.runStart.length * 2);
        rs.set(b.runStart);
        b.runStart = rs;
        const rv = new Int32Array(b.runVessel.length * 2);
        rv.set(b.runVessel);
        b.runVessel = rv;
      }
      b.runStart[runs] = i;
      b.runVessel[runs] = v;
      runs++;
      i = e;
    }
    b.runStart[runs] = n;
    b.runs = runs;
    if (dups) this.dropDuplicates(b);
    this.s.buckets++;
    this.onBucket(b);
    this.recycle(b.statics);
  }

  private recycle(statics: StaticRecord[]): void {
    const spare = this.spareStatics;
    for (let i = 0; i < statics.length && spare.length < MAX_SPARE_STATICS; i++) spare.push(statics[i]);
    statics.length = 0;
  }

  /** Removes rows equal (time and position) to the row before them in the same run; fixes the run bounds. */
  private dropDuplicates(b: Bucket): void {
    const out = b.cols;
    let w = 0;
    for (let r = 0; r < b.runs; r++) {
      const from = b.runStart[r];
      const to = b.runStart[r + 1];
      b.runStart[r] = w;
      for (let i = from; i < to; i++) {
        if (i > from && out.t[i] === out.t[i - 1] && out.lat[i] === out.lat[i - 1] && out.lon[i] === out.lon[i - 1]) {
          this.s.skipped.duplicate++;
          this.s.positions--;
          continue;
        }
        if (i !== w) out.copyRow(out, i, w);
        w++;
      }
    }
    b.runStart[b.runs] = w;
    out.n = w;
  }

  /** Orders rows [a, e) by time (stable). */
  private sortRun(c: Columns, a: number, e: number): void {
    const ct = c.t;
    let disorder = 0;
    for (let i = a + 1; i < e; i++) if (ct[i] < ct[i - 1]) disorder++;
    if (!disorder) return;
    this.s.reordered += disorder;
    const tmp = this.runScratch;
    if (e - a <= INSERTION_SORT_MAX) {
      for (let i = a + 1; i < e; i++) {
        if (ct[i] >= ct[i - 1]) continue;
        tmp.copyRow(c, i, 0);
        let j = i - 1;
        while (j >= a && ct[j] > tmp.t[0]) {
          c.copyRow(c, j, j + 1);
          j--;
        }
        c.copyRow(tmp, 0, j + 1);
      }
      return;
    }
    const n = e - a;
    const perm = Array.from({ length: n }, (_, i) => a + i).sort((x, y) => ct[x] - ct[y] || x - y);
    tmp.ensure(n);
    for (let i = 0; i < n; i++) tmp.copyRow(c, perm[i], i);
    for (let i = 0; i < n; i++) c.copyRow(tmp, i, a + i);
  }

  /** Releases buckets the watermark allows now. */
  advance(): void {
    this.check();
  }

  /** End of input: releases everything left. */
  finish(): void {
    if (this.suspects.n) {
      // A jump at the very end is accepted only if it reached the confirmation count (it did not).
      this.dropSuspects();
    }
    if (this.buffered > this.s.peakBuffered) this.s.peakBuffered = this.buffered;
    this.release(Infinity);
  }

  bufferedBytes(): number {
    let bytes = this.sorted.bytes();
    for (const b of this.pending.values()) bytes += b.rows.bytes();
    return bytes;
  }
}
