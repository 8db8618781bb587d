/**
 * The simulator's world: East Asian ports (from the detectors' own region tables), sea waypoints that keep routes
 * off land, the lanes between them, shortest-path routing, a deterministic PRNG, and the scenario sites.
 */
import { BUILTIN_DPRK_PORTS, BUILTIN_OTHER_PORTS, type Port } from '../../src/analyses/maritime/regions.js';
import { distanceKm, bearingDeg, interpolate, KM_PER_NM, MS_PER_HOUR } from '../../src/analyses/maritime/geo.js';

/** mulberry32: small, fast, deterministic. */
export class Rng {
  private a: number;
  constructor(seed: number) {
    this.a = seed >>> 0;
  }
  next(): number {
    this.a = (this.a + 0x6d2b79f5) >>> 0;
    let t = this.a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  range(lo: number, hi: number): number {
    return lo + (hi - lo) * this.next();
  }
  int(lo: number, hi: number): number {
    return Math.floor(this.range(lo, hi + 1));
  }
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.next() * xs.length)];
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  /** Standard normal (Box-Muller). */
  normal(): number {
    const u = Math.max(1e-12, this.next());
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.next());
  }
}

export interface Point {
  lat: number;
  lon: number;
}

/** Sea waypoints (rough): routes between ports go through these so that they stay at sea. */
const WAYPOINTS: Record<string, Point> = {
  bohai: { lat: 38.3, lon: 120.9 }, yellowN: { lat: 37.0, lon: 123.0 }, yellowC: { lat: 35.0, lon: 123.5 },
  yellowS: { lat: 32.5, lon: 124.0 }, ecsShanghai: { lat: 31.0, lon: 123.0 }, ecsC: { lat: 29.0, lon: 124.5 },
  taiwanN: { lat: 25.5, lon: 120.5 }, taiwanS: { lat: 23.0, lon: 118.8 }, scsN: { lat: 21.5, lon: 115.5 },
  hainanS: { lat: 17.6, lon: 110.3 }, tonkin: { lat: 19.6, lon: 107.6 }, koreaStrait: { lat: 34.3, lon: 128.8 },
  jejuS: { lat: 32.8, lon: 126.5 }, sojS: { lat: 36.5, lon: 131.0 }, sojC: { lat: 40.0, lon: 133.0 }, vladApproach: { lat: 42.5, lon: 132.0 },
  koreaBay: { lat: 38.8, lon: 123.5 }, nampoApproach: { lat: 38.55, lon: 124.6 }, westSeaS: { lat: 37.4, lon: 124.7 },
  dprkEast: { lat: 39.6, lon: 128.9 }, dprkNorthEast: { lat: 41.3, lon: 130.4 },
};

const LANES: [string, string][] = [
  ['bohai', 'yellowN'], ['bohai', 'koreaBay'], ['koreaBay', 'yellowN'], ['yellowN', 'yellowC'], ['yellowC', 'yellowS'],
  ['yellowS', 'ecsShanghai'], ['ecsShanghai', 'ecsC'], ['ecsC', 'taiwanN'], ['taiwanN', 'taiwanS'], ['taiwanS', 'scsN'],
  ['scsN', 'hainanS'], ['hainanS', 'tonkin'], ['yellowS', 'jejuS'], ['yellowC', 'jejuS'], ['ecsC', 'jejuS'], ['jejuS', 'koreaStrait'],
  ['koreaStrait', 'sojS'], ['sojS', 'sojC'], ['sojC', 'vladApproach'], ['koreaBay', 'nampoApproach'], ['nampoApproach', 'westSeaS'],
  ['westSeaS', 'yellowN'], ['sojC', 'dprkEast'], ['sojS', 'dprkEast'], ['dprkEast', 'dprkNorthEast'], ['dprkNorthEast', 'vladApproach'],
  ['sojC', 'dprkNorthEast'],
];

