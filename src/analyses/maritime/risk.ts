/**
 * Vessel risk summary: per MMSI, every reason with its evidence, and a score combining them.
 *
 * Each event of the vessel is a reason weighted by its type (risk.weight.* — the deceptive practices of the 2019 and
 * 2020 U.S. advisories), a DPRK flag, a designation match (linkage.ts) and the 180-day look-back are reasons too (the
 * look-back's evidence quotes the staged law: statute.ts).
 * score = 1 − Π (1 − weight × confidence): independent pieces of evidence accumulate, none alone exceeds its weight.
 * Gaps judged coverage holes (reported only with gap.reportCoverageGaps) count with their low confidence.
 */
import type { MaritimeEvent } from './events.js';
import type { LookbackHit, VesselLink } from './linkage.js';
import { defaultParams, type ParamName, type Params } from './params.js';
import { mmsiReason } from './invalid-mmsi.js';
import { LOOKBACK_CITATION } from './statute.js';

export interface RiskReason {
  kind: string;
  weight: number;
  confidence: number;
  /** weight × confidence. */
  contribution: number;
  /** What supports it: the event (time, place, evidence) or the link. */
  evidence: Record<string, unknown>;
}

export interface VesselRisk {
  mmsi: number;
  score: number;
  reasons: RiskReason[];
}

function eventEvidence(e: MaritimeEvent): Record<string, unknown> {
  return { type: e.type, mmsi: e.mmsi, start: e.start, end: e.end, lat: e.lat, lon: e.lon, region: e.region, evidence: e.evidence };
}

export function riskSummary(events: readonly MaritimeEvent[],
  o: { links?: readonly VesselLink[]; lookback?: Map<number, LookbackHit[]>; params?: Params } = {}): VesselRisk[] {
  const p = o.params ?? defaultParams();
  const by = new Map<number, RiskReason[]>();
  const add = (mmsi: number, r: RiskReason) => by.set(mmsi, [...(by.get(mmsi) ?? []), r]);
  const weight = (k: string) => p[`risk.weight.${k}` as ParamName] ?? 0;
  for (const e of events) {
    const kind = e.type === 'invalid_mmsi' && e.evidence.reason === 'dprk_flag' ? 'dprk_flag' : e.type;
    const w = weight(kind);
    for (const m of e.mmsi) add(m, { kind, weight: w, confidence: e.confidence, contribution: w * e.confidence, evidence: eventEvidence(e) });
  }
  // A DPRK flag is a reason even without an invalid_mmsi event in this batch.
  for (const m of by.keys()) {
    if (mmsiReason(m) === 'dprk_flag' && !by.get(m)!.some((r) => r.kind === 'dprk_flag')) {
      const w = weight('dprk_flag');
      add(m, { kind: 'dprk_flag', weight: w, confidence: 1, contribution: w, evidence: { mid: 445 } });
    }
  }
  for (const l of o.links ?? []) {
    const w = weight('designated');
    add(l.mmsi, { kind: 'designated', weight: w, confidence: l.score, contribution: w * l.score, evidence: { designatedId: l.designatedId, by: l.by, ...l.evidence } });
  }
  for (const [m, hits] of o.lookback ?? []) {
    const w = weight('lookback');
    for (const h of hits) {
      add(m, {
        kind: `lookback_${h.reason}`, weight: w, confidence: h.event.confidence, contribution: w * h.event.confidence,
        evidence: {
          event: eventEvidence(h.event), via: h.via ? { mmsi: h.via.mmsi, dprkFlag: h.via.dprkFlag ?? false, portCall: h.via.portCall ? eventEvidence(h.via.portCall) : undefined } : undefined,
          lookbackDays: p['linkage.lookbackDays'], citation: LOOKBACK_CITATION,
        },
      });
    }
  }
  const out: VesselRisk[] = [];
  for (const [mmsi, reasons] of by) {
    let miss = 1;
    for (const r of reasons) miss *= 1 - Math.min(1, r.contribution);
    reasons.sort((a, b) => b.contribution - a.contribution);
    out.push({ mmsi, score: Math.round((1 - miss) * 1000) / 1000, reasons });
  }
  return out.sort((a, b) => b.score - a.score || a.mmsi - b.mmsi);
}
