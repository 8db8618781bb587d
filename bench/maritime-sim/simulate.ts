/**
 * Scenario simulator: synthetic AIS for East Asian waters with injected evasion scenarios and decoys, and the ground
 * truth of what a correct detector should report.
 *
 * Background traffic: merchant ships (class A 8-14 kn, class B 6-10 kn) sailing port to port along sea lanes
 * (world.ts), waiting at anchorages and berthing; a DPRK coastal fleet (MID 445) between DPRK ports. Reports every
 * 10 s-1 min under way and 3 min at rest (settable), with random dropouts and short outages; static messages every
 * ~6 min. Records are generated in time order (a heap of vessels by next report time) and streamed to a sink
 * (writers.ts: CSV, NMEA).
 *
 * Scenarios (each with truth records): two-sided STS transfers at the reported STS areas; one-sided STS (one ship
 * loitering, the other dark); deliberate AIS gaps on busy lanes; visible and dark (inferred) DPRK port calls; name /
 * call sign / IMO changes; re-flagging to a new MMSI with the same IMO; two ships on one MMSI; invalid MMSIs.
 * Decoys (no truth): anchorage crowds (in regions where only the crowd rule can reject them), close passes at speed,
 * short slow passes, coverage holes (every ship silent in a box for hours), garbled single static messages, single
 * spoofed positions.
 *
 * Truth for loitering, gaps and visible port calls is derived from the vessels' plans with the definitions in
 * src/analyses/maritime/params.ts and regions.ts (the detectors' spec, not their code); cases within a small margin
 * of a threshold are marked optional (neither missed nor false when they differ).
 *
 * Files: world.ts (geography, routing, RNG), plan.ts (vessel plans, names), sim-world.ts (planning state, background
 * traffic), scenarios.ts (scenarios and decoys), derive-truth.ts, this file (generation), writers.ts, truth.ts
 * (scoring). Deterministic for a seed.
 */
import { MS_PER_HOUR, MS_PER_MINUTE } from '../../src/analyses/maritime/geo.js';
import { mmsiReason } from '../../src/analyses/maritime/invalid-mmsi.js';
import { MERCHANT_MIDS, MOVE, garble, idAt, type Vessel } from './plan.js';
import { World } from './sim-world.js';
import {
  anchorageCrowd, closePass, coverageHole, darkGap, identityChange, invalidMmsi, portCall, reflag, scenarioTime, sharedMmsi, sts, stsOneSided,
} from './scenarios.js';
import { deriveTruth } from './derive-truth.js';
import type { RecordSink, SimStatic } from './writers.js';
import type { TruthEvent } from './truth.js';

export type ScenarioKind =
  | 'sts' | 'sts_one_sided' | 'dark_gap' | 'port_call' | 'port_call_dark' | 'identity_change' | 'reflag' | 'shared_mmsi' | 'invalid_mmsi';

export interface SimOptions {
  seed: number;
  /** Background vessels (merchant traffic; the DPRK coastal fleet is 5 % on top). */
  vessels: number;
  days: number;
  /** Epoch ms (default 2024-03-01T00:00Z). */
  start?: number;
  /** Scenarios of each kind (defaults below). */
  scenarios?: Partial<Record<ScenarioKind, number>>;
  decoys?: boolean;
  /** Probability that a report is lost. */
  dropout?: number;
  /** Report interval under way, seconds [min, max] per vessel (default [10, 60]). */
  movingIntervalS?: [number, number];
  /** Report interval at rest, seconds. */
  restIntervalS?: number;
}

export const DEFAULT_SCENARIOS: Record<ScenarioKind, number> = {
  sts: 8, sts_one_sided: 5, dark_gap: 8, port_call: 6, port_call_dark: 5, identity_change: 8, reflag: 4, shared_mmsi: 4, invalid_mmsi: 6,
};

export interface SimResult {
  truth: TruthEvent[];
  positions: number;
  statics: number;
  vessels: number;
  start: number;
  end: number;
  decoys: Record<string, number>;
}

// ---- Generation ---------------------------------------------------------------------------------------------------

class Heap {
  private keys = new Float64Array(1024);
  private items = new Int32Array(1024);
  n = 0;

