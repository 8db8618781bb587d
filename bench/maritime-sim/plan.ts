/**
 * Vessel plans for the simulator: phases (moving along a leg, or holding with a drift; either may be dark), identity
 * spans (name, call sign, IMO, MMSI from a given time), name and number generators, and helpers to read a plan.
 */
import { MS_PER_HOUR, KM_PER_NM } from '../../src/analyses/maritime/geo.js';
import { Rng, pathKm, alongPath, pathFrom, msFor, offset, bearingDeg, distanceKm, type Point } from './world.js';

export const MOVE = 0;
export const HOLD = 1;

export interface Phase {
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

export interface IdentitySpan {
  from: number;
  mmsi: number;
  name: string;
  callSign: string;
  imo?: number;
  shipType: number;
}

export interface Vessel {
  cls: 'A' | 'B';
  phases: Phase[];
  ids: IdentitySpan[];
  intervalS: number;
  /** Existence [start, end). */
  start: number;
  end: number;
  spoofAt: number[];
  garbleAt: number[];
  /** No random reception outages (scenario vessels: an outage during a planned event would change its truth). */
  steady: boolean;
  // Generation state.
  pi: number;
  nextT: number;
  nextStatic: number;
}

export class Plan {
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

export const SYLLABLES = ['HAI', 'XING', 'YUAN', 'FENG', 'SHUN', 'DA', 'TAI', 'PING', 'AN', 'JIN', 'HUA', 'LONG', 'KUM', 'SAN', 'CHON', 'MA',
  'BONG', 'RYONG', 'SEA', 'STAR', 'OCEAN', 'PEARL', 'GRACE', 'LUCKY', 'ASIA', 'NEW', 'GOLD', 'UNITY', 'SKY', 'WIND'];
export const MERCHANT_MIDS = [412, 413, 414, 412, 413, 440, 441, 431, 273, 477, 351, 352, 353, 354, 355, 356, 357, 370, 371, 372, 636, 538, 574, 416];
export const CONVENIENCE_MIDS = [667, 671, 457, 514, 341, 312, 352, 370];

export class Names {
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

export function garble(name: string, rng: Rng): string {
  const junk = '<]_^=XT0(';
  const chars = name.split('');
  const k = rng.int(1, 3);
  for (let i = 0; i < k; i++) chars[rng.int(0, chars.length - 1)] = junk[rng.int(0, junk.length - 1)];
  return chars.join('');
}

export function distanceOnPath(pts: readonly Point[], p: Point): number {
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

export function idAt(v: Vessel, t: number): IdentitySpan {
  let id = v.ids[0];
  for (const s of v.ids) if (s.from <= t) id = s;
  return id;
}

export function positionAt(v: Vessel, t: number): Point | undefined {
  for (const ph of v.phases) {
    if (t >= ph.t0 && t < ph.t1) {
      const f = (t - ph.t0) / (ph.t1 - ph.t0);
      return { lat: ph.lat0 + (ph.lat1 - ph.lat0) * f, lon: ph.lon0 + (ph.lon1 - ph.lon0) * f };
    }
  }
  return undefined;
}
