/**
 * Tracks, step 2: segmentation. Each vessel's time-ordered positions are split into segments so that a spoofed or
 * shared MMSI does not draw one impossible track: a position joins an open segment it can be reached from at a
 * plausible speed (segment.maxSpeedKn, or any speed within segment.noiseDistanceKm) — the slowest among those heard
 * within segment.recentMinutes of the latest, else the latest — and otherwise starts a new segment. Fixes reached too
 * fast from the MMSI's previous fix for the speed it reports are flagged (segment.flagSpeedKn). A silence longer than segment.maxGapHours also starts a new segment, linked to the old one
 * when the jump is plausible (so a long gap is still seen as a gap).
 *
 * Segments live in numbered slots (reused after they close) with their state in typed arrays. Per bucket the
 * segmenter writes each position's slot and effective speed (reported SOG, else the implied speed) and lists the long
 * silences ("transitions": consecutive fixes of one track ≥ the shortest gap threshold apart) for the gap and
 * port-call detectors. Closures take effect at the end of the bucket, after every detector has seen its positions.
 */
import type { Bucket } from './tracks.js';
import { distanceKm, knots, MS_PER_HOUR } from './geo.js';
import type { Params } from './params.js';

const RING = 16;
const INITIAL_SLOTS = 1024;

/** A long silence on one track, from (prev*) to the position at row `row` of the bucket. */
export interface Transition {
  row: number;
  slot: number;
  /** The slot's serial (slots are reused once closed). */
  serial: number;
  vessel: number;
  prevT: number;
  prevLat: number;
  prevLon: number;
  /** Effective speed at the previous fix (NaN unknown). */
  prevSpeed: number;
  /** Course at the previous fix (NaN unknown). */
  prevCog: number;
  /** Positions of the track in the `gap.positionsBeforeHours` before prevT (capped at 16). */
  prevRecent: number;
  /** True when the silence crossed a segment split (time). */
  linked: boolean;
}

/** A fix whose implied speed from the previous fix of its segment is implausible for the vessel. */
export interface SpeedFlag {
  row: number;
  impliedKn: number;
  /** Reported SOG at this fix (NaN unknown). */
  reportedKn: number;
  meters: number;
  seconds: number;
  /** True when the fix started a new segment (beyond segment.maxSpeedKn), false when only flagged. */
  split: boolean;
}

export interface SegmentStats {
  segments: number;
  /** Segments opened because no open segment was reachable at a plausible speed. */
  jumpSplits: number;
  /** Segments opened after a silence longer than segment.maxGapHours. */
  timeSplits: number;
  maxOpenSlots: number;
  /** Fixes flagged for implausible implied speed (segment.flagSpeedKn). */
  implausibleSpeedFixes: number;
}

export class Segmenter {
  // Slot state.
  serial = new Float64Array(INITIAL_SLOTS);
  slotVessel = new Int32Array(INITIAL_SLOTS);
  firstT = new Float64Array(INITIAL_SLOTS);
  lastT = new Float64Array(INITIAL_SLOTS);
  lastLat = new Float64Array(INITIAL_SLOTS);
  lastLon = new Float64Array(INITIAL_SLOTS);
  lastSpeed = new Float64Array(INITIAL_SLOTS);
  lastCog = new Float64Array(INITIAL_SLOTS);
  count = new Float64Array(INITIAL_SLOTS);
  private ring = new Float64Array(INITIAL_SLOTS * RING);
  /** After a transition: its time, the end of the watch window, and the fixes since (gap confirmation). */
  private watchT1 = new Float64Array(INITIAL_SLOTS).fill(NaN);
  private watchEnd = new Float64Array(INITIAL_SLOTS).fill(-Infinity);
  private watchCount = new Int32Array(INITIAL_SLOTS);
  private ringPos = new Int32Array(INITIAL_SLOTS);
  private slots = INITIAL_SLOTS;
  private readonly free: number[] = [];
  private nextSlot = 0;
  private nextSerial = 1;
  /** Open slots per vessel. */
  private readonly open: number[][] = [];
  /** Last fix of each vessel's most recently closed segment (for links across long silences). */
  private lcT = new Float64Array(1024).fill(NaN);
  private lcLat = new Float64Array(1024);
  private lcLon = new Float64Array(1024);
  private lcSpeed = new Float64Array(1024);
  private lcCog = new Float64Array(1024);
  private lcRecent = new Float64Array(1024);
  /** The MMSI's previous fix, whatever its segment (for speed flags). */
  private vT = new Float64Array(1024).fill(NaN);
  private vLat = new Float64Array(1024);
  private vLon = new Float64Array(1024);
  private vSpeed = new Float64Array(1024);
  /** Slots to close at the end of the current bucket. */
  private closing: number[] = [];
  private readonly closingSet = new Set<number>();

