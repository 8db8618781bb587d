/**
 * Encounter detector (two vessels, both visible): within encounter.maxDistanceKm of each other for at least
 * encounter.minDurationHours at a median speed below encounter.maxMedianSpeedKn (Miller et al. 2018).
 *
 * 1. Each segment is resampled to encounter.binMinutes steps (mean position and speed per step; steps without a fix
 *    between two slow fixes less than encounter.maxMissMinutes apart are interpolated, as GFW does, so that sparse
 *    reception does not shorten an encounter); steps faster than encounter.maxPointSpeedKn are dropped (they cannot
 *    be part of a slow median). Steps are paired once no later fix can add to them (encounter.maxMissMinutes behind).
 * 2. Per step, the slow points go into a grid of ~2 km cells; pairs closer than the limit are found among the 3x3
 *    neighbouring cells, and every point counts the slow vessels within encounter.crowdRadiusKm (crowd size).
 * 3. A pair that stays close accumulates its steps; apart (or unheard) for more than encounter.maxMissMinutes, it
 *    is judged: long enough, slow enough, not an anchorage crowd (more than encounter.crowdMaxOthers other slow
 *    vessels nearby in at least encounter.crowdMinShare of its steps), and at least encounter.minDistanceFromPortKm from a port — except where the region
 *    table says otherwise (in DPRK waters neither ports nor crowds excuse an encounter). A short crossing or a close
 *    pass at speed never accumulates two slow hours.
 * Points in port exclusion zones are dropped before pairing (a cached grid), which keeps busy ports cheap.
 */
import type { Bucket } from './tracks.js';
import { type DetectorContext, ParamsLookup, growF64, portDistance } from './context.js';
import { distanceKm, median, MS_PER_HOUR, MS_PER_MINUTE, round } from './geo.js';
import { paramsWithPrefix } from './params.js';

const KM_PER_DEG = 111.2;
const DEG = Math.PI / 180;
/** Cells of the port-exclusion cache, degrees. */
const EXCLUSION_CELL_DEG = 0.02;
/** Half the diagonal of an exclusion cell at most, km. */
const EXCLUSION_CELL_HALF_DIAGONAL_KM = 1.6;
const SERIAL_SHIFT = 2 ** 26;

interface PairState {
  serialA: number;
  serialB: number;
  vesselA: number;
  vesselB: number;
  firstBin: number;
  lastBin: number;
  dist: number[];
  speed: number[];
  crowd: number[];
  sumLat: number;
  sumLon: number;
}

/** Growable columns of resampled points. */
class Points {
  n = 0;
  bin = new Float64Array(1024);
  serial = new Float64Array(1024);
  vessel = new Float64Array(1024);
  lat = new Float64Array(1024);
  lon = new Float64Array(1024);
  speed = new Float64Array(1024);

  push(bin: number, serial: number, vessel: number, lat: number, lon: number, speed: number): void {
    if (this.n === this.bin.length) {
      const m = this.n * 2;
      this.bin = growF64(this.bin, m);
      this.serial = growF64(this.serial, m);
      this.vessel = growF64(this.vessel, m);
      this.lat = growF64(this.lat, m);
      this.lon = growF64(this.lon, m);
      this.speed = growF64(this.speed, m);
    }
    const i = this.n++;
    this.bin[i] = bin;
    this.serial[i] = serial;
    this.vessel[i] = vessel;
    this.lat[i] = lat;
    this.lon[i] = lon;
    this.speed[i] = speed;
  }
}

export class EncounterDetector {
  // Resampler state per slot.
  private serial = new Float64Array(0);
  private curBin = new Float64Array(0);
  private sLat = new Float64Array(0);
  private sLon = new Float64Array(0);
  private sSpeed = new Float64Array(0);
  private nSpeed = new Float64Array(0);
  private nFix = new Float64Array(0);
  /** The slot's previous fix (for interpolating across empty steps). */
  private fixT = new Float64Array(0);
  private fixLat = new Float64Array(0);
  private fixLon = new Float64Array(0);
  private fixSpeed = new Float64Array(0);
  private readonly points = new Points();
  private readonly pairs = new Map<number, PairState>();
  private readonly excluded = new Map<number, boolean>();
  private readonly lookup: ParamsLookup;
  private readonly binMs: number;
  private readonly maxPointKn: number;
  private readonly maxKm: number;
  private readonly crowdKm: number;
  private readonly cellDeg: number;
  private readonly maxMissBins: number;
  private readonly maxMissMs: number;
  /** Last bin processed (pairs are judged against it). */
  private lastBin = -Infinity;
  counts = { emitted: 0, short: 0, fast: 0, crowd: 0, nearPort: 0, excludedPoints: 0, interpolatedSteps: 0 };

