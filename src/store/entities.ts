import type { Db } from './db.js';
import type { Entity } from '../model/entity.js';

const BATCH = 2000;

/** Replaces the merged entities in one transaction: readers see the old set or the new one, never a mix. */
export async function replaceEntities(db: Db, entities: Entity[]): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.exec('DELETE FROM entity_referents; DELETE FROM entities;');
    for (let i = 0; i < entities.length; i += BATCH) {
      const chunk = entities.slice(i, i + BATCH);
      await tx.query(
        `INSERT INTO entities (id, schema, caption, referents, datasets, topics, properties, statements, sanctions, links, dprk, merge, listed, first_seen, last_seen)
         SELECT x.id, x.schema, x.caption,
           ARRAY(SELECT jsonb_array_elements_text(x.referents)), ARRAY(SELECT jsonb_array_elements_text(x.datasets)),
           ARRAY(SELECT jsonb_array_elements_text(x.topics)),
           x.properties, x.statements, x.sanctions, x.links, x.dprk, x.merge, x.listed, x."firstSeen"::date, x."lastSeen"::date
         FROM jsonb_to_recordset($1::jsonb) AS x(id text, schema text, caption text, referents jsonb, datasets jsonb, topics jsonb,
           properties jsonb, statements jsonb, sanctions jsonb, links jsonb, dprk jsonb, merge jsonb, listed jsonb,
           "firstSeen" text, "lastSeen" text)`,
        [JSON.stringify(chunk)],
      );
      await tx.query(
        `INSERT INTO entity_referents (referent, entity_id)
         SELECT DISTINCT ON (x.referent) x.referent, x.entity_id FROM jsonb_to_recordset($1::jsonb) AS x(referent text, entity_id text)`,
        [JSON.stringify(chunk.flatMap((e) => [...new Set([e.id, ...e.referents])].map((r) => ({ referent: r, entity_id: e.id }))))],
      );
    }
  });
}

interface EntityRow {
  id: string; schema: string; caption: string; referents: string[]; datasets: string[]; topics: string[];
  properties: Entity['properties']; statements: Entity['statements']; sanctions: Entity['sanctions']; links: Entity['links'];
  dprk: Entity['dprk']; merge: Entity['merge']; listed: Entity['listed']; first_seen: string | null; last_seen: string | null;
}

const COLS = `e.id, e.schema, e.caption, e.referents, e.datasets, e.topics, e.properties, e.statements, e.sanctions, e.links, e.dprk,
  e.merge, e.listed, to_char(e.first_seen, 'YYYY-MM-DD') AS first_seen, to_char(e.last_seen, 'YYYY-MM-DD') AS last_seen`;

function toEntity(r: EntityRow): Entity {
  return {
    id: r.id, schema: r.schema as Entity['schema'], caption: r.caption, referents: r.referents, datasets: r.datasets,
    topics: r.topics, properties: r.properties, statements: r.statements, sanctions: r.sanctions, links: r.links, dprk: r.dprk,
    merge: r.merge, listed: r.listed,
    ...(r.first_seen ? { firstSeen: r.first_seen } : {}), ...(r.last_seen ? { lastSeen: r.last_seen } : {}),
  };
}

/** The entity an id or any of its referents (`ofac-17069`, `un-KPe.001`) names. */
export async function getEntity(db: Db, idOrReferent: string): Promise<Entity | undefined> {
  const rows = await db.query<EntityRow>(
    `SELECT ${COLS} FROM entity_referents r JOIN entities e ON e.id = r.entity_id WHERE r.referent = $1`,
    [idOrReferent],
  );
  return rows[0] ? toEntity(rows[0]) : undefined;
}

export async function allEntities(db: Db): Promise<Entity[]> {
  return (await db.query<EntityRow>(`SELECT ${COLS} FROM entities e ORDER BY e.id`)).map(toEntity);
}

export async function entityCount(db: Db): Promise<{ total: number; dprk: number }> {
  const [r] = await db.query<{ total: number; dprk: number }>(
    `SELECT count(*)::int AS total, count(*) FILTER (WHERE jsonb_array_length(dprk) > 0)::int AS dprk FROM entities`,
  );
  return r;
}
