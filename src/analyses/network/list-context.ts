/**
 * What the network results are computed against: the listed entities (as a screening index, for matching) and
 * their referents, read from the store.
 */
import type { Db } from '../../store/db.js';
import { allEntities } from '../../store/entities.js';
import { currentVersions } from '../../store/versions.js';
import { importedDatasets, listedReferents } from '../../store/datasets.js';
import { buildIndex, type IndexedEntity, type ScreeningIndex } from '../screening/index/build.js';
import type { NetworkInput } from './compute.js';

export type ListContext = Omit<NetworkInput, 'rows'>;

/** Builds a screening index of the listed entities only (imported ones are what is being matched). */
export async function listContext(db: Db): Promise<ListContext> {
  const [entities, versions, referents] = await Promise.all([allEntities(db), currentVersions(db), listedReferents(db)]);
  const names = versions.map((v) => `${v.source}@${v.version}`);
  const index = buildIndex(entities, names);
  const ids = new Set(entities.map((e) => e.id));
  return { index, listed: (e) => ids.has(e.id), referents, blocked: ids, versions: names };
}

/**
 * The same from a screening index already built (the serving process's): no second index is built. The index also
 * holds imported entities; they are told apart by their dataset.
 */
export async function contextFromIndex(db: Db, index: ScreeningIndex): Promise<ListContext> {
  const [datasets, referents] = await Promise.all([importedDatasets(db), listedReferents(db)]);
  const imported = new Set(datasets.map((d) => d.name));
  const listed = (e: IndexedEntity) => !e.datasets.some((d) => imported.has(d));
  return { index, listed, referents, blocked: index.entities.filter(listed).map((e) => e.id), versions: index.versions };
}