/** Ports the traffic uses, and the waypoint(s) each connects to. */
const PORT_LINKS: Record<string, string[]> = {
  Dalian: ['koreaBay', 'bohai'], Dandong: ['koreaBay'], Tianjin: ['bohai'], Qinhuangdao: ['bohai'], Yantai: ['bohai', 'yellowN'],
  Qingdao: ['yellowC', 'yellowN'], Lianyungang: ['yellowC'], Shanghai: ['ecsShanghai'], 'Shanghai Yangshan': ['ecsShanghai'],
  Ningbo: ['ecsShanghai', 'ecsC'], Zhoushan: ['ecsShanghai'], Xiamen: ['taiwanS', 'taiwanN'], Kaohsiung: ['taiwanS'],
  'Hong Kong': ['scsN'], Shenzhen: ['scsN'], Haiphong: ['tonkin'], 'Cam Pha': ['tonkin'], Beihai: ['tonkin'], Fangchenggang: ['tonkin'],
  Busan: ['koreaStrait'], Ulsan: ['koreaStrait', 'sojS'], Incheon: ['yellowN'], Pyeongtaek: ['yellowN'], Gwangyang: ['jejuS', 'koreaStrait'],
  Kitakyushu: ['koreaStrait'], Hakata: ['koreaStrait'], Niigata: ['sojC'], Vladivostok: ['vladApproach'], Nakhodka: ['vladApproach'],
  Vostochny: ['vladApproach'],
};

const DPRK_LINKS: Record<string, string[]> = {
  Nampo: ['nampoApproach'], Haeju: ['westSeaS'], Wonsan: ['dprkEast'], Hungnam: ['dprkEast'], Chongjin: ['dprkNorthEast'],
  Rajin: ['dprkNorthEast'], Kimchaek: ['dprkEast', 'dprkNorthEast'],
};

export interface WorldPort extends Port {
  dprk: boolean;
}

export const TRAFFIC_PORTS: readonly WorldPort[] = BUILTIN_OTHER_PORTS.filter((p) => PORT_LINKS[p.name]).map((p) => ({ ...p, dprk: false }));
export const DPRK_PORTS: readonly WorldPort[] = BUILTIN_DPRK_PORTS.filter((p) => DPRK_LINKS[p.name]).map((p) => ({ ...p, dprk: true }));

type Graph = Map<string, { to: string; km: number }[]>;

function buildGraph(): { graph: Graph; points: Map<string, Point> } {
  const points = new Map<string, Point>();
  for (const [k, p] of Object.entries(WAYPOINTS)) points.set(k, p);
  const graph: Graph = new Map();
  const link = (a: string, b: string) => {
    const pa = points.get(a)!;
    const pb = points.get(b)!;
    const km = distanceKm(pa.lat, pa.lon, pb.lat, pb.lon);
    (graph.get(a) ?? graph.set(a, []).get(a)!).push({ to: b, km });
    (graph.get(b) ?? graph.set(b, []).get(b)!).push({ to: a, km });
  };
  for (const [a, b] of LANES) link(a, b);
  for (const p of [...TRAFFIC_PORTS, ...DPRK_PORTS]) {
    points.set(`port:${p.name}`, p);
    for (const w of (p.dprk ? DPRK_LINKS : PORT_LINKS)[p.name]) link(`port:${p.name}`, w);
  }
  return { graph, points };
}

const { graph: GRAPH, points: POINTS } = buildGraph();
const routeCache = new Map<string, string[]>();

/** The nearest waypoint to a point (for routes to and from sea sites). */
function nearestWaypoint(p: Point): string {
  let best = '';
  let bestKm = Infinity;
  for (const [k, w] of Object.entries(WAYPOINTS)) {
    const d = distanceKm(p.lat, p.lon, w.lat, w.lon);
    if (d < bestKm) {
      bestKm = d;
      best = k;
    }
  }
  return best;
}

function shortest(from: string, to: string): string[] {
  const key = `${from}|${to}`;
  const hit = routeCache.get(key);
  if (hit) return hit;
  const dist = new Map<string, number>([[from, 0]]);
  const prev = new Map<string, string>();
  const todo = new Set<string>([from]);
  while (todo.size) {
    let u = '';
    let du = Infinity;
    for (const x of todo) if ((dist.get(x) ?? Infinity) < du) { du = dist.get(x)!; u = x; }
    todo.delete(u);
    if (u === to) break;
    for (const e of GRAPH.get(u) ?? []) {
      // Routes pass through ports only at their ends.
      if (e.to.startsWith('port:') && e.to !== to) continue;
      const d = du + e.km;
      if (d < (dist.get(e.to) ?? Infinity)) {
        dist.set(e.to, d);
        prev.set(e.to, u);
        todo.add(e.to);
      }
    }
  }
  const path: string[] = [to];
  while (path[0] !== from) {
    const p = prev.get(path[0]);
    if (!p) throw new Error(`no route ${from} → ${to}`);
    path.unshift(p);
  }
  routeCache.set(key, path);
  return path;
}