  /** Per-row outputs for the current bucket. */
  slotOf = new Int32Array(0);
  speedOf = new Float32Array(0);
  transitions: Transition[] = [];

  private readonly maxSpeed: number;
  private readonly maxGapMs: number;
  private readonly noiseKm: number;
  private readonly maxOpen: number;
  private readonly silenceMs: number;
  private readonly recentMs: number;
  private readonly preferMs: number;
  private readonly watchMs: number;
  private curT = 0;
  readonly stats: SegmentStats = { segments: 0, jumpSplits: 0, timeSplits: 0, maxOpenSlots: 0, implausibleSpeedFixes: 0 };
  /** Speed flags of the current bucket. */
  speedFlags: SpeedFlag[] = [];
  private readonly flagKn: number;
  private readonly flagFactor: number;

  /** @param minSilenceHours the shortest silence any detector wants to see (smallest gap threshold in force). */
  constructor(p: Params, minSilenceHours: number) {
    this.maxSpeed = p['segment.maxSpeedKn'];
    this.maxGapMs = p['segment.maxGapHours'] * MS_PER_HOUR;
    this.noiseKm = p['segment.noiseDistanceKm'];
    this.maxOpen = p['segment.maxOpenSegments'];
    this.silenceMs = minSilenceHours * MS_PER_HOUR;
    this.recentMs = p['gap.positionsBeforeHours'] * MS_PER_HOUR;
    this.preferMs = p['segment.recentMinutes'] * 60_000;
    this.watchMs = p['gap.confirmMinutes'] * 60_000;
    this.flagKn = p['segment.flagSpeedKn'];
    this.flagFactor = p['segment.flagSpeedFactor'];
  }

  private growSlots(): void {
    const n = this.slots * 2;
    const f64 = (a: Float64Array) => { const b = new Float64Array(n); b.set(a); return b; };
    const i32 = (a: Int32Array) => { const b = new Int32Array(n); b.set(a); return b; };
    this.serial = f64(this.serial);
    this.slotVessel = i32(this.slotVessel);
    this.firstT = f64(this.firstT);
    this.lastT = f64(this.lastT);
    this.lastLat = f64(this.lastLat);
    this.lastLon = f64(this.lastLon);
    this.lastSpeed = f64(this.lastSpeed);
    this.lastCog = f64(this.lastCog);
    this.count = f64(this.count);
    this.ringPos = i32(this.ringPos);
    this.watchT1 = f64(this.watchT1);
    this.watchEnd = f64(this.watchEnd);
    this.watchCount = i32(this.watchCount);
    const r = new Float64Array(n * RING);
    r.set(this.ring);
    this.ring = r;
    this.slots = n;
  }