  push(key: number, item: number): void {
    if (this.n === this.keys.length) {
      const k = new Float64Array(this.n * 2);
      k.set(this.keys);
      this.keys = k;
      const it = new Int32Array(this.n * 2);
      it.set(this.items);
      this.items = it;
    }
    let i = this.n++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (this.keys[parent] <= key) break;
      this.keys[i] = this.keys[parent];
      this.items[i] = this.items[parent];
      i = parent;
    }
    this.keys[i] = key;
    this.items[i] = item;
  }

  pop(): number {
    const top = this.items[0];
    const key = this.keys[--this.n];
    const item = this.items[this.n];
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= this.n) break;
      if (c + 1 < this.n && this.keys[c + 1] < this.keys[c]) c++;
      if (this.keys[c] >= key) break;
      this.keys[i] = this.keys[c];
      this.items[i] = this.items[c];
      i = c;
    }
    this.keys[i] = key;
    this.items[i] = item;
    return top;
  }
}

const SECOND = 1000;

function nearDark(v: Vessel, t: number): boolean {
  const pad = 3 * MS_PER_HOUR;
  return v.phases.some((ph) => ph.dark && t > ph.t0 - pad && t < ph.t1 + pad);
}
const STATIC_EVERY_MS = 6 * MS_PER_MINUTE;
const Q = 600_000;

function generate(w: World, sink: RecordSink): { positions: number; statics: number } {
  const r = w.rng;
  const heap = new Heap();
  const dropout = w.o.dropout ?? 0.03;
  const restMs = (w.o.restIntervalS ?? 180) * SECOND;
  const firstSeen = new Map<number, number>();
  const pos = { mmsi: 0, t: 0, lat: 0, lon: 0, sog: 0, cog: 0, heading: 0, navStatus: 0, cls: 'A' as 'A' | 'B' };
  const st: SimStatic = { mmsi: 0, t: 0, cls: 'A', name: '', callSign: '', imo: undefined, shipType: 0 };
  let positions = 0;
  let statics = 0;
  w.vessels.forEach((v, i) => heap.push(v.nextT, i));
  while (heap.n) {
    const i = heap.pop();
    const v = w.vessels[i];
    const t = v.nextT;
    if (t >= v.end) continue;
    while (v.pi < v.phases.length - 1 && v.phases[v.pi].t1 <= t) v.pi++;
    const ph = v.phases[v.pi];
    let next: number;
    if (ph.dark) {
      next = Math.ceil(ph.t1 / SECOND) * SECOND + r.int(1, 30) * SECOND;
    } else {
      const moving = ph.kind === MOVE;
      next = t + Math.round((moving ? v.intervalS * r.range(0.8, 1.2) : (restMs / SECOND) * r.range(0.9, 1.1))) * SECOND;
      // Occasional short outage (10-90 min): receivers miss ships now and then (not next to a planned silence, so
      // that the truth of a planned gap stays what was planned).
      if (r.chance(0.0004) && !v.steady && !nearDark(v, t)) next += r.int(10, 90) * MS_PER_MINUTE;
      const f = Math.min(1, Math.max(0, (t - ph.t0) / (ph.t1 - ph.t0)));
      let lat = ph.lat0 + (ph.lat1 - ph.lat0) * f;
      let lon = ph.lon0 + (ph.lon1 - ph.lon0) * f;
      if (!w.inHole(lat, lon, t) && !r.chance(dropout)) {
        const id = idAt(v, t);
        if (v.spoofAt.length && t >= v.spoofAt[0]) {
          // A spoofed fix at its planned time (not piled up after a silence).
          if (t - v.spoofAt.shift()! < 5 * MS_PER_MINUTE) {
            lat += r.chance(0.5) ? 1.5 : -1.5;
            lon += r.chance(0.5) ? 2 : -2;
          }
        }
        pos.mmsi = id.mmsi;
        pos.t = t;
        pos.lat = Math.round(lat * Q) / Q;
        pos.lon = Math.round(lon * Q) / Q;
        pos.sog = Math.max(0, Math.round((ph.kn + (moving ? r.normal() * 0.2 : Math.abs(r.normal()) * 0.05)) * 10) / 10);
        pos.cog = Math.round(((ph.cog + r.normal() * (moving ? 1.5 : 20) + 720) % 360) * 10) / 10 % 360;
        pos.heading = Math.round((ph.cog + r.normal() * 2 + 720) % 360) % 360;
        pos.navStatus = ph.nav;
        pos.cls = v.cls;
        sink.position(pos);
        positions++;
        if (!firstSeen.has(id.mmsi)) firstSeen.set(id.mmsi, t);
        if (t >= v.nextStatic) {
          st.mmsi = id.mmsi;
          st.t = t;
          st.cls = v.cls;
          st.name = id.name;
          st.callSign = id.callSign;
          st.imo = id.imo;
          st.shipType = id.shipType;
          if (v.garbleAt.length && t >= v.garbleAt[0]) {
            v.garbleAt.shift();
            st.name = garble(id.name, r);
          }
          sink.static(st);
          statics++;
          v.nextStatic = t + STATIC_EVERY_MS + r.int(-20, 20) * SECOND;
        }
      }
    }
    v.nextT = next;
    if (next < v.end) heap.push(next, i);
  }
  // Invalid and DPRK-flagged MMSIs: truth at their first report.
  for (const [mmsi, t] of firstSeen) {
    if (!mmsiReason(mmsi)) continue;
    w.addTruth({ type: 'invalid_mmsi', mmsi: [mmsi], start: t, end: t, lat: 0, lon: 0, scenario: `invalid_mmsi ${mmsiReason(mmsi)}` });
  }
  return { positions, statics };
}

