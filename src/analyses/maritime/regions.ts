/**
 * Places the detectors know: ports (DPRK ports for port calls; other ports and anchorages for "away from port"
 * tests), the hotspot boxes where public reporting places DPRK-linked STS transfers, and the region override table
 * (named areas where some parameters differ).
 *
 * Files: a regions folder laid out like ../shared/data/regions/ — `dprk-ports.csv` (name,alt_names,lat,lon,source),
 * `hotspots.geojson` (Polygon features with a `name`), and optionally `ports.csv` (name,country,lat,lon,source) for
 * more ports and anchorages. The folder is a setting (`regionsDir` / CHOKEPOINT_REGIONS_DIR); without it the built-in
 * copies below are used (the test suite checks they equal the shared files).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { distanceKm } from './geo.js';
import type { ParamName, Params } from './params.js';

export interface Port {
  name: string;
  lat: number;
  lon: number;
  /** ISO 3166-1 alpha-2, lower case. */
  country: string;
  source: string;
}

export interface Hotspot {
  name: string;
  /** GeoJSON polygon rings, [lon, lat] pairs; the first ring is the outer boundary. */
  rings: number[][][];
}

/** [lonMin, latMin, lonMax, latMax]. */
export type Box = readonly [number, number, number, number];

export interface RegionOverride {
  id: string;
  name: string;
  boxes: readonly Box[];
  overrides: Partial<Record<ParamName, number>>;
  source: string;
}

export interface Regions {
  ports: Port[];
  dprkPorts: Port[];
  hotspots: Hotspot[];
  overrides: RegionOverride[];
}

const WPI = 'World Port Index (US NGA) via GlobalFishingWatch/pipe-anchorages WPI_ports.csv';

/** The ten DPRK ports of ../shared/data/regions/dprk-ports.csv. */
export const BUILTIN_DPRK_PORTS: readonly Port[] = [
  { name: 'Nampo', lat: 38.717, lon: 125.4, country: 'kp', source: WPI },
  { name: 'Songnim', lat: 38.733, lon: 125.617, country: 'kp', source: 'World Port Index entry KYOMIP\'O (identified as Songnim by location)' },
  { name: 'Haeju', lat: 38.0, lon: 125.7, country: 'kp', source: 'World Port Index' },
  { name: 'Hungnam', lat: 39.833, lon: 127.617, country: 'kp', source: 'World Port Index' },
  { name: 'Wonsan', lat: 39.167, lon: 127.45, country: 'kp', source: 'World Port Index' },
  { name: 'Chaho', lat: 40.2, lon: 128.65, country: 'kp', source: 'World Port Index' },
  { name: 'Kimchaek', lat: 40.667, lon: 129.2, country: 'kp', source: 'World Port Index' },
  { name: 'Chongjin', lat: 41.767, lon: 129.817, country: 'kp', source: 'World Port Index' },
  { name: 'Rajin', lat: 42.233, lon: 130.3, country: 'kp', source: 'World Port Index' },
  { name: 'Sonbong', lat: 42.333, lon: 130.4, country: 'kp', source: 'World Port Index' },
];

const APPROX = 'approximate port position (±2 km), compiled for this project from public port positions; used only to exclude port and anchorage activity';

