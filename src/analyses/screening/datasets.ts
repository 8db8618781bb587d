import type { IndexedEntity } from './index/build.js';

/** Collections a query can be run against, besides one list's own dataset name. */
export const COLLECTIONS: Record<string, { title: string; test: (e: IndexedEntity) => boolean }> = {
  default: { title: 'Every list Chokepoint holds', test: () => true },
  sanctions: { title: 'Every sanctions list', test: (e) => e.topics.includes('sanction') }, // not imported entities blocked by ownership (sanction.linked only): see docs/network.md
  dprk: { title: 'DPRK-related entries of every list (programme tags, UN KP references, DPRK nationality, flag, address or links)', test: (e) => e.dprk },
};

/** A predicate for a dataset name: a collection or a single list dataset. */
export function datasetScope(name: string, known: Set<string>): ((e: IndexedEntity) => boolean) | undefined {
  const c = Object.hasOwn(COLLECTIONS, name) ? COLLECTIONS[name] : undefined;
  if (c) return c.test;
  if (known.has(name)) return (e) => e.datasets.includes(name);
  return undefined;
}

/** How many indexed entities each list dataset and each collection holds (for the catalog and dataset names). */
export function datasetCounts(entities: IndexedEntity[]): Map<string, number> {
  const out = new Map<string, number>(Object.keys(COLLECTIONS).map((c) => [c, 0]));
  for (const e of entities) {
    for (const d of e.datasets) out.set(d, (out.get(d) ?? 0) + 1);
    for (const [name, c] of Object.entries(COLLECTIONS)) if (c.test(e)) out.set(name, (out.get(name) ?? 0) + 1);
  }
  return out;
}
