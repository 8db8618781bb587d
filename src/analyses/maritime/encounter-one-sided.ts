/**
 * One-sided encounters: one vessel loitering while the other is dark. A loitering run of vessel A and a silence of
 * vessel B are paired when B went dark and reappeared within encounter.oneSidedMaxDistanceKm of A's loitering
 * position, the silence covers at least encounter.oneSidedMinOverlapHours of the loitering, and the silence is not
 * much longer than the loitering plus the sailing to and from it (encounter.oneSidedMaxUnexplainedHours). Reported as an
 * encounter of A and B with evidence.kind = 'one_sided'. Loiterings and silences are kept for
 * gap.coverageRetentionHours (the longest silence judged), whichever arrives first waits for the other.
 */
import type { DetectorContext } from './context.js';
import { ParamsLookup } from './context.js';
import type { Silence } from './gap.js';
import type { LoiteringDraftInfo } from './loitering.js';
import { distanceKm, isoTime, KM_PER_NM, MS_PER_HOUR, round } from './geo.js';
import { paramsWithPrefix } from './params.js';

export class OneSidedEncounterMatcher {
  private loiterings: LoiteringDraftInfo[] = [];
  private silences: Silence[] = [];
  private readonly keepMs: number;
  private readonly lookup: ParamsLookup;
  private latest = -Infinity;
  emitted = 0;

  constructor(private readonly ctx: DetectorContext) {
    this.keepMs = ctx.params['gap.coverageRetentionHours'] * MS_PER_HOUR;
    this.lookup = new ParamsLookup(ctx.regions, ctx.params);
  }

  private prune(now: number): void {
    if (now > this.latest) this.latest = now;
    const cut = this.latest - this.keepMs;
    if (this.loiterings.length && this.loiterings[0].endMs < cut) this.loiterings = this.loiterings.filter((l) => l.endMs >= cut);
    if (this.silences.length && this.silences[0].t1 < cut) this.silences = this.silences.filter((s) => s.t1 >= cut);
  }

  onLoitering = (l: LoiteringDraftInfo): void => {
    this.prune(l.endMs);
    for (const s of this.silences) this.tryPair(l, s);
    this.loiterings.push(l);
  };

  onSilence = (s: Silence): void => {
    this.prune(s.t1);
    for (const l of this.loiterings) this.tryPair(l, s);
    this.silences.push(s);
  };

  private tryPair(l: LoiteringDraftInfo, s: Silence): void {
    if (l.vessel === s.vessel) return;
    const p = this.lookup.at(l.lat, l.lon);
    const start = Math.max(l.startMs, s.t0);
    const end = Math.min(l.endMs, s.t1);
    if (end - start < p['encounter.oneSidedMinOverlapHours'] * MS_PER_HOUR) return;
    const maxKm = p['encounter.oneSidedMaxDistanceKm'];
    const d0 = distanceKm(s.lat0, s.lon0, l.lat, l.lon);
    const d1 = distanceKm(s.lat1, s.lon1, l.lat, l.lon);
    if (d0 > maxKm || d1 > maxKm) return;
    // The silence should be the meeting and the sailing to and from it, not much more (a long silence nearby is
    // something else, e.g. a call at a DPRK port next door).
    const sailH = (d0 + d1) / (p['port.inferAssumedSpeedKn'] * KM_PER_NM);
    const unexplainedH = (s.t1 - s.t0) / MS_PER_HOUR - (l.endMs - l.startMs) / MS_PER_HOUR - sailH;
    if (unexplainedH > p['encounter.oneSidedMaxUnexplainedHours']) return;
    const mA = this.ctx.vessels.mmsi[l.vessel];
    const mB = this.ctx.vessels.mmsi[s.vessel];
    const overlapShare = (end - start) / (l.endMs - l.startMs);
    const confidence = 0.4 + 0.2 * (1 - (d0 + d1) / (2 * maxKm)) + 0.15 * overlapShare
      + 0.1 * (s.coverage.ratio === s.coverage.ratio ? s.coverage.ratio : 0);
    this.emitted++;
    this.ctx.emit({
      type: 'encounter', mmsi: mA < mB ? [mA, mB] : [mB, mA], startMs: start, endMs: end, lat: l.lat, lon: l.lon, confidence,
      evidence: {
        kind: 'one_sided', loiteringMmsi: mA, darkMmsi: mB, overlapHours: round((end - start) / MS_PER_HOUR, 2),
        loitering: { start: isoTime(l.startMs), end: isoTime(l.endMs), lat: round(l.lat, 5), lon: round(l.lon, 5) },
        dark: {
          start: isoTime(s.t0), end: isoTime(s.t1), wentDark: { lat: round(s.lat0, 5), lon: round(s.lon0, 5), km: round(d0, 1) },
          reappeared: { lat: round(s.lat1, 5), lon: round(s.lon1, 5), km: round(d1, 1) }, reportedAsGap: s.reported,
        },
      },
      params: paramsWithPrefix(p, 'encounter'),
    });
  }
}
