/**
 * Columnar position storage: one typed array per field, no object per position. Used for each time bucket handed to
 * the detectors (sorted by vessel, then time); the ingest buffer keeps rows as records instead (row-buffer.ts). Only the fields the detectors read are kept
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

/** Initial slots of VesselTable's hash table (a power of two; it doubles to stay at most half full). */
const INITIAL_SLOTS = 1 << 12;
/** Fibonacci hashing multiplier (2^32 / golden ratio). */
const HASH_MULTIPLIER = 0x9e3779b1;
const MAX_LOAD_DIVISOR = 2;

/**
 * MMSI ↔ dense vessel index. Looked up once per position, so MMSIs that are non-negative 31-bit integers (every valid
 * one, 9 digits) go through an open-addressing table of vessel indices keyed by number (linear probing; the MMSI
 * itself is compared in `mmsi`), several times cheaper than a Map. Anything else a CSV may hold (huge or fractional
 * numbers) goes through a Map.
 */
export class VesselTable {
  private readonly other = new Map<number, number>();
  /** Vessel index + 1 per slot; 0 = empty. */
  private slots = new Int32Array(INITIAL_SLOTS);
  private shift = 32 - Math.log2(INITIAL_SLOTS);
  private used = 0;
  mmsi = new Float64Array(1024);
  count = 0;

  /** The index of an MMSI, assigning the next one on first sight. */
  idOf(mmsi: number): number {
    if ((mmsi | 0) !== mmsi || mmsi < 0) return this.idOfOther(mmsi);
    const slots = this.slots;
    const mask = slots.length - 1;
    for (let h = Math.imul(mmsi, HASH_MULTIPLIER) >>> this.shift; ; h = (h + 1) & mask) {
      const s = slots[h];
      if (s === 0) break;
      if (this.mmsi[s - 1] === mmsi) return s - 1;
    }
    const v = this.add(mmsi);
    this.used++;
    if (this.used * MAX_LOAD_DIVISOR > slots.length) this.rehash(slots.length * 2);
    else this.place(v);
    return v;
  }

  /** The index of an MMSI already seen, else -1. */
  find(mmsi: number): number {
    if ((mmsi | 0) !== mmsi || mmsi < 0) return this.other.get(mmsi) ?? -1;
    const slots = this.slots;
    const mask = slots.length - 1;
    for (let h = Math.imul(mmsi, HASH_MULTIPLIER) >>> this.shift; ; h = (h + 1) & mask) {
      const s = slots[h];
      if (s === 0) return -1;
      if (this.mmsi[s - 1] === mmsi) return s - 1;
    }
  }

  private idOfOther(mmsi: number): number {
    let v = this.other.get(mmsi);
    if (v === undefined) {
      v = this.add(mmsi);
      this.other.set(mmsi, v);
    }
    return v;
  }

  private add(mmsi: number): number {
    const v = this.count++;
    if (v >= this.mmsi.length) {
      const m = new Float64Array(this.mmsi.length * 2);
      m.set(this.mmsi);
      this.mmsi = m;
    }
    this.mmsi[v] = mmsi;
    return v;
  }

  /** Puts vessel v (a table MMSI not in the table yet) into its slot. */
  private place(v: number): void {
    const slots = this.slots;
    const mask = slots.length - 1;
    let h = Math.imul(this.mmsi[v], HASH_MULTIPLIER) >>> this.shift;
    while (slots[h] !== 0) h = (h + 1) & mask;
    slots[h] = v + 1;
  }

  private rehash(size: number): void {
    this.slots = new Int32Array(size);
    this.shift = 32 - Math.log2(size);
    for (let v = 0; v < this.count; v++) {
      const m = this.mmsi[v];
      if ((m | 0) === m && m >= 0) this.place(v);
    }
  }
}
