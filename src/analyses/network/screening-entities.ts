/**
 * The hook that puts imported entities into the screening index: the listed entities plus every imported legal
 * entity and vessel, each in its own dataset (never the `sanctions` or `dprk` collections), flagged with the
 * topic `sanction.linked` and the 50 % rule's explanation (in `notes`) when it is blocked by ownership.
 */
import type { Db } from '../../store/db.js';
import type { Entity } from '../../model/entity.js';
import { importedDatasets, importedRows, networkBlocked } from '../../store/datasets.js';
import { explainBlocked } from './explain.js';
import { importedEntity } from './imported-entity.js';
import { isMatchable } from './match-listed.js';

export async function withImportedEntities(db: Db, listed: Entity[]): Promise<Entity[]> {
  const datasets = await importedDatasets(db);
  if (!datasets.length) return listed;
  const [rows, blocked] = await Promise.all([importedRows(db), networkBlocked(db)]);
  const at = new Map(datasets.map((d) => [d.name, d.imported_at]));
  const captions = new Map<string, string>();
  for (const e of listed) captions.set(e.id, e.caption);
  for (const r of rows) captions.set(r.id, r.caption);
  const byId = new Map(blocked.map((b) => [b.id, b]));
  const out = listed.slice();
  for (const r of rows) {
    if (!isMatchable(r)) continue;
    const b = byId.get(r.id);
    out.push(importedEntity(r, at.get(r.dataset) ?? '', b ? { blocked: explainBlocked(b, (id) => captions.get(id)) } : {}));
  }
  return out;
}
