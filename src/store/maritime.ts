/**
 * Maritime results in the store (migration 002): AIS runs, their events and per-vessel summaries. Parameterized SQL
 * only. A run goes queued → running → done | failed; its events and vessel summaries are inserted in the same
 * transaction that marks it done, so readers never see half a run and a failed run leaves earlier runs untouched.
 */
import { createHash } from 'node:crypto';
import type { Db } from './db.js';
import type { MaritimeEvent } from '../model/maritime-event.js';

export type RunStatus = 'queued' | 'running' | 'done' | 'failed';
export type RunFormat = 'nmea' | 'csv' | 'mixed';

export interface AisRunFile {
  name: string;
  format: 'nmea' | 'csv';
  bytes: number;
  sha256: string;
}

export interface NewAisRun {
  files: AisRunFile[];
  /** 'cli' (ais detect --store) or 'api' (an upload). */
  origin: string;
  /** The parameter values the run uses (after overrides). */
  params: Record<string, number>;
}

export interface AisRun {
  id: number;
  fileName: string;
  format: RunFormat;
  /** The file's sha256; for several files, the sha256 of their hashes in order (each is in `files`). */
  sha256: string;
  bytes: number;
  files: AisRunFile[];
  origin: string;
  status: RunStatus;
  counts: Record<string, unknown>;
  skipped: Record<string, number>;
  params: Record<string, number>;
  summary: Record<string, unknown> | null;
  error: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

/** The pinned event record (docs: Maritime events: JSON Lines), as stored and served. */
export type EventRecord = Omit<MaritimeEvent, 'type'> & { type: string };

/** A stored event: its id and run, then the pinned record. */
export interface StoredEvent extends EventRecord {
  id: number;
  run: number;
}

export interface VesselSummaryRecord {
  mmsi: number;
  flag: string | null;
  names: string[];
  imos: number[];
  identity: Record<string, unknown>;
  links: unknown[];
  riskScore: number;
  reasons: unknown[];
  lookback: Record<string, unknown>;
  /** Events of this vessel in the run, by type. */
  events: Record<string, number>;
}

export interface StoredVesselSummary extends VesselSummaryRecord {
  run: number;
}

export interface RunResult {
  counts: Record<string, unknown>;
  skipped: Record<string, number>;
  summary: Record<string, unknown>;
  events: readonly EventRecord[];
  vessels: readonly VesselSummaryRecord[];
}

/** Filters of the event queries; every bound inclusive. */
export interface EventFilter {
  types?: string[];
  mmsi?: number;
  /** [minLon, minLat, maxLon, maxLat]; minLon > maxLon crosses the antimeridian. */
  bbox?: [number, number, number, number];
  /** Events ending at or after this (epoch ms). */
  fromMs?: number;
  /** Events starting at or before this (epoch ms). */
  toMs?: number;
  run?: number;
  limit?: number;
  offset?: number;
}

const INSERT_BATCH = 1000;

function iso(ms: number | null): string | null {
  if (ms === null) return null;
  const s = new Date(Math.round(ms)).toISOString();
  return s.endsWith('.000Z') ? `${s.slice(0, -5)}Z` : s;
}

/** A new run in state `queued`; returns its id. */
export async function createRun(db: Db, r: NewAisRun): Promise<number> {
  if (!r.files.length) throw new Error('an AIS run needs at least one file');
  const formats = new Set(r.files.map((f) => f.format));
  const format: RunFormat = formats.size === 1 ? r.files[0].format : 'mixed';
  const sha256 = r.files.length === 1 ? r.files[0].sha256 : createHash('sha256').update(r.files.map((f) => f.sha256).join('\n')).digest('hex');
  const [row] = await db.query<{ id: number }>(
    `INSERT INTO ais_runs (file_name, format, sha256, bytes, files, origin, status, params)
     VALUES ($1, $2, $3, $4, $5::jsonb, $6, 'queued', $7::jsonb) RETURNING id`,
    [r.files.map((f) => f.name).join(', '), format, sha256, r.files.reduce((a, f) => a + f.bytes, 0), JSON.stringify(r.files), r.origin, JSON.stringify(r.params)],
  );
  return row.id;
}

/** queued → running; false when the run is not queued (already taken, finished or unknown). */
export async function startRun(db: Db, id: number): Promise<boolean> {
  const rows = await db.query(`UPDATE ais_runs SET status = 'running', started_at = now() WHERE id = $1 AND status = 'queued' RETURNING id`, [id]);
  return rows.length === 1;
}

/** Writes the run's events and vessel summaries and marks it done, all in one transaction. */
export async function finishRun(db: Db, id: number, r: RunResult): Promise<void> {
  await db.transaction(async (tx) => {
    const [run] = await tx.query<{ status: string }>('SELECT status FROM ais_runs WHERE id = $1 FOR UPDATE', [id]);
    if (!run) throw new Error(`no AIS run ${id}`);
    if (run.status !== 'running') throw new Error(`AIS run ${id} is ${run.status}, not running`);
    for (let i = 0; i < r.events.length; i += INSERT_BATCH) {
      await tx.query(
        `INSERT INTO maritime_events (run_id, mmsi, type, mmsis, imos, start_at, end_at, lat, lon, region, confidence, evidence, params)
         SELECT $1, (x.mmsi->>0)::bigint, x.type,
           ARRAY(SELECT jsonb_array_elements_text(x.mmsi))::bigint[], ARRAY(SELECT jsonb_array_elements_text(x.imo))::bigint[],
           x.start::timestamptz, x."end"::timestamptz, x.lat, x.lon, x.region, x.confidence, x.evidence, x.params
         FROM jsonb_to_recordset($2::jsonb) AS x(type text, mmsi jsonb, imo jsonb, start text, "end" text, lat float8, lon float8,
           region text, confidence float8, evidence jsonb, params jsonb)`,
        [id, JSON.stringify(r.events.slice(i, i + INSERT_BATCH))],
      );
    }
    for (let i = 0; i < r.vessels.length; i += INSERT_BATCH) {
      await tx.query(
        `INSERT INTO vessel_summaries (run_id, mmsi, flag, names, imos, identity, links, risk_score, reasons, lookback, events)
         SELECT $1, x.mmsi, x.flag, ARRAY(SELECT jsonb_array_elements_text(x.names)), ARRAY(SELECT jsonb_array_elements_text(x.imos))::bigint[],
           x.identity, x.links, x."riskScore", x.reasons, x.lookback, x.events
         FROM jsonb_to_recordset($2::jsonb) AS x(mmsi bigint, flag text, names jsonb, imos jsonb, identity jsonb, links jsonb, "riskScore" float8,
           reasons jsonb, lookback jsonb, events jsonb)`,
        [id, JSON.stringify(r.vessels.slice(i, i + INSERT_BATCH))],
      );
    }
    await tx.query(
      `UPDATE ais_runs SET status = 'done', counts = $2::jsonb, skipped = $3::jsonb, summary = $4::jsonb, finished_at = now() WHERE id = $1`,
      [id, JSON.stringify(r.counts), JSON.stringify(r.skipped), JSON.stringify(r.summary)],
    );
  });
}

/** Marks a run failed with the reason (a run already done stays done). */
export async function failRun(db: Db, id: number, error: string, skipped: Record<string, number> = {}): Promise<void> {
  await db.query(
    `UPDATE ais_runs SET status = 'failed', error = $2, skipped = $3::jsonb, finished_at = now() WHERE id = $1 AND status <> 'done'`,
    [id, error, JSON.stringify(skipped)],
  );
}

interface RunRow {
  id: number; file_name: string; format: RunFormat; sha256: string; bytes: number; files: AisRunFile[]; origin: string; status: RunStatus;
  counts: Record<string, unknown>; skipped: Record<string, number>; params: Record<string, number>; summary: Record<string, unknown> | null;
  error: string | null; created_ms: number; started_ms: number | null; finished_ms: number | null;
}

const RUN_COLS = `id, file_name, format, sha256, bytes, files, origin, status, counts, skipped, params, summary, error,
  extract(epoch FROM created_at) * 1000 AS created_ms, extract(epoch FROM started_at) * 1000 AS started_ms,
  extract(epoch FROM finished_at) * 1000 AS finished_ms`;

function runOf(r: RunRow): AisRun {
  return {
    id: r.id, fileName: r.file_name, format: r.format, sha256: r.sha256, bytes: r.bytes, files: r.files, origin: r.origin, status: r.status,
    counts: r.counts, skipped: r.skipped, params: r.params, summary: r.summary, error: r.error,
    createdAt: iso(r.created_ms)!, startedAt: iso(r.started_ms), finishedAt: iso(r.finished_ms),
  };
}

export async function getRun(db: Db, id: number): Promise<AisRun | undefined> {
  const [row] = await db.query<RunRow>(`SELECT ${RUN_COLS} FROM ais_runs WHERE id = $1`, [id]);
  return row ? runOf(row) : undefined;
}

/** The newest runs first. */
export async function listRuns(db: Db, limit = 50): Promise<AisRun[]> {
  return (await db.query<RunRow>(`SELECT ${RUN_COLS} FROM ais_runs ORDER BY id DESC LIMIT $1`, [limit])).map(runOf);
}

/** WHERE clause and parameters of an event filter. */
function eventWhere(f: EventFilter): { where: string; params: unknown[] } {
  const cond: string[] = [];
  const params: unknown[] = [];
  const p = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  if (f.types?.length) cond.push(`type = ANY(${p(f.types)}::text[])`);
  if (f.mmsi !== undefined) cond.push(`mmsis @> ARRAY[${p(f.mmsi)}::bigint]`);
  if (f.run !== undefined) cond.push(`run_id = ${p(f.run)}`);
  if (f.fromMs !== undefined) cond.push(`end_at >= to_timestamp(${p(f.fromMs / 1000)}::float8)`);
  if (f.toMs !== undefined) cond.push(`start_at <= to_timestamp(${p(f.toMs / 1000)}::float8)`);
  if (f.bbox) {
    const [minLon, minLat, maxLon, maxLat] = f.bbox;
    cond.push(`lat BETWEEN ${p(minLat)}::float8 AND ${p(maxLat)}::float8`);
    cond.push(minLon <= maxLon
      ? `lon BETWEEN ${p(minLon)}::float8 AND ${p(maxLon)}::float8`
      : `(lon >= ${p(minLon)}::float8 OR lon <= ${p(maxLon)}::float8)`);
  }
  return { where: cond.length ? `WHERE ${cond.join(' AND ')}` : '', params };
}

interface EventRow {
  id: number; run_id: number; type: string; mmsis: number[]; imos: number[]; start_ms: number; end_ms: number; lat: number; lon: number;
  region: string; confidence: number; evidence: Record<string, unknown>; params: Record<string, number>;
}

/** Events matching the filter, in time order, with the total matching count. */
export async function findEvents(db: Db, f: EventFilter): Promise<{ total: number; events: StoredEvent[] }> {
  const { where, params } = eventWhere(f);
  const [{ total }] = await db.query<{ total: number }>(`SELECT count(*)::int AS total FROM maritime_events ${where}`, params);
  const rows = await db.query<EventRow>(
    `SELECT id, run_id, type, mmsis::float8[] AS mmsis, imos::float8[] AS imos, extract(epoch FROM start_at) * 1000 AS start_ms,
       extract(epoch FROM end_at) * 1000 AS end_ms, lat, lon, region, confidence, evidence, params
     FROM maritime_events ${where} ORDER BY start_at, id LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
    [...params, f.limit ?? 100, f.offset ?? 0],
  );
  return {
    total,
    events: rows.map((r) => ({
      id: r.id, run: r.run_id, type: r.type, mmsi: r.mmsis, imo: r.imos, start: iso(r.start_ms)!, end: iso(r.end_ms)!, lat: r.lat, lon: r.lon,
      region: r.region, confidence: r.confidence, evidence: r.evidence, params: r.params,
    })),
  };
}

interface VesselRow {
  run_id: number; mmsi: number; flag: string | null; names: string[]; imos: number[]; identity: Record<string, unknown>; links: unknown[];
  risk_score: number; reasons: unknown[]; lookback: Record<string, unknown>; events: Record<string, number>;
}

const VESSEL_COLS = 'v.run_id, v.mmsi, v.flag, v.names, v.imos::float8[] AS imos, v.identity, v.links, v.risk_score, v.reasons, v.lookback, v.events';

function vesselOf(r: VesselRow): StoredVesselSummary {
  return {
    run: r.run_id, mmsi: r.mmsi, flag: r.flag, names: r.names, imos: r.imos, identity: r.identity, links: r.links, riskScore: r.risk_score,
    reasons: r.reasons, lookback: r.lookback, events: r.events,
  };
}

/** Every stored summary of one MMSI, newest run first. */
export async function vesselSummaries(db: Db, mmsi: number): Promise<StoredVesselSummary[]> {
  const rows = await db.query<VesselRow>(`SELECT ${VESSEL_COLS} FROM vessel_summaries v WHERE v.mmsi = $1 ORDER BY v.run_id DESC`, [mmsi]);
  return rows.map(vesselOf);
}

/**
 * Vessels by risk score (highest first): each MMSI's summary from its newest run, or from `run` when given; those
 * scoring at least `minScore`. Reasons are left out of the list (they are in the per-vessel answer).
 */
export async function listVessels(db: Db, o: { minScore?: number; run?: number; limit?: number; offset?: number } = {}): Promise<{ total: number; vessels: StoredVesselSummary[] }> {
  const params: unknown[] = [o.minScore ?? 0];
  const runCond = o.run !== undefined ? `WHERE v.run_id = $${params.push(o.run)}` : '';
  const base = `SELECT DISTINCT ON (v.mmsi) ${VESSEL_COLS} FROM vessel_summaries v ${runCond} ORDER BY v.mmsi, v.run_id DESC`;
  const [{ total }] = await db.query<{ total: number }>(`SELECT count(*)::int AS total FROM (${base}) l WHERE l.risk_score >= $1`, params);
  const rows = await db.query<VesselRow>(
    `SELECT * FROM (${base}) l WHERE l.risk_score >= $1 ORDER BY l.risk_score DESC, l.mmsi LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
    [...params, o.limit ?? 100, o.offset ?? 0],
  );
  return { total, vessels: rows.map((r) => ({ ...vesselOf(r), reasons: [] })) };
}

/** A designated vessel as the lists hold it: the entity, and the properties of each of its records. */
export interface DesignatedVesselRow {
  id: string;
  caption: string;
  properties: Record<string, string[]>[];
}

/** Every merged Vessel entity with its records' properties (for linkage to AIS identities). */
export async function designatedVesselRows(db: Db): Promise<DesignatedVesselRow[]> {
  const rows = await db.query<{ id: string; caption: string; properties: Record<string, string[]> }>(
    `SELECT e.id, e.caption, r.properties
     FROM entities e CROSS JOIN LATERAL jsonb_to_recordset(e.records) AS ref(id text, "versionId" int)
     JOIN records r ON r.version_id = ref."versionId" AND r.id = ref.id
     WHERE e.schema = 'Vessel' ORDER BY e.id`,
  );
  const out = new Map<string, DesignatedVesselRow>();
  for (const r of rows) {
    const d = out.get(r.id) ?? { id: r.id, caption: r.caption, properties: [] };
    d.properties.push(r.properties);
    out.set(r.id, d);
  }
  return [...out.values()];
}