/** A sea route (list of points) between two ports or sea points. */
export function route(from: WorldPort | Point, to: WorldPort | Point): Point[] {
  const fromKey = 'name' in from ? `port:${from.name}` : nearestWaypoint(from);
  const toKey = 'name' in to ? `port:${to.name}` : nearestWaypoint(to);
  const names = fromKey === toKey ? [fromKey] : shortest(fromKey, toKey);
  const pts = names.map((n) => POINTS.get(n)!);
  if (!('name' in from)) pts.unshift(from);
  if (!('name' in to)) pts.push(to);
  // Drop consecutive duplicates.
  return pts.filter((p, i) => i === 0 || p.lat !== pts[i - 1].lat || p.lon !== pts[i - 1].lon);
}

export function pathKm(pts: readonly Point[]): number {
  let s = 0;
  for (let i = 1; i < pts.length; i++) s += distanceKm(pts[i - 1].lat, pts[i - 1].lon, pts[i].lat, pts[i].lon);
  return s;
}

/** The point `km` along a path. */
export function alongPath(pts: readonly Point[], km: number): Point {
  let left = km;
  for (let i = 1; i < pts.length; i++) {
    const d = distanceKm(pts[i - 1].lat, pts[i - 1].lon, pts[i].lat, pts[i].lon);
    if (left <= d) {
      const [lat, lon] = interpolate(pts[i - 1].lat, pts[i - 1].lon, pts[i].lat, pts[i].lon, d > 0 ? left / d : 0);
      return { lat, lon };
    }
    left -= d;
  }
  return pts[pts.length - 1];
}

/** The part of a path from `fromKm` on. */
export function pathFrom(pts: readonly Point[], fromKm: number): Point[] {
  if (fromKm <= 0) return [...pts];
  let acc = 0;
  for (let i = 1; i < pts.length; i++) {
    const d = distanceKm(pts[i - 1].lat, pts[i - 1].lon, pts[i].lat, pts[i].lon);
    if (acc + d >= fromKm) return [alongPath(pts, fromKm), ...pts.slice(i)];
    acc += d;
  }
  return [pts[pts.length - 1]];
}

/** Hours to cover km at kn. */
export function hoursFor(km: number, kn: number): number {
  return km / (kn * KM_PER_NM);
}

export function msFor(km: number, kn: number): number {
  return hoursFor(km, kn) * MS_PER_HOUR;
}

/** A point at `km` from `p` on bearing `deg`. */
export function offset(p: Point, km: number, deg: number): Point {
  const r = (deg * Math.PI) / 180;
  const dLat = (km * Math.cos(r)) / 111.2;
  const dLon = (km * Math.sin(r)) / (111.2 * Math.cos((p.lat * Math.PI) / 180));
  return { lat: p.lat + dLat, lon: p.lon + dLon };
}

export { bearingDeg, distanceKm };

/** Where STS transfers happen in the simulation (reported areas; none inside the coverage-hole boxes). */
export const STS_SITES: readonly (Point & { area: string })[] = [
  { lat: 38.9, lon: 123.9, area: 'Korea Bay' }, { lat: 38.5, lon: 123.7, area: 'Korea Bay' }, { lat: 39.2, lon: 123.6, area: 'Korea Bay' },
  { lat: 30.6, lon: 123.2, area: 'East China Sea' }, { lat: 29.8, lon: 123.6, area: 'East China Sea' }, { lat: 31.3, lon: 123.9, area: 'East China Sea' },
  { lat: 19.8, lon: 107.4, area: 'Gulf of Tonkin' }, { lat: 20.3, lon: 107.9, area: 'Gulf of Tonkin' },
  { lat: 40.5, lon: 130.0, area: 'Sea of Japan off DPRK' }, { lat: 39.8, lon: 129.3, area: 'Sea of Japan off DPRK' },
  { lat: 38.72, lon: 125.31, area: 'Nampo approaches (8 km from port)' }, { lat: 42.65, lon: 132.5, area: 'Russian Far East' },
];

/** Boxes where the simulation can switch reception off (decoys): [latMin, latMax, lonMin, lonMax]. */
export const HOLE_BOXES: readonly [number, number, number, number][] = [
  [33.6, 36.4, 122.3, 125.2], // central Yellow Sea
  [36.8, 39.6, 132.0, 135.0], // Sea of Japan, central
  [25.8, 28.2, 121.6, 124.2], // East China Sea, south
];