  constructor(private readonly ctx: DetectorContext) {
    const p = ctx.params;
    this.lookup = new ParamsLookup(ctx.regions, p);
    this.binMs = p['encounter.binMinutes'] * MS_PER_MINUTE;
    this.maxPointKn = p['encounter.maxPointSpeedKn'];
    this.maxKm = p['encounter.maxDistanceKm'];
    this.crowdKm = p['encounter.crowdRadiusKm'];
    this.cellDeg = Math.max(this.maxKm, this.crowdKm) / KM_PER_DEG;
    this.maxMissBins = Math.max(1, Math.round(p['encounter.maxMissMinutes'] * MS_PER_MINUTE / this.binMs));
    this.maxMissMs = p['encounter.maxMissMinutes'] * MS_PER_MINUTE;
  }

  private ensure(n: number): void {
    if (this.serial.length >= n) return;
    this.serial = growF64(this.serial, n);
    this.curBin = growF64(this.curBin, n, NaN);
    this.sLat = growF64(this.sLat, n);
    this.sLon = growF64(this.sLon, n);
    this.sSpeed = growF64(this.sSpeed, n);
    this.nSpeed = growF64(this.nSpeed, n);
    this.nFix = growF64(this.nFix, n);
    this.fixT = growF64(this.fixT, n, NaN);
    this.fixLat = growF64(this.fixLat, n);
    this.fixLon = growF64(this.fixLon, n);
    this.fixSpeed = growF64(this.fixSpeed, n);
  }

  /** Step 1: resampling. */
  process(b: Bucket): void {
    const seg = this.ctx.seg;
    this.ensure(seg.capacity);
    const c = b.cols;
    const binMs = this.binMs;
    for (let i = 0; i < c.n; i++) {
      const s = seg.slotOf[i];
      if (this.serial[s] !== seg.serial[s]) {
        this.serial[s] = seg.serial[s];
        this.curBin[s] = NaN;
        this.nFix[s] = 0;
        this.fixT[s] = NaN;
      }
      const t = c.t[i];
      const bin = Math.floor(t / binMs);
      const sp = seg.speedOf[i];
      if (bin !== this.curBin[s]) {
        if (this.nFix[s] > 0) this.flushSlot(s);
        const prev = this.curBin[s];
        if (bin > prev + 1) this.interpolate(s, prev, bin, t, c.lat[i], c.lon[i], sp);
        this.curBin[s] = bin;
        this.sLat[s] = 0;
        this.sLon[s] = 0;
        this.sSpeed[s] = 0;
        this.nSpeed[s] = 0;
      }
      this.sLat[s] += c.lat[i];
      this.sLon[s] += c.lon[i];
      if (sp === sp) {
        this.sSpeed[s] += sp;
        this.nSpeed[s]++;
      }
      this.nFix[s]++;
      this.fixT[s] = t;
      this.fixLat[s] = c.lat[i];
      this.fixLon[s] = c.lon[i];
      this.fixSpeed[s] = sp;
    }
  }

  /** Points for the empty steps between the slot's previous fix and this one, when both are slow and close in time. */
  private interpolate(s: number, fromBin: number, toBin: number, t: number, lat: number, lon: number, sp: number): void {
    const t0 = this.fixT[s];
    const sp0 = this.fixSpeed[s];
    if (!(t - t0 <= this.maxMissMs) || !(sp0 <= this.maxPointKn) || !(sp <= this.maxPointKn)) return;
    const vessel = this.ctx.seg.slotVessel[s];
    for (let k = fromBin + 1; k < toBin; k++) {
      const f = ((k + 0.5) * this.binMs - t0) / (t - t0);
      const la = this.fixLat[s] + (lat - this.fixLat[s]) * f;
      const lo = this.fixLon[s] + (lon - this.fixLon[s]) * f;
      if (this.isExcluded(la, lo)) continue;
      this.points.push(k, this.serial[s], vessel, la, lo, (sp0 + sp) / 2);
      this.counts.interpolatedSteps++;
    }
  }

  private flushSlot(s: number): void {
    const n = this.nFix[s];
    this.nFix[s] = 0;
    const sp = this.nSpeed[s] > 0 ? this.sSpeed[s] / this.nSpeed[s] : NaN;
    if (!(sp <= this.maxPointKn)) return;
    const lat = this.sLat[s] / n;
    const lon = this.sLon[s] / n;
    if (this.isExcluded(lat, lon)) {
      this.counts.excludedPoints++;
      return;
    }
    this.points.push(this.curBin[s], this.serial[s], this.ctx.seg.slotVessel[s], lat, lon, sp);
  }

