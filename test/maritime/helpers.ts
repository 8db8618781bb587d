/** Hand-made AIS tracks for the maritime tests. */
import type { AisPosition, AisStatic } from '../../src/sources/ais/index.js';
import { MaritimePipeline, type PipelineOptions } from '../../src/analyses/maritime/pipeline.js';
import type { MaritimeEvent } from '../../src/analyses/maritime/events.js';
import { bearingDeg, distanceKm, interpolate, KM_PER_NM, MS_PER_HOUR, MS_PER_MINUTE } from '../../src/analyses/maritime/geo.js';

export const T0 = Date.UTC(2024, 2, 1);
export const H = MS_PER_HOUR;
export const MIN = MS_PER_MINUTE;

export interface Leg {
  /** Where the leg ends. */
  to: [number, number];
  /** Knots (0: stay at the current point for `hours`). */
  kn: number;
  /** For stays: how long. */
  hours?: number;
  /** No reports during this leg. */
  dark?: boolean;
}

/** Fixes of one vessel: start at `from` at time `start`, follow the legs, a fix every `everyS` seconds. */
export function track(mmsi: number, start: number, from: [number, number], legs: Leg[], everyS = 60, cls: 'A' | 'B' = 'A'): AisPosition[] {
  const out: AisPosition[] = [];
  let t = start;
  let [lat, lon] = from;
  for (const leg of legs) {
    const [lat1, lon1] = leg.to;
    const km = distanceKm(lat, lon, lat1, lon1);
    const dur = leg.kn > 0 ? (km / (leg.kn * KM_PER_NM)) * MS_PER_HOUR : (leg.hours ?? 1) * MS_PER_HOUR;
    const cog = km > 0 ? bearingDeg(lat, lon, lat1, lon1) : 0;
    for (let x = 0; x < dur; x += everyS * 1000) {
      if (leg.dark) continue;
      const [a, b] = interpolate(lat, lon, lat1, lon1, dur ? x / dur : 1);
      out.push({ mmsi, t: t + x, lat: a, lon: b, sog: leg.kn > 0 ? leg.kn : 0.1, cog, heading: Math.round(cog) % 360, navStatus: leg.kn > 0 ? 0 : 1, msgType: cls === 'B' ? 18 : 1, cls });
    }
    t += dur;
    lat = lat1;
    lon = lon1;
  }
  return out;
}

/** Static messages every `everyMin` minutes over [start, end). */
export function statics(mmsi: number, start: number, end: number, id: Partial<AisStatic>, everyMin = 6, cls: 'A' | 'B' = 'A'): AisStatic[] {
  const out: AisStatic[] = [];
  for (let t = start; t < end; t += everyMin * MIN) {
    out.push({
      mmsi, t, msgType: cls === 'A' ? 5 : 24, imo: undefined, name: undefined, callSign: undefined, shipType: undefined, ...id,
    });
  }
  return out;
}

/** Runs the pipeline on records (sorted by time first), returning the events and the summary. */
export function detect(positions: AisPosition[], staticRecords: AisStatic[] = [], o: PipelineOptions = {}) {
  const events: MaritimeEvent[] = [];
  const pipe = new MaritimePipeline({ ...o, onEvent: (e) => events.push(e) });
  const all: (AisPosition | AisStatic)[] = [...positions, ...staticRecords].sort((a, b) => a.t - b.t);
  for (const r of all) {
    if ('lat' in r) pipe.addPosition(r);
    else pipe.addStatic(r);
  }
  const summary = pipe.finish();
  return { events, summary, identities: pipe.identities(), of: (type: MaritimeEvent['type']) => events.filter((e) => e.type === type) };
}

/** Background traffic: n vessels sailing east-west across a box, so that reception is visibly working there. */
export function traffic(n: number, start: number, hours: number, box: [number, number, number, number], firstMmsi = 412_900_000): AisPosition[] {
  const [lat0, lat1, lon0, lon1] = box;
  const out: AisPosition[] = [];
  for (let k = 0; k < n; k++) {
    const lat = lat0 + ((lat1 - lat0) * (k + 0.5)) / n;
    const west = k % 2 === 0;
    out.push(...track(firstMmsi + k, start, [lat, west ? lon0 : lon1], [{ to: [lat, west ? lon1 : lon0], kn: ((lon1 - lon0) * 60 * Math.cos((lat * Math.PI) / 180)) / hours }], 120));
  }
  return out;
}

