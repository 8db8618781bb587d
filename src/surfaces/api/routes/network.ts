import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { getAnyEntity } from '../../../analyses/network/entity-detail.js';
import { networkFor, frontCompaniesFor } from '../../../analyses/network/service.js';
import { neighbourhoodOf, NETWORK_LIMITS } from '../../../analyses/network/network.js';
import { toGexf } from '../../../analyses/network/gexf.js';
import { toFtmLines } from '../../../analyses/network/ftm-export.js';
import { importDataset, ImportRefused, datasetNameProblem } from '../../../analyses/network/import.js';
import { removeDataset } from '../../../analyses/network/refresh.js';
import { contextFromIndex } from '../../../analyses/network/list-context.js';
import { textLines } from '../../../sources/ftm/index.js';
import { importedDatasets } from '../../../store/datasets.js';
import type { Services } from '../services.js';
import { HttpError } from '../errors.js';
import { router } from '../router.js';
import { storeCall } from '../store-call.js';
import { requireIndex } from '../scope.js';
import { EntityResponse, errors, json, numberParam } from '../schemas.js';
import { adjacentOf, ADJACENT_PROPERTIES, nodeResponse } from '../network/adjacent.js';

/**
 * The network routes: yente's adjacent entities, the neighbourhood of an entity (JSON, GEXF, FtM), front-company
 * candidates, and imported datasets (upload, list, delete). Shapes and rules: docs/network.md.
 */

const IdParam = z.object({ id: z.string().max(200).openapi({ param: { name: 'id', in: 'path' }, example: 'ofac-9345' }) });
const Page = {
  limit: numberParam(10, 1, 500, 'Results per property', true),
  offset: numberParam(0, 0, 100_000, 'Start at result', true),
};
const Adjacent = z.object({
  results: z.array(z.any()), total: z.object({ value: z.number().int(), relation: z.string() }), limit: z.number().int(), offset: z.number().int(),
}).openapi('AdjacentResults');
const EntityAdjacent = z.object({ entity: EntityResponse, adjacent: z.record(z.string(), Adjacent) }).openapi('EntityAdjacentResponse');

const adjacentRoute = createRoute({
  method: 'get', path: '/entities/{id}/adjacent', tags: ['Entities'], summary: 'Relations of an entity, grouped by FtM property (yente-compatible)',
  description: 'As yente: `adjacent` maps each reverse property (ownershipOwner, ownershipAsset, directorshipDirector, directorshipOrganization, '
    + 'unknownLinkSubject, unknownLinkObject, sanctions) to a page of relations; `limit` is per property. Shared addresses, phones and '
    + 'matches between imported and listed entities are UnknownLink relations with the kind as role.',
  request: { params: IdParam, query: z.object(Page) },
  responses: { 200: json(EntityAdjacent, 'The entity and its relations'), ...errors(400, 404, 503) },
});
const adjacentPropRoute = createRoute({
  method: 'get', path: '/entities/{id}/adjacent/{property}', tags: ['Entities'], summary: 'One page of one relation property (yente-compatible)',
  request: {
    params: IdParam.extend({ property: z.string().max(100).openapi({ param: { name: 'property', in: 'path' }, example: 'ownershipOwner' }) }),
    query: z.object(Page),
  },
  responses: { 200: json(Adjacent, 'The page'), ...errors(400, 404, 503) },
});
const networkRoute = createRoute({
  method: 'get', path: '/network/{id}', tags: ['Network'], summary: 'The network around an entity: nodes, edges with type, record, list version and evidence',
  description: `depth 1-${NETWORK_LIMITS.maxDepth}; at most ${NETWORK_LIMITS.maxNodes} nodes (truncated says when cut). format=gexf gives GEXF 1.3, format=ftm FtM JSON lines.`,
  request: {
    params: IdParam,
    query: z.object({
      depth: numberParam(NETWORK_LIMITS.defaultDepth, 1, NETWORK_LIMITS.maxDepth, 'Hops from the entity', true),
      format: z.enum(['json', 'gexf', 'ftm']).optional().openapi({ description: 'json (default), gexf or ftm' }),
    }),
  },
  responses: {
    200: { description: 'The neighbourhood', content: { 'application/json': { schema: z.any() }, 'application/gexf+xml': { schema: z.string() }, 'application/x-ndjson': { schema: z.string() } } },
    ...errors(400, 404, 503),
  },
});
const frontRoute = createRoute({
  method: 'get', path: '/network/front-companies', tags: ['Network'], summary: 'Front-company candidates ranked by ties to designated parties, with evidence',
  description: 'The ranking rule (named weights, noisy-OR) is src/analyses/network/front-company-rules.ts; docs/network.md explains it.',
  request: { query: z.object({ limit: numberParam(100, 1, 10_000, 'Candidates returned', true) }) },
  responses: { 200: json(z.any(), 'The ranking'), ...errors(400, 503) },
});
const NameParam = z.object({ name: z.string().max(100).openapi({ param: { name: 'name', in: 'path' }, example: 'registry_kp' }) });
const importRoute = createRoute({
  method: 'post', path: '/datasets/{name}/import', tags: ['Network'], summary: 'Upload an FtM JSON-lines file as a separate dataset (replaces an earlier upload of it)',
  description: 'Body: FollowTheMoney JSON lines (Company, Person, Ownership with percentage, Directorship, Address, Vessel ...). The answer is '
    + 'the import report: accepted, rejected lines with reasons, matches to listed entities and why, entities blocked by ownership. '
    + 'An upload that accepts nothing is refused with 422 and the previous import stays.',
  request: { params: NameParam, body: { required: true, content: { 'application/x-ndjson': { schema: z.string() }, 'text/plain': { schema: z.string() } } } },
  responses: { 200: json(z.any(), 'The import report'), 422: json(z.any(), 'Nothing accepted: the report, nothing stored'), ...errors(400, 413, 503) },
});
const listRoute = createRoute({
  method: 'get', path: '/datasets', tags: ['Network'], summary: 'Imported datasets (not official lists): origin, hash, time, counts',
  responses: { 200: json(z.any(), 'The imported datasets'), ...errors(503) },
});
const deleteRoute = createRoute({
  method: 'delete', path: '/datasets/{name}', tags: ['Network'], summary: 'Remove an imported dataset',
  request: { params: NameParam },
  responses: { 200: json(z.object({ deleted: z.string() }), 'Removed'), ...errors(404, 503) },
});

