/**
 * Scenario simulator: synthetic AIS for East Asian waters with injected evasion scenarios and decoys, and the ground
 * truth of what a correct detector should report.
 *
 * Background traffic: merchant ships (class A 8-14 kn, class B 6-10 kn) sailing port to port along sea lanes
 * (world.ts), waiting at anchorages and berthing; a DPRK coastal fleet (MID 445) between DPRK ports. Reports every
 * 10 s-2 min under way and 3 min at rest, with random dropouts and short outages; static messages every ~6 min.
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
 */
import { MS_PER_HOUR, MS_PER_MINUTE, KM_PER_NM } from '../../src/analyses/maritime/geo.js';
import { defaultParams, type Params } from '../../src/analyses/maritime/params.js';
import { builtinRegions, nearestPort, paramsAt, type Regions } from '../../src/analyses/maritime/regions.js';
import { mmsiReason } from '../../src/analyses/maritime/invalid-mmsi.js';
import {
  Rng, route, pathKm, alongPath, pathFrom, msFor, offset, bearingDeg, distanceKm, TRAFFIC_PORTS, DPRK_PORTS, STS_SITES, HOLE_BOXES,
  type Point, type WorldPort,
} from './world.js';
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

// ---- Vessel plans -------------------------------------------------------------------------------------------

const MOVE = 0;
const HOLD = 1;

interface Phase {
  kind: typeof MOVE | typeof HOLD;
  t0: number;
  t1: number;
  lat0: number;
  lon0: number;
  lat1: number;
  lon1: number;
  kn: number;
  cog: number;
  nav: number;
  dark: boolean;
}

interface IdentitySpan {
  from: number;
  mmsi: number;
  name: string;
  callSign: string;
  imo?: number;
  shipType: number;
}

interface Vessel {
  cls: 'A' | 'B';
  phases: Phase[];
  ids: IdentitySpan[];
  intervalS: number;
  /** Existence [start, end). */
  start: number;
  end: number;
  spoofAt: number[];
  garbleAt: number[];
  // Generation state.
  pi: number;
  nextT: number;
  nextStatic: number;
}

class Plan {
  readonly phases: Phase[] = [];
  constructor(public t: number, public at: Point) {}

  /** Moves through the points (dark: no reports). */
  move(points: readonly Point[], kn: number, dark = false, nav = 0): this {
    for (const p of points) {
      const km = distanceKm(this.at.lat, this.at.lon, p.lat, p.lon);
      if (km < 1e-6) continue;
      const dt = msFor(km, kn);
      this.phases.push({
        kind: MOVE, t0: this.t, t1: this.t + dt, lat0: this.at.lat, lon0: this.at.lon, lat1: p.lat, lon1: p.lon, kn,
        cog: bearingDeg(this.at.lat, this.at.lon, p.lat, p.lon), nav, dark,
      });
      this.t += dt;
      this.at = p;
    }
    return this;
  }

  /** Stays (drifting at driftKn toward driftDeg). */
  hold(ms: number, nav: number, driftKn = 0, driftDeg = 0, dark = false): this {
    if (ms <= 0) return this;
    const end = driftKn > 0 ? offset(this.at, (driftKn * KM_PER_NM * ms) / MS_PER_HOUR, driftDeg) : this.at;
    this.phases.push({
      kind: HOLD, t0: this.t, t1: this.t + ms, lat0: this.at.lat, lon0: this.at.lon, lat1: end.lat, lon1: end.lon, kn: driftKn, cog: driftDeg,
      nav, dark,
    });
    this.t += ms;
    this.at = end;
    return this;
  }

  /** Moves along `points` so as to arrive at their end at time T (waiting at the start, or starting part way). */
  arriveAt(points: readonly Point[], kn: number, T: number, startNav = 5): this {
    const full = [this.at, ...points];
    const km = pathKm(full);
    const need = msFor(km, kn);
    if (this.t + need <= T) {
      this.hold(T - need - this.t, startNav);
      return this.move(points, kn);
    }
    // Start part way so as to arrive on time.
    const have = Math.max(0, T - this.t);
    const skipKm = km - (have / MS_PER_HOUR) * kn * KM_PER_NM;
    const rest = pathFrom(full, skipKm);
    this.at = rest[0];
    return this.move(rest.slice(1), kn);
  }
}

// ---- Names and numbers ----------------------------------------------------------------------------------------

const SYLLABLES = ['HAI', 'XING', 'YUAN', 'FENG', 'SHUN', 'DA', 'TAI', 'PING', 'AN', 'JIN', 'HUA', 'LONG', 'KUM', 'SAN', 'CHON', 'MA',
  'BONG', 'RYONG', 'SEA', 'STAR', 'OCEAN', 'PEARL', 'GRACE', 'LUCKY', 'ASIA', 'NEW', 'GOLD', 'UNITY', 'SKY', 'WIND'];
