/**
 * Small geometry for the maritime detectors: distances, bearings, interpolation. Plain numbers in, plain numbers out
 * (no objects), so the hot loops can call them freely.
 */

/** Mean Earth radius (IUGG), km. */
export const EARTH_RADIUS_KM = 6371.0088;
/** One international nautical mile, km. */
export const KM_PER_NM = 1.852;
export const MS_PER_HOUR = 3_600_000;
export const MS_PER_MINUTE = 60_000;
export const MS_PER_DAY = 86_400_000;
const DEG = Math.PI / 180;
const HALF_TURN = 180;
const FULL_TURN = 360;

/** Longitude difference b − a folded into [−180, 180). */
export function lonDelta(a: number, b: number): number {
  let d = b - a;
  if (d >= HALF_TURN) d -= FULL_TURN;
  else if (d < -HALF_TURN) d += FULL_TURN;
  return d;
}

/**
 * Distance in km by the equirectangular approximation (one cosine). Within 0.5 % of the great circle up to a few
 * hundred km, which is all the detectors compare (500 m encounters, implied speeds between consecutive fixes).
 */
export function distanceKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const x = lonDelta(lon1, lon2) * Math.cos((lat1 + lat2) * 0.5 * DEG);
  const y = lat2 - lat1;
  return Math.sqrt(x * x + y * y) * DEG * EARTH_RADIUS_KM;
}

/** Great-circle distance in km (haversine), for long legs. */
export function haversineKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const dLat = (lat2 - lat1) * DEG;
  const dLon = lonDelta(lon1, lon2) * DEG;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * DEG) * Math.cos(lat2 * DEG) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
}

/** Initial bearing from point 1 to point 2, degrees true in [0, 360). */
export function bearingDeg(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const p1 = lat1 * DEG;
  const p2 = lat2 * DEG;
  const dl = lonDelta(lon1, lon2) * DEG;
  const y = Math.sin(dl) * Math.cos(p2);
  const x = Math.cos(p1) * Math.sin(p2) - Math.sin(p1) * Math.cos(p2) * Math.cos(dl);
  return (Math.atan2(y, x) / DEG + FULL_TURN) % FULL_TURN;
}

/** Smallest angle between two bearings, degrees in [0, 180]. */
export function angleBetween(a: number, b: number): number {
  const d = Math.abs(a - b) % FULL_TURN;
  return d > HALF_TURN ? FULL_TURN - d : d;
}

/** Knots from km over ms (Infinity when dt is 0 and the distance is not). */
export function knots(km: number, dtMs: number): number {
  if (dtMs <= 0) return km > 0 ? Infinity : 0;
  return (km / KM_PER_NM) / (dtMs / MS_PER_HOUR);
}

/** The point a fraction f of the way from 1 to 2 (linear in lat/lon, longitude wrap handled). */
export function interpolate(lat1: number, lon1: number, lat2: number, lon2: number, f: number): [number, number] {
  let lon = lon1 + lonDelta(lon1, lon2) * f;
  if (lon >= HALF_TURN) lon -= FULL_TURN;
  else if (lon < -HALF_TURN) lon += FULL_TURN;
  return [lat1 + (lat2 - lat1) * f, lon];
}

/** Median of the first n values of an array (copies; n small). NaN for n = 0. */
export function median(values: ArrayLike<number>, n = values.length): number {
  if (n === 0) return NaN;
  const s = Array.from({ length: n }, (_, i) => values[i]).sort((a, b) => a - b);
  return n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
}

/** ISO 8601 UTC with seconds (no milliseconds when they are 0). */
export function isoTime(t: number): string {
  const s = new Date(t).toISOString();
  return s.endsWith('.000Z') ? `${s.slice(0, -5)}Z` : s;
}

/** Rounds to a fixed number of decimals (for output). */
export function round(x: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(x * f) / f;
}
