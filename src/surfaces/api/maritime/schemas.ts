import { z } from '@hono/zod-openapi';
import type { AisRun, StoredEvent, StoredVesselSummary } from '../../../store/maritime.js';
import { eventToFeature, type MaritimeEvent } from '../../../analyses/maritime/events.js';
import { EVENT_TYPES } from '../../../analyses/maritime/events.js';

/** Wire shapes of the maritime routes (docs/maritime.md) and the functions that produce them. */

const text = (description: string, example?: string) => z.string().optional().openapi({ description, ...(example ? { example } : {}) });

export const EventQuery = z.object({
  type: z.union([z.string(), z.array(z.string())]).optional()
    .openapi({ type: 'array', items: { type: 'string', enum: [...EVENT_TYPES] }, description: 'Event types (repeatable or comma-separated)' }),
  mmsi: text('Events involving this MMSI (either side of an encounter)', '412345678'),
  bbox: text('minLon,minLat,maxLon,maxLat in degrees (minLon > maxLon crosses the antimeridian)', '119,30,127,41'),
  from: text('Events ending on or after this ISO 8601 date or date-time', '2024-03-01'),
  to: text('Events starting on or before this ISO date (the whole day) or date-time', '2024-03-31'),
  run: text('Events of one AIS run only'),
  limit: text('Page size (default 100 for JSON, 10000 for GeoJSON; at most 10000)'),
  offset: text('Events to skip (default 0)'),
});

export const Event = z.object({
  id: z.number().int(), run: z.number().int(),
  type: z.enum(EVENT_TYPES), mmsi: z.array(z.number().int()), imo: z.array(z.number().int()), start: z.string(), end: z.string(),
  lat: z.number(), lon: z.number(), region: z.string(), confidence: z.number(),
  evidence: z.record(z.string(), z.unknown()), params: z.record(z.string(), z.number()),
}).openapi('MaritimeEvent', { description: 'The pinned JSON Lines event record, with its stored id and run' });

export const EventPage = z.object({
  total: z.number().int(), limit: z.number().int(), offset: z.number().int(), events: z.array(Event),
}).openapi('MaritimeEventPage');

export const FeatureCollection = z.looseObject({
  type: z.literal('FeatureCollection'), total: z.number().int().openapi({ description: 'Events matching (features: this page)' }),
  features: z.array(z.looseObject({ type: z.literal('Feature') })),
}).openapi('MaritimeEventFeatures', { description: 'Points; gaps and inferred port calls as the line from where the vessel went dark to where it reappeared' });

export const Run = z.looseObject({
  id: z.number().int(), status: z.enum(['queued', 'running', 'done', 'failed']), file_name: z.string(), format: z.enum(['nmea', 'csv', 'mixed']),
  sha256: z.string(), bytes: z.number().int(), origin: z.string(),
  counts: z.record(z.string(), z.unknown()).openapi({ description: 'positions, statics, mmsis, events (and by type), vessel summaries, links, skipped' }),
  skipped: z.record(z.string(), z.number()).openapi({ description: 'Records skipped, by reason (bad checksum, no time, bad position, …)' }),
  error: z.string().nullable(), created_at: z.string(), started_at: z.string().nullable(), finished_at: z.string().nullable(),
  status_url: z.string(),
}).openapi('AisRun');

export const Vessel = z.looseObject({
  mmsi: z.number().int(), run: z.number().int(), flag: z.string().nullable(), names: z.array(z.string()), imos: z.array(z.number().int()),
  risk_score: z.number(), event_counts: z.record(z.string(), z.number()),
}).openapi('VesselSummary');

export const VesselDetail = Vessel.extend({
  identity: z.record(z.string(), z.unknown()).openapi({ description: 'Confirmed names, call signs, IMO numbers and ship types over time' }),
  links: z.array(z.unknown()).openapi({ description: 'Designated vessels this MMSI matches (by IMO, MMSI or name), with evidence' }),
  reasons: z.array(z.unknown()).openapi({ description: 'Every risk reason: kind, weight, confidence, contribution, evidence' }),
  lookback: z.record(z.string(), z.unknown()).openapi({ description: '180-day look-back hits as of the end of the data, with the law quoted' }),
  runs: z.array(z.object({ run: z.number().int(), risk_score: z.number() })),
  events: z.array(Event),
  events_total: z.number().int(),
}).openapi('VesselDetail');

export const VesselPage = z.object({ total: z.number().int(), limit: z.number().int(), offset: z.number().int(), vessels: z.array(Vessel) }).openapi('VesselPage');

export function runJson(r: AisRun, withSummary = false) {
  return {
    id: r.id, status: r.status, file_name: r.fileName, format: r.format, sha256: r.sha256, bytes: r.bytes, files: r.files, origin: r.origin,
    counts: r.counts, skipped: r.skipped, error: r.error, created_at: r.createdAt, started_at: r.startedAt, finished_at: r.finishedAt,
    status_url: `/ais/uploads/${r.id}`, ...(withSummary ? { params: r.params, summary: r.summary } : {}),
  };
}

export function vesselJson(v: StoredVesselSummary) {
  return { mmsi: v.mmsi, run: v.run, flag: v.flag, names: v.names, imos: v.imos, risk_score: v.riskScore, event_counts: v.events };
}

export function eventJson(e: StoredEvent): z.infer<typeof Event> {
  return e as z.infer<typeof Event>;
}

/** A GeoJSON Feature of a stored event (properties: id, run and the pinned fields but lat/lon). */
export function featureOf(e: StoredEvent): { type: 'Feature'; [k: string]: unknown } {
  return eventToFeature(e as unknown as MaritimeEvent) as { type: 'Feature' };
}