  private growVessels(v: number): void {
    if (v < this.lcT.length) return;
    let n = this.lcT.length * 2;
    while (n <= v) n *= 2;
    const f64 = (a: Float64Array, fill = 0) => { const b = new Float64Array(n).fill(fill); b.set(a); return b; };
    this.lcT = f64(this.lcT, NaN);
    this.lcLat = f64(this.lcLat);
    this.lcLon = f64(this.lcLon);
    this.lcSpeed = f64(this.lcSpeed);
    this.lcCog = f64(this.lcCog);
    this.lcRecent = f64(this.lcRecent);
    this.vT = f64(this.vT, NaN);
    this.vLat = f64(this.vLat);
    this.vLon = f64(this.vLon);
    this.vSpeed = f64(this.vSpeed);
  }

  /** Number of slots ever allocated (detectors size their arrays by it). */
  get capacity(): number {
    return this.slots;
  }

  /** Open segments right now. */
  openCount(): number {
    return this.nextSlot - this.free.length;
  }

  private openSlot(v: number, t: number): number {
    const s = this.free.length ? this.free.pop()! : this.nextSlot++;
    if (s >= this.slots) this.growSlots();
    this.serial[s] = this.nextSerial++;
    this.slotVessel[s] = v;
    this.firstT[s] = t;
    this.count[s] = 0;
    this.ringPos[s] = 0;
    this.ring.fill(-Infinity, s * RING, s * RING + RING);
    this.watchT1[s] = NaN;
    this.watchEnd[s] = -Infinity;
    this.watchCount[s] = 0;
    (this.open[v] ??= []).push(s);
    this.stats.segments++;
    const o = this.openCount();
    if (o > this.stats.maxOpenSlots) this.stats.maxOpenSlots = o;
    return s;
  }

  private markClosing(s: number): void {
    if (this.closingSet.has(s)) return;
    this.closingSet.add(s);
    this.closing.push(s);
    const v = this.slotVessel[s];
    const list = this.open[v];
    const k = list.indexOf(s);
    if (k >= 0) list.splice(k, 1);
    // Remember its last fix for links across the silence.
    if (!(this.lastT[s] <= this.lcT[v])) {
      this.lcT[v] = this.lastT[s];
      this.lcLat[v] = this.lastLat[s];
      this.lcLon[v] = this.lastLon[s];
      this.lcSpeed[v] = this.lastSpeed[s];
      this.lcCog[v] = this.lastCog[s];
      this.lcRecent[v] = this.recentCount(s, this.lastT[s]);
    }
  }

  private recentCount(s: number, t: number): number {
    let c = 0;
    const base = s * RING;
    for (let k = 0; k < RING; k++) if (this.ring[base + k] >= t - this.recentMs) c++;
    return c;
  }

