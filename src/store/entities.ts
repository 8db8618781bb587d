import type { Db } from './db.js';
import type { Entity, EntityRecord } from '../model/entity.js';
import type { SourceRecord } from '../model/types.js';
import { recordContent, statementsOf, type VersionedRecord } from '../model/merge.js';

const BATCH = 4000;

/**
 * Replaces the merged entities in one transaction: readers see the old set or the new one, never a mix.
 * What is stored is the merge itself (which records form an entity, why, its links, dates and DPRK reasons);
 * properties and sanctions stay in the records and are read back with them.
 */
export async function replaceEntities(db: Db, entities: Entity[]): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.exec('DELETE FROM entity_referents; DELETE FROM entities;');
    for (let i = 0; i < entities.length; i += BATCH) {
      const chunk = entities.slice(i, i + BATCH).map((e) => ({
        id: e.id, schema: e.schema, caption: e.caption, referents: e.referents, datasets: e.datasets, topics: e.topics,
        records: e.records, links: e.links, dprk: e.dprk, merge: e.merge, listed: e.listed, firstSeen: e.firstSeen ?? null, lastSeen: e.lastSeen ?? null,
      }));
      await tx.query(
        `INSERT INTO entities (id, schema, caption, referents, datasets, topics, records, links, dprk, merge, listed, first_seen, last_seen)
         SELECT x.id, x.schema, x.caption,
           ARRAY(SELECT jsonb_array_elements_text(x.referents)), ARRAY(SELECT jsonb_array_elements_text(x.datasets)),
           ARRAY(SELECT jsonb_array_elements_text(x.topics)),
           x.records, x.links, x.dprk, x.merge, x.listed, x."firstSeen"::date, x."lastSeen"::date
         FROM jsonb_to_recordset($1::jsonb) AS x(id text, schema text, caption text, referents jsonb, datasets jsonb, topics jsonb,
           records jsonb, links jsonb, dprk jsonb, merge jsonb, listed jsonb, "firstSeen" text, "lastSeen" text)`,
        [JSON.stringify(chunk)],
      );
      const refs = chunk.flatMap((e) => [...new Set([e.id, ...e.referents])].map((r) => [r, e.id]));
      await tx.query(
        `INSERT INTO entity_referents (referent, entity_id) SELECT DISTINCT ON (r) r, e FROM unnest($1::text[], $2::text[]) AS k(r, e)`,
        [refs.map((x) => x[0]), refs.map((x) => x[1])],
      );
    }
  });
}

interface EntityRow {
  id: string; schema: string; caption: string; referents: string[]; datasets: string[]; topics: string[];
  records: EntityRecord[]; links: Entity['links']; dprk: Entity['dprk']; merge: Entity['merge']; listed: Entity['listed'];
  first_seen: string | null; last_seen: string | null;
}

const COLS = `e.id, e.schema, e.caption, e.referents, e.datasets, e.topics, e.records, e.links, e.dprk, e.merge, e.listed,
  to_char(e.first_seen, 'YYYY-MM-DD') AS first_seen, to_char(e.last_seen, 'YYYY-MM-DD') AS last_seen`;

interface RecordRow {
  version_id: number; id: string; schema: string; caption: string; properties: SourceRecord['properties']; sanctions: SourceRecord['sanctions'];
}

/** Fills an entity row with what its records say. */
function fill(r: EntityRow, records: Map<string, RecordRow>, withStatements: boolean): Entity {
  const items: VersionedRecord[] = [];
  for (const ref of r.records) {
    const row = records.get(`${ref.versionId}|${ref.id}`);
    if (!row) continue;
    const record: SourceRecord = {
      id: row.id, source: ref.source, recordId: row.id.slice(row.id.indexOf('-') + 1), schema: row.schema as SourceRecord['schema'],
      caption: row.caption, properties: row.properties, sanctions: row.sanctions, links: [],
    };
    items.push({ record, source: ref.source, dataset: ref.dataset, version: ref.version });
  }
  const schema = r.schema as Entity['schema'];
  return {
    id: r.id, schema, caption: r.caption, referents: r.referents, datasets: r.datasets, topics: r.topics,
    ...recordContent(items, schema), records: r.records, links: r.links, dprk: r.dprk, merge: r.merge, listed: r.listed,
    ...(withStatements ? { statements: statementsOf(items, schema) } : {}),
    ...(r.first_seen ? { firstSeen: r.first_seen } : {}), ...(r.last_seen ? { lastSeen: r.last_seen } : {}),
  };
}

