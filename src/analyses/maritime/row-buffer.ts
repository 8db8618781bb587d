/**
 * The ingest buffer of one pending time bucket: positions in arrival order, kept row by row (an array of records)
 * rather than column by column, because the only thing done with them is reordering by vessel. Reordering gathers
 * rows at random from a buffer far larger than the CPU caches; with one record per row each gathered row costs one
 * cache miss (a 32-byte record, never split across cache lines) instead of one per column (six). The vessel index
 * stays in a column of its own: the counting sort reads it sequentially, twice.
 *
 * Record layout: doubles t, lat, lon, then sog and cog as two float32 in the fourth double's place (the Columns keep
 * them as float32 too, so nothing changes by rounding them here).
 */
import { POSITION_VALUES as PV } from '../../sources/ais/index.js';
import type { Columns } from './columns.js';

/** Doubles per record. */
const STRIDE = 4;
const T = 0;
const LAT = 1;
const LON = 2;
/** Float32 indices within a record (the fourth double holds both). */
const F32_PER_F64 = 2;
const F32_STRIDE = STRIDE * F32_PER_F64;
const SOG = 3 * F32_PER_F64;
const COG = SOG + 1;

export class RowBuffer {
  n = 0;
  cap: number;
  vessel: Int32Array;
  rec: Float64Array;
  /** The same memory as rec, as float32. */
  rec32: Float32Array;

  constructor(capacity: number) {
    this.cap = capacity;
    this.vessel = new Int32Array(capacity);
    this.rec = new Float64Array(capacity * STRIDE);
    this.rec32 = new Float32Array(this.rec.buffer);
  }

  /** Time of row i. */
  t(i: number): number {
    return this.rec[i * STRIDE + T];
  }

  push(vessel: number, t: number, lat: number, lon: number, sog: number, cog: number): void {
    const i = this.n;
    if (i === this.cap) this.grow(i + 1);
    this.vessel[i] = vessel;
    const o = i * STRIDE;
    const rec = this.rec;
    rec[o + T] = t;
    rec[o + LAT] = lat;
    rec[o + LON] = lon;
    const o32 = i * F32_STRIDE;
    this.rec32[o32 + SOG] = sog;
    this.rec32[o32 + COG] = cog;
    this.n = i + 1;
  }

  /** Appends a position laid out as POSITION_VALUES (its mmsi is not kept: `vessel` stands for it). */
  pushValues(vessel: number, v: Float64Array): void {
    const i = this.n;
    if (i === this.cap) this.grow(i + 1);
    this.vessel[i] = vessel;
    const o = i * STRIDE;
    const rec = this.rec;
    rec[o + T] = v[PV.t];
    rec[o + LAT] = v[PV.lat];
    rec[o + LON] = v[PV.lon];
    const o32 = i * F32_STRIDE;
    this.rec32[o32 + SOG] = v[PV.sog];
    this.rec32[o32 + COG] = v[PV.cog];
    this.n = i + 1;
  }

  /** Appends row i of `src`. */
  pushRow(src: RowBuffer, i: number): void {
    const o = i * STRIDE;
    const r = src.rec;
    const o32 = i * F32_STRIDE;
    this.push(src.vessel[i], r[o + T], r[o + LAT], r[o + LON], src.rec32[o32 + SOG], src.rec32[o32 + COG]);
  }

  private grow(need: number): void {
    let cap = this.cap * 2;
    while (cap < need) cap *= 2;
    const vessel = new Int32Array(cap);
    vessel.set(this.vessel.subarray(0, this.n));
    const rec = new Float64Array(cap * STRIDE);
    rec.set(this.rec.subarray(0, this.n * STRIDE));
    this.vessel = vessel;
    this.rec = rec;
    this.rec32 = new Float32Array(rec.buffer);
    this.cap = cap;
  }

  /**
   * Writes the rows to `out` ordered by vessel, arrival order kept within a vessel (a stable sort). `vessels` bounds
   * the vessel indices; `scratch` holds n + vessels + 1 integers at least (the caller keeps it between buckets).
   */
  sortByVesselInto(out: Columns, vessels: number, scratch: Int32Array): void {
    const n = this.n;
    out.n = 0;
    out.ensure(n);
    const cv = this.vessel;
    const idx = scratch.subarray(0, n);
    if (n * 4 >= vessels) {
      // Counting sort: vessel v's rows go to [start[v], start[v + 1]).
      const start = scratch.subarray(n, n + vessels + 1);
      start.fill(0);
      for (let i = 0; i < n; i++) start[cv[i] + 1]++;
      for (let v = 0; v < vessels; v++) start[v + 1] += start[v];
      const ov = out.vessel;
      for (let i = 0; i < n; i++) {
        const v = cv[i];
        const at = start[v]++;
        idx[at] = i;
        ov[at] = v;
      }
    } else {
      // Few rows for many vessels: counting would mostly clear and scan empty counters.
      for (let i = 0; i < n; i++) idx[i] = i;
      idx.sort((a, b) => cv[a] - cv[b] || a - b);
      for (let i = 0; i < n; i++) out.vessel[i] = cv[idx[i]];
    }
    const rec = this.rec;
    const rec32 = this.rec32;
    const { t, lat, lon, sog, cog } = out;
    for (let i = 0; i < n; i++) {
      const j = idx[i];
      const o = j * STRIDE;
      t[i] = rec[o + T];
      lat[i] = rec[o + LAT];
      lon[i] = rec[o + LON];
      const o32 = j * F32_STRIDE;
      sog[i] = rec32[o32 + SOG];
      cog[i] = rec32[o32 + COG];
    }
    out.n = n;
  }

  /** Bytes held (for memory reports). */
  bytes(): number {
    return this.cap * (4 + STRIDE * 8);
  }
}