  /** Whether every point of the point's small cell is too close to a port for an encounter there. */
  private isExcluded(lat: number, lon: number): boolean {
    const y = Math.floor(lat / EXCLUSION_CELL_DEG);
    const x = Math.floor(lon / EXCLUSION_CELL_DEG);
    const key = y * 100_000 + x;
    let e = this.excluded.get(key);
    if (e === undefined) {
      const cLat = (y + 0.5) * EXCLUSION_CELL_DEG;
      const cLon = (x + 0.5) * EXCLUSION_CELL_DEG;
      const limit = this.lookup.at(cLat, cLon)['encounter.minDistanceFromPortKm'];
      e = portDistance(this.ctx.regions, cLat, cLon).km + EXCLUSION_CELL_HALF_DIAGONAL_KM < limit;
      this.excluded.set(key, e);
    }
    return e;
  }

  /** Segments closing: their last step is complete. */
  close(slots: readonly number[]): void {
    for (const s of slots) {
      if (s < this.serial.length && this.serial[s] === this.ctx.seg.serial[s] && this.nFix[s] > 0) this.flushSlot(s);
    }
  }

  /** End of a bucket: complete steps are flushed and paired in time order. */
  finishBucket(end: number): void {
    const seg = this.ctx.seg;
    const lastComplete = Math.floor(end / this.binMs) - 1;
    for (let s = 0; s < this.serial.length; s++) {
      if (this.nFix[s] > 0 && this.serial[s] === seg.serial[s] && this.curBin[s] <= lastComplete) this.flushSlot(s);
    }
    // Steps that a later fix could still interpolate into wait.
    const horizon = Math.floor((end - this.maxMissMs) / this.binMs) - 1;
    this.pairPoints(horizon);
    this.judgeStale(horizon);
  }

  /** End of input. */
  finish(): void {
    this.pairPoints(Infinity);
    this.judgeStale(Infinity);
  }

  /** Pairs the buffered points of steps up to `upTo`, in step order; later ones stay buffered. */
  private pairPoints(upTo: number): void {
    const P = this.points;
    const n = P.n;
    if (!n) return;
    const ready: number[] = [];
    for (let i = 0; i < n; i++) if (P.bin[i] <= upTo) ready.push(i);
    if (!ready.length) return;
    ready.sort((a, b) => P.bin[a] - P.bin[b] || a - b);
    const m = ready.length;
    let i = 0;
    while (i < m) {
      const bin = P.bin[ready[i]];
      let e = i + 1;
      while (e < m && P.bin[ready[e]] === bin) e++;
      this.judgeStale(bin - 1);
      this.pairBin(bin, ready, i, e);
      this.lastBin = bin;
      i = e;
    }
    // Keep the rest.
    let w = 0;
    for (let k = 0; k < n; k++) {
      if (P.bin[k] <= upTo) continue;
      if (k !== w) {
        P.bin[w] = P.bin[k];
        P.serial[w] = P.serial[k];
        P.vessel[w] = P.vessel[k];
        P.lat[w] = P.lat[k];
        P.lon[w] = P.lon[k];
        P.speed[w] = P.speed[k];
      }
      w++;
    }
    P.n = w;
  }

  private readonly cellHead = new Map<number, number>();
  private next = new Int32Array(1024);
  private crowd = new Int32Array(1024);
  /** Close pairs of the current step: (a, b, km) triples. */
  private readonly closePairs: number[] = [];

  private cellKey(cy: number, cx: number): number {
    return (cy + 20_000) * 65_536 + (cx + 32_768);
  }

