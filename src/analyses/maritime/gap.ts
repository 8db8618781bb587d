/**
 * Gap detector: AIS silence while under way. A candidate is a silence of at least gap.minHours on one track (from
 * the segmenter's transitions) by a vessel under way before it (gap.underwayMinSpeedKn, reported or implied), that
 * had been heard regularly (gap.minPositionsBefore in gap.positionsBeforeHours) and was not in port
 * (gap.minDistanceFromPortKm; off in DPRK waters).
 *
 * Likely deliberate or coverage? Hour by hour along the straight path between where the vessel went dark and where it
 * reappeared, the reception history (coverage.ts) says whether other vessels were heard nearby. If they were in at
 * least gap.minCoverageRatio of the hours, the silence was the transponder's, not the receivers': reported with a
 * confidence that grows with that share and the length. Otherwise it is a coverage hole, reported only with
 * gap.reportCoverageGaps. Judgements wait for the end of the bucket so that every vessel's reception up to the
 * reappearance has been recorded.
 *
 * A reappearance counts once the track goes on (gap.confirmFixes within gap.confirmMinutes). Every confirmed
 * silence (reported or not) is also passed to listeners: inferred port calls and one-sided encounters.
 */
import type { Bucket } from './tracks.js';
import { type DetectorContext, ParamsLookup, portDistance } from './context.js';
import type { Coverage, CoverageJudgement } from './coverage.js';
import { distanceKm, isoTime, knots, MS_PER_HOUR, round } from './geo.js';
import { paramsWithPrefix } from './params.js';

/** A silence on one track, as listeners see it. */
export interface Silence {
  vessel: number;
  t0: number;
  t1: number;
  lat0: number;
  lon0: number;
  lat1: number;
  lon1: number;
  /** Course and speed at the last fix before and the first after (NaN unknown). */
  cog0: number;
  cog1: number;
  speed0: number;
  speed1: number;
  coverage: CoverageJudgement;
  /** Reported as a gap event. */
  reported: boolean;
}

interface Pending {
  vessel: number;
  slot: number;
  serial: number;
  t0: number; lat0: number; lon0: number; speed0: number; cog0: number; recent: number;
  t1: number; lat1: number; lon1: number; speed1: number; cog1: number;
}

export class GapDetector {
  private pending: Pending[] = [];
  private readonly lookup: ParamsLookup;
  readonly listeners: ((s: Silence) => void)[] = [];
  counts = { candidates: 0, deliberate: 0, coverage: 0, notUnderway: 0, inPort: 0, sparse: 0, unconfirmed: 0 };
  private readonly confirmMs: number;
  private readonly confirmFixes: number;

  constructor(private readonly ctx: DetectorContext, private readonly coverage: Coverage) {
    this.lookup = new ParamsLookup(ctx.regions, ctx.params);
    this.confirmMs = ctx.params['gap.confirmMinutes'] * 60_000;
    this.confirmFixes = ctx.params['gap.confirmFixes'];
  }

  /** Collects the bucket's silences (judged in finishBucket). */
  collect(b: Bucket): void {
    const c = b.cols;
    const seg = this.ctx.seg;
    for (const tr of seg.transitions) {
      const i = tr.row;
      this.pending.push({
        vessel: tr.vessel, slot: tr.slot, serial: tr.serial, t0: tr.prevT, lat0: tr.prevLat, lon0: tr.prevLon, speed0: tr.prevSpeed, cog0: tr.prevCog, recent: tr.prevRecent,
        t1: c.t[i], lat1: c.lat[i], lon1: c.lon[i], speed1: seg.speedOf[i], cog1: c.cog[i],
      });
    }
  }

  /**
   * Judges the silences whose reappearance is confirmed: gap.confirmFixes more fixes on the same track within
   * gap.confirmMinutes (a lone fix after a silence may be spoofed or garbled). Silences still inside that window wait.
   */
  finishBucket(end = Infinity): void {
    const list = this.pending;
    this.pending = [];
    const seg = this.ctx.seg;
    for (const g of list) {
      if (end < g.t1 + this.confirmMs) {
        this.pending.push(g);
        continue;
      }
      const n = seg.fixesAfter(g.slot, g.serial, g.t1);
      if (n >= this.confirmFixes || (end === Infinity && n >= 0)) this.judge(g);
      else this.counts.unconfirmed++;
    }
  }

  private judge(g: Pending): void {
    const p = this.lookup.at(g.lat0, g.lon0);
    const hours = (g.t1 - g.t0) / MS_PER_HOUR;
    const km = distanceKm(g.lat0, g.lon0, g.lat1, g.lon1);
    const implied = knots(km, g.t1 - g.t0);
    const cov = this.coverage.judge(g.t0, g.lat0, g.lon0, g.t1, g.lat1, g.lon1);
    let reported = false;
    if (hours >= p['gap.minHours']) {
      this.counts.candidates++;
      const speedBefore = g.speed0 === g.speed0 ? g.speed0 : 0;
      const underway = speedBefore >= p['gap.underwayMinSpeedKn'] || implied >= p['gap.underwayMinSpeedKn'];
      const port = portDistance(this.ctx.regions, g.lat0, g.lon0);
      if (!underway) this.counts.notUnderway++;
      else if (port.km < p['gap.minDistanceFromPortKm']) this.counts.inPort++;
      else if (g.recent < p['gap.minPositionsBefore']) this.counts.sparse++;
      else {
        const deliberate = cov.ratio >= p['gap.minCoverageRatio'];
        if (deliberate) this.counts.deliberate++;
        else this.counts.coverage++;
        if (deliberate || p['gap.reportCoverageGaps']) {
          reported = true;
          const confidence = deliberate
            ? 0.5 + 0.35 * cov.ratio + 0.15 * Math.min(1, hours / 24)
            : 0.3 * (cov.ratio === cov.ratio ? cov.ratio : 0);
          this.ctx.emit({
            type: 'gap', mmsi: [this.ctx.vessels.mmsi[g.vessel]], startMs: g.t0, endMs: g.t1, lat: g.lat0, lon: g.lon0, confidence,
            evidence: {
              durationHours: round(hours, 2), distanceKm: round(km, 2), impliedSpeedKn: round(implied, 2),
              speedBeforeKn: g.speed0 === g.speed0 ? round(g.speed0, 1) : null,
              from: { lat: round(g.lat0, 5), lon: round(g.lon0, 5), t: isoTime(g.t0) },
              to: { lat: round(g.lat1, 5), lon: round(g.lon1, 5), t: isoTime(g.t1) },
              positionsBefore: g.recent,
              coverage: { hoursChecked: cov.hours, hoursOthersHeard: cov.heardHours, ratio: cov.ratio === cov.ratio ? round(cov.ratio, 3) : null },
              likelyDeliberate: deliberate,
              nearestPort: port.port ? { name: port.port.name, km: round(port.km, 1) } : null,
            },
            params: paramsWithPrefix(p, 'gap'),
          });
        }
      }
    }
    const s: Silence = {
      vessel: g.vessel, t0: g.t0, t1: g.t1, lat0: g.lat0, lon0: g.lon0, lat1: g.lat1, lon1: g.lon1, cog0: g.cog0, cog1: g.cog1,
      speed0: g.speed0, speed1: g.speed1, coverage: cov, reported,
    };
    for (const l of this.listeners) l(s);
  }
}
