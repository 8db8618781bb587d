/**
 * The simulation's state while it is being planned: the RNG, names, vessels, truth, coverage holes, DPRK berth slots
 * and STS site bookings, and the background traffic builders (merchant voyages, the DPRK coastal fleet, scenario
 * vessels that start and end in normal trade).
 */
import { MS_PER_HOUR } from '../../src/analyses/maritime/geo.js';
import { defaultParams, type Params } from '../../src/analyses/maritime/params.js';
import { builtinRegions, type Regions } from '../../src/analyses/maritime/regions.js';
import { Rng, route, pathKm, alongPath, pathFrom, msFor, offset, bearingDeg, distanceKm, TRAFFIC_PORTS, DPRK_PORTS, type Point, type WorldPort } from './world.js';
import { Plan, Names, distanceOnPath, type IdentitySpan, type Vessel } from './plan.js';
import type { SimOptions } from './simulate.js';
import type { TruthEvent } from './truth.js';

export interface Hole {
  box: readonly [number, number, number, number];
  t0: number;
  t1: number;
}

export class World {
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

  addVessel(cls: 'A' | 'B', plan: Plan, ids: IdentitySpan[], start = this.start, until = this.end): Vessel {
    const r = this.rng;
    const end = Math.min(until, this.end);
    const v: Vessel = {
      cls, phases: plan.phases, ids, intervalS: r.range(this.movingS[0], this.movingS[1]), start, end, spoofAt: [], garbleAt: [], steady: false, pi: 0,
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
      const arrive = plan.t + msFor(distanceKm(plan.at.lat, plan.at.lon, dest.lat, dest.lon), kn);
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
    const v = this.addVessel(cls, plan, [this.identity(this.names.mmsi(mid), this.start, cls)]);
    v.steady = true;
    return v;
  }

  addTruth(t: TruthEvent): void {
    this.truth.push(t);
  }
}
