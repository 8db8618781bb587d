import type { Db } from './db.js';

/**
 * Evidence items for the mandates analysis (table from migration 004) and the look-ups that decide whether a
 * subject is known: a listed entity (any referent), an imported entity (FtM datasets, migration 003), or a vessel
 * by IMO or MMSI (`imo-8604917`, `mmsi-445123000`) that a held list, an imported dataset or a stored AIS run knows.
 * The only SQL of the mandates layer; the rules for what is acceptable live in src/analyses/mandates/evidence.ts.
 */

export type EvidenceOrigin = 'maritime' | 'network' | 'list' | 'analyst';

export interface NewEvidence {
  kind: string;
  subject: string;
  counterparty?: string | null;
  /** ISO 8601 (a day or a UTC time). */
  start: string;
  end?: string;
  place?: string | null;
  lat?: number | null;
  lon?: number | null;
  origin: EvidenceOrigin;
  citation: string;
  confidence: number;
  attempt?: boolean;
  /** The underlying record: { maritime_event, run } | { record, version } | { dataset, edge } | { ownership_path } ... */
  link?: Record<string, unknown>;
  detail?: Record<string, unknown>;
  note?: string | null;
  author?: string | null;
  /** Feeds set this so a re-run adds nothing twice. */
  dedupKey?: string | null;
}

export interface EvidenceItem {
  id: number;
  kind: string;
  subject: string;
  counterparty: string | null;
  start: string;
  end: string;
  place: string | null;
  lat: number | null;
  lon: number | null;
  origin: EvidenceOrigin;
  citation: string;
  confidence: number;
  attempt: boolean;
  link: Record<string, unknown>;
  detail: Record<string, unknown>;
  note: string | null;
  author: string | null;
  created: string;
  withdrawn: string | null;
  withdrawnReason: string | null;
}

interface Row {
  id: number; kind: string; subject: string; counterparty: string | null; start_at: string; end_at: string; place: string | null;
  lat: number | null; lon: number | null; origin: EvidenceOrigin; citation: string; confidence: number; attempt: boolean;
  link: Record<string, unknown>; detail: Record<string, unknown>; note: string | null; author: string | null; created_at: string;
  withdrawn_at: string | null; withdrawn_reason: string | null;
}

const ISO = `'YYYY-MM-DD"T"HH24:MI:SS"Z"'`;
const COLS = `id, kind, subject, counterparty, to_char(start_at AT TIME ZONE 'UTC', ${ISO}) AS start_at, to_char(end_at AT TIME ZONE 'UTC', ${ISO}) AS end_at,
  place, lat, lon, origin, citation, confidence, attempt, link, detail, note, author, to_char(created_at AT TIME ZONE 'UTC', ${ISO}) AS created_at,
  to_char(withdrawn_at AT TIME ZONE 'UTC', ${ISO}) AS withdrawn_at, withdrawn_reason`;

function itemOf(r: Row): EvidenceItem {
  return {
    id: r.id, kind: r.kind, subject: r.subject, counterparty: r.counterparty, start: r.start_at, end: r.end_at, place: r.place, lat: r.lat, lon: r.lon,
    origin: r.origin, citation: r.citation, confidence: r.confidence, attempt: r.attempt, link: r.link, detail: r.detail, note: r.note,
    author: r.author, created: r.created_at, withdrawn: r.withdrawn_at, withdrawnReason: r.withdrawn_reason,
  };
}

const BATCH = 2000;

/**
 * Inserts items; those whose dedup_key is already held are skipped, except items a feed had withdrawn as no longer
 * stated (reason 'feed: ...'), which come back. Returns the ids of the rows added or revived.
 */
