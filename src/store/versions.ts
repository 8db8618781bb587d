import type { Db } from './db.js';
import type { SourceRecord } from '../model/types.js';

export interface FileInfo {
  name: string;
  bytes: number;
  sha256: string;
}

export interface VersionRow {
  id: number;
  source: string;
  dataset: string;
  version: string;
  published: string;
  stated_date: string | null;
  origin: string;
  files: FileInfo[];
  content_hash: string;
  counts: Record<string, number>;
  warnings: string[];
  status: 'staging' | 'ready';
  imported_at: string;
}

export interface NewVersion {
  source: string;
  dataset: string;
  version: string;
  published: string;
  statedDate?: string;
  origin: string;
  files: FileInfo[];
  contentHash: string;
  counts: Record<string, number>;
  warnings: string[];
}

export interface StoredRecord extends SourceRecord {
  hash: string;
}

const VERSION_COLS = `id, source, dataset, version, to_char(published, 'YYYY-MM-DD') AS published,
  to_char(stated_date, 'YYYY-MM-DD') AS stated_date, origin, files, content_hash, counts, warnings, status,
  imported_at::text AS imported_at`;

const BATCH = 4000;

/**
 * Stores a version and its records in one transaction: the version is visible ('ready') only once every record
 * is in. A crash part-way leaves nothing behind (the transaction rolls back).
 */
export async function storeVersion(db: Db, v: NewVersion, records: StoredRecord[]): Promise<number> {
  return db.transaction(async (tx) => {
    const [row] = await tx.query<{ id: number }>(
      `INSERT INTO list_versions (source, dataset, version, published, stated_date, origin, files, content_hash, counts, warnings, status)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'staging') RETURNING id`,
      [v.source, v.dataset, v.version, v.published, v.statedDate ?? null, v.origin, JSON.stringify(v.files), v.contentHash,
        JSON.stringify(v.counts), JSON.stringify(v.warnings)],
    );
    const versionId = row.id;
    for (let i = 0; i < records.length; i += BATCH) {
      const chunk = records.slice(i, i + BATCH).map((r) => ({
        id: r.id, schema: r.schema, caption: r.caption, properties: r.properties, sanctions: r.sanctions,
        links: r.links, line: r.line ?? null, hash: r.hash,
      }));
      await tx.query(
        `INSERT INTO records (version_id, id, schema, caption, properties, sanctions, links, line, hash)
         SELECT $1, x.id, x.schema, x.caption, x.properties, x.sanctions, x.links, x.line, x.hash
         FROM jsonb_to_recordset($2::jsonb) AS x(id text, schema text, caption text, properties jsonb, sanctions jsonb,
           links jsonb, line integer, hash text)`,
        [versionId, JSON.stringify(chunk)],
      );
    }
    await tx.query(`UPDATE list_versions SET status = 'ready' WHERE id = $1`, [versionId]);
    return versionId;
  });
}

/** Removes what an interrupted import left behind (only possible on back ends without transactional DDL). */
export async function cleanStaging(db: Db): Promise<number> {
  const rows = await db.query<{ id: number }>(`DELETE FROM list_versions WHERE status = 'staging' RETURNING id`);
  return rows.length;
}

export async function listVersions(db: Db, source?: string): Promise<VersionRow[]> {
  return db.query<VersionRow>(
    `SELECT ${VERSION_COLS} FROM list_versions WHERE status = 'ready' ${source ? 'AND source = $1' : ''}
     ORDER BY source, published, id`,
    source ? [source] : [],
  );
}

/** The version of each source that is served: the newest publication that imported completely. */
export async function currentVersions(db: Db): Promise<VersionRow[]> {
  return db.query<VersionRow>(
    `SELECT DISTINCT ON (source) ${VERSION_COLS} FROM list_versions WHERE status = 'ready'
     ORDER BY source, published DESC, id DESC`,
  );
}

export async function findVersion(db: Db, source: string, version: string): Promise<VersionRow | undefined> {
  const rows = await db.query<VersionRow>(
    `SELECT ${VERSION_COLS} FROM list_versions WHERE status = 'ready' AND source = $1 AND version = $2`,
    [source, version],
  );
  return rows[0];
}

export async function findByContentHash(db: Db, source: string, contentHash: string): Promise<VersionRow | undefined> {
  const rows = await db.query<VersionRow>(
    `SELECT ${VERSION_COLS} FROM list_versions WHERE status = 'ready' AND source = $1 AND content_hash = $2`,
    [source, contentHash],
  );
  return rows[0];
}

interface RecordRow {
  id: string;
  schema: string;
  caption: string;
  properties: SourceRecord['properties'];
  sanctions: SourceRecord['sanctions'];
  links: SourceRecord['links'];
  line: number | null;
  hash: string;
}

export async function recordsOf(db: Db, versionId: number, source: string): Promise<StoredRecord[]> {
  const rows = await db.query<RecordRow>(
    `SELECT id, schema, caption, properties, sanctions, links, line, hash FROM records WHERE version_id = $1 ORDER BY id`,
    [versionId],
  );
  return rows.map((r) => ({
    id: r.id, source, recordId: r.id.slice(r.id.indexOf('-') + 1), schema: r.schema as StoredRecord['schema'],
    caption: r.caption, properties: r.properties, sanctions: r.sanctions, links: r.links,
    ...(r.line !== null ? { line: r.line } : {}), hash: r.hash,
  }));
}

/** First and last publication (of versions held) in which each record id appears, for one source. */
export async function recordSpans(db: Db, source: string): Promise<Map<string, { first: string; last: string; versions: number }>> {
  const rows = await db.query<{ id: string; first: string; last: string; n: number }>(
    `SELECT r.id, to_char(min(v.published), 'YYYY-MM-DD') AS first, to_char(max(v.published), 'YYYY-MM-DD') AS last,
            count(*)::int AS n
     FROM records r JOIN list_versions v ON v.id = r.version_id
     WHERE v.status = 'ready' AND v.source = $1 GROUP BY r.id`,
    [source],
  );
  return new Map(rows.map((r) => [r.id, { first: r.first, last: r.last, versions: r.n }]));
}

export async function logImport(db: Db, e: { source: string; version: string; origin: string; outcome: string; message?: string }): Promise<void> {
  await db.query(`INSERT INTO import_log (source, version, origin, outcome, message) VALUES ($1, $2, $3, $4, $5)`,
    [e.source, e.version, e.origin, e.outcome, e.message ?? null]);
}

export async function importLog(db: Db, limit = 50): Promise<{ source: string; version: string; origin: string; outcome: string; message: string | null; at: string }[]> {
  return db.query(`SELECT source, version, origin, outcome, message, at::text AS at FROM import_log ORDER BY id DESC LIMIT $1`, [limit]);
}
