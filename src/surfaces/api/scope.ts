import type { IndexedEntity, ScreeningIndex } from '../../analyses/screening/index/build.js';
import { COLLECTIONS, datasetCounts, datasetScope } from '../../analyses/screening/datasets.js';
import { ALGORITHM } from '../../analyses/screening/match.js';
import { LIST_SOURCES } from '../../sources/index.js';
import { HttpError } from './errors.js';
import type { Services } from './services.js';

/** The screening index, or 503 while it is being built. */
export function requireIndex(s: Services): ScreeningIndex {
  const index = s.screening.index;
  if (!index) throw new HttpError(503, 'the screening index is being built; retry shortly');
  return index;
}

const counts = new WeakMap<ScreeningIndex, Map<string, number>>();

/** Entities per dataset and collection in this index (computed once per index). */
export function indexCounts(index: ScreeningIndex): Map<string, number> {
  let c = counts.get(index);
  if (!c) counts.set(index, (c = datasetCounts(index.entities)));
  return c;
}

/** Every list dataset name: those the index holds and those Chokepoint can ingest. */
export function listDatasets(index: ScreeningIndex): string[] {
  const names = new Set(LIST_SOURCES.map((s) => s.dataset));
  for (const name of indexCounts(index).keys()) if (!COLLECTIONS[name]) names.add(name);
  return [...names].sort();
}

function scopeOf(index: ScreeningIndex, name: string, status: 400 | 404, what: string): (e: IndexedEntity) => boolean {
  const lists = listDatasets(index);
  const scope = datasetScope(name, new Set(lists));
  if (!scope) {
    const known = [...Object.keys(COLLECTIONS), ...lists];
    throw new HttpError(status, `unknown ${what} "${name}": one of ${known.join(', ')}`, { datasets: known });
  }
  return scope;
}

export interface ScopeQuery {
  include_dataset: string[];
  exclude_dataset: string[];
  topics: string[];
}

const WHOLE_DATASET: ScopeQuery = { include_dataset: [], exclude_dataset: [], topics: [] };

/** The entity filter of a request: the dataset (404 if unknown), include/exclude datasets and topics. */
export function requestFilter(index: ScreeningIndex, dataset: string, q: ScopeQuery = WHOLE_DATASET): (e: IndexedEntity) => boolean {
  const base = scopeOf(index, dataset, 404, 'dataset');
  const include = q.include_dataset.map((d) => scopeOf(index, d, 400, 'include_dataset'));
  const exclude = q.exclude_dataset.map((d) => scopeOf(index, d, 400, 'exclude_dataset'));
  const topics = q.topics;
  return (e) => base(e) && (!include.length || include.some((f) => f(e))) && !exclude.some((f) => f(e))
    && (!topics.length || topics.some((t) => e.topics.includes(t)));
}

/**
 * The same filter with a key that names it, as a match thread needs it (the thread keeps the scope's mask under that
 * key): the same key is always the same filter on one index.
 */
export function requestScope(index: ScreeningIndex, dataset: string, q: ScopeQuery): { filter: (e: IndexedEntity) => boolean; filterKey: string } {
  return { filter: requestFilter(index, dataset, q), filterKey: JSON.stringify([dataset, q.include_dataset, q.exclude_dataset, q.topics]) };
}

/** The algorithm a request names: chokepoint-v1, or the alias `best`; anything else → 400 listing them. */
export function resolveAlgorithm(name: string | undefined): string {
  const known = [ALGORITHM.name, 'best'];
  if (name === undefined || known.includes(name)) return ALGORITHM.name;
  throw new HttpError(400, `unknown algorithm "${name}": one of ${known.join(', ')}`, { algorithms: known });
}