const MERCHANT_MIDS = [412, 413, 414, 412, 413, 440, 441, 431, 273, 477, 351, 352, 353, 354, 355, 356, 357, 370, 371, 372, 636, 538, 574, 416];
const CONVENIENCE_MIDS = [667, 671, 457, 514, 341, 312, 352, 370];

class Names {
  private readonly usedMmsi = new Set<number>();
  private readonly usedImo = new Set<number>();
  constructor(private readonly rng: Rng) {}

  name(): string {
    const r = this.rng;
    return `${r.pick(SYLLABLES)} ${r.pick(SYLLABLES)}${r.chance(0.6) ? ` ${r.int(1, 99)}` : ''}`;
  }

  callSign(): string {
    const r = this.rng;
    const letters = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
    let s = '';
    for (let i = 0; i < 4; i++) s += letters[r.int(0, letters.length - 1)];
    return s + (r.chance(0.5) ? String(r.int(0, 9)) : '');
  }

  mmsi(mid: number): number {
    for (;;) {
      const m = mid * 1_000_000 + this.rng.int(100_000, 999_999);
      if (!this.usedMmsi.has(m)) {
        this.usedMmsi.add(m);
        return m;
      }
    }
  }

  /** A 7-digit IMO number with a correct check digit. */
  imo(): number {
    for (;;) {
      const six = this.rng.int(900_000, 999_999);
      const d = String(six);
      let sum = 0;
      for (let i = 0; i < 6; i++) sum += Number(d[i]) * (7 - i);
      const imo = six * 10 + (sum % 10);
      if (!this.usedImo.has(imo)) {
        this.usedImo.add(imo);
        return imo;
      }
    }
  }
}

function garble(name: string, rng: Rng): string {
  const junk = '<]_^=XT0(';
  const chars = name.split('');
  const k = rng.int(1, 3);
  for (let i = 0; i < k; i++) chars[rng.int(0, chars.length - 1)] = junk[rng.int(0, junk.length - 1)];
  return chars.join('');
}

// ---- The simulation --------------------------------------------------------------------------------------------

interface Hole {
  box: readonly [number, number, number, number];
  t0: number;
  t1: number;
}

class World {
  readonly rng: Rng;
  readonly names: Names;
  readonly vessels: Vessel[] = [];
  readonly truth: TruthEvent[] = [];
  readonly holes: Hole[] = [];
  readonly decoys: Record<string, number> = {};
  readonly p: Params = defaultParams();
  readonly regions: Regions = builtinRegions();
  /** STS sites in use: site index → intervals (scenarios at one site must not overlap: the truth would be ambiguous). */
  private readonly siteUse = new Map<number, [number, number][]>();
  /** DPRK berth slots: port name → occupied intervals per slot. */
  private readonly slots = new Map<string, [number, number][][]>();
  readonly movingS: [number, number];

  constructor(readonly o: SimOptions, readonly start: number, readonly end: number) {
    this.rng = new Rng(o.seed);
    this.names = new Names(this.rng);
    this.movingS = o.movingIntervalS ?? [10, 60];
  }

  /** A free STS site for [t0, t1) (±12 h), or undefined. */
  claimSite(candidates: readonly number[], t0: number, t1: number): number | undefined {
    const pad = 12 * MS_PER_HOUR;
    for (const k of candidates) {
      const use = this.siteUse.get(k) ?? [];
      if (use.some(([a, b]) => a < t1 + pad && t0 < b + pad)) continue;
      use.push([t0, t1]);
      this.siteUse.set(k, use);
      return k;
    }
    return undefined;
  }

  decoy(kind: string, n = 1): void {
    this.decoys[kind] = (this.decoys[kind] ?? 0) + n;
  }

  addVessel(cls: 'A' | 'B', plan: Plan, ids: IdentitySpan[], start = this.start, end = this.end): Vessel {
    const r = this.rng;
    const v: Vessel = {
      cls, phases: plan.phases, ids, intervalS: r.range(this.movingS[0], this.movingS[1]), start, end, spoofAt: [], garbleAt: [], pi: 0,
      // Reports fall on whole seconds (NMEA tag blocks carry seconds).
      nextT: Math.ceil(start / 1000) * 1000 + r.int(0, 60) * 1000, nextStatic: start + r.int(0, 360) * 1000,
    };
    // Fill to the end of the simulation at rest.
    const last = plan.phases.length ? plan.phases[plan.phases.length - 1].t1 : plan.t;
    if (last < end) plan.hold(end - last, 5);
    this.vessels.push(v);
    return v;
  }

  identity(mmsi: number, from = this.start, cls: 'A' | 'B' = 'A'): IdentitySpan {
    return { from, mmsi, name: this.names.name(), callSign: this.names.callSign(), imo: cls === 'A' ? this.names.imo() : undefined,
      shipType: cls === 'A' ? this.rng.pick([70, 79, 80, 89]) : this.rng.pick([30, 37, 52]) };
  }

