/**
 * The event query filters as users write them (CLI flags, HTTP query parameters), checked and turned into the store's
 * EventFilter. Bad input throws FilterError with a message naming the parameter and what it expects.
 */
import type { EventFilter } from '../../store/maritime.js';
import { EVENT_TYPES } from './events.js';
import { MS_PER_DAY } from './geo.js';

export class FilterError extends Error {}

export interface RawEventFilter {
  type?: string | string[];
  mmsi?: string;
  bbox?: string;
  from?: string;
  to?: string;
  run?: string;
  limit?: string;
  offset?: string;
}

/** Largest page of events one query returns. */
export const MAX_EVENT_LIMIT = 10_000;
/** Page size when none is asked for. */
export const DEFAULT_EVENT_LIMIT = 100;
/** An MMSI is nine digits at most (ITU-R M.585). */
const MAX_MMSI = 999_999_999;

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** A whole number in [min, max]; `what` names the parameter in the message. */
export function wholeNumber(raw: string, what: string, min: number, max: number): number {
  if (!/^\s*\d+\s*$/.test(raw)) throw new FilterError(`${what} must be a whole number, not "${raw.slice(0, 40)}"`);
  const n = Number(raw);
  if (n < min || n > max) throw new FilterError(`${what} must be from ${min} to ${max}, not ${n}`);
  return n;
}

/** `minLon,minLat,maxLon,maxLat` in degrees (minLon > maxLon: the box crosses the antimeridian). */
export function parseBbox(raw: string): [number, number, number, number] {
  const parts = raw.split(',').map((x) => x.trim());
  const nums = parts.map(Number);
  if (parts.length !== 4 || parts.some((x) => x === '') || nums.some((n) => !Number.isFinite(n))) {
    throw new FilterError(`bbox must be four numbers minLon,minLat,maxLon,maxLat, not "${raw.slice(0, 80)}"`);
  }
  const [minLon, minLat, maxLon, maxLat] = nums;
  if (Math.abs(minLon) > 180 || Math.abs(maxLon) > 180) throw new FilterError('bbox longitudes must be from -180 to 180');
  if (Math.abs(minLat) > 90 || Math.abs(maxLat) > 90) throw new FilterError('bbox latitudes must be from -90 to 90');
  if (minLat > maxLat) throw new FilterError(`bbox minLat ${minLat} is above maxLat ${maxLat}`);
  return [minLon, minLat, maxLon, maxLat];
}

/** An ISO date or date-time; a bare date `to` means the end of that day (UTC). */
export function parseTime(raw: string, what: 'from' | 'to'): number {
  const s = raw.trim();
  if (!DATE_ONLY.test(s) && !DATE_TIME.test(s)) throw new FilterError(`${what} must be an ISO 8601 date or date-time (2024-03-01 or 2024-03-01T12:00:00Z), not "${s.slice(0, 40)}"`);
  const t = Date.parse(DATE_ONLY.test(s) ? `${s}T00:00:00Z` : s);
  if (Number.isNaN(t)) throw new FilterError(`${what}: not a valid date: ${s}`);
  return DATE_ONLY.test(s) && what === 'to' ? t + MS_PER_DAY - 1 : t;
}

export function parseEventFilter(raw: RawEventFilter): EventFilter {
  const f: EventFilter = {};
  const types = (Array.isArray(raw.type) ? raw.type : raw.type === undefined ? [] : [raw.type]).flatMap((t) => t.split(',')).map((t) => t.trim()).filter(Boolean);
  for (const t of types) {
    if (!(EVENT_TYPES as readonly string[]).includes(t)) throw new FilterError(`unknown event type "${t.slice(0, 40)}": one of ${EVENT_TYPES.join(', ')}`);
  }
  if (types.length) f.types = [...new Set(types)];
  if (raw.mmsi !== undefined) f.mmsi = wholeNumber(raw.mmsi, 'mmsi', 0, MAX_MMSI);
  if (raw.bbox !== undefined) f.bbox = parseBbox(raw.bbox);
  if (raw.from !== undefined) f.fromMs = parseTime(raw.from, 'from');
  if (raw.to !== undefined) f.toMs = parseTime(raw.to, 'to');
  if (f.fromMs !== undefined && f.toMs !== undefined && f.fromMs > f.toMs) throw new FilterError('from is after to');
  if (raw.run !== undefined) f.run = wholeNumber(raw.run, 'run', 1, Number.MAX_SAFE_INTEGER);
  f.limit = raw.limit === undefined ? DEFAULT_EVENT_LIMIT : wholeNumber(raw.limit, 'limit', 1, MAX_EVENT_LIMIT);
  f.offset = raw.offset === undefined ? 0 : wholeNumber(raw.offset, 'offset', 0, Number.MAX_SAFE_INTEGER);
  return f;
}
