/**
 * Reception history: which grid cells (gap.coverageCellDeg) had any vessel heard in each hour, for the last
 * gap.coverageRetentionHours. The gap detector asks, hour by hour along a silent vessel's straight path, whether
 * other vessels were being heard nearby (the 3x3 cells around the point, in that hour or gap.coverageSlackHours
 * either side): a coverage hole silences everyone, a switched-off transponder only one vessel. Hours over empty sea
 * (nothing heard nearby in the gap.coverageBaselineHours before the silence) are left out of the judgement.
 *
 * Memory: one small open-addressing set of cell ids per retained hour; each vessel adds its cell at most once per
 * hour and cell change, so the cost per position is a comparison.
 */
import type { Bucket } from './tracks.js';
import { MS_PER_HOUR } from './geo.js';
import type { Params } from './params.js';

const EMPTY = -1;

/** Int32 set with linear probing (keys ≥ 0). */
class CellSet {
  keys = new Int32Array(64).fill(EMPTY);
  size = 0;

  clear(): void {
    if (this.size) this.keys.fill(EMPTY);
    this.size = 0;
  }

  private slot(k: number, keys: Int32Array): number {
    const mask = keys.length - 1;
    let h = Math.imul(k, 0x9e3779b1) >>> 0;
    for (;;) {
      const i = h & mask;
      const x = keys[i];
      if (x === EMPTY || x === k) return i;
      h++;
    }
  }

  add(k: number): void {
    if ((this.size + 1) * 2 > this.keys.length) {
      const old = this.keys;
      this.keys = new Int32Array(old.length * 2).fill(EMPTY);
      for (const x of old) if (x !== EMPTY) this.keys[this.slot(x, this.keys)] = x;
    }
    const i = this.slot(k, this.keys);
    if (this.keys[i] === EMPTY) {
      this.keys[i] = k;
      this.size++;
    }
  }

  has(k: number): boolean {
    return this.keys[this.slot(k, this.keys)] === k;
  }
}

export interface CoverageJudgement {
  /** Whole hours strictly inside the silence that were checked. */
  hours: number;
  /** Of those, hours in which some vessel was heard near the silent vessel's straight path. */
  heardHours: number;
  /** heardHours / hours (NaN when no hour could be checked). */
  ratio: number;
}

export class Coverage {
  private readonly cellDeg: number;
  private readonly lonCells: number;
  private readonly retention: number;
  private readonly slack: number;
  private readonly baseline: number;
  private readonly sets: CellSet[];
  private readonly hourOf: Float64Array;
  private lastKey = new Float64Array(1024).fill(NaN);

  constructor(p: Params) {
    this.cellDeg = p['gap.coverageCellDeg'];
    this.lonCells = Math.ceil(360 / this.cellDeg);
    this.retention = Math.max(1, Math.ceil(p['gap.coverageRetentionHours']));
    this.slack = Math.max(0, Math.round(p['gap.coverageSlackHours']));
    this.baseline = Math.max(1, Math.round(p['gap.coverageBaselineHours']));
    this.sets = Array.from({ length: this.retention }, () => new CellSet());
    this.hourOf = new Float64Array(this.retention).fill(NaN);
  }

  private cellOf(lat: number, lon: number): number {
    const y = Math.floor((lat + 90) / this.cellDeg);
    const x = Math.floor((lon + 180) / this.cellDeg) % this.lonCells;
    return y * this.lonCells + x;
  }

  /** The set for an hour, recycling the ring slot of an expired hour; undefined if the hour is older than kept. */
  private setFor(hour: number, create: boolean): CellSet | undefined {
    const k = ((hour % this.retention) + this.retention) % this.retention;
    const h = this.hourOf[k];
    if (h === hour) return this.sets[k];
    if (!create || (h === h && h > hour)) return undefined;
    this.sets[k].clear();
    this.hourOf[k] = hour;
    return this.sets[k];
  }

  /** Records every position of a bucket. */
  record(b: Bucket): void {
    const c = b.cols;
    for (let r = 0; r < b.runs; r++) {
      const v = b.runVessel[r];
      if (v >= this.lastKey.length) {
        const k = new Float64Array(Math.max(v + 1, this.lastKey.length * 2)).fill(NaN);
        k.set(this.lastKey);
        this.lastKey = k;
      }
      let last = this.lastKey[v];
      for (let i = b.runStart[r], e = b.runStart[r + 1]; i < e; i++) {
        const hour = Math.floor(c.t[i] / MS_PER_HOUR);
        const cell = this.cellOf(c.lat[i], c.lon[i]);
        const key = hour * 4194304 + cell;
        if (key === last) continue;
        last = key;
        this.setFor(hour, true)?.add(cell);
      }
      this.lastKey[v] = last;
    }
  }

  /** Whether any vessel was heard in the 3x3 cells around a point during an hour (undefined: hour not kept). */
  heardNear(hour: number, lat: number, lon: number): boolean | undefined {
    const set = this.setFor(hour, false);
    if (!set) return undefined;
    const y0 = Math.floor((lat + 90) / this.cellDeg);
    const x0 = Math.floor((lon + 180) / this.cellDeg);
    for (let dy = -1; dy <= 1; dy++) {
      for (let dx = -1; dx <= 1; dx++) {
        const x = (((x0 + dx) % this.lonCells) + this.lonCells) % this.lonCells;
        if (set.has((y0 + dy) * this.lonCells + x)) return true;
      }
    }
    return false;
  }

  /** Whether anything was heard around a point in the gap.coverageBaselineHours up to and including hour `last`. */
  private heardBefore(last: number, lat: number, lon: number): boolean {
    for (let h = last; h > last - this.baseline; h--) if (this.heardNear(h, lat, lon)) return true;
    return false;
  }

  /**
   * Reception along the straight path from (lat0, lon0) at t0 to (lat1, lon1) at t1, over the whole hours strictly
   * inside the silence (the silent vessel itself contributes nothing there).
   */
  judge(t0: number, lat0: number, lon0: number, t1: number, lat1: number, lon1: number): CoverageJudgement {
    const h0 = Math.floor(t0 / MS_PER_HOUR) + 1;
    const h1 = Math.floor(t1 / MS_PER_HOUR) - 1;
    let hours = 0;
    let heard = 0;
    let dLon = lon1 - lon0;
    if (dLon > 180) dLon -= 360;
    else if (dLon < -180) dLon += 360;
    for (let h = h0; h <= h1; h++) {
      const mid = (h + 0.5) * MS_PER_HOUR;
      const f = t1 > t0 ? (mid - t0) / (t1 - t0) : 0;
      let lon = lon0 + dLon * f;
      if (lon >= 180) lon -= 360;
      else if (lon < -180) lon += 360;
      const lat = lat0 + (lat1 - lat0) * f;
      // Heard in this hour, or within the slack on either side (inside the silence only: the silent vessel's own
      // last and first fixes must not count).
      let r: boolean | undefined;
      for (let k = Math.max(h0, h - this.slack); k <= Math.min(h1, h + this.slack) && r !== true; k++) {
        const x = this.heardNear(k, lat, lon);
        if (x !== undefined) r = x;
      }
      if (r === undefined) continue;
      if (!r && !this.heardBefore(h0 - 1, lat, lon)) continue; // empty sea: no evidence either way
      hours++;
      if (r) heard++;
    }
    return { hours, heardHours: heard, ratio: hours ? heard / hours : NaN };
  }
}
