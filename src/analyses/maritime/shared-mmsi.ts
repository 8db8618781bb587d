/**
 * Shared-MMSI detector: two vessels on one MMSI.
 *  - Positions: consecutive fixes of the MMSI switch between two segments that cannot be one ship (the segmenter
 *    split them on implied speed), both heard within shared.concurrentHours of each other, at least
 *    shared.minAlternations times, and both tracks at least shared.minPointsPerTrack long (a lone spoofed fix is not
 *    a second vessel).
 *  - Identity: class A and class B transponders of the MMSI broadcast different confirmed names by turns
 *    (shared.minIdentityAlternations switches) — two vessels, or one vessel with two transponders.
 * One event per episode; an episode ends after shared.idleCloseHours without a switch.
 */
import type { Bucket } from './tracks.js';
import { type DetectorContext, growF64 } from './context.js';
import type { IdentityAlternation } from './identity.js';
import { distanceKm, isoTime, MS_PER_HOUR, round } from './geo.js';
import { paramsWithPrefix } from './params.js';

interface Fix {
  lat: number;
  lon: number;
  t: number;
}

/** Switches between one pair of segments. */
interface PairStats {
  start: number;
  last: number;
  alternations: number;
  pointsA: number;
  pointsB: number;
  fixA?: Fix;
  fixB?: Fix;
  maxKm: number;
}

/**
 * One episode per MMSI: switches between any pairs of its segments (a spoofed fix in the middle of a shared period
 * makes a third segment, it must not cut the episode), and identity switches.
 */
interface Episode {
  vessel: number;
  start: number;
  last: number;
  /** Total switches, all pairs. */
  alternations: number;
  pairs: Map<number, PairStats>;
  idAlternations: number;
  idStart: number;
  idLast: number;
  names: Set<string>;
}

const PAIR_SHIFT = 2 ** 26;

export class SharedMmsiDetector {
  private lastSerial = new Float64Array(0);
  private lastSlot = new Float64Array(0);
  private lastT = new Float64Array(0);
  private readonly episodes = new Map<number, Episode>();
  /** Reported episodes per vessel (the last few), for explaining identity flapping. */
  private readonly reported = new Map<number, [number, number][]>();
  private readonly concurrentMs: number;
  private readonly idleMs: number;
  counts = { emitted: 0, belowThreshold: 0 };

  constructor(private readonly ctx: DetectorContext) {
    this.concurrentMs = ctx.params['shared.concurrentHours'] * MS_PER_HOUR;
    this.idleMs = ctx.params['shared.idleCloseHours'] * MS_PER_HOUR;
  }

  private episode(vessel: number, t: number): Episode {
    let e = this.episodes.get(vessel);
    if (!e) {
      e = { vessel, start: t, last: t, alternations: 0, pairs: new Map(), idAlternations: 0, idStart: t, idLast: t, names: new Set() };
      this.episodes.set(vessel, e);
    }
    return e;
  }

  process(b: Bucket): void {
    const seg = this.ctx.seg;
    const c = b.cols;
    const need = this.ctx.vessels.count;
    if (this.lastSerial.length < need) {
      this.lastSerial = growF64(this.lastSerial, need);
      this.lastSlot = growF64(this.lastSlot, need, -1);
      this.lastT = growF64(this.lastT, need);
    }
    for (let r = 0; r < b.runs; r++) {
      const v = b.runVessel[r];
      let ls = this.lastSerial[v];
      let lslot = this.lastSlot[v];
      let lt = this.lastT[v];
      for (let i = b.runStart[r], e = b.runStart[r + 1]; i < e; i++) {
        const s = seg.slotOf[i];
        const serial = seg.serial[s];
        const t = c.t[i];
        if (ls && serial !== ls && lslot >= 0 && seg.serial[lslot] === ls && t - lt <= this.concurrentMs) {
          this.alternate(v, t, ls, lslot, serial, s, c.lat[i], c.lon[i]);
        }
        ls = serial;
        lslot = s;
        lt = t;
      }
      this.lastSerial[v] = ls;
      this.lastSlot[v] = lslot;
      this.lastT[v] = lt;
    }
  }

  private alternate(v: number, t: number, fromSerial: number, fromSlot: number, toSerial: number, toSlot: number, lat: number, lon: number): void {
    const seg = this.ctx.seg;
    let e = this.episodes.get(v);
    if (e && t - e.last > this.idleMs) {
      this.judge(e);
      e = undefined;
    }
    e ??= this.episode(v, seg.lastT[fromSlot]);
    const a = Math.min(fromSerial, toSerial);
    const b = Math.max(fromSerial, toSerial);
    const key = a * PAIR_SHIFT + b;
    let ps = e.pairs.get(key);
    if (!ps) e.pairs.set(key, (ps = { start: seg.lastT[fromSlot], last: t, alternations: 0, pointsA: 0, pointsB: 0, maxKm: 0 }));
    e.alternations++;
    e.last = Math.max(e.last, t);
    ps.alternations++;
    ps.last = t;
    const fromFix = { lat: seg.lastLat[fromSlot], lon: seg.lastLon[fromSlot], t: seg.lastT[fromSlot] };
    const toFix = { lat, lon, t };
    const aIsFrom = fromSerial === a;
    ps.fixA = aIsFrom ? fromFix : toFix;
    ps.fixB = aIsFrom ? toFix : fromFix;
    ps.pointsA = Math.max(ps.pointsA, seg.count[aIsFrom ? fromSlot : toSlot] + (aIsFrom ? 0 : 1));
    ps.pointsB = Math.max(ps.pointsB, seg.count[aIsFrom ? toSlot : fromSlot] + (aIsFrom ? 1 : 0));
    ps.maxKm = Math.max(ps.maxKm, distanceKm(fromFix.lat, fromFix.lon, lat, lon));
  }

