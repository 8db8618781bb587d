/**
 * An imported row as an Entity (the shape screening, `GET /entities/{id}` and `chokepoint entity` use), marked so it
 * is never taken for a list entry: its own dataset, a record `<dataset>:<id>` from the version `<dataset>@<time>`,
 * no sanctions, no DPRK reasons, and the topic `sanction.linked` only when the 50 % rule blocks it.
 */
import type { Entity, EntityLink, Statement } from '../../model/entity.js';
import type { SchemaName } from '../../model/schema.js';
import type { ImportedRow } from '../../store/datasets.js';
import type { OwnershipExplanation } from './explain.js';
import { importedRecord, type ImportedEdge } from './imported.js';

/** FtM's topic for entities linked to a sanctioned party (here: blocked by ownership). */
export const LINKED_TOPIC = 'sanction.linked';
/** The source name of every imported record. */
export const IMPORT_SOURCE = 'import';

export function importedEntity(
  r: ImportedRow, importedAt: string,
  opts: { blocked?: OwnershipExplanation; edges?: ImportedEdge[]; caption?: (id: string) => string | undefined; statements?: boolean } = {},
): Entity {
  const record = importedRecord(r.dataset, r.id);
  const version = `${r.dataset}@${importedAt}`;
  const properties: Record<string, string[]> = { ...r.properties };
  if (opts.blocked) properties.notes = [...(properties.notes ?? []), opts.blocked.summary];
  const links: EntityLink[] = (opts.edges ?? []).map((e) => {
    const outgoing = e.source === r.id;
    const other = outgoing ? e.target : e.source;
    const type = `${e.schema.toLowerCase()}:${outgoing ? e.sourceProp : e.targetProp}`;
    const note = [e.percentage !== undefined ? `${e.percentage} %` : '', e.role ?? ''].filter(Boolean).join(', ');
    return { type, record: importedRecord(e.dataset, e.id), target: other, targetName: opts.caption?.(other) ?? other, ...(note ? { note } : {}) };
  });
  const e: Entity = {
    id: r.id, schema: r.schema as SchemaName, caption: r.caption, referents: [r.id], datasets: [r.dataset],
    topics: opts.blocked ? [LINKED_TOPIC] : [], properties,
    records: [{ id: record, source: IMPORT_SOURCE, dataset: r.dataset, version }],
    sanctions: [], links, dprk: [], merge: [], listed: [], firstSeen: importedAt.slice(0, 10), lastSeen: importedAt.slice(0, 10),
  };
  if (opts.statements) {
    const st: Statement[] = [];
    for (const [prop, values] of Object.entries(properties)) for (const value of values) st.push({ prop, value, record, dataset: r.dataset, version });
    e.statements = st;
  }
  return e;
}