/** Other East Asian ports and anchorages (for "away from port" tests only; not port calls). */
export const BUILTIN_OTHER_PORTS: readonly Port[] = ([
  ['Dalian', 'cn', 38.93, 121.65], ['Dandong', 'cn', 39.83, 124.15], ['Yingkou', 'cn', 40.67, 122.23], ['Jinzhou', 'cn', 40.82, 121.07],
  ['Qinhuangdao', 'cn', 39.92, 119.62], ['Tianjin', 'cn', 38.97, 117.78], ['Longkou', 'cn', 37.65, 120.3], ['Yantai', 'cn', 37.55, 121.4],
  ['Weihai', 'cn', 37.5, 122.13], ['Qingdao', 'cn', 36.08, 120.3], ['Rizhao', 'cn', 35.38, 119.55], ['Lianyungang', 'cn', 34.75, 119.45],
  ['Shanghai', 'cn', 31.35, 121.6], ['Shanghai Yangshan', 'cn', 30.62, 122.07], ['Ningbo', 'cn', 29.93, 121.85],
  ['Zhoushan', 'cn', 30.0, 122.1], ['Wenzhou', 'cn', 27.98, 120.85], ['Fuzhou', 'cn', 26.0, 119.6], ['Xiamen', 'cn', 24.45, 118.07],
  ['Shantou', 'cn', 23.35, 116.68], ['Shenzhen', 'cn', 22.57, 114.27], ['Hong Kong', 'hk', 22.3, 114.17], ['Guangzhou', 'cn', 22.75, 113.65],
  ['Zhanjiang', 'cn', 21.2, 110.4], ['Haikou', 'cn', 20.03, 110.28], ['Beihai', 'cn', 21.48, 109.08], ['Fangchenggang', 'cn', 21.6, 108.35],
  ['Kaohsiung', 'tw', 22.6, 120.28], ['Taichung', 'tw', 24.28, 120.5], ['Keelung', 'tw', 25.15, 121.75],
  ['Haiphong', 'vn', 20.85, 106.72], ['Cam Pha', 'vn', 21.02, 107.32], ['Hon Gai', 'vn', 20.95, 107.07],
  ['Busan', 'kr', 35.1, 129.04], ['Ulsan', 'kr', 35.5, 129.38], ['Pohang', 'kr', 36.03, 129.38], ['Donghae', 'kr', 37.5, 129.13],
  ['Incheon', 'kr', 37.45, 126.6], ['Pyeongtaek', 'kr', 36.97, 126.83], ['Gunsan', 'kr', 35.98, 126.62], ['Mokpo', 'kr', 34.78, 126.38],
  ['Gwangyang', 'kr', 34.9, 127.7], ['Jeju', 'kr', 33.52, 126.53],
  ['Kitakyushu', 'jp', 33.93, 130.95], ['Hakata', 'jp', 33.6, 130.4], ['Nagasaki', 'jp', 32.73, 129.85], ['Kobe', 'jp', 34.68, 135.2],
  ['Osaka', 'jp', 34.63, 135.43], ['Nagoya', 'jp', 35.05, 136.85], ['Tokyo', 'jp', 35.62, 139.78], ['Yokohama', 'jp', 35.45, 139.65],
  ['Niigata', 'jp', 37.95, 139.06], ['Maizuru', 'jp', 35.48, 135.38], ['Sakaiminato', 'jp', 35.55, 133.25], ['Toyama', 'jp', 36.8, 137.05],
  ['Otaru', 'jp', 43.2, 141.0],
  ['Vladivostok', 'ru', 43.11, 131.88], ['Nakhodka', 'ru', 42.8, 132.88], ['Vostochny', 'ru', 42.74, 133.05], ['Zarubino', 'ru', 42.64, 131.08],
  ['Posyet', 'ru', 42.65, 130.8], ['Vanino', 'ru', 49.08, 140.27], ['Korsakov', 'ru', 46.62, 142.77],
] as const).map(([name, country, lat, lon]) => ({ name, country, lat, lon, source: APPROX }));

/** ../shared/data/regions/hotspots.geojson, as boxes. */
export const BUILTIN_HOTSPOTS: readonly Hotspot[] = ([
  ['Korea Bay and West Sea approaches to Nampo', [123.5, 37.5, 125.8, 39.9]],
  ['East China Sea off Shanghai and Zhoushan', [122.3, 28.5, 126.0, 32.5]],
  ['Hangzhou Bay and Ningbo-Zhoushan anchorages', [121.0, 29.5, 122.6, 30.9]],
  ['Gulf of Tonkin', [105.6, 17.0, 109.8, 21.8]],
  ['Russian Far East (Nakhodka, Vostochny, Vladivostok approaches)', [131.5, 42.3, 133.5, 43.3]],
  ['Sea of Japan east of the DPRK coast', [128.0, 38.6, 131.5, 42.3]],
] as const).map(([name, [x0, y0, x1, y1]]) => ({ name, rings: [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]] }));

const STS_AREAS = 'U.S. advisories 2019-03-21 and 2020-05-14 and UN Panel of Experts reports place DPRK-linked STS transfers here (see regions/SOURCES.md); boxes drawn for this project';

/**
 * The region override table, first match wins. In DPRK waters nothing is excused by being near a port (calls and
 * transfers at DPRK ports are the point), shorter silences count, and a silence is judged deliberate unless reception
 * clearly failed for everyone (few receivers and little traffic there); in the reported STS areas loitering counts
 * closer to shore and encounters closer to ports.
 */
export const REGION_OVERRIDES: readonly RegionOverride[] = [
  {
    id: 'dprk_waters', name: 'DPRK waters',
    boxes: [[124.3, 37.6, 126.0, 39.8], [127.3, 38.6, 130.7, 42.4]],
    overrides: {
      'encounter.minDistanceFromPortKm': 0, 'encounter.crowdMaxOthers': 1000, 'gap.minDistanceFromPortKm': 0, 'gap.minHours': 3,
      'gap.minCoverageRatio': 0.3, 'loitering.minDistanceFromPortKm': 6,
    },
    source: `${STS_AREAS}; rough boxes along the DPRK west (Korea Bay to the NLL) and east coasts`,
  },
  {
    id: 'korea_bay', name: 'Korea Bay', boxes: [[122.0, 37.5, 124.3, 39.8]],
    overrides: { 'loitering.minDistanceFromPortKm': 10, 'gap.minHours': 4 }, source: STS_AREAS,
  },
  {
    id: 'ecs_shanghai_zhoushan', name: 'East China Sea off Shanghai and Zhoushan', boxes: [[122.3, 28.5, 126.0, 32.5]],
    overrides: { 'loitering.minDistanceFromPortKm': 10, 'encounter.minDistanceFromPortKm': 5 }, source: STS_AREAS,
  },
  {
    id: 'gulf_of_tonkin', name: 'Gulf of Tonkin', boxes: [[105.6, 17.0, 109.8, 21.8]],
    overrides: { 'loitering.minDistanceFromPortKm': 10, 'encounter.minDistanceFromPortKm': 5 }, source: STS_AREAS,
  },
  {
    id: 'russian_far_east_ports', name: 'Russian Far East ports', boxes: [[131.5, 42.3, 133.5, 43.3]],
    overrides: { 'loitering.minDistanceFromPortKm': 10, 'encounter.minDistanceFromPortKm': 5 }, source: STS_AREAS,
  },
];