  /** Step 2: pairs and crowds within one step. */
  private pairBin(bin: number, order: number[], from: number, to: number): void {
    const P = this.points;
    const m = to - from;
    if (this.next.length < m) {
      this.next = new Int32Array(m * 2);
      this.crowd = new Int32Array(m * 2);
    }
    const heads = this.cellHead;
    heads.clear();
    const next = this.next;
    const crowd = this.crowd;
    crowd.fill(0, 0, m);
    const close = this.closePairs;
    close.length = 0;
    const cellDeg = this.cellDeg;
    for (let a = 0; a < m; a++) {
      const i = order[from + a];
      const lat = P.lat[i];
      const lon = P.lon[i];
      const y = Math.floor(lat / cellDeg);
      const x = Math.floor((lon * Math.cos(lat * DEG)) / cellDeg);
      for (let dy = -1; dy <= 1; dy++) {
        for (let dx = -1; dx <= 1; dx++) {
          let b = heads.get(this.cellKey(y + dy, x + dx));
          while (b !== undefined && b >= 0) {
            const j = order[from + b];
            const d = distanceKm(lat, lon, P.lat[j], P.lon[j]);
            if (d <= this.crowdKm) {
              crowd[a]++;
              crowd[b]++;
            }
            if (d <= this.maxKm && P.vessel[i] !== P.vessel[j]) close.push(a, b, d);
            b = next[b];
          }
        }
      }
      const key = this.cellKey(y, x);
      const h = heads.get(key);
      next[a] = h === undefined ? -1 : h;
      heads.set(key, a);
    }
    for (let k = 0; k < close.length; k += 3) {
      let a = order[from + close[k]];
      let b = order[from + close[k + 1]];
      const others = Math.max(crowd[close[k]], crowd[close[k + 1]]) - 1;
      if (P.serial[a] > P.serial[b]) [a, b] = [b, a];
      const key = P.serial[a] * SERIAL_SHIFT + P.serial[b];
      let st = this.pairs.get(key);
      if (st && st.lastBin < bin - this.maxMissBins) {
        this.judge(st);
        this.pairs.delete(key);
        st = undefined;
      }
      if (!st) {
        st = {
          serialA: P.serial[a], serialB: P.serial[b], vesselA: P.vessel[a], vesselB: P.vessel[b], firstBin: bin, lastBin: bin,
          dist: [], speed: [], crowd: [], sumLat: 0, sumLon: 0,
        };
        this.pairs.set(key, st);
      }
      st.lastBin = bin;
      st.dist.push(close[k + 2]);
      st.speed.push(P.speed[a], P.speed[b]);
      st.crowd.push(others);
      st.sumLat += (P.lat[a] + P.lat[b]) / 2;
      st.sumLon += (P.lon[a] + P.lon[b]) / 2;
    }
  }

  /** Judges pairs that have been apart for longer than allowed as of step `bin`. */
  private judgeStale(bin: number): void {
    if (!this.pairs.size) return;
    for (const [key, st] of this.pairs) {
      if (st.lastBin < bin - this.maxMissBins) {
        this.pairs.delete(key);
        this.judge(st);
      }
    }
  }

  /** Step 3: is a finished close pair an encounter? */
  private judge(st: PairState): void {
    const steps = st.dist.length;
    const lat = st.sumLat / steps;
    const lon = st.sumLon / steps;
    const p = this.lookup.at(lat, lon);
    const startMs = st.firstBin * this.binMs;
    const endMs = (st.lastBin + 1) * this.binMs;
    const hours = (endMs - startMs) / MS_PER_HOUR;
    if (hours < p['encounter.minDurationHours']) {
      this.counts.short++;
      return;
    }
    const medSpeed = median(st.speed);
    if (!(medSpeed < p['encounter.maxMedianSpeedKn'])) {
      this.counts.fast++;
      return;
    }
    const medCrowd = median(st.crowd);
    let crowded = 0;
    for (const k of st.crowd) if (k > p['encounter.crowdMaxOthers']) crowded++;
    if (crowded >= p['encounter.crowdMinShare'] * st.crowd.length) {
      this.counts.crowd++;
      return;
    }
    const port = portDistance(this.ctx.regions, lat, lon);
    if (port.km < p['encounter.minDistanceFromPortKm']) {
      this.counts.nearPort++;
      return;
    }
    const medDist = median(st.dist);
    const mA = this.ctx.vessels.mmsi[st.vesselA];
    const mB = this.ctx.vessels.mmsi[st.vesselB];
    const coverage = steps / Math.max(1, st.lastBin - st.firstBin + 1);
    const confidence = 0.55 + 0.2 * Math.min(1, (hours - p['encounter.minDurationHours']) / 4)
      + 0.15 * (1 - medDist / p['encounter.maxDistanceKm']) + 0.1 * coverage;
    this.counts.emitted++;
    this.ctx.emit({
      type: 'encounter', mmsi: mA < mB ? [mA, mB] : [mB, mA], startMs, endMs, lat, lon, confidence,
      evidence: {
        kind: 'two_sided', durationHours: round(hours, 2), medianDistanceKm: round(medDist, 3), medianSpeedKn: round(medSpeed, 2),
        steps, stepMinutes: this.binMs / MS_PER_MINUTE, stepsCloseShare: round(coverage, 3), medianOtherVesselsNearby: medCrowd,
        nearestPort: port.port ? { name: port.port.name, km: round(port.km, 1) } : null,
      },
      params: paramsWithPrefix(p, 'encounter'),
    });
  }
}
