/**
 * Ground truth of a simulation and the scoring of detected events against it.
 *
 * A detection matches a truth record when the type is the same, the MMSIs are the same set, and the times agree:
 * intervals overlap once the truth is widened by the tolerance (point events: within the tolerance). Matching is
 * one-to-one, closest in time first. Optional truth records (within a small margin of a threshold) are neither
 * missed when undetected nor false when detected.
 */
import { EVENT_TYPES, type MaritimeEvent, type MaritimeEventType } from '../../src/analyses/maritime/events.js';
import { MS_PER_HOUR } from '../../src/analyses/maritime/geo.js';

export interface TruthEvent {
  type: MaritimeEventType;
  mmsi: number[];
  /** Epoch ms. */
  start: number;
  end: number;
  lat: number;
  lon: number;
  scenario: string;
  optional?: boolean;
}

export interface TypeScore {
  type: MaritimeEventType;
  truth: number;
  detected: number;
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface ScoreResult {
  perType: TypeScore[];
  missed: TruthEvent[];
  falsePositives: MaritimeEvent[];
}

/**
 * Time tolerance by type. Port calls (estimated arrival and departure when inferred), identity changes (seen at the
 * first message with the new value, which a reception outage can delay) and shared MMSIs get more slack.
 */
export const DEFAULT_TOLERANCE_MS: Record<MaritimeEventType, number> = {
  encounter: 1 * MS_PER_HOUR, gap: 1 * MS_PER_HOUR, loitering: 1 * MS_PER_HOUR, port_call: 2 * MS_PER_HOUR,
  identity_change: 2 * MS_PER_HOUR, shared_mmsi: 2 * MS_PER_HOUR, invalid_mmsi: 1 * MS_PER_HOUR,
};

function sameMmsi(a: number[], b: number[]): boolean {
  if (a.length !== b.length) return false;
  const x = [...a].sort((p, q) => p - q);
  const y = [...b].sort((p, q) => p - q);
  return x.every((v, i) => v === y[i]);
}

/** Time distance between a detection and a truth record: 0 when overlapping, else the gap between them. */
function timeGap(d: { start: number; end: number }, t: TruthEvent): number {
  if (d.start <= t.end && t.start <= d.end) return 0;
  return d.start > t.end ? d.start - t.end : t.start - d.end;
}

export function scoreEvents(detected: readonly MaritimeEvent[], truth: readonly TruthEvent[], tolerance = DEFAULT_TOLERANCE_MS): ScoreResult {
  const perType: TypeScore[] = [];
  const missed: TruthEvent[] = [];
  const falsePositives: MaritimeEvent[] = [];
  for (const type of EVENT_TYPES) {
    const ds = detected.filter((e) => e.type === type).map((e) => ({ e, start: Date.parse(e.start), end: Date.parse(e.end) }));
    const ts = truth.filter((t) => t.type === type);
    const tol = tolerance[type];
    const cand: [number, number, number][] = [];
    ds.forEach((d, i) => ts.forEach((t, j) => {
      if (!sameMmsi(d.e.mmsi, t.mmsi)) return;
      const g = timeGap(d, t);
      if (g <= tol) cand.push([g, i, j]);
    }));
    cand.sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2]);
    const dUsed = new Set<number>();
    const tUsed = new Set<number>();
    for (const [, i, j] of cand) {
      if (dUsed.has(i) || tUsed.has(j)) continue;
      dUsed.add(i);
      tUsed.add(j);
    }
    let tp = 0;
    let fp = 0;
    let fn = 0;
    let required = 0;
    ts.forEach((t, j) => {
      if (!t.optional) required++;
      if (tUsed.has(j)) {
        if (!t.optional) tp++;
      } else if (!t.optional) {
        fn++;
        missed.push(t);
      }
    });
    ds.forEach((d, i) => {
      if (dUsed.has(i)) return;
      fp++;
      falsePositives.push(d.e);
    });
    // Detections matched to optional truth count as neither true nor false positives.
    const matchedOptional = [...tUsed].filter((j) => ts[j].optional).length;
    const detectedCounted = ds.length - matchedOptional;
    const precision = detectedCounted ? tp / detectedCounted : required ? 0 : 1;
    const recall = required ? tp / required : 1;
    const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
    perType.push({ type, truth: required, detected: detectedCounted, tp, fp, fn, precision, recall, f1 });
  }
  return { perType, missed, falsePositives };
}

/** A fixed-width table of the scores. */
export function formatScores(perType: readonly TypeScore[]): string {
  const rows = perType.map((s) => `  ${s.type.padEnd(16)} truth ${String(s.truth).padStart(4)}  detected ${String(s.detected).padStart(4)}  `
    + `tp ${String(s.tp).padStart(4)} fp ${String(s.fp).padStart(3)} fn ${String(s.fn).padStart(3)}  `
    + `P ${s.precision.toFixed(3)}  R ${s.recall.toFixed(3)}  F1 ${s.f1.toFixed(3)}`);
  return rows.join('\n');
}