  /** Assigns every position of the bucket to a segment. */
  assign(b: Bucket): void {
    const c = b.cols;
    const n = c.n;
    if (this.slotOf.length < n) {
      this.slotOf = new Int32Array(Math.max(n, this.slotOf.length * 2));
      this.speedOf = new Float32Array(this.slotOf.length);
    }
    this.transitions = [];
    this.speedFlags = [];
    const { maxSpeed, maxGapMs, noiseKm, silenceMs, flagKn, flagFactor, preferMs } = this;
    const lat = c.lat;
    const lon = c.lon;
    const tt = c.t;
    for (let r = 0; r < b.runs; r++) {
      const v = b.runVessel[r];
      this.growVessels(v);
      const open = (this.open[v] ??= []);
      for (let i = b.runStart[r], e = b.runStart[r + 1]; i < e; i++) {
        const t = tt[i];
        this.curT = t;
        // Among the open segments heard within segment.recentMinutes of the most recent one, the one reached at
        // the lowest implied speed; failing that, the most recently heard reachable one. (Never simply the slowest:
        // a track passing the last fix of an old spoofed or stale segment must not jump back to it.)
        let newest = -Infinity;
        for (let k = 0; k < open.length; k++) if (this.lastT[open[k]] > newest) newest = this.lastT[open[k]];
        let best = -1;
        let bestSpeed = Infinity;
        let bestKm = NaN;
        let fallback = -1;
        let fallbackSpeed = Infinity;
        let fallbackKm = NaN;
        for (let k = 0; k < open.length; k++) {
          const s = open[k];
          const dt = t - this.lastT[s];
          if (dt > maxGapMs) continue;
          const d = distanceKm(this.lastLat[s], this.lastLon[s], lat[i], lon[i]);
          const sp = d <= noiseKm ? 0 : knots(d, dt);
          if (!(sp <= maxSpeed)) continue;
          if (this.lastT[s] >= newest - preferMs) {
            if (sp < bestSpeed) {
              best = s;
              bestSpeed = sp;
              bestKm = d;
            }
          } else if (fallback < 0 || this.lastT[s] > this.lastT[fallback]) {
            fallback = s;
            fallbackSpeed = sp;
            fallbackKm = d;
          }
        }
        if (best < 0 && fallback >= 0) {
          best = fallback;
          bestSpeed = fallbackSpeed;
          bestKm = fallbackKm;
        }
        // Flag a fix reached too fast from the MMSI's previous fix (whatever its segment) for what the vessel
        // reports: GPS or timestamp trouble, or another transponder on the same MMSI.
        const pt = this.vT[v];
        let flagged = false;
        if (pt === pt) {
          // Usually the previous fix is the chosen segment's last one: its distance is known.
          const km = best >= 0 && pt === this.lastT[best] && this.vLat[v] === this.lastLat[best] && this.vLon[v] === this.lastLon[best]
            ? bestKm : distanceKm(this.vLat[v], this.vLon[v], lat[i], lon[i]);
          const dt = t - pt;
          const raw = knots(km, dt);
          if (raw > flagKn) {
            const sog = c.sog[i];
            const prevSpeed = this.vSpeed[v];
            const ref = Math.max(sog === sog ? sog : 0, prevSpeed === prevSpeed ? prevSpeed : 0);
            if (raw > flagFactor * ref) {
              flagged = true;
              this.speedFlags.push({ row: i, impliedKn: raw, reportedKn: sog, meters: km * 1000, seconds: dt / 1000, split: best < 0 });
              this.stats.implausibleSpeedFixes++;
            }
          }
        }
        let implied = bestSpeed;
        if (best >= 0) {
          const dt = t - this.lastT[best];
          if (dt >= silenceMs) this.addTransition(i, best, v, false);
        } else {
          best = this.startSegment(i, v, t, lat[i], lon[i], open, flagged);
          implied = NaN;
        }
        // Update the slot.
        const sog = c.sog[i];
        const speed = sog === sog ? sog : implied;
        this.slotOf[i] = best;
        this.speedOf[i] = speed;
        this.vT[v] = t;
        this.vLat[v] = lat[i];
        this.vLon[v] = lon[i];
        this.vSpeed[v] = speed;
        this.lastT[best] = t;
        this.lastLat[best] = lat[i];
        this.lastLon[best] = lon[i];
        this.lastSpeed[best] = speed;
        this.lastCog[best] = c.cog[i];
        this.count[best]++;
        if (t <= this.watchEnd[best] && t > this.watchT1[best]) this.watchCount[best]++;
        const rp = this.ringPos[best];
        this.ring[best * RING + rp] = t;
        this.ringPos[best] = (rp + 1) % RING;
      }
    }
    // Idle segments close at the end of the bucket.
    const idleBefore = b.end - maxGapMs;
    for (let s = 0; s < this.nextSlot; s++) {
      if (this.serial[s] > 0 && !this.closingSet.has(s) && this.lastT[s] < idleBefore && this.count[s] > 0) this.markClosing(s);
    }
  }