export async function insertEvidence(db: Db, all: readonly NewEvidence[]): Promise<number[]> {
  // One row per dedup key (ON CONFLICT DO UPDATE may not touch a row twice in one statement).
  const seen = new Set<string>();
  const items = all.filter((e) => !e.dedupKey || (!seen.has(e.dedupKey) && seen.add(e.dedupKey)));
  const ids: number[] = [];
  await db.transaction(async (tx) => {
    for (let i = 0; i < items.length; i += BATCH) {
      const chunk = items.slice(i, i + BATCH).map((e) => ({
        kind: e.kind, subject: e.subject, counterparty: e.counterparty ?? null, start_at: e.start, end_at: e.end ?? e.start, place: e.place ?? null,
        lat: e.lat ?? null, lon: e.lon ?? null, origin: e.origin, citation: e.citation, confidence: e.confidence, attempt: e.attempt ?? false,
        link: e.link ?? {}, detail: e.detail ?? {}, note: e.note ?? null, author: e.author ?? null, dedup_key: e.dedupKey ?? null,
      }));
      const rows = await tx.query<{ id: number }>(
        `INSERT INTO evidence (kind, subject, counterparty, start_at, end_at, place, lat, lon, origin, citation, confidence, attempt, link, detail, note, author, dedup_key)
         SELECT x.kind, x.subject, x.counterparty, x.start_at::timestamptz, x.end_at::timestamptz, x.place, x.lat, x.lon, x.origin, x.citation, x.confidence,
           x.attempt, x.link, x.detail, x.note, x.author, x.dedup_key
         FROM jsonb_to_recordset($1::jsonb) AS x(kind text, subject text, counterparty text, start_at text, end_at text, place text, lat double precision,
           lon double precision, origin text, citation text, confidence double precision, attempt boolean, link jsonb, detail jsonb, note text, author text, dedup_key text)
         ON CONFLICT (dedup_key) DO UPDATE SET withdrawn_at = NULL, withdrawn_reason = NULL
           WHERE evidence.withdrawn_at IS NOT NULL AND evidence.withdrawn_reason LIKE 'feed: %'
         RETURNING id`,
        [JSON.stringify(chunk)],
      );
      ids.push(...rows.map((r) => r.id));
    }
  });
  return ids;
}

export interface EvidenceFilter {
  subject?: string[];
  kind?: string[];
  origin?: EvidenceOrigin[];
  /** Items starting on or before this instant (ISO). */
  until?: string;
  includeWithdrawn?: boolean;
  limit?: number;
}

export async function listEvidence(db: Db, f: EvidenceFilter = {}): Promise<EvidenceItem[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  if (f.subject?.length) where.push(`(subject = ANY($${params.push(f.subject)}::text[]) OR counterparty = ANY($${params.length}::text[]))`);
  if (f.kind?.length) where.push(`kind = ANY($${params.push(f.kind)}::text[])`);
  if (f.origin?.length) where.push(`origin = ANY($${params.push(f.origin)}::text[])`);
  if (f.until) where.push(`start_at <= $${params.push(f.until)}::timestamptz`);
  if (!f.includeWithdrawn) where.push('withdrawn_at IS NULL');
  const rows = await db.query<Row>(
    `SELECT ${COLS} FROM evidence ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY start_at, id ${f.limit ? `LIMIT ${Math.floor(f.limit)}` : ''}`,
    params,
  );
  return rows.map(itemOf);
}

export async function getEvidence(db: Db, id: number): Promise<EvidenceItem | undefined> {
  const rows = await db.query<Row>(`SELECT ${COLS} FROM evidence WHERE id = $1`, [id]);
  return rows[0] ? itemOf(rows[0]) : undefined;
}

/** Stamps an item withdrawn (kept for the record, skipped by the evaluation). False when no such live item. */
export async function withdrawEvidence(db: Db, id: number, reason: string): Promise<boolean> {
  const rows = await db.query<{ id: number }>(
    'UPDATE evidence SET withdrawn_at = now(), withdrawn_reason = $2 WHERE id = $1 AND withdrawn_at IS NULL RETURNING id', [id, reason],
  );
  return rows.length > 0;
}

export async function evidenceCounts(db: Db): Promise<{ origin: string; kind: string; n: number }[]> {
  return db.query(`SELECT origin, kind, count(*)::int AS n FROM evidence WHERE withdrawn_at IS NULL GROUP BY origin, kind ORDER BY origin, kind`);
}

// ---- Subjects ---------------------------------------------------------------------------------------------------

export interface ListedRef {
  entityId: string;
  caption: string;
  schema: string;
}

/** The listed entity a referent or entity id names. */
export async function listedEntityOf(db: Db, referent: string): Promise<ListedRef | undefined> {
  const rows = await db.query<{ id: string; caption: string; schema: string }>(
    'SELECT e.id, e.caption, e.schema FROM entity_referents r JOIN entities e ON e.id = r.entity_id WHERE r.referent = $1', [referent],
  );
  return rows[0] ? { entityId: rows[0].id, caption: rows[0].caption, schema: rows[0].schema } : undefined;
}

export interface ImportedSubject {
  id: string;
  dataset: string;
  schema: string;
  caption: string;
  properties: Record<string, string[]>;
}

export async function importedSubject(db: Db, id: string): Promise<ImportedSubject | undefined> {
  const rows = await db.query<ImportedSubject>('SELECT id, dataset, schema, caption, properties FROM imported_entities WHERE id = $1', [id]);
  return rows[0];
}

