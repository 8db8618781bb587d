/**
 * Per-vessel summaries of one run, as stored (store/maritime.ts) and served: the identity timeline, links to
 * designated vessels, the risk score with every reason and its evidence, the 180-day look-back hits (with the law
 * they rest on, statute.ts) and the vessel's events by type. One per MMSI that has an identity record, an event or a link.
 */
import { flagOfMmsi } from '../../sources/ais/index.js';
import type { VesselSummaryRecord } from '../../store/maritime.js';
import type { MaritimeEvent } from './events.js';
import { isoTime } from './geo.js';
import type { LookbackHit, VesselLink } from './linkage.js';
import type { MaritimePipeline } from './pipeline.js';
import type { VesselRisk } from './risk.js';
import { LOOKBACK_CITATION } from './statute.js';

export type Identity = ReturnType<MaritimePipeline['identities']>[number];

export interface SummaryInput {
  identities: readonly Identity[];
  events: readonly MaritimeEvent[];
  links: readonly VesselLink[];
  lookback: Map<number, LookbackHit[]>;
  lookbackAsOf: number | undefined;
  lookbackDays: number;
  risk: readonly VesselRisk[];
}

function brief(e: MaritimeEvent): Record<string, unknown> {
  return { type: e.type, mmsi: e.mmsi, start: e.start, end: e.end, lat: e.lat, lon: e.lon, region: e.region, confidence: e.confidence };
}

/** The end of the data, as far as the run shows it: the latest event end or identity message (epoch ms). */
export function dataEnd(events: readonly MaritimeEvent[], identities: readonly Identity[]): number | undefined {
  let t = -Infinity;
  for (const e of events) t = Math.max(t, Date.parse(e.end));
  for (const i of identities) for (const x of i.entries) t = Math.max(t, x.lastSeen);
  return Number.isFinite(t) ? t : undefined;
}

export function vesselSummaries(s: SummaryInput): VesselSummaryRecord[] {
  const ids = new Map(s.identities.map((i) => [i.mmsi, i]));
  const risk = new Map(s.risk.map((r) => [r.mmsi, r]));
  const links = new Map<number, VesselLink[]>();
  for (const l of s.links) links.set(l.mmsi, [...(links.get(l.mmsi) ?? []), l]);
  const counts = new Map<number, Record<string, number>>();
  for (const e of s.events) {
    for (const m of new Set(e.mmsi)) {
      const c = counts.get(m) ?? {};
      c[e.type] = (c[e.type] ?? 0) + 1;
      counts.set(m, c);
    }
  }
  const mmsis = [...new Set([...ids.keys(), ...risk.keys(), ...links.keys(), ...counts.keys()])].sort((a, b) => a - b);
  return mmsis.map((mmsi) => {
    const id = ids.get(mmsi);
    const hits = s.lookback.get(mmsi) ?? [];
    return {
      mmsi,
      flag: id?.flag ?? flagOfMmsi(mmsi) ?? null,
      names: id?.names ?? [],
      imos: id?.imos ?? [],
      identity: {
        entries: (id?.entries ?? []).map((x) => ({
          field: x.field, cls: x.cls, value: x.value, firstSeen: isoTime(x.firstSeen), lastSeen: isoTime(x.lastSeen), messages: x.messages,
        })),
        transients: id?.transients ?? 0,
      },
      links: links.get(mmsi) ?? [],
      riskScore: risk.get(mmsi)?.score ?? 0,
      reasons: risk.get(mmsi)?.reasons ?? [],
      lookback: {
        asOf: s.lookbackAsOf === undefined ? null : isoTime(s.lookbackAsOf),
        days: s.lookbackDays,
        hits: hits.map((h) => ({
          reason: h.reason, event: brief(h.event),
          ...(h.via ? { via: { mmsi: h.via.mmsi, dprkFlag: h.via.dprkFlag ?? false, ...(h.via.portCall ? { portCall: brief(h.via.portCall) } : {}) } } : {}),
        })),
        ...(hits.length ? { citation: LOOKBACK_CITATION } : {}),
      },
      events: counts.get(mmsi) ?? {},
    };
  });
}