/** The regions folder setting: an explicit folder, else CHOKEPOINT_REGIONS_DIR, else none (built-ins). */
export function regionsDirSetting(explicit?: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  return explicit ?? env.CHOKEPOINT_REGIONS_DIR ?? undefined;
}

/** The built-in ports, hotspots and overrides. */
export function builtinRegions(): Regions {
  const dprkPorts = BUILTIN_DPRK_PORTS.map((p) => ({ ...p }));
  return {
    dprkPorts, ports: [...dprkPorts, ...BUILTIN_OTHER_PORTS.map((p) => ({ ...p }))],
    hotspots: BUILTIN_HOTSPOTS.map((h) => ({ ...h })), overrides: [...REGION_OVERRIDES],
  };
}

function readCsv(path: string): Record<string, string>[] {
  return parse(readFileSync(path), { columns: true, skip_empty_lines: true, trim: true, bom: true }) as Record<string, string>[];
}

function portFromRow(r: Record<string, string>, country: string, file: string): Port {
  const lat = Number(r.lat);
  const lon = Number(r.lon);
  if (!r.name || !(Math.abs(lat) <= 90) || !(Math.abs(lon) <= 180)) throw new Error(`${file}: bad port row ${JSON.stringify(r)}`);
  return { name: r.name, lat, lon, country: (r.country || country).toLowerCase(), source: r.source ?? file };
}

/**
 * Ports and hotspots from a regions folder (missing files fall back to the built-ins); the override table is
 * always the built-in one.
 */
export function loadRegions(dir?: string): Regions {
  const base = builtinRegions();
  if (!dir) return base;
  const dprkFile = join(dir, 'dprk-ports.csv');
  const extraFile = join(dir, 'ports.csv');
  const hotspotFile = join(dir, 'hotspots.geojson');
  const dprkPorts = existsSync(dprkFile) ? readCsv(dprkFile).map((r) => portFromRow(r, 'kp', dprkFile)) : base.dprkPorts;
  const extra = existsSync(extraFile) ? readCsv(extraFile).map((r) => portFromRow(r, '', extraFile)) : [];
  let hotspots = base.hotspots;
  if (existsSync(hotspotFile)) {
    const gj = JSON.parse(readFileSync(hotspotFile, 'utf8')) as { features?: { properties?: { name?: string }; geometry?: { type: string; coordinates: number[][][] } }[] };
    hotspots = (gj.features ?? []).filter((f) => f.geometry?.type === 'Polygon')
      .map((f, i) => ({ name: f.properties?.name ?? `hotspot ${i + 1}`, rings: f.geometry!.coordinates }));
  }
  return { dprkPorts, ports: [...dprkPorts, ...BUILTIN_OTHER_PORTS.map((p) => ({ ...p })), ...extra], hotspots, overrides: base.overrides };
}

function inBox(b: Box, lat: number, lon: number): boolean {
  return lon >= b[0] && lon <= b[2] && lat >= b[1] && lat <= b[3];
}

/** Ray casting on the outer ring (the hotspot files have no holes). */
function inRing(ring: number[][], lat: number, lon: number): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if ((yi > lat) !== (yj > lat) && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** The override region containing a point (first match), if any. */
export function overrideAt(r: Regions, lat: number, lon: number): RegionOverride | undefined {
  return r.overrides.find((o) => o.boxes.some((b) => inBox(b, lat, lon)));
}

/** The hotspot containing a point (first match), if any. */
export function hotspotAt(r: Regions, lat: number, lon: number): Hotspot | undefined {
  return r.hotspots.find((h) => h.rings.length > 0 && inRing(h.rings[0], lat, lon));
}

/** The name written in an event's `region`: the override region, else the hotspot, else 'other'. */
export function regionName(r: Regions, lat: number, lon: number): string {
  return overrideAt(r, lat, lon)?.name ?? hotspotAt(r, lat, lon)?.name ?? 'other';
}

/** The parameters in force at a point: the base set with the override region's values. */
export function paramsAt(r: Regions, base: Params, lat: number, lon: number): Params {
  const o = overrideAt(r, lat, lon);
  return o ? { ...base, ...o.overrides } : base;
}

/** The nearest port of a list and its distance (km); undefined for an empty list. */
export function nearestPort(ports: readonly Port[], lat: number, lon: number): { port: Port; km: number } | undefined {
  let best: Port | undefined;
  let bestKm = Infinity;
  for (const p of ports) {
    if (Math.abs(p.lat - lat) * 111 > bestKm) continue;
    const d = distanceKm(lat, lon, p.lat, p.lon);
    if (d < bestKm) {
      bestKm = d;
      best = p;
    }
  }
  return best ? { port: best, km: bestKm } : undefined;
}