async function recordsFor(db: Db, rows: EntityRow[]): Promise<Map<string, RecordRow>> {
  const refs = rows.flatMap((r) => r.records.filter((x) => x.versionId !== undefined));
  const out = new Map<string, RecordRow>();
  if (!refs.length) return out;
  const recs = await db.query<RecordRow>(
    `SELECT r.version_id, r.id, r.schema, r.caption, r.properties, r.sanctions FROM records r
     JOIN unnest($1::int[], $2::text[]) AS k(v, i) ON r.version_id = k.v AND r.id = k.i`,
    [refs.map((r) => r.versionId), refs.map((r) => r.id)],
  );
  for (const x of recs) out.set(`${x.version_id}|${x.id}`, x);
  return out;
}

/** The entity an id or any of its referents (`ofac-17069`, `un-KPe.001`) names, with every value's provenance. */
export async function getEntity(db: Db, idOrReferent: string): Promise<Entity | undefined> {
  const rows = await db.query<EntityRow>(
    `SELECT ${COLS} FROM entity_referents r JOIN entities e ON e.id = r.entity_id WHERE r.referent = $1`,
    [idOrReferent],
  );
  if (!rows[0]) return undefined;
  return fill(rows[0], await recordsFor(db, rows), true);
}

/** Every merged entity with its properties and sanctions (no per-value statements). */
export async function allEntities(db: Db): Promise<Entity[]> {
  const rows = await db.query<EntityRow>(`SELECT ${COLS} FROM entities e ORDER BY e.id`);
  const versionIds = [...new Set(rows.flatMap((r) => r.records.map((x) => x.versionId)).filter((v): v is number => v !== undefined))];
  const records = new Map<string, RecordRow>();
  if (versionIds.length) {
    const recs = await db.query<RecordRow>(
      `SELECT version_id, id, schema, caption, properties, sanctions FROM records WHERE version_id = ANY($1::int[])`, [versionIds],
    );
    for (const x of recs) records.set(`${x.version_id}|${x.id}`, x);
  }
  return rows.map((r) => fill(r, records, false));
}

export async function entityCount(db: Db): Promise<{ total: number; dprk: number }> {
  const [r] = await db.query<{ total: number; dprk: number }>(
    `SELECT count(*)::int AS total, count(*) FILTER (WHERE jsonb_array_length(dprk) > 0)::int AS dprk FROM entities`,
  );
  return r;
}

/**
 * Are the merged entities built from other list versions than the ones served? True after a crash between storing
 * a version and rebuilding the entities (two transactions), so a start can finish the job.
 */
export async function entitiesStale(db: Db): Promise<boolean> {
  const [row] = await db.query<{ stale: boolean }>(
    `WITH used AS (
       SELECT DISTINCT (r->>'versionId')::int AS id FROM entities e, jsonb_array_elements(e.records) r WHERE r ? 'versionId'),
     served AS (
       SELECT DISTINCT ON (source) id FROM list_versions WHERE status = 'ready' ORDER BY source, published DESC, id DESC)
     SELECT EXISTS (SELECT id FROM used EXCEPT SELECT id FROM served)
         OR EXISTS (SELECT id FROM served s WHERE EXISTS (SELECT 1 FROM records x WHERE x.version_id = s.id) EXCEPT SELECT id FROM used) AS stale`,
  );
  return row.stale;
}
