/**
 * What every detector is given: the parameters, the places, the vessel table, the segmenter's slot state, and an
 * emit function. Also the typed-array helpers detectors use for per-slot state.
 */
import type { VesselTable } from './columns.js';
import type { EventDraft } from './events.js';
import type { Params } from './params.js';
import { nearestPort, paramsAt, type Port, type Regions } from './regions.js';
import type { Segmenter } from './segments.js';

export interface DetectorContext {
  params: Params;
  regions: Regions;
  vessels: VesselTable;
  seg: Segmenter;
  emit(d: EventDraft): void;
  /** The vessel's latest position processed so far (known = false: none yet, lat/lon 0). */
  lastPosition(vessel: number): { lat: number; lon: number; known: boolean };
}

/** Parameters in force at a point (cached by 0.1° cell: region boxes are coarse). */
export class ParamsLookup {
  private readonly cache = new Map<number, Params>();

  constructor(private readonly regions: Regions, private readonly base: Params) {}

  at(lat: number, lon: number): Params {
    const key = Math.floor((lat + 90) * 10) * 3600 + Math.floor((lon + 180) * 10);
    let p = this.cache.get(key);
    if (!p) {
      p = paramsAt(this.regions, this.base, lat, lon);
      this.cache.set(key, p);
    }
    return p;
  }
}

/** Nearest port (any country) and its distance, for "away from port" tests. */
export function portDistance(regions: Regions, lat: number, lon: number): { port?: Port; km: number } {
  const n = nearestPort(regions.ports, lat, lon);
  return n ? n : { km: Infinity };
}

/** A Float64Array at least n long, keeping contents; new cells filled with `fill`. */
export function growF64(a: Float64Array, n: number, fill = 0): Float64Array<ArrayBuffer> {
  if (a.length >= n) return a as Float64Array<ArrayBuffer>;
  let m = Math.max(16, a.length * 2);
  while (m < n) m *= 2;
  const b = new Float64Array(m);
  if (fill !== 0) b.fill(fill);
  b.set(a);
  return b;
}

export function growI32(a: Int32Array, n: number, fill = 0): Int32Array<ArrayBuffer> {
  if (a.length >= n) return a as Int32Array<ArrayBuffer>;
  let m = Math.max(16, a.length * 2);
  while (m < n) m *= 2;
  const b = new Int32Array(m);
  if (fill !== 0) b.fill(fill);
  b.set(a);
  return b;
}
