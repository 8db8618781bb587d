import type { Db } from './db.js';

/**
 * Imported datasets (FtM files) and the network results derived from them, kept apart from the official lists.
 * The only SQL of the network layer.
 */

export interface ImportedRow {
  dataset: string;
  id: string;
  schema: string;
  caption: string;
  properties: Record<string, string[]>;
  line: number | null;
}

export interface DatasetRow {
  name: string;
  origin: string;
  sha256: string;
  imported_at: string;
  counts: Record<string, number>;
  rejected: { line: number; id?: string; reason: string }[];
}

export interface MatchRow {
  dataset: string;
  id: string;
  entity_id: string;
  rule: string;
  score: number;
  /** True when the match is strong enough to treat the imported entity as the listed one (a 50 % rule seed). */
  used: boolean;
  detail: Record<string, unknown>;
}

export interface BlockedRow {
  id: string;
  dataset: string;
  aggregate: number;
  round: number;
  contributions: { owner: string; percentage: number; edge: string; source: string; statedOwner?: string }[];
  /** Ownership paths from a blocked person to this entity: the ids seed-first and each hop's percentage. */
  paths: { nodes: string[]; percentages: number[] }[];
}

export interface NetworkStateRow {
  computed_at: string;
  versions: string[];
  datasets: string[];
  threshold: number;
  citation: string;
}

export interface NetworkResults {
  matches: MatchRow[];
  blocked: BlockedRow[];
  state: Omit<NetworkStateRow, 'computed_at'>;
}

const BATCH = 4000;

/** Writes the derived results whole (they are recomputed from scratch each time). */
async function writeResults(tx: Db, r: NetworkResults): Promise<void> {
  await tx.exec('DELETE FROM network_matches; DELETE FROM network_blocked; DELETE FROM network_state;');
  for (let i = 0; i < r.matches.length; i += BATCH) {
    await tx.query(
      `INSERT INTO network_matches (dataset, id, entity_id, rule, score, used, detail)
       SELECT x.dataset, x.id, x.entity_id, x.rule, x.score, x.used, x.detail
       FROM jsonb_to_recordset($1::jsonb) AS x(dataset text, id text, entity_id text, rule text, score double precision, used boolean, detail jsonb)
       ON CONFLICT DO NOTHING`,
      [JSON.stringify(r.matches.slice(i, i + BATCH))],
    );
  }
  for (let i = 0; i < r.blocked.length; i += BATCH) {
    await tx.query(
      `INSERT INTO network_blocked (id, dataset, aggregate, round, contributions, paths)
       SELECT x.id, x.dataset, x.aggregate, x.round, x.contributions, x.paths
       FROM jsonb_to_recordset($1::jsonb) AS x(id text, dataset text, aggregate double precision, round integer, contributions jsonb, paths jsonb)`,
      [JSON.stringify(r.blocked.slice(i, i + BATCH))],
    );
  }
  await tx.query(
    `INSERT INTO network_state (versions, datasets, threshold, citation) VALUES ($1::jsonb, $2::jsonb, $3, $4)`,
    [JSON.stringify(r.state.versions), JSON.stringify(r.state.datasets), r.state.threshold, r.state.citation],
  );
}

/**
 * Replaces one imported dataset and the network results in one transaction: readers see the old dataset or the
 * new one, never a mix, and a failure leaves the previous import whole.
 */
export async function replaceDataset(
  db: Db,
  ds: { name: string; origin: string; sha256: string; counts: Record<string, number>; rejected: DatasetRow['rejected'] },
  rows: Omit<ImportedRow, 'dataset'>[],
  results: NetworkResults,
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query('DELETE FROM imported_datasets WHERE name = $1', [ds.name]);
    await tx.query(
      `INSERT INTO imported_datasets (name, origin, sha256, counts, rejected) VALUES ($1, $2, $3, $4::jsonb, $5::jsonb)`,
      [ds.name, ds.origin, ds.sha256, JSON.stringify(ds.counts), JSON.stringify(ds.rejected.slice(0, 10_000))],
    );
    for (let i = 0; i < rows.length; i += BATCH) {
      await tx.query(
        `INSERT INTO imported_entities (dataset, id, schema, caption, properties, line)
         SELECT $1, x.id, x.schema, x.caption, x.properties, x.line
         FROM jsonb_to_recordset($2::jsonb) AS x(id text, schema text, caption text, properties jsonb, line integer)`,
        [ds.name, JSON.stringify(rows.slice(i, i + BATCH))],
      );
    }
    await writeResults(tx, results);
  });
}

/** Removes an imported dataset (and writes the results recomputed without it). */
export async function deleteDataset(db: Db, name: string, results: NetworkResults): Promise<boolean> {
  return db.transaction(async (tx) => {
    const gone = await tx.query('DELETE FROM imported_datasets WHERE name = $1 RETURNING name', [name]);
    await writeResults(tx, results);
    return gone.length > 0;
  });
}