  /** A free berth slot at a DPRK port for [t0, t1): rings of 1.2 km (8 slots) and 2.4 km (16 slots), ≥ 0.9 km apart. */
  dprkSlot(port: WorldPort, t0: number, t1: number): Point {
    let list = this.slots.get(port.name);
    if (!list) this.slots.set(port.name, (list = Array.from({ length: 24 }, () => [])));
    for (let k = 0; k < list.length; k++) {
      if (list[k].some(([a, b]) => a < t1 + MS_PER_HOUR && t0 < b + MS_PER_HOUR)) continue;
      list[k].push([t0, t1]);
      return k < 8 ? offset(port, 1.2, k * 45) : offset(port, 2.4, (k - 8) * 22.5);
    }
    return offset(port, 4.0, this.rng.range(0, 360));
  }

  /** A berth near a traffic port (within 1.5 km). */
  berth(port: WorldPort): Point {
    return offset(port, this.rng.range(0.2, 1.5), this.rng.range(0, 360));
  }

  /** An anchorage 2-4 km off a port, toward its first sea waypoint. */
  anchorage(port: WorldPort): Point {
    const sea = route(port, this.rng.pick(TRAFFIC_PORTS.filter((p) => p.name !== port.name)))[1] ?? port;
    return offset(port, this.rng.range(2, 4), bearingDeg(port.lat, port.lon, sea.lat, sea.lon) + this.rng.range(-30, 30));
  }

  inHole(lat: number, lon: number, t: number): boolean {
    for (const h of this.holes) {
      if (t >= h.t0 && t < h.t1 && lat >= h.box[0] && lat <= h.box[1] && lon >= h.box[2] && lon <= h.box[3]) return true;
    }
    return false;
  }

  holeNear(points: Point[], t0: number, t1: number): boolean {
    return this.holes.some((h) => h.t0 < t1 + 6 * MS_PER_HOUR && t0 < h.t1 + 6 * MS_PER_HOUR
      && points.some((p) => p.lat >= h.box[0] - 1 && p.lat <= h.box[1] + 1 && p.lon >= h.box[2] - 1 && p.lon <= h.box[3] + 1));
  }

  /** Continues a plan with background voyages until the end of the simulation. */
  voyages(plan: Plan, from: WorldPort, cls: 'A' | 'B'): void {
    const r = this.rng;
    let port = from;
    while (plan.t < this.end) {
      const dest = r.pick(TRAFFIC_PORTS.filter((p) => p.name !== port.name));
      const kn = cls === 'A' ? r.range(8, 14) : r.range(6, 10);
      const pts = route(port, dest).slice(1, -1);
      plan.move(pts, kn);
      if (r.chance(0.5)) {
        plan.move([this.anchorage(dest)], kn);
        plan.hold(r.range(0.5, 6) * MS_PER_HOUR, 1);
      }
      plan.move([this.berth(dest)], kn);
      plan.hold(r.range(4, 30) * MS_PER_HOUR, 5);
      port = dest;
    }
  }

  /** A background vessel: berthed or mid-voyage at the start, then voyages. */
  background(cls: 'A' | 'B', mmsi: number): Vessel {
    const r = this.rng;
    const port = r.pick(TRAFFIC_PORTS);
    let plan: Plan;
    if (r.chance(0.4)) {
      plan = new Plan(this.start, this.berth(port));
      plan.hold(r.range(0, 20) * MS_PER_HOUR, 5);
      this.voyages(plan, port, cls);
    } else {
      const dest = r.pick(TRAFFIC_PORTS.filter((p) => p.name !== port.name));
      const pts = route(port, dest);
      const start = alongPath(pts, r.range(0.05, 0.9) * pathKm(pts));
      plan = new Plan(this.start, start);
      const kn = cls === 'A' ? r.range(8, 14) : r.range(6, 10);
      plan.move(pathFrom(pts, distanceOnPath(pts, start)).slice(1, -1), kn);
      plan.move([this.berth(dest)], kn);
      plan.hold(r.range(4, 30) * MS_PER_HOUR, 5);
      this.voyages(plan, dest, cls);
    }
    return this.addVessel(cls, plan, [this.identity(mmsi, this.start, cls)]);
  }

  /** A DPRK coastal vessel (MID 445) shuttling between DPRK ports. */
  dprkCoastal(): Vessel {
    const r = this.rng;
    const west = ['Nampo', 'Haeju'];
    const sideWest = r.chance(0.4);
    const group = DPRK_PORTS.filter((p) => west.includes(p.name) === sideWest);
    let port = r.pick(group);
    const stay = r.range(2, 12) * MS_PER_HOUR;
    const plan = new Plan(this.start, this.dprkSlot(port, this.start, this.start + stay));
    plan.hold(stay, 5);
    while (plan.t < this.end) {
      const dest = r.pick(group.filter((p) => p.name !== port.name));
      const kn = r.range(7, 11);
      plan.move(route(port, dest).slice(1, -1), kn);
      const arrive = plan.t + msFor(3, kn);
      const berthMs = r.range(4, 14) * MS_PER_HOUR;
      plan.move([this.dprkSlot(dest, arrive, arrive + berthMs)], kn);
      plan.hold(berthMs, 5);
      port = dest;
    }
    return this.addVessel('A', plan, [this.identity(this.names.mmsi(445), this.start)]);
  }

