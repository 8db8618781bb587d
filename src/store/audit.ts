import type { Db } from './db.js';

/** One screening request as the audit trail keeps it. */
export interface AuditEntry {
  at: string;
  who: string;
  endpoint: string;
  dataset?: string;
  /** SHA-256 of the request's canonical JSON: proves what was asked without keeping it. */
  queryHash: string;
  queries: number;
  versions: string[];
  /** Per query key: the entities returned, with score and match. */
  results: Record<string, { id: string; score: number; match: boolean }[]>;
  status: number;
}

/** Writes entries in one statement (the API buffers them so screening never waits on the log). */
export async function writeAudit(db: Db, entries: AuditEntry[]): Promise<void> {
  if (!entries.length) return;
  await db.query(
    `INSERT INTO audit_log (at, who, endpoint, dataset, query_hash, queries, versions, results, status)
     SELECT x.at, x.who, x.endpoint, x.dataset, x."queryHash", x.queries, x.versions, x.results, x.status
     FROM jsonb_to_recordset($1::jsonb) AS x(at timestamptz, who text, endpoint text, dataset text, "queryHash" text,
       queries integer, versions jsonb, results jsonb, status integer)`,
    [JSON.stringify(entries)],
  );
}

export interface AuditFilter {
  /** A UTC day, YYYY-MM-DD. */
  day?: string;
  queryHash?: string;
  who?: string;
  limit?: number;
}

export async function readAudit(db: Db, f: AuditFilter = {}): Promise<(AuditEntry & { id: number })[]> {
  const where: string[] = [], params: unknown[] = [];
  if (f.day) {
    params.push(f.day);
    where.push(`at >= $${params.length}::date AND at < $${params.length}::date + 1`);
  }
  if (f.queryHash) where.push(`query_hash = $${params.push(f.queryHash)}`);
  if (f.who) where.push(`who = $${params.push(f.who)}`);
  params.push(f.limit ?? 1000);
  return db.query(
    `SELECT id, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at, who, endpoint, dataset,
       query_hash AS "queryHash", queries, versions, results, status
     FROM audit_log ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY at, id LIMIT $${params.length}`,
    params,
  );
}

/** Deletes entries older than the retention; returns how many. */
export async function pruneAudit(db: Db, retentionDays: number): Promise<number> {
  const rows = await db.query(`DELETE FROM audit_log WHERE at < now() - make_interval(days => $1) RETURNING id`, [retentionDays]);
  return rows.length;
}
