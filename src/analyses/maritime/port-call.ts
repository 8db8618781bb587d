/**
 * DPRK port calls.
 *
 * Visible calls: a track enters a DPRK port area (within port.entryRadiusKm of one of the ports), stops there
 * (below port.stopSpeedKn for port.minStopMinutes in all) and leaves (beyond port.exitRadiusKm) or ends; a visit
 * lasting at least port.minVisitHours is a call. Per segment, streaming.
 *
 * Inferred calls: a silence (from the gap detector) that began within port.inferApproachKm of a DPRK port heading
 * for it (course within port.inferMaxBearingDeg of the bearing to the port) and ended within the same distance
 * heading away, long enough (port.inferMinGapHours) to have sailed in and out at port.inferAssumedSpeedKn and
 * stayed port.inferMinStopHours. The estimated arrival and departure are the event's start and end.
 */
import type { Bucket } from './tracks.js';
import { type DetectorContext, growF64, growI32 } from './context.js';
import type { Silence } from './gap.js';
import { angleBetween, bearingDeg, distanceKm, isoTime, KM_PER_NM, MS_PER_HOUR, MS_PER_MINUTE, round } from './geo.js';
import { paramsWithPrefix, type Params } from './params.js';
import type { Port } from './regions.js';

const KM_PER_DEG_LAT = 111.2;

export class PortCallDetector {
  private readonly ports: Port[];
  private readonly p: Params;
  private serial = new Float64Array(0);
  private inPort = new Int32Array(0);
  private entryT = new Float64Array(0);
  private lastInT = new Float64Array(0);
  private lastT = new Float64Array(0);
  private lastSlowT = new Float64Array(0);
  private stopMs = new Float64Array(0);
  private minKm = new Float64Array(0);
  private fixes = new Float64Array(0);
  // Bounding box of the port areas (fast rejection).
  private readonly latMin: number;
  private readonly latMax: number;
  private readonly lonMin: number;
  private readonly lonMax: number;
  counts = { visible: 0, inferred: 0 };

  constructor(private readonly ctx: DetectorContext) {
    this.ports = ctx.regions.dprkPorts;
    this.p = ctx.params;
    const pad = Math.max(this.p['port.exitRadiusKm'], this.p['port.entryRadiusKm']) / KM_PER_DEG_LAT * 2;
    this.latMin = Math.min(...this.ports.map((x) => x.lat)) - pad;
    this.latMax = Math.max(...this.ports.map((x) => x.lat)) + pad;
    this.lonMin = Math.min(...this.ports.map((x) => x.lon)) - pad * 2;
    this.lonMax = Math.max(...this.ports.map((x) => x.lon)) + pad * 2;
  }

  private ensure(n: number): void {
    if (this.serial.length >= n) return;
    this.serial = growF64(this.serial, n);
    this.inPort = growI32(this.inPort, n, -1);
    this.entryT = growF64(this.entryT, n);
    this.lastInT = growF64(this.lastInT, n);
    this.lastT = growF64(this.lastT, n);
    this.lastSlowT = growF64(this.lastSlowT, n, NaN);
    this.stopMs = growF64(this.stopMs, n);
    this.minKm = growF64(this.minKm, n);
    this.fixes = growF64(this.fixes, n);
  }

  /** The port whose entry circle holds a point, or -1. */
  private portAt(lat: number, lon: number): number {
    if (lat < this.latMin || lat > this.latMax || lon < this.lonMin || lon > this.lonMax) return -1;
    const r = this.p['port.entryRadiusKm'];
    for (let k = 0; k < this.ports.length; k++) {
      const q = this.ports[k];
      if (Math.abs(q.lat - lat) * KM_PER_DEG_LAT > r) continue;
      if (distanceKm(lat, lon, q.lat, q.lon) <= r) return k;
    }
    return -1;
  }

  process(b: Bucket): void {
    const seg = this.ctx.seg;
    this.ensure(seg.capacity);
    const c = b.cols;
    const stopKn = this.p['port.stopSpeedKn'];
    const exitKm = this.p['port.exitRadiusKm'];
    for (let i = 0; i < c.n; i++) {
      const s = seg.slotOf[i];
      if (this.serial[s] !== seg.serial[s]) {
        this.serial[s] = seg.serial[s];
        this.inPort[s] = -1;
      }
      const lat = c.lat[i];
      const lon = c.lon[i];
      const t = c.t[i];
      let k = this.inPort[s];
      if (k >= 0) {
        const q = this.ports[k];
        const d = distanceKm(lat, lon, q.lat, q.lon);
        if (d > exitKm) {
          this.endVisit(s, false);
          k = -1;
        } else {
          if (d < this.minKm[s]) this.minKm[s] = d;
          const sp = seg.speedOf[i];
          if (sp === sp && sp < stopKn) {
            if (this.lastSlowT[s] === this.lastSlowT[s]) this.stopMs[s] += t - this.lastSlowT[s];
            this.lastSlowT[s] = t;
          } else this.lastSlowT[s] = NaN;
          this.lastInT[s] = t;
          this.fixes[s]++;
        }
      }
      if (k < 0) {
        const e = this.portAt(lat, lon);
        if (e >= 0) {
          this.inPort[s] = e;
          this.entryT[s] = t;
          this.lastInT[s] = t;
          this.stopMs[s] = 0;
          this.fixes[s] = 1;
          this.minKm[s] = distanceKm(lat, lon, this.ports[e].lat, this.ports[e].lon);
          const sp = seg.speedOf[i];
          this.lastSlowT[s] = sp === sp && sp < stopKn ? t : NaN;
        }
      }
      this.lastT[s] = t;
    }
  }