  /** A scenario vessel: starts at a port, `scenario` plans its middle part, then sails to a port and trades on. */
  scenarioVessel(cls: 'A' | 'B', mid: number, build: (plan: Plan, origin: WorldPort) => void, origin?: WorldPort): Vessel {
    const r = this.rng;
    const from = origin ?? r.pick(TRAFFIC_PORTS);
    const plan = new Plan(this.start, this.berth(from));
    build(plan, from);
    if (plan.t < this.end) {
      const dest = r.pick(TRAFFIC_PORTS.filter((p) => distanceKm(p.lat, p.lon, plan.at.lat, plan.at.lon) > 50));
      const kn = r.range(9, 13);
      plan.move(route(plan.at, dest).slice(1, -1), kn);
      plan.move([this.berth(dest)], kn);
      plan.hold(r.range(6, 30) * MS_PER_HOUR, 5);
      this.voyages(plan, dest, cls);
    }
    return this.addVessel(cls, plan, [this.identity(this.names.mmsi(mid), this.start, cls)]);
  }

  addTruth(t: TruthEvent): void {
    this.truth.push(t);
  }
}

function distanceOnPath(pts: readonly Point[], p: Point): number {
  // Distance along the path of its closest vertex-interpolated point (good enough for the start point we placed).
  let best = 0;
  let bestD = Infinity;
  let acc = 0;
  for (let i = 1; i < pts.length; i++) {
    const seg = distanceKm(pts[i - 1].lat, pts[i - 1].lon, pts[i].lat, pts[i].lon);
    for (let k = 0; k <= 20; k++) {
      const q = alongPath(pts, acc + (seg * k) / 20);
      const d = distanceKm(q.lat, q.lon, p.lat, p.lon);
      if (d < bestD) {
        bestD = d;
        best = acc + (seg * k) / 20;
      }
    }
    acc += seg;
  }
  return best;
}

// ---- Scenarios ---------------------------------------------------------------------------------------------------

function scenarioTime(w: World, leadH = 12, tailH = 36): number {
  return w.start + w.rng.range(leadH, Math.max(leadH + 1, (w.end - w.start) / MS_PER_HOUR - tailH)) * MS_PER_HOUR;
}

function shuffled(n: number, r: Rng): number[] {
  const a = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = r.int(0, i);
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}

function sts(w: World): void {
  const r = w.rng;
  const T = scenarioTime(w);
  const D = (r.chance(0.5) ? r.range(2.5, 3.4) : r.range(5, 10)) * MS_PER_HOUR;
  const k = w.claimSite(shuffled(STS_SITES.length, r), T, T + D);
  if (k === undefined) return;
  const site = STS_SITES[k];
  const driftKn = r.range(0.1, 0.5);
  // Near a DPRK port the pair drifts away from it (drifting into the port area would make a port call).
  const port = DPRK_PORTS.find((q) => distanceKm(q.lat, q.lon, site.lat, site.lon) < 20);
  const driftDeg = port ? bearingDeg(port.lat, port.lon, site.lat, site.lon) + r.range(-30, 30) : r.range(0, 360);
  const arr = [T + r.range(-15, 15) * MS_PER_MINUTE, T + r.range(-15, 15) * MS_PER_MINUTE];
  const dep = [T + D + r.range(-10, 10) * MS_PER_MINUTE, T + D + r.range(-10, 10) * MS_PER_MINUTE];
  const sep = r.range(0.08, 0.25);
  const vs = [0, 1].map((k) => {
    const at = k === 0 ? site : offset(site, sep, r.range(0, 360));
    return w.scenarioVessel('A', r.pick(k === 0 ? CONVENIENCE_MIDS : MERCHANT_MIDS), (plan, origin) => {
      const kn = r.range(9, 13);
      plan.arriveAt([...route(origin, at).slice(1, -1), at], kn, arr[k]);
      // Both drift with the current; B keeps station next to A.
      const start = Math.max(arr[0], arr[1]);
      if (plan.t < start) plan.hold(start - plan.t, 0, 0.05, driftDeg);
      plan.hold(dep[k] - plan.t, 0, driftKn, driftDeg);
    });
  });
  const [a, b] = vs.map((v) => v.ids[0].mmsi);
  w.addTruth({ type: 'encounter', mmsi: sorted([a, b]), start: Math.max(...arr), end: Math.min(...dep), lat: site.lat, lon: site.lon, scenario: `sts ${site.area}` });
}

