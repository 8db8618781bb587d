import { createRoute, z } from '@hono/zod-openapi';
import { COLLECTIONS } from '../../../analyses/screening/datasets.js';
import { currentVersions } from '../../../store/versions.js';
import { LIST_SOURCES } from '../../../sources/index.js';
import type { Services } from '../services.js';
import { router } from '../router.js';
import { storeCall } from '../store-call.js';
import { indexCounts, listDatasets, requireIndex } from '../scope.js';
import { errors, json } from '../schemas.js';

const Dataset = z.object({
  name: z.string().openapi({ example: 'us_ofac_sdn' }),
  title: z.string(),
  type: z.enum(['collection', 'source']),
  children: z.array(z.string()).openapi({ description: 'For a collection: the list datasets it draws from' }),
  load: z.boolean(),
  url: z.string().nullable().openapi({ description: 'Official address of the list' }),
  version: z.string().nullable().openapi({ description: 'Publication served (a list) or when the index was built (a collection)' }),
  published: z.string().nullable(),
  last_update: z.string().nullable().openapi({ description: 'When the served version was imported' }),
  index_version: z.string().nullable().openapi({ description: 'Publication the screening index holds' }),
  index_current: z.boolean(),
  entity_count: z.number().int().openapi({ description: 'Merged entities in the screening index' }),
  record_count: z.number().int().nullable().openapi({ description: 'Records in the served publication' }),
}).openapi('CatalogDataset');

const Catalog = z.object({
  datasets: z.array(Dataset),
  current: z.array(z.string()),
  outdated: z.array(z.string()),
  index_stale: z.boolean(),
  versions: z.array(z.string()),
}).openapi('Catalog');

const route = createRoute({
  method: 'get', path: '/catalog', tags: ['System'], summary: 'Datasets: every list with its served version, and the collections',
  responses: { 200: json(Catalog, 'The catalog'), ...errors(503) },
});

export function catalogRoutes(s: Services) {
  return router().openapi(route, async (c) => {
    const index = requireIndex(s);
    const current = await storeCall(() => currentVersions(s.db));
    const counts = indexCounts(index);
    const lists = listDatasets(index);
    const indexed = new Map(index.versions.map((v) => v.split('@') as [string, string]));
    const sources = lists.map((name) => {
      const source = LIST_SOURCES.find((x) => x.dataset === name);
      const v = current.find((x) => x.dataset === name);
      const iv = v ? indexed.get(v.source) ?? null : null;
      return {
        name, title: source?.title ?? name, type: 'source' as const, children: [] as string[], load: !!v, url: source?.files[0]?.url ?? null,
        version: v?.version ?? null, published: v?.published ?? null, last_update: v?.imported_at ?? null,
        index_version: iv, index_current: !!v && iv === v.version, entity_count: counts.get(name) ?? 0, record_count: v?.counts.records ?? null,
      };
    });
    const loaded = sources.filter((d) => d.load);
    const collections = Object.entries(COLLECTIONS).map(([name, col]) => ({
      name, title: col.title, type: 'collection' as const, children: loaded.map((d) => d.name), load: true, url: null,
      version: index.builtAt, published: null, last_update: index.builtAt, index_version: index.builtAt,
      index_current: loaded.every((d) => d.index_current), entity_count: counts.get(name) ?? 0, record_count: null,
    }));
    return c.json({
      datasets: [...collections, ...sources],
      current: loaded.filter((d) => d.index_current).map((d) => d.name),
      outdated: loaded.filter((d) => !d.index_current).map((d) => d.name),
      index_stale: loaded.some((d) => !d.index_current),
      versions: index.versions,
    }, 200);
  });
}