  /** Listener for IdentityTracker.onAlternation. */
  onIdentityAlternation = (a: IdentityAlternation): void => {
    const old = this.episodes.get(a.vessel);
    if (old && a.t - old.last > this.idleMs) this.judge(old);
    const e = this.episode(a.vessel, a.t);
    if (!e.idAlternations) e.idStart = a.t;
    e.idAlternations++;
    e.idLast = a.t;
    e.last = Math.max(e.last, a.t);
    for (const n of a.values) e.names.add(n);
  };

  /**
   * Whether the MMSI was shared around time t (a reported episode, or a current one with enough switches): name
   * changes then are the two vessels' names taking turns, not a change of identity.
   */
  sharedAround(vessel: number, t: number): boolean {
    const slack = this.idleMs;
    const e = this.episodes.get(vessel);
    if (e && (e.alternations >= this.ctx.params['shared.minAlternations'] || e.idAlternations > 0) && t >= e.start - slack && t <= e.last + slack) {
      return true;
    }
    return (this.reported.get(vessel) ?? []).some(([a, b]) => t >= a - slack && t <= b + slack);
  }

  /** Names seen taking turns on a shared MMSI (from suppressed identity changes), for the evidence. */
  noteNames(vessel: number, names: string[]): void {
    const e = this.episodes.get(vessel);
    if (e) for (const n of names) e.names.add(n);
  }

  /** Ends episodes idle for shared.idleCloseHours as of `now`. */
  flush(now: number): void {
    for (const e of [...this.episodes.values()]) if (e.last + this.idleMs <= now) this.judge(e);
  }

  finish(): void {
    for (const e of [...this.episodes.values()]) this.judge(e);
  }

  private judge(e: Episode): void {
    this.episodes.delete(e.vessel);
    const p = this.ctx.params;
    // The pairs that pass (both tracks long enough, enough switches); the busiest one is the evidence.
    let best: PairStats | undefined;
    let start = Infinity;
    let last = -Infinity;
    let alternations = 0;
    for (const ps of e.pairs.values()) {
      if (ps.alternations < p['shared.minAlternations'] || ps.pointsA < p['shared.minPointsPerTrack'] || ps.pointsB < p['shared.minPointsPerTrack']) continue;
      if (!best || ps.alternations > best.alternations) best = ps;
      start = Math.min(start, ps.start);
      last = Math.max(last, ps.last);
      alternations += ps.alternations;
    }
    const byPosition = !!best;
    const byIdentity = e.idAlternations >= p['shared.minIdentityAlternations'];
    if (!byPosition && !byIdentity) {
      if (e.alternations || e.idAlternations) this.counts.belowThreshold++;
      return;
    }
    if (byIdentity) {
      start = Math.min(start, e.idStart);
      last = Math.max(last, e.idLast);
    }
    const past = this.reported.get(e.vessel) ?? [];
    past.push([start, last]);
    if (past.length > 8) past.shift();
    this.reported.set(e.vessel, past);
    const mmsi = this.ctx.vessels.mmsi[e.vessel];
    const at = best?.fixA ?? best?.fixB;
    const pos = at ?? this.ctx.lastPosition(e.vessel);
    const confidence = best
      ? Math.min(0.95, 0.6 + 0.1 * Math.min(3, best.alternations / p['shared.minAlternations']) + (byIdentity ? 0.1 : 0))
      : 0.6;
    this.counts.emitted++;
    const fix = (f?: Fix) => (f ? { lat: round(f.lat, 5), lon: round(f.lon, 5), t: isoTime(f.t) } : null);
    this.ctx.emit({
      type: 'shared_mmsi', mmsi: [mmsi], startMs: start, endMs: last, lat: pos.lat, lon: pos.lon, confidence,
      evidence: {
        byPosition, byIdentity, alternations, trackPositions: best ? [best.pointsA, best.pointsB] : [],
        lastFixes: best ? [fix(best.fixA), fix(best.fixB)] : [], maxJumpKm: best ? round(best.maxKm, 1) : null,
        identityAlternations: e.idAlternations, names: [...e.names], positionKnown: !!at || this.ctx.lastPosition(e.vessel).known,
      },
      params: paramsWithPrefix(p, 'shared', 'segment'),
    });
  }
}
