/** The network read from the store (lists served, imported datasets, stored network results). */
import type { Db } from '../../store/db.js';
import type { Entity } from '../../model/entity.js';
import { allEntities } from '../../store/entities.js';
import { currentVersions } from '../../store/versions.js';
import { importedDatasets, importedRows, networkBlocked, networkMatches } from '../../store/datasets.js';
import { buildNetwork, type Network } from './network.js';

/** `listed` may be given when the caller already holds the listed entities. */
export async function loadNetwork(db: Db, listed?: Entity[]): Promise<Network> {
  const [entities, versions, datasets, rows, matches, blocked] = await Promise.all([
    listed ?? allEntities(db), currentVersions(db), importedDatasets(db), importedRows(db), networkMatches(db), networkBlocked(db),
  ]);
  return buildNetwork({ listed: entities, versions: versions.map((v) => `${v.source}@${v.version}`), datasets, rows, matches, blocked });
}