/** Imported entities of the given ids (for captions and identifiers). */
export async function importedSubjects(db: Db, ids: string[]): Promise<ImportedSubject[]> {
  if (!ids.length) return [];
  return db.query<ImportedSubject>('SELECT id, dataset, schema, caption, properties FROM imported_entities WHERE id = ANY($1::text[])', [ids]);
}

/** Imported vessels and their IMO and MMSI values. */
export async function importedVessels(db: Db): Promise<ImportedSubject[]> {
  return db.query<ImportedSubject>(`SELECT id, dataset, schema, caption, properties FROM imported_entities WHERE schema = 'Vessel'`);
}

/** Imported Ownership edges (owner -> asset, percentage) with their dataset. */
export async function importedOwnership(db: Db): Promise<{ id: string; dataset: string; owner: string; asset: string; percentage: string | null; line: number | null }[]> {
  return db.query(
    `SELECT id, dataset, properties->'owner'->>0 AS owner, properties->'asset'->>0 AS asset, properties->'percentage'->>0 AS percentage, line
     FROM imported_entities WHERE schema = 'Ownership' AND properties ? 'owner' AND properties ? 'asset' ORDER BY dataset, id`,
  );
}

/** Whether a stored AIS run saw the MMSI or the IMO. */
export async function aisSaw(db: Db, v: { mmsi?: number; imo?: number }): Promise<boolean> {
  if (v.mmsi !== undefined) {
    const r = await db.query('SELECT 1 FROM maritime_events WHERE mmsis @> ARRAY[$1::bigint] LIMIT 1', [v.mmsi]);
    if (r.length) return true;
    const s = await db.query('SELECT 1 FROM vessel_summaries WHERE mmsi = $1 LIMIT 1', [v.mmsi]);
    if (s.length) return true;
  }
  if (v.imo !== undefined) {
    const r = await db.query('SELECT 1 FROM maritime_events WHERE imos @> ARRAY[$1::bigint] LIMIT 1', [v.imo]);
    if (r.length) return true;
    const s = await db.query('SELECT 1 FROM vessel_summaries WHERE imos @> ARRAY[$1::bigint] LIMIT 1', [v.imo]);
    if (s.length) return true;
  }
  return false;
}

/** Whether any evidence item already names the subject (a vessel a feed recorded). */
export async function evidenceNames(db: Db, id: string): Promise<boolean> {
  const r = await db.query('SELECT 1 FROM evidence WHERE (subject = $1 OR counterparty = $1) AND origin <> $2 LIMIT 1', [id, 'analyst']);
  return r.length > 0;
}

/** Entity ids whose merged records (current versions) name the same normalized caption, for subjects that got listed. */
export async function listedByCaption(db: Db, captions: string[]): Promise<{ caption: string; entity_id: string; schema: string }[]> {
  if (!captions.length) return [];
  return db.query(
    `SELECT DISTINCT btrim(lower(regexp_replace(r.caption, '[^[:alnum:]]+', ' ', 'g'))) AS caption, er.entity_id, r.schema
     FROM records r JOIN entity_referents er ON er.referent = r.id
     WHERE btrim(lower(regexp_replace(r.caption, '[^[:alnum:]]+', ' ', 'g'))) = ANY($1::text[])`,
    [captions],
  );
}

/** Listed vessels with their stated links (resolved targets) and DPRK reasons, for the list feed. */
export async function listedVesselLinks(db: Db): Promise<{ id: string; caption: string; links: { type: string; record: string; target?: string; targetName?: string }[]; dprk: { kind: string; detail: string; record: string }[] }[]> {
  return db.query(`SELECT id, caption, links, dprk FROM entities WHERE schema = 'Vessel' ORDER BY id`);
}

/** The newest ready version of each source, for citations ("ofac@2024-05-03"). */
export async function servedVersions(db: Db): Promise<{ source: string; version: string; dataset: string; published: string }[]> {
  return db.query(
    `SELECT DISTINCT ON (source) source, version, dataset, to_char(published, 'YYYY-MM-DD') AS published FROM list_versions
     WHERE status = 'ready' ORDER BY source, published DESC, id DESC`,
  );
}

/** Every referent of a listed entity with the entity's caption and schema (one query; the resolver's look-up table). */
export async function listedReferentTable(db: Db): Promise<{ referent: string; id: string; caption: string; schema: string }[]> {
  return db.query('SELECT r.referent, e.id, e.caption, e.schema FROM entity_referents r JOIN entities e ON e.id = r.entity_id');
}

export interface DesignationFacts {
  id: string;
  listed: { record: string; dataset: string; precision: string; date: string; after?: string; basis: string }[];
  dprk: { kind: string; detail: string; record: string }[];
  sanctions: { record: string; dataset: string; authority: string; programs: string[]; listingDate?: string }[];
}