export function networkRoutes(s: Services) {
  const ready = () => requireIndex(s);
  const network = () => storeCall(() => networkFor(s.db, ready()));
  const rootOf = async (id: string) => {
    const e = await storeCall(() => getAnyEntity(s.db, id));
    if (!e) throw new HttpError(404, `no entity "${id}" in the lists or imported datasets`);
    return e;
  };
  const page = <T>(list: T[], limit: number, offset: number) => ({ results: list.slice(offset, offset + limit), total: { value: list.length, relation: 'eq' }, limit, offset });
  const reload = async () => { await s.screening.reload(s.db); };

  return router()
    .openapi(frontRoute, async (c) => {
      const index = ready();
      const net = await network();
      const imported = new Set(net.datasets);
      const r = await storeCall(() => frontCompaniesFor(s.db, { index, listed: (e) => !e.datasets.some((d) => imported.has(d)) }));
      const { limit } = c.req.valid('query');
      return c.json({ ...r, total: r.candidates.length, candidates: r.candidates.slice(0, limit) }, 200);
    })
    .openapi(adjacentRoute, async (c) => {
      const { id } = c.req.valid('param');
      const { limit, offset } = c.req.valid('query');
      const [e, net] = [await rootOf(id), await network()];
      const node = net.nodes.get(e.id);
      if (!node) throw new HttpError(404, `no entity "${id}" in the network (the index is being rebuilt?)`);
      const groups = adjacentOf(net, e.id, e);
      const adjacent = Object.fromEntries([...groups].map(([k, v]) => [k, page(v, limit, offset)]));
      return c.json({ entity: { ...nodeResponse(node), referents: e.referents, properties: { ...e.properties, topics: e.topics } }, adjacent }, 200);
    })
    .openapi(adjacentPropRoute, async (c) => {
      const { id, property } = c.req.valid('param');
      const { limit, offset } = c.req.valid('query');
      if (!ADJACENT_PROPERTIES.includes(property)) throw new HttpError(404, `no relation property "${property}": one of ${ADJACENT_PROPERTIES.join(', ')}`);
      const e = await rootOf(id);
      const net = await network();
      return c.json(page(adjacentOf(net, e.id, e).get(property) ?? [], limit, offset), 200);
    })
    .openapi(networkRoute, async (c) => {
      const { id } = c.req.valid('param');
      const { depth, format } = c.req.valid('query');
      const e = await rootOf(id);
      const net = await network();
      const n = neighbourhoodOf(net, e.id, depth);
      if (!n) throw new HttpError(404, `no entity "${id}" in the network`);
      if (format === 'gexf') return c.body(toGexf(n, `Chokepoint network of ${n.root}, depth ${depth}; lists ${net.versions.join(', ')}`), 200, { 'content-type': 'application/gexf+xml; charset=utf-8' });
      if (format === 'ftm') return c.body(toFtmLines(n), 200, { 'content-type': 'application/x-ndjson; charset=utf-8' });
      return c.json({ ...n, versions: net.versions, datasets: net.datasets }, 200);
    })
    .openapi(listRoute, async (c) => c.json({ datasets: await storeCall(() => importedDatasets(s.db)) }, 200))
    .openapi(deleteRoute, async (c) => {
      const { name } = c.req.valid('param');
      const gone = await storeCall(() => removeDataset(s.db, name));
      if (!gone) throw new HttpError(404, `no imported dataset "${name}"`);
      await reload();
      return c.json({ deleted: name }, 200);
    })
    .openapi(importRoute, async (c: Context) => {
      const name = c.req.param('name') ?? '';
      const problem = datasetNameProblem(name);
      if (problem) throw new HttpError(400, problem);
      if (!s.ready) throw new HttpError(503, s.notReadyReason ?? 'lists are loading');
      const text = await c.req.text();
      if (!text.trim()) throw new HttpError(400, 'empty body: send FtM JSON lines (one entity per line)');
      try {
        const index = s.screening.index;
        const context = index ? await storeCall(() => contextFromIndex(s.db, index)) : undefined;
        const report = await importDataset(s.db, { name, origin: 'upload', lines: textLines(text), ...(context ? { context } : {}) });
        await reload();
        return c.json(report, 200);
      } catch (err) {
        if (err instanceof ImportRefused) return c.json(err.report, 422);
        throw err;
      }
    });
}