function stsOneSided(w: World): void {
  const r = w.rng;
  const T0 = scenarioTime(w);
  const L = r.range(7, 12) * MS_PER_HOUR;
  const k = w.claimSite(shuffled(STS_SITES.length, r).filter((i) => !STS_SITES[i].area.startsWith('Nampo')), T0 - 2 * MS_PER_HOUR, T0 + L + 2 * MS_PER_HOUR);
  if (k === undefined) return;
  const site = STS_SITES[k];
  const Sb = r.range(4, 6) * MS_PER_HOUR;
  const Tb = T0 + r.range(0.5, 1) * MS_PER_HOUR;
  const driftDeg = r.range(0, 360);
  const A = w.scenarioVessel('A', r.pick(CONVENIENCE_MIDS), (plan, origin) => {
    plan.arriveAt([...route(origin, site).slice(1, -1), site], r.range(9, 12), T0);
    plan.hold(L, 0, r.range(0.1, 0.25), driftDeg);
  });
  const B = w.scenarioVessel('A', r.pick(MERCHANT_MIDS), (plan, origin) => {
    const kn = r.range(9, 12);
    const inPath = [...route(origin, site).slice(1, -1), site];
    const full = [plan.at, ...inPath];
    const km = pathKm(full);
    const d0 = r.range(10, 22);
    // Visible up to d0 km before the site, then dark until d1 km after it on the way out.
    const darkPoint = alongPath(full, km - d0);
    const visible = inPath.filter((p) => distanceOnPath(full, p) < km - d0);
    plan.arriveAt([...visible, darkPoint], kn, Tb - msFor(d0, kn));
    plan.move([site], kn, true);
    plan.hold(Tb + Sb - plan.t, 0, 0.1, driftDeg, true);
    const dest = r.pick(TRAFFIC_PORTS.filter((p) => distanceKm(p.lat, p.lon, site.lat, site.lon) > 100));
    const outPath = route(site, dest);
    const d1 = r.range(10, 22);
    plan.move([alongPath(outPath, d1)], kn, true);
  });
  const a = A.ids[0].mmsi;
  const b = B.ids[0].mmsi;
  w.addTruth({ type: 'encounter', mmsi: sorted([a, b]), start: Tb, end: Tb + Sb, lat: site.lat, lon: site.lon, scenario: `sts_one_sided ${site.area}` });
}

function darkGap(w: World): boolean {
  const r = w.rng;
  const G = r.range(8, 30) * MS_PER_HOUR;
  for (let attempt = 0; attempt < 20; attempt++) {
    const a = r.pick(TRAFFIC_PORTS);
    const b = r.pick(TRAFFIC_PORTS.filter((p) => p.name !== a.name));
    const pts = route(a, b);
    const km = pathKm(pts);
    const kn = r.range(9, 13);
    const darkKm = (G / MS_PER_HOUR) * kn * KM_PER_NM;
    const lead = 3 * kn * KM_PER_NM;
    if (km < darkKm + 2 * lead) continue;
    const startKm = r.range(lead, km - darkKm - lead);
    const depart = scenarioTime(w, 6, 48);
    const t0 = depart + msFor(startKm, kn);
    const t1 = t0 + G;
    const darkPts = Array.from({ length: 12 }, (_, i) => alongPath(pts, startKm + (darkKm * i) / 11));
    if (t1 > w.end - 6 * MS_PER_HOUR || w.holeNear(darkPts, t0, t1)) continue;
    // Away from DPRK ports (an inferred port call is another scenario).
    if (darkPts.some((p) => DPRK_PORTS.some((q) => distanceKm(p.lat, p.lon, q.lat, q.lon) < 80))) continue;
    w.scenarioVessel('A', r.pick(MERCHANT_MIDS), (plan) => {
      plan.arriveAt([], kn, depart);
      plan.hold(depart - plan.t, 5);
      const before = pathFrom(pts, 0).slice(1);
      // Sail to the dark point visibly, go dark for G, reappear.
      const darkStart = alongPath(pts, startKm);
      const darkEnd = alongPath(pts, startKm + darkKm);
      plan.move(before.filter((p) => distanceOnPath(pts, p) < startKm).concat([darkStart]), kn);
      plan.move(pathFrom(pts, startKm).slice(1).filter((p) => distanceOnPath(pts, p) < startKm + darkKm).concat([darkEnd]), kn, true);
      plan.move(pathFrom(pts, startKm + darkKm).slice(1, -1), kn);
      plan.move([w.berth(b)], kn);
      plan.hold(r.range(6, 24) * MS_PER_HOUR, 5);
    }, a);
    return true;
  }
  return false;
}