/** Replaces the network results only (after a list update). */
export async function replaceNetworkResults(db: Db, results: NetworkResults): Promise<void> {
  await db.transaction((tx) => writeResults(tx, results));
}

export async function importedDatasets(db: Db): Promise<DatasetRow[]> {
  return db.query<DatasetRow>(
    `SELECT name, origin, sha256, to_char(imported_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS imported_at, counts, rejected
     FROM imported_datasets ORDER BY name`,
  );
}

/** Every imported row (entities and edges), optionally of some datasets only. */
export async function importedRows(db: Db, datasets?: string[]): Promise<ImportedRow[]> {
  return db.query<ImportedRow>(
    `SELECT dataset, id, schema, caption, properties, line FROM imported_entities
     ${datasets ? 'WHERE dataset = ANY($1::text[])' : ''} ORDER BY dataset, id`,
    datasets ? [datasets] : [],
  );
}

/** One imported row by id (ids are unique across imported datasets). */
export async function importedRow(db: Db, id: string): Promise<ImportedRow | undefined> {
  const rows = await db.query<ImportedRow>('SELECT dataset, id, schema, caption, properties, line FROM imported_entities WHERE id = $1', [id]);
  return rows[0];
}

/** Imported edge rows whose source or target property names the id. */
export async function importedEdgesOf(db: Db, id: string): Promise<ImportedRow[]> {
  return db.query<ImportedRow>(
    `SELECT dataset, id, schema, caption, properties, line FROM imported_entities
     WHERE schema IN ('Ownership', 'Directorship', 'UnknownLink')
       AND (properties->'owner' ? $1 OR properties->'asset' ? $1 OR properties->'director' ? $1
         OR properties->'organization' ? $1 OR properties->'subject' ? $1 OR properties->'object' ? $1)
     ORDER BY id`,
    [id],
  );
}

/** Ids held by imported datasets other than `except`, with the dataset holding each. */
export async function importedIds(db: Db, except?: string): Promise<Map<string, string>> {
  const rows = await db.query<{ id: string; dataset: string }>(
    `SELECT id, dataset FROM imported_entities ${except ? 'WHERE dataset <> $1' : ''}`, except ? [except] : [],
  );
  return new Map(rows.map((r) => [r.id, r.dataset]));
}

/** Every referent of a listed entity -> the entity id (the ids an import may reference but not define). */
export async function listedReferents(db: Db): Promise<Map<string, string>> {
  const rows = await db.query<{ referent: string; entity_id: string }>('SELECT referent, entity_id FROM entity_referents');
  return new Map(rows.map((r) => [r.referent, r.entity_id]));
}

export async function networkMatches(db: Db, ids?: string[]): Promise<MatchRow[]> {
  return db.query<MatchRow>(
    `SELECT dataset, id, entity_id, rule, score, used, detail FROM network_matches ${ids ? 'WHERE id = ANY($1::text[]) OR entity_id = ANY($1::text[])' : ''}
     ORDER BY dataset, id, score DESC`,
    ids ? [ids] : [],
  );
}

export async function networkBlocked(db: Db, ids?: string[]): Promise<BlockedRow[]> {
  return db.query<BlockedRow>(
    `SELECT id, dataset, aggregate, round, contributions, paths FROM network_blocked ${ids ? 'WHERE id = ANY($1::text[])' : ''} ORDER BY round, id`,
    ids ? [ids] : [],
  );
}

export async function networkState(db: Db): Promise<NetworkStateRow | undefined> {
  const rows = await db.query<NetworkStateRow>(
    `SELECT to_char(computed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS computed_at, versions, datasets, threshold, citation FROM network_state`,
  );
  return rows[0];
}

export async function hasImportedDatasets(db: Db): Promise<boolean> {
  const rows = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM imported_datasets');
  return rows[0].n > 0;
}

/** Maritime events (from stored AIS runs) involving any of these IMO numbers or MMSIs; [] when none are stored. */
export async function maritimeEventsFor(db: Db, imos: number[], mmsis: number[]): Promise<{ id: string; type: string; mmsi: number[]; imo: number[]; start: string }[]> {
  if (!imos.length && !mmsis.length) return [];
  return db.query(
    `SELECT e.run_id || '/' || e.id AS id, e.type, e.mmsis AS mmsi, e.imos AS imo,
            to_char(e.start_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS start
     FROM maritime_events e JOIN ais_runs r ON r.id = e.run_id AND r.status = 'done'
     WHERE e.imos && $1::bigint[] OR e.mmsis && $2::bigint[] ORDER BY e.start_at LIMIT 10000`,
    [imos, mmsis],
  );
}