  /** Opens a segment for a fix no open segment can reach; links it to the vessel's last track across a long silence. */
  private startSegment(i: number, v: number, t: number, lat: number, lon: number, open: number[], flagged: boolean): number {
    // Stale segments (silent longer than maxGap) close now; remember the latest as the link candidate.
    let stale = -1;
    for (let k = open.length - 1; k >= 0; k--) {
      const s = open[k];
      if (t - this.lastT[s] > this.maxGapMs) {
        if (stale < 0 || this.lastT[s] > this.lastT[stale]) stale = s;
      }
    }
    const hadOpen = open.length;
    if (stale < 0 && hadOpen > 0) {
      this.stats.jumpSplits++;
      // The jump itself is an implausible speed: flag it against the most recently heard segment.
      if (!flagged) {
        let recent = open[0];
        for (const s of open) if (this.lastT[s] > this.lastT[recent]) recent = s;
        const km = distanceKm(this.lastLat[recent], this.lastLon[recent], lat, lon);
        const dt = t - this.lastT[recent];
        this.speedFlags.push({ row: i, impliedKn: knots(km, dt), reportedKn: NaN, meters: km * 1000, seconds: dt / 1000, split: true });
        this.stats.implausibleSpeedFixes++;
      }
    }
    else if (stale >= 0) this.stats.timeSplits++;
    for (const s of [...open]) if (t - this.lastT[s] > this.maxGapMs) this.markClosing(s);
    while (open.length >= this.maxOpen) {
      let oldest = open[0];
      for (const s of open) if (this.lastT[s] < this.lastT[oldest]) oldest = s;
      this.markClosing(oldest);
    }
    const s = this.openSlot(v, t);
    // Link across a long silence: the stale segment closed now, or the vessel's last closed one.
    if (hadOpen === 0 || stale >= 0) {
      const pt = this.lcT[v];
      if (pt === pt && t - pt >= this.silenceMs) {
        const d = distanceKm(this.lcLat[v], this.lcLon[v], lat, lon);
        if (d <= this.noiseKm || knots(d, t - pt) <= this.maxSpeed) {
          this.watch(s, t);
          this.transitions.push({
            row: i, slot: s, serial: this.serial[s], vessel: v, prevT: pt, prevLat: this.lcLat[v], prevLon: this.lcLon[v], prevSpeed: this.lcSpeed[v],
            prevCog: this.lcCog[v], prevRecent: this.lcRecent[v], linked: true,
          });
        }
      }
    }
    return s;
  }

  private watch(s: number, t1: number): void {
    this.watchT1[s] = t1;
    this.watchEnd[s] = t1 + this.watchMs;
    this.watchCount[s] = 0;
  }

  private addTransition(i: number, s: number, v: number, linked: boolean): void {
    this.watch(s, this.curT);
    this.transitions.push({
      row: i, slot: s, serial: this.serial[s], vessel: v, prevT: this.lastT[s], prevLat: this.lastLat[s], prevLon: this.lastLon[s], prevSpeed: this.lastSpeed[s],
      prevCog: this.lastCog[s], prevRecent: this.recentCount(s, this.lastT[s]), linked,
    });
  }

  /**
   * Fixes a segment received in the watch window after its last transition (see `watch`), if that transition is the
   * one at t1 and the slot still holds the segment; else -1.
   */
  fixesAfter(slot: number, serial: number, t1: number): number {
    if (this.serial[slot] !== serial || this.watchT1[slot] !== t1) return -1;
    return this.watchCount[slot];
  }

  /** Slots closing at the end of this bucket (detectors finalise them before `release`). */
  closingSlots(): readonly number[] {
    return this.closing;
  }

  /** Frees the closed slots for reuse. */
  release(): void {
    for (const s of this.closing) {
      this.serial[s] = 0;
      this.free.push(s);
    }
    this.closing = [];
    this.closingSet.clear();
  }

  /** End of input: every open segment closes. */
  closeAll(): void {
    for (let s = 0; s < this.nextSlot; s++) if (this.serial[s] > 0 && !this.closingSet.has(s)) this.markClosing(s);
  }
}