/** Runs a simulation, streaming its records (time order) to `sink`; returns the truth. */
export function simulate(o: SimOptions, sink: RecordSink): SimResult {
  const start = o.start ?? Date.UTC(2024, 2, 1);
  const end = start + o.days * 24 * MS_PER_HOUR;
  const w = new World(o, start, end);
  const r = w.rng;
  const counts = { ...DEFAULT_SCENARIOS, ...o.scenarios };
  if (o.decoys ?? true) {
    const holes = Math.max(2, Math.round(o.days / 2));
    for (let i = 0; i < holes; i++) coverageHole(w, i);
  }
  // Background traffic.
  for (let i = 0; i < o.vessels; i++) {
    const cls = r.chance(0.2) ? 'B' : 'A';
    w.background(cls, w.names.mmsi(r.pick(MERCHANT_MIDS)));
  }
  const dprk = Math.max(6, Math.round(o.vessels * 0.05));
  for (let i = 0; i < dprk; i++) w.dprkCoastal();
  // Scenarios.
  for (let i = 0; i < counts.sts; i++) sts(w);
  for (let i = 0; i < counts.sts_one_sided; i++) stsOneSided(w);
  for (let i = 0; i < counts.dark_gap; i++) darkGap(w);
  for (let i = 0; i < counts.port_call; i++) portCall(w, false);
  for (let i = 0; i < counts.port_call_dark; i++) portCall(w, true);
  for (let i = 0; i < counts.identity_change; i++) identityChange(w);
  for (let i = 0; i < counts.reflag; i++) reflag(w);
  for (let i = 0; i < counts.shared_mmsi; i++) sharedMmsi(w);
  for (let i = 0; i < counts.invalid_mmsi; i++) invalidMmsi(w);
  // Decoys.
  if (o.decoys ?? true) {
    const k = Math.max(2, Math.round(o.days));
    for (let i = 0; i < k; i++) anchorageCrowd(w);
    for (let i = 0; i < 2 * k; i++) closePass(w, false);
    for (let i = 0; i < k; i++) closePass(w, true);
    const n = w.vessels.length;
    for (let i = 0; i < Math.max(3, n * 0.05); i++) {
      const v = w.vessels[r.int(0, n - 1)];
      v.garbleAt.push(...Array.from({ length: r.int(1, 3) }, () => scenarioTime(w, 2, 2)).sort((a, b) => a - b));
      w.decoy('garbled_name');
    }
    for (let i = 0; i < Math.max(3, n * 0.03); i++) {
      const v = w.vessels[r.int(0, n - 1)];
      v.spoofAt.push(...Array.from({ length: r.int(1, 3) }, () => scenarioTime(w, 2, 2)).sort((a, b) => a - b));
      w.decoy('spoofed_fix');
    }
  }
  deriveTruth(w);
  const g = generate(w, sink);
  return { truth: w.truth, positions: g.positions, statics: g.statics, vessels: w.vessels.length, start, end, decoys: w.decoys };
}