function portCall(w: World, dark: boolean): void {
  const r = w.rng;
  const port = r.pick(DPRK_PORTS);
  const T = scenarioTime(w, 14, 48);
  const S = r.range(6, 36) * MS_PER_HOUR;
  const kn = r.range(9, 12);
  const origin = r.pick(TRAFFIC_PORTS.filter((p) => ['cn', 'ru'].includes(p.country)));
  let berthStart = 0;
  let berthEnd = 0;
  const v = w.scenarioVessel('A', r.pick(CONVENIENCE_MIDS), (plan) => {
    const slot = w.dprkSlot(port, T, T + S);
    const inPath = [...route(origin, port).slice(1, -1), slot];
    const full = [plan.at, ...inPath];
    const km = pathKm(full);
    if (!dark) {
      plan.arriveAt(inPath, kn, T);
      berthStart = plan.t;
      plan.hold(S, 5);
      berthEnd = plan.t;
      return;
    }
    const d0 = r.range(25, 50);
    const darkPoint = alongPath(full, km - d0);
    const visible = inPath.filter((p) => distanceOnPath(full, p) < km - d0);
    plan.arriveAt([...visible, darkPoint], kn, T - msFor(d0, kn));
    plan.move([slot], kn, true);
    berthStart = plan.t;
    plan.hold(S, 5, 0, 0, true);
    berthEnd = plan.t;
    const dest = r.pick(TRAFFIC_PORTS.filter((p) => ['cn', 'ru'].includes(p.country)));
    const out = route(port, dest);
    const d1 = r.range(25, 50);
    const reappear = alongPath(out, d1);
    plan.move(out.slice(1).filter((p) => distanceOnPath(out, p) < d1).concat([reappear]), kn, true);
  }, origin);
  if (dark) {
    w.addTruth({
      type: 'port_call', mmsi: [v.ids[0].mmsi], start: berthStart, end: berthEnd, lat: port.lat, lon: port.lon, scenario: `port_call_dark ${port.name}`,
    });
  }
}

function identityChange(w: World): void {
  const r = w.rng;
  const cls = r.chance(0.75) ? 'A' : 'B';
  const v = w.background(cls, w.names.mmsi(r.pick(MERCHANT_MIDS)));
  const T = scenarioTime(w, 8, 12);
  const old = v.ids[0];
  const next: IdentitySpan = { ...old, from: T, name: w.names.name() };
  if (r.chance(0.7)) next.callSign = w.names.callSign();
  if (cls === 'A' && r.chance(0.25)) next.imo = w.names.imo();
  v.ids.push(next);
  w.addTruth({ type: 'identity_change', mmsi: [old.mmsi], start: T, end: T, lat: 0, lon: 0, scenario: 'identity_change' });
}

function reflag(w: World): void {
  const r = w.rng;
  const port = r.pick(TRAFFIC_PORTS);
  const T = scenarioTime(w, 12, 24);
  const pause = r.range(2, 20) * MS_PER_HOUR;
  const oldMid = r.pick(MERCHANT_MIDS);
  let newMid = r.pick(CONVENIENCE_MIDS);
  if (newMid === oldMid) newMid = 667;
  const v = w.scenarioVessel('A', oldMid, (plan) => {
    const inPath = [...route(plan.at, port).slice(1, -1), w.berth(port)];
    plan.arriveAt(inPath, r.range(9, 12), T - 4 * MS_PER_HOUR);
    plan.hold(4 * MS_PER_HOUR, 5);
    plan.hold(pause, 5, 0, 0, true);
    plan.hold(r.range(2, 6) * MS_PER_HOUR, 5);
  });
  const old = v.ids[0];
  const resume = T + pause;
  const m2 = w.names.mmsi(newMid);
  v.ids.push({ ...old, from: resume, mmsi: m2, name: w.names.name(), callSign: w.names.callSign() });
  w.addTruth({ type: 'identity_change', mmsi: [old.mmsi, m2], start: resume, end: resume, lat: 0, lon: 0, scenario: 'reflag' });
}

function sharedMmsi(w: World): void {
  const r = w.rng;
  const v1 = w.background('A', w.names.mmsi(r.pick(MERCHANT_MIDS)));
  const m = v1.ids[0].mmsi;
  const S = scenarioTime(w, 10, 40);
  const E = S + r.range(12, 36) * MS_PER_HOUR;
  // The clone sails somewhere at least 200 km from the real ship all along.
  for (let attempt = 0; attempt < 30; attempt++) {
    const a = r.pick(TRAFFIC_PORTS);
    const b = r.pick(TRAFFIC_PORTS.filter((p) => p.name !== a.name));
    const pts = route(a, b);
    const kn = r.range(9, 13);
    const km = pathKm(pts);
    const needKm = ((E - S) / MS_PER_HOUR) * kn * KM_PER_NM;
    if (km < needKm + 20) continue;
    const startKm = r.range(10, km - needKm - 10);
    let far = true;
    for (let t = S; t <= E && far; t += MS_PER_HOUR) {
      const p1 = positionAt(v1, t);
      const p2 = alongPath(pts, startKm + ((t - S) / MS_PER_HOUR) * kn * KM_PER_NM);
      if (!p1 || distanceKm(p1.lat, p1.lon, p2.lat, p2.lon) < 200) far = false;
    }
    if (!far) continue;
    const plan = new Plan(S, alongPath(pts, startKm));
    plan.move(pathFrom(pts, startKm).slice(1, -1).filter((p) => distanceOnPath(pts, p) < startKm + needKm), kn);
    plan.move([alongPath(pts, startKm + needKm + 5)], kn);
    const clone = w.addVessel('A', plan, [{ ...w.identity(m, S), mmsi: m }], S, E);
    clone.nextT = Math.ceil(S / 1000) * 1000;
    w.addTruth({ type: 'shared_mmsi', mmsi: [m], start: S, end: E, lat: 0, lon: 0, scenario: 'shared_mmsi' });
    return;
  }
}

