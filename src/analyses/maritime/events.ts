/**
 * The maritime event record — the PINNED "Maritime events: JSON Lines" schema of docs/ARCHITECTURE.md — and its
 * two serialisations: one JSON object per line, and a GeoJSON FeatureCollection (points; gaps and inferred port
 * calls also as the line from where the vessel went dark to where it reappeared).
 */
import { openSync, writeSync, closeSync } from 'node:fs';
import { isoTime, round } from './geo.js';

export { EVENT_TYPES, POINT_EVENT_TYPES, type MaritimeEvent, type MaritimeEventType } from '../../model/maritime-event.js';
import { EVENT_TYPES, POINT_EVENT_TYPES, type MaritimeEvent, type MaritimeEventType } from '../../model/maritime-event.js';

/** What a detector hands the pipeline; the pipeline adds imo and region. */
export interface EventDraft {
  type: MaritimeEventType;
  mmsi: number[];
  startMs: number;
  endMs: number;
  lat: number;
  lon: number;
  confidence: number;
  evidence: Record<string, unknown>;
  params: Record<string, number>;
}

const COORD_DECIMALS = 5;
const CONFIDENCE_DECIMALS = 3;

/** The pinned record from a draft, with coordinates and confidence rounded for output. */
export function finishEvent(d: EventDraft, imo: number[], region: string): MaritimeEvent {
  return {
    type: d.type, mmsi: d.mmsi, imo, start: isoTime(d.startMs), end: isoTime(POINT_EVENT_TYPES.has(d.type) ? d.startMs : d.endMs),
    lat: round(d.lat, COORD_DECIMALS), lon: round(d.lon, COORD_DECIMALS), region,
    confidence: round(Math.min(1, Math.max(0, d.confidence)), CONFIDENCE_DECIMALS), evidence: d.evidence, params: d.params,
  };
}

/** One JSON Lines record (keys in the pinned order). */
export function eventToJsonLine(e: MaritimeEvent): string {
  return `${JSON.stringify(e)}\n`;
}

/** Problems with a record against the pinned schema (empty when valid). */
export function validateEvent(e: unknown): string[] {
  const out: string[] = [];
  const v = e as Partial<MaritimeEvent>;
  if (!v || typeof v !== 'object') return ['not an object'];
  if (!EVENT_TYPES.includes(v.type as MaritimeEventType)) out.push(`type ${String(v.type)}`);
  if (!Array.isArray(v.mmsi) || v.mmsi.length < 1 || v.mmsi.length > 2 || !v.mmsi.every((m) => Number.isInteger(m))) out.push('mmsi');
  if (!Array.isArray(v.imo) || !v.imo.every((m) => Number.isInteger(m))) out.push('imo');
  const iso = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/;
  if (typeof v.start !== 'string' || !iso.test(v.start)) out.push('start');
  if (typeof v.end !== 'string' || !iso.test(v.end)) out.push('end');
  if (typeof v.start === 'string' && typeof v.end === 'string' && Date.parse(v.end) < Date.parse(v.start)) out.push('end before start');
  if (POINT_EVENT_TYPES.has(v.type as MaritimeEventType) && v.start !== v.end) out.push('point event with start != end');
  if (typeof v.lat !== 'number' || !(Math.abs(v.lat) <= 90)) out.push('lat');
  if (typeof v.lon !== 'number' || !(Math.abs(v.lon) <= 180)) out.push('lon');
  if (typeof v.region !== 'string') out.push('region');
  if (typeof v.confidence !== 'number' || !(v.confidence >= 0 && v.confidence <= 1)) out.push('confidence');
  if (!v.evidence || typeof v.evidence !== 'object') out.push('evidence');
  if (!v.params || typeof v.params !== 'object') out.push('params');
  const keys = Object.keys(v);
  const pinned = ['type', 'mmsi', 'imo', 'start', 'end', 'lat', 'lon', 'region', 'confidence', 'evidence', 'params'];
  if (keys.join() !== pinned.join()) out.push(`keys ${keys.join()}`);
  return out;
}

interface LonLat { lat: number; lon: number }

function isLonLat(x: unknown): x is LonLat {
  return !!x && typeof x === 'object' && typeof (x as LonLat).lat === 'number' && typeof (x as LonLat).lon === 'number';
}

/** A GeoJSON Feature: a LineString from evidence.from to evidence.to when both are positions, else a Point. */
export function eventToFeature(e: MaritimeEvent): Record<string, unknown> {
  const { lat, lon, ...properties } = e;
  const from = e.evidence.from;
  const to = e.evidence.to;
  const geometry = isLonLat(from) && isLonLat(to)
    ? { type: 'LineString', coordinates: [[from.lon, from.lat], [to.lon, to.lat]] }
    : { type: 'Point', coordinates: [lon, lat] };
  return { type: 'Feature', geometry, properties };
}

/** Buffered synchronous text output (events are few next to positions: no back-pressure needed). */
class TextFile {
  private readonly fd: number;
  private buf = '';

  constructor(path: string) {
    this.fd = openSync(path, 'w');
  }

  write(text: string): void {
    this.buf += text;
    if (this.buf.length >= 1 << 16) this.flush();
  }

  flush(): void {
    if (this.buf) writeSync(this.fd, this.buf);
    this.buf = '';
  }

  close(): void {
    this.flush();
    closeSync(this.fd);
  }
}

/** Writes events into a GeoJSON FeatureCollection file as they come (bounded memory). */
export class GeoJsonWriter {
  private readonly out: TextFile;
  private count = 0;

  constructor(path: string) {
    this.out = new TextFile(path);
    this.out.write('{"type":"FeatureCollection","features":[\n');
  }

  write(e: MaritimeEvent): void {
    this.out.write(`${this.count++ ? ',\n' : ''}${JSON.stringify(eventToFeature(e))}`);
  }

  close(): void {
    this.out.write('\n]}\n');
    this.out.close();
  }
}

/** Writes events as JSON Lines to a file. */
export class JsonLinesWriter {
  private readonly out: TextFile;
  count = 0;

  constructor(path: string) {
    this.out = new TextFile(path);
  }

  write(e: MaritimeEvent): void {
    this.out.write(eventToJsonLine(e));
    this.count++;
  }

  close(): void {
    this.out.close();
  }
}