/** For many listed entities at once: their listing dates, DPRK reasons and each record's sanctions. */
export async function designationFacts(db: Db, ids: string[]): Promise<Map<string, DesignationFacts>> {
  const out = new Map<string, DesignationFacts>();
  if (!ids.length) return out;
  const rows = await db.query<{ id: string; listed: DesignationFacts['listed']; dprk: DesignationFacts['dprk']; record: string; dataset: string; sanctions: { authority: string; programs: string[]; listingDate?: string }[] }>(
    `SELECT e.id, e.listed, e.dprk, r.id AS record, ref.dataset, r.sanctions
     FROM entities e CROSS JOIN LATERAL jsonb_to_recordset(e.records) AS ref(id text, "versionId" int, dataset text)
     JOIN records r ON r.version_id = ref."versionId" AND r.id = ref.id
     WHERE e.id = ANY($1::text[])`,
    [ids],
  );
  for (const r of rows) {
    const f = out.get(r.id) ?? { id: r.id, listed: r.listed, dprk: r.dprk, sanctions: [] };
    for (const s of r.sanctions) f.sanctions.push({ record: r.record, dataset: r.dataset, authority: s.authority, programs: s.programs, ...(s.listingDate ? { listingDate: s.listingDate } : {}) });
    out.set(r.id, f);
  }
  return out;
}

/** IMO numbers the stored AIS runs saw an MMSI broadcast (vessel summaries), most recent run first. */
export async function aisImosOf(db: Db, mmsi: number): Promise<number[]> {
  const rows = await db.query<{ imos: number[] }>('SELECT imos::float8[] AS imos FROM vessel_summaries WHERE mmsi = $1 ORDER BY run_id DESC', [mmsi]);
  return [...new Set(rows.flatMap((r) => r.imos))];
}

/**
 * OFAC records of the served versions whose name or any alias contains `needle` (lower case, letters and digits only,
 * so "DONG FENG" meets "DONGFENG"): a subject the merge did not join to an OFAC entry may be listed under a longer name.
 */
export async function ofacNamesContaining(db: Db, needle: string, limit = 5): Promise<{ record: string; caption: string; entity_id: string | null }[]> {
  return db.query(
    `WITH served AS (SELECT DISTINCT ON (source) id FROM list_versions WHERE status = 'ready' AND source IN ('ofac', 'ofac-cons') ORDER BY source, published DESC, id DESC)
     SELECT DISTINCT r.id AS record, r.caption, er.entity_id
     FROM records r JOIN served s ON s.id = r.version_id
       LEFT JOIN entity_referents er ON er.referent = r.id
       CROSS JOIN LATERAL (SELECT jsonb_array_elements_text(COALESCE(r.properties->'name', '[]') || COALESCE(r.properties->'alias', '[]') || COALESCE(r.properties->'previousName', '[]')) AS n) names
     WHERE regexp_replace(lower(names.n), '[^a-z0-9]+', '', 'g') LIKE '%' || $1 || '%'
     LIMIT $2`,
    [needle, limit],
  );
}

/** The narratives (sanctions reasons) of every merged entity's records, with the record's list version. */
export async function listedReasons(db: Db): Promise<{ id: string; caption: string; record: string; version: string; listed_on: string | null; reason: string }[]> {
  return db.query(
    `SELECT e.id, r.caption, r.id AS record, ref.version, s->>'listingDate' AS listed_on, s->>'reason' AS reason
     FROM entities e CROSS JOIN LATERAL jsonb_to_recordset(e.records) AS ref(id text, "versionId" int, version text)
     JOIN records r ON r.version_id = ref."versionId" AND r.id = ref.id
     CROSS JOIN LATERAL jsonb_array_elements(r.sanctions) AS s
     WHERE jsonb_array_length(e.dprk) > 0 AND COALESCE(s->>'reason', '') <> ''
     ORDER BY e.id, r.id`,
  );
}

/**
 * Withdraws a feed's live items (dedup keys starting with one of `prefixes`) that its latest run no longer produced:
 * a list no longer states the link, an import no longer holds the edge. Reason starts with 'feed: '.
 */
export async function withdrawStale(db: Db, prefixes: string[], keep: string[], reason: string): Promise<number> {
  const rows = await db.query<{ id: number }>(
    `UPDATE evidence SET withdrawn_at = now(), withdrawn_reason = $3
     WHERE withdrawn_at IS NULL AND dedup_key LIKE ANY($1::text[]) AND NOT (dedup_key = ANY($2::text[])) RETURNING id`,
    [prefixes.map((p) => `${p.replace(/[%_\\]/g, '\\$&')}%`), keep, `feed: ${reason}`],
  );
  return rows.length;
}