function invalidMmsi(w: World): void {
  const r = w.rng;
  const kind = r.int(0, 2);
  const mmsi = kind === 0 ? r.int(100_000, 999_999) : kind === 1 ? 150_000_000 + r.int(0, 999_999) : 299_000_000 + r.int(0, 999_999);
  w.background(r.chance(0.5) ? 'B' : 'A', mmsi);
}

function sorted(x: number[]): number[] {
  return [...x].sort((a, b) => a - b);
}

// ---- Decoys -----------------------------------------------------------------------------------------------------

const CROWD_PORTS = ['Nakhodka', 'Vostochny', 'Cam Pha', 'Haiphong', 'Qingdao', 'Busan'];

function anchorageCrowd(w: World): void {
  const r = w.rng;
  const crowdPort = r.pick(CROWD_PORTS);
  const port = TRAFFIC_PORTS.find((p) => p.name === crowdPort)!;
  const seaward = route(port, r.pick(TRAFFIC_PORTS.filter((p) => p.name !== port.name)))[1] ?? port;
  const center = offset(port, r.range(6.5, 9), bearingDeg(port.lat, port.lon, seaward.lat, seaward.lon));
  const T = scenarioTime(w, 6, 30);
  const n = r.int(6, 12);
  const W = r.range(14, 30) * MS_PER_HOUR;
  for (let k = 0; k < n; k++) {
    const at = offset(center, r.range(0.15, 1.1), r.range(0, 360));
    const arrive = T + r.range(-1.5, 1.5) * MS_PER_HOUR;
    const wait = T + W + r.range(-1.5, 1.5) * MS_PER_HOUR - arrive;
    w.scenarioVessel(r.chance(0.8) ? 'A' : 'B', r.pick(MERCHANT_MIDS), (plan, origin) => {
      plan.arriveAt([...route(origin, port).slice(1, -1), at], r.range(9, 13), arrive);
      plan.hold(wait, 1);
      plan.move([w.berth(port)], 6);
      plan.hold(r.range(6, 20) * MS_PER_HOUR, 5);
    });
  }
  w.decoy('anchorage_crowd');
  w.decoy('anchorage_crowd_vessels', n);
}

function closePass(w: World, slow: boolean): void {
  const r = w.rng;
  const site = r.pick(STS_SITES.filter((s) => !s.area.startsWith('Nampo')));
  const X = offset(site, r.range(30, 60), r.range(0, 360));
  const T = scenarioTime(w, 4, 8);
  const kn = slow ? r.range(1.2, 1.8) : r.range(9, 14);
  const legKm = slow ? 3 : 60;
  const course = r.range(0, 360);
  for (let k = 0; k < 2; k++) {
    const c = slow ? course + 180 * k : course + r.range(60, 120) * k;
    const through = offset(X, k === 0 ? 0 : r.range(0.1, 0.35), c + 90);
    const from = offset(through, legKm, c + 180);
    const to = offset(through, legKm, c);
    const t0 = T - msFor(legKm, kn);
    const plan = new Plan(t0, from);
    plan.move([through, to], kn);
    w.addVessel('A', plan, [w.identity(w.names.mmsi(r.pick(MERCHANT_MIDS)), t0)], t0, plan.t);
  }
  w.decoy(slow ? 'slow_pass' : 'close_pass');
}

function coverageHole(w: World, i: number): void {
  const r = w.rng;
  const box = HOLE_BOXES[i % HOLE_BOXES.length];
  const t0 = scenarioTime(w, 6, 20);
  w.holes.push({ box, t0, t1: t0 + r.range(8, 16) * MS_PER_HOUR });
  w.decoy('coverage_hole');
}

// ---- Truth derived from the plans ----------------------------------------------------------------------------------

const MARGIN_H = 0.4;

function idAt(v: Vessel, t: number): IdentitySpan {
  let id = v.ids[0];
  for (const s of v.ids) if (s.from <= t) id = s;
  return id;
}

