/**
 * What `GET /entities/{id}` and `chokepoint entity ID` add for the network: an imported entity when the id is not
 * a listed one, and for any entity the network facts (blocked by ownership and why, matches between imported and
 * listed entities, imported relations).
 */
import { z } from '@hono/zod-openapi';
import type { Db } from '../../store/db.js';
import type { Entity } from '../../model/entity.js';
import { getEntity } from '../../store/entities.js';
import { importedDatasets, importedEdgesOf, importedRow, networkBlocked, networkMatches, type MatchRow } from '../../store/datasets.js';
import { explainBlocked, type OwnershipExplanation } from './explain.js';
import { edgeOf, type ImportedEdge } from './imported.js';
import { importedEntity } from './imported-entity.js';

export interface NetworkFacts {
  /** Set when the entity comes from an imported dataset, not from an official list. */
  imported?: { dataset: string; importedAt: string; line: number | null; note: string };
  /** Set when the OFAC 50 % rule blocks it. */
  blockedByOwnership?: OwnershipExplanation;
  /** Imported entities matched to this listed entity, or listed entities this imported entity was matched to. */
  matches: MatchRow[];
}

/** The zod shape of NetworkFacts for the OpenAPI document. */
export const NetworkFactsSchema = z.object({
  imported: z.object({ dataset: z.string(), importedAt: z.string(), line: z.number().nullable(), note: z.string() }).optional(),
  blockedByOwnership: z.any().optional().openapi({ description: 'The OFAC 50 % rule: aggregate, contributions and ownership paths' }),
  matches: z.array(z.any()),
}).openapi('NetworkFacts');

async function captionOf(db: Db, ids: string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const id of new Set(ids)) {
    const r = await importedRow(db, id);
    if (r) { out.set(id, r.caption); continue; }
    const rows = await db.query<{ caption: string }>('SELECT e.caption FROM entity_referents r JOIN entities e ON e.id = r.entity_id WHERE r.referent = $1', [id]);
    if (rows[0]) out.set(id, rows[0].caption);
  }
  return out;
}

async function explanationOf(db: Db, id: string): Promise<OwnershipExplanation | undefined> {
  const [b] = await networkBlocked(db, [id]);
  if (!b) return undefined;
  const caps = await captionOf(db, [...b.paths.flatMap((p) => p.nodes), ...b.contributions.map((c) => c.owner)]);
  return explainBlocked(b, (x) => caps.get(x));
}

/** An imported entity by id, in full (statements, relations, the 50 % rule's note), or undefined. */
export async function getImportedEntity(db: Db, id: string): Promise<Entity | undefined> {
  const r = await importedRow(db, id);
  if (!r || edgeOf(r)) return undefined;
  const ds = (await importedDatasets(db)).find((d) => d.name === r.dataset);
  const edges = (await importedEdgesOf(db, id)).map(edgeOf).filter((e): e is ImportedEdge => !!e);
  const caps = await captionOf(db, edges.flatMap((e) => [e.source, e.target]));
  const blocked = await explanationOf(db, id);
  return importedEntity(r, ds?.imported_at ?? '', { ...(blocked ? { blocked } : {}), edges, caption: (x) => caps.get(x), statements: true });
}

/** A listed entity, else an imported one. */
export async function getAnyEntity(db: Db, id: string): Promise<Entity | undefined> {
  return (await getEntity(db, id)) ?? getImportedEntity(db, id);
}

export async function networkFacts(db: Db, e: Entity): Promise<NetworkFacts> {
  const facts: NetworkFacts = { matches: await networkMatches(db, [e.id]) };
  const r = await importedRow(db, e.id);
  if (r && e.records.every((x) => x.source === 'import')) {
    const ds = (await importedDatasets(db)).find((d) => d.name === r.dataset);
    facts.imported = {
      dataset: r.dataset, importedAt: ds?.imported_at ?? '', line: r.line,
      note: `imported from ${ds?.origin ?? 'a file'} into dataset "${r.dataset}": not an official list entry`,
    };
    const b = await explanationOf(db, e.id);
    if (b) facts.blockedByOwnership = b;
  }
  return facts;
}

/** The network facts as text lines for `chokepoint entity`. */
export function formatNetworkFacts(f: NetworkFacts): string[] {
  const lines: string[] = [];
  if (f.imported) lines.push('', `IMPORTED: ${f.imported.note} (line ${f.imported.line ?? '?'}, imported ${f.imported.importedAt})`);
  if (f.blockedByOwnership) {
    const b = f.blockedByOwnership;
    lines.push('', `BLOCKED BY OWNERSHIP (topic sanction.linked): ${b.aggregate} % held by blocked persons (threshold ${b.threshold * 100} %; ${b.citation})`);
    for (const c of b.contributions) lines.push(`  ${c.percentage} % by ${c.caption} (${c.owner})  [edge ${c.edge}, ${c.source}]`);
    lines.push('  paths:');
    for (const p of b.paths) lines.push(`    ${p.text}`);
  }
  if (f.matches.length) {
    lines.push('', 'matched (imported <-> listed):');
    for (const m of f.matches) lines.push(`  ${m.id} (${m.dataset}) -> ${m.entity_id}: ${m.rule}${m.used ? '' : ' (not used)'} score ${m.score}  ${JSON.stringify(m.detail)}`);
  }
  return lines;
}
