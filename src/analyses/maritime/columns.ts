/**
 * Columnar position storage: one typed array per field, no object per position. Used for the ingest buffer and for
 * each time bucket handed to the detectors (sorted by vessel, then time). Only the fields the detectors read are kept
 * (heading, navigational status and class are not: each kept column costs a random read per position when a bucket
 * is sorted).
 */

const INITIAL_CAPACITY = 1 << 14;

export class Columns {
  n = 0;
  cap: number;
  /** Dense vessel index (see VesselTable). */
  vessel: Int32Array;
  /** Epoch ms. */
  t: Float64Array;
  lat: Float64Array;
  lon: Float64Array;
  /** Knots; NaN = not available. */
  sog: Float32Array;
  /** Degrees; NaN = not available. */
  cog: Float32Array;

  constructor(capacity = INITIAL_CAPACITY) {
    this.cap = capacity;
    this.vessel = new Int32Array(capacity);
    this.t = new Float64Array(capacity);
    this.lat = new Float64Array(capacity);
    this.lon = new Float64Array(capacity);
    this.sog = new Float32Array(capacity);
    this.cog = new Float32Array(capacity);
  }

  /** Makes room for `need` rows in total, keeping the first n. */
  ensure(need: number): void {
    if (need <= this.cap) return;
    let cap = this.cap * 2;
    while (cap < need) cap *= 2;
    const grow = <T extends Float64Array | Float32Array | Int32Array>(a: T, make: (n: number) => T): T => {
      const b = make(cap);
      b.set(a.subarray(0, this.n) as never);
      return b;
    };
    this.vessel = grow(this.vessel, (k) => new Int32Array(k));
    this.t = grow(this.t, (k) => new Float64Array(k));
    this.lat = grow(this.lat, (k) => new Float64Array(k));
    this.lon = grow(this.lon, (k) => new Float64Array(k));
    this.sog = grow(this.sog, (k) => new Float32Array(k));
    this.cog = grow(this.cog, (k) => new Float32Array(k));
    this.cap = cap;
  }

  /** Copies row i of `src` to row j of this (no bounds growth: call ensure first). */
  copyRow(src: Columns, i: number, j: number): void {
    this.vessel[j] = src.vessel[i];
    this.t[j] = src.t[i];
    this.lat[j] = src.lat[i];
    this.lon[j] = src.lon[i];
    this.sog[j] = src.sog[i];
    this.cog[j] = src.cog[i];
  }

  /** Bytes held (for memory reports). */
  bytes(): number {
    return this.cap * (4 + 8 + 8 + 8 + 4 + 4);
  }
}

/** MMSI ↔ dense vessel index. */
export class VesselTable {
  private readonly index = new Map<number, number>();
  mmsi = new Float64Array(1024);
  count = 0;

  /** The index of an MMSI, assigning the next one on first sight. */
  idOf(mmsi: number): number {
    let v = this.index.get(mmsi);
    if (v === undefined) {
      v = this.count++;
      if (v >= this.mmsi.length) {
        const m = new Float64Array(this.mmsi.length * 2);
        m.set(this.mmsi);
        this.mmsi = m;
      }
      this.mmsi[v] = mmsi;
      this.index.set(mmsi, v);
    }
    return v;
  }

  /** The index of an MMSI already seen, else -1. */
  find(mmsi: number): number {
    return this.index.get(mmsi) ?? -1;
  }
}