  close(slots: readonly number[]): void {
    for (const s of slots) {
      if (s < this.serial.length && this.serial[s] === this.ctx.seg.serial[s] && this.inPort[s] >= 0) this.endVisit(s, true);
    }
  }

  private endVisit(s: number, trackEnded: boolean): void {
    const k = this.inPort[s];
    this.inPort[s] = -1;
    const startMs = this.entryT[s];
    const endMs = this.lastInT[s];
    const hours = (endMs - startMs) / MS_PER_HOUR;
    const stopMin = this.stopMs[s] / MS_PER_MINUTE;
    if (hours < this.p['port.minVisitHours'] || stopMin < this.p['port.minStopMinutes']) return;
    const port = this.ports[k];
    const vessel = this.ctx.seg.slotVessel[s];
    this.counts.visible++;
    this.ctx.emit({
      type: 'port_call', mmsi: [this.ctx.vessels.mmsi[vessel]], startMs, endMs, lat: port.lat, lon: port.lon,
      confidence: Math.min(1, 0.85 + 0.05 * Math.min(3, stopMin / 60)),
      evidence: {
        port: port.name, inferred: false, durationHours: round(hours, 2), stoppedHours: round(stopMin / 60, 2), positionsInPort: this.fixes[s],
        closestKm: round(this.minKm[s], 2), trackEndedInPort: trackEnded,
      },
      params: paramsWithPrefix(this.p, 'port'),
    });
  }

  /** Listener for the gap detector's silences: an inferred call when the silence fits a visit to a DPRK port. */
  onSilence = (g: Silence): void => {
    const p = this.p;
    const hours = (g.t1 - g.t0) / MS_PER_HOUR;
    if (hours < p['port.inferMinGapHours']) return;
    const approach = p['port.inferApproachKm'];
    const maxBearing = p['port.inferMaxBearingDeg'];
    const kmh = p['port.inferAssumedSpeedKn'] * KM_PER_NM;
    let best = -1;
    let bestScore = Infinity;
    let bestD0 = 0;
    let bestD1 = 0;
    for (let k = 0; k < this.ports.length; k++) {
      const q = this.ports[k];
      const d0 = distanceKm(g.lat0, g.lon0, q.lat, q.lon);
      const d1 = distanceKm(g.lat1, g.lon1, q.lat, q.lon);
      if (d0 > approach || d1 > approach) continue;
      // Already inside the port area at either end: the visible detector covers it.
      if (d0 <= p['port.exitRadiusKm'] || d1 <= p['port.exitRadiusKm']) continue;
      const stay = hours - (d0 + d1) / kmh;
      if (stay < p['port.inferMinStopHours']) continue;
      if (g.cog0 === g.cog0 && angleBetween(g.cog0, bearingDeg(g.lat0, g.lon0, q.lat, q.lon)) > maxBearing) continue;
      if (g.cog1 === g.cog1 && angleBetween(g.cog1, bearingDeg(q.lat, q.lon, g.lat1, g.lon1)) > maxBearing) continue;
      if (d0 + d1 < bestScore) {
        bestScore = d0 + d1;
        best = k;
        bestD0 = d0;
        bestD1 = d1;
      }
    }
    if (best < 0) return;
    const q = this.ports[best];
    const arrive = g.t0 + (bestD0 / kmh) * MS_PER_HOUR;
    const depart = g.t1 - (bestD1 / kmh) * MS_PER_HOUR;
    const headingKnown = (g.cog0 === g.cog0 ? 1 : 0) + (g.cog1 === g.cog1 ? 1 : 0);
    const confidence = 0.45 + 0.25 * (1 - (bestD0 + bestD1) / (2 * approach)) + 0.075 * headingKnown;
    this.counts.inferred++;
    this.ctx.emit({
      type: 'port_call', mmsi: [this.ctx.vessels.mmsi[g.vessel]], startMs: arrive, endMs: depart, lat: q.lat, lon: q.lon, confidence,
      evidence: {
        port: q.name, inferred: true, darkHours: round(hours, 2), estimatedStayHours: round((depart - arrive) / MS_PER_HOUR, 2),
        from: { lat: round(g.lat0, 5), lon: round(g.lon0, 5), t: isoTime(g.t0), kmToPort: round(bestD0, 1) },
        to: { lat: round(g.lat1, 5), lon: round(g.lon1, 5), t: isoTime(g.t1), kmFromPort: round(bestD1, 1) },
        courseKnown: headingKnown,
      },
      params: paramsWithPrefix(p, 'port'),
    });
  };
}
