/**
 * Loitering detector: one vessel slow (loitering.maxSpeedKn) for hours (loitering.minDurationHours) at sea, away
 * from ports and anchorages (loitering.minDistanceFromPortKm from the nearest known port). Faster fixes for at most
 * loitering.maxBlipMinutes do not break a run; a silence longer than loitering.maxSilenceHours ends it. Works per
 * segment, streaming: a run is judged when it ends (or its segment closes).
 */
import type { Bucket } from './tracks.js';
import { type DetectorContext, ParamsLookup, growF64, portDistance } from './context.js';
import { MS_PER_HOUR, MS_PER_MINUTE, round } from './geo.js';
import { paramsWithPrefix } from './params.js';

export interface LoiteringDraftInfo {
  vessel: number;
  startMs: number;
  endMs: number;
  lat: number;
  lon: number;
}

export class LoiteringDetector {
  private serial = new Float64Array(0);
  private start = new Float64Array(0);
  private lastSlow = new Float64Array(0);
  private fastSince = new Float64Array(0);
  private lastT = new Float64Array(0);
  private sumLat = new Float64Array(0);
  private sumLon = new Float64Array(0);
  private sumSpeed = new Float64Array(0);
  private maxSpeed = new Float64Array(0);
  private n = new Float64Array(0);
  private firstLat = new Float64Array(0);
  private firstLon = new Float64Array(0);
  private lastLat = new Float64Array(0);
  private lastLon = new Float64Array(0);
  private readonly lookup: ParamsLookup;
  private readonly slowKn: number;
  private readonly blipMs: number;
  private readonly silenceMs: number;
  /** Called for every emitted loitering (the one-sided encounter matcher listens). */
  onLoitering?: (l: LoiteringDraftInfo) => void;
  emitted = 0;

  constructor(private readonly ctx: DetectorContext) {
    this.lookup = new ParamsLookup(ctx.regions, ctx.params);
    this.slowKn = ctx.params['loitering.maxSpeedKn'];
    this.blipMs = ctx.params['loitering.maxBlipMinutes'] * MS_PER_MINUTE;
    this.silenceMs = ctx.params['loitering.maxSilenceHours'] * MS_PER_HOUR;
  }

  private ensure(n: number): void {
    if (this.serial.length >= n) return;
    this.serial = growF64(this.serial, n);
    this.start = growF64(this.start, n, NaN);
    this.lastSlow = growF64(this.lastSlow, n);
    this.fastSince = growF64(this.fastSince, n, NaN);
    this.lastT = growF64(this.lastT, n);
    this.sumLat = growF64(this.sumLat, n);
    this.sumLon = growF64(this.sumLon, n);
    this.sumSpeed = growF64(this.sumSpeed, n);
    this.maxSpeed = growF64(this.maxSpeed, n);
    this.n = growF64(this.n, n);
    this.firstLat = growF64(this.firstLat, n);
    this.firstLon = growF64(this.firstLon, n);
    this.lastLat = growF64(this.lastLat, n);
    this.lastLon = growF64(this.lastLon, n);
  }

  process(b: Bucket): void {
    const seg = this.ctx.seg;
    this.ensure(seg.capacity);
    const c = b.cols;
    const slotOf = seg.slotOf;
    const speedOf = seg.speedOf;
    const slowKn = this.slowKn;
    for (let i = 0; i < c.n; i++) {
      const s = slotOf[i];
      if (this.serial[s] !== seg.serial[s]) {
        this.serial[s] = seg.serial[s];
        this.start[s] = NaN;
        this.fastSince[s] = NaN;
        this.lastT[s] = -Infinity;
      }
      const t = c.t[i];
      const active = this.start[s] === this.start[s];
      if (active && t - this.lastT[s] > this.silenceMs) this.endRun(s);
      this.lastT[s] = t;
      const sp = speedOf[i];
      if (sp !== sp) continue;
      if (sp <= slowKn) {
        if (this.start[s] !== this.start[s]) {
          this.start[s] = t;
          this.sumLat[s] = 0;
          this.sumLon[s] = 0;
          this.sumSpeed[s] = 0;
          this.maxSpeed[s] = 0;
          this.n[s] = 0;
          this.firstLat[s] = c.lat[i];
          this.firstLon[s] = c.lon[i];
        }
        this.fastSince[s] = NaN;
        this.sumLat[s] += c.lat[i];
        this.sumLon[s] += c.lon[i];
        this.sumSpeed[s] += sp;
        if (sp > this.maxSpeed[s]) this.maxSpeed[s] = sp;
        this.n[s]++;
        this.lastSlow[s] = t;
        this.lastLat[s] = c.lat[i];
        this.lastLon[s] = c.lon[i];
      } else if (this.start[s] === this.start[s]) {
        if (this.fastSince[s] !== this.fastSince[s]) this.fastSince[s] = t;
        if (t - this.fastSince[s] > this.blipMs) this.endRun(s);
      }
    }
  }

  /** Segments closing at the end of the bucket: judge their open runs. */
  close(slots: readonly number[]): void {
    for (const s of slots) {
      if (s < this.serial.length && this.serial[s] === this.ctx.seg.serial[s] && this.start[s] === this.start[s]) this.endRun(s);
    }
  }

  private endRun(s: number): void {
    const startMs = this.start[s];
    const endMs = this.lastSlow[s];
    this.start[s] = NaN;
    this.fastSince[s] = NaN;
    const base = this.ctx.params;
    if (endMs - startMs < base['loitering.minDurationHours'] * MS_PER_HOUR) return;
    const n = this.n[s];
    // Longitude mean is fine here: a loitering vessel does not cross the antimeridian within hours.
    const lat = this.sumLat[s] / n;
    const lon = this.sumLon[s] / n;
    const p = this.lookup.at(lat, lon);
    const hours = (endMs - startMs) / MS_PER_HOUR;
    if (hours < p['loitering.minDurationHours']) return;
    const port = portDistance(this.ctx.regions, lat, lon);
    if (port.km < p['loitering.minDistanceFromPortKm']) return;
    const vessel = this.ctx.seg.slotVessel[s];
    const meanSpeed = this.sumSpeed[s] / n;
    const minH = p['loitering.minDurationHours'];
    // Longer and slower is surer; a sparse run (few fixes per hour) less so.
    const perHour = n / hours;
    const confidence = Math.min(1, 0.55 + 0.05 * (hours - minH)) * (1 - 0.3 * meanSpeed / p['loitering.maxSpeedKn'])
      * (perHour >= 2 ? 1 : 0.8);
    this.emitted++;
    this.ctx.emit({
      type: 'loitering', mmsi: [this.ctx.vessels.mmsi[vessel]], startMs, endMs, lat, lon, confidence,
      evidence: {
        durationHours: round(hours, 2), positions: n, meanSpeedKn: round(meanSpeed, 2), maxSpeedKn: round(this.maxSpeed[s], 2),
        first: { lat: round(this.firstLat[s], 5), lon: round(this.firstLon[s], 5) },
        last: { lat: round(this.lastLat[s], 5), lon: round(this.lastLon[s], 5) },
        nearestPort: port.port ? { name: port.port.name, km: round(port.km, 1) } : null,
      },
      params: paramsWithPrefix(p, 'loitering'),
    });
    this.onLoitering?.({ vessel, startMs, endMs, lat, lon });
  }
}
