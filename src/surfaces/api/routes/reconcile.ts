import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { Services } from '../services.js';
import { HttpError } from '../errors.js';
import { router } from '../router.js';
import { requestFilter, requireIndex } from '../scope.js';
import { Manifest, ReconResults, manifest, parseBatch, reconcileOne } from '../reconcile.js';
import { errors, json } from '../schemas.js';
import { pause } from '../pause.js';

const Dataset = z.object({ dataset: z.string().max(100).openapi({ param: { name: 'dataset', in: 'path' }, example: 'dprk' }) });
const GetQuery = z.object({ queries: z.string().optional().openapi({ description: 'JSON object of queries; without it the manifest is returned' }) });
const Form = z.object({
  queries: z.string().optional().openapi({ description: 'JSON object of queries: {"q0": {"query": "…", "type": "Person", "limit": 5, "properties": [{"pid": "nationality", "v": "kp"}]}}' }),
  extend: z.string().optional().openapi({ description: 'Data extension: not supported (400)' }),
});
const formBody = { required: true, content: { 'application/x-www-form-urlencoded': { schema: Form }, 'multipart/form-data': { schema: Form } } };
const getResponses = {
  200: { description: 'The manifest, or the results when `queries` is given', content: { 'application/json': { schema: z.union([Manifest, ReconResults]) } } },
  ...errors(400, 404, 503),
};
const postResponses = { 200: json(ReconResults, 'Candidates per query'), ...errors(400, 404, 413, 415, 503) };
const description = 'OpenRefine Reconciliation Service API v0.2 over the screening index. Scores are 0-100; `match` is the screening decision (score ≥ 0.7).';

const routes = {
  get: createRoute({ method: 'get', path: '/reconcile', tags: ['Reconciliation'], summary: 'Manifest or queries (default dataset)', description, request: { query: GetQuery }, responses: getResponses }),
  getDs: createRoute({ method: 'get', path: '/reconcile/{dataset}', tags: ['Reconciliation'], summary: 'Manifest or queries (one dataset)', description, request: { params: Dataset, query: GetQuery }, responses: getResponses }),
  post: createRoute({ method: 'post', path: '/reconcile', tags: ['Reconciliation'], summary: 'Reconcile a batch (default dataset)', description, request: { body: formBody }, responses: postResponses }),
  postDs: createRoute({ method: 'post', path: '/reconcile/{dataset}', tags: ['Reconciliation'], summary: 'Reconcile a batch (one dataset)', description, request: { params: Dataset, body: formBody }, responses: postResponses }),
};

export function reconcileRoutes(s: Services) {
  const answer = async (dataset: string, queries: string) => {
    const index = requireIndex(s);
    const filter = requestFilter(index, dataset);
    const out: Record<string, ReturnType<typeof reconcileOne>> = {};
    for (const [key, q] of Object.entries(parseBatch(queries))) {
      await pause();
      out[key] = reconcileOne(index, q, filter);
    }
    return out;
  };
  const get = (c: Context, dataset: string, queries: string | undefined) => {
    if (queries !== undefined) return answer(dataset, queries);
    requestFilter(requireIndex(s), dataset);
    return manifest(new URL(c.req.url).origin, dataset);
  };
  const post = (dataset: string, form: z.infer<typeof Form>) => {
    if (form.extend !== undefined) throw new HttpError(400, 'data extension is not supported: reconcile with `queries`');
    if (form.queries === undefined) throw new HttpError(400, 'form field `queries` missing');
    return answer(dataset, form.queries);
  };
  return router()
    .openapi(routes.get, async (c) => c.json(await get(c, 'default', c.req.valid('query').queries), 200))
    .openapi(routes.getDs, async (c) => c.json(await get(c, c.req.valid('param').dataset, c.req.valid('query').queries), 200))
    .openapi(routes.post, async (c) => c.json(await post('default', c.req.valid('form')), 200))
    .openapi(routes.postDs, async (c) => c.json(await post(c.req.valid('param').dataset, c.req.valid('form')), 200));
}