function positionAt(v: Vessel, t: number): Point | undefined {
  for (const ph of v.phases) {
    if (t >= ph.t0 && t < ph.t1) {
      const f = (t - ph.t0) / (ph.t1 - ph.t0);
      return { lat: ph.lat0 + (ph.lat1 - ph.lat0) * f, lon: ph.lon0 + (ph.lon1 - ph.lon0) * f };
    }
  }
  return undefined;
}

function deriveTruth(w: World): void {
  const p = w.p;
  for (const v of w.vessels) {
    const ph = v.phases;
    // Loitering: runs of visible slow holds (consecutive holds merge).
    for (let i = 0; i < ph.length; i++) {
      if (ph[i].kind !== HOLD || ph[i].dark || ph[i].kn >= p['loitering.maxSpeedKn']) continue;
      let j = i;
      while (j + 1 < ph.length && ph[j + 1].kind === HOLD && !ph[j + 1].dark && ph[j + 1].kn < p['loitering.maxSpeedKn']) j++;
      const t0 = Math.max(ph[i].t0, v.start);
      const t1 = Math.min(ph[j].t1, v.end);
      const lat = (ph[i].lat0 + ph[j].lat1) / 2;
      const lon = (ph[i].lon0 + ph[j].lon1) / 2;
      const q = paramsAt(w.regions, p, lat, lon);
      const hours = (t1 - t0) / MS_PER_HOUR;
      const portKm = nearestPort(w.regions.ports, lat, lon)?.km ?? Infinity;
      const minKm = q['loitering.minDistanceFromPortKm'];
      const minH = q['loitering.minDurationHours'];
      if (hours >= minH - MARGIN_H && portKm >= minKm - 3) {
        const optional = hours < minH + MARGIN_H || portKm < minKm + 3 || t1 >= w.end - 2 * MS_PER_HOUR;
        w.addTruth({ type: 'loitering', mmsi: [idAt(v, t0).mmsi], start: t0, end: t1, lat, lon, scenario: 'derived', optional });
      }
      i = j;
    }
    // Gaps: dark stretches after visible motion, ending visible on the same MMSI.
    for (let i = 1; i < ph.length; i++) {
      if (!ph[i].dark || ph[i - 1].dark) continue;
      let j = i;
      while (j + 1 < ph.length && ph[j + 1].dark) j++;
      if (j + 1 >= ph.length) continue;
      const t0 = ph[i].t0;
      const t1 = ph[j].t1;
      const before = ph[i - 1];
      if (idAt(v, t0 - 1).mmsi !== idAt(v, t1).mmsi || t1 >= v.end) continue;
      if (before.kind !== MOVE || before.kn < p['gap.underwayMinSpeedKn']) continue;
      const q = paramsAt(w.regions, p, ph[i].lat0, ph[i].lon0);
      const hours = (t1 - t0) / MS_PER_HOUR;
      const portKm = nearestPort(w.regions.ports, ph[i].lat0, ph[i].lon0)?.km ?? Infinity;
      if (hours < q['gap.minHours'] - MARGIN_H || portKm < q['gap.minDistanceFromPortKm']) continue;
      w.addTruth({
        type: 'gap', mmsi: [idAt(v, t0).mmsi], start: t0, end: t1, lat: ph[i].lat0, lon: ph[i].lon0, scenario: 'derived',
        optional: hours < q['gap.minHours'] + MARGIN_H || t1 >= w.end - 2 * MS_PER_HOUR,
      });
    }
    // Visible DPRK port calls: visible holds inside a port area.
    for (let i = 0; i < ph.length; i++) {
      if (ph[i].kind !== HOLD || ph[i].dark) continue;
      const port = DPRK_PORTS.find((q) => distanceKm(ph[i].lat0, ph[i].lon0, q.lat, q.lon) <= p['port.entryRadiusKm'] - 0.5);
      if (!port) continue;
      let j = i;
      while (j + 1 < ph.length && ph[j + 1].kind === HOLD && !ph[j + 1].dark) j++;
      const t0 = Math.max(ph[i].t0, v.start);
      const t1 = Math.min(ph[j].t1, v.end);
      const hours = (t1 - t0) / MS_PER_HOUR;
      if (hours >= p['port.minVisitHours'] - MARGIN_H) {
        w.addTruth({
          type: 'port_call', mmsi: [idAt(v, t0).mmsi], start: t0, end: t1, lat: port.lat, lon: port.lon, scenario: `port_call ${port.name}`,
          optional: hours < p['port.minVisitHours'] + MARGIN_H || t1 >= w.end - 2 * MS_PER_HOUR,
        });
      }
      i = j;
    }
  }
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
      if (r.chance(0.0004) && !nearDark(v, t)) next += r.int(10, 90) * MS_PER_MINUTE;
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
  (globalThis as Record<string, unknown>).__simWorld = w;
  const g = generate(w, sink);
  return { truth: w.truth, positions: g.positions, statics: g.statics, vessels: w.vessels.length, start, end, decoys: w.decoys };
}
