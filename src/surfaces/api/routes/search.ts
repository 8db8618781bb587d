import { createRoute, z } from '@hono/zod-openapi';
import { matchQuery } from '../../../analyses/screening/match.js';
import type { Services } from '../services.js';
import { HttpError } from '../errors.js';
import { router } from '../router.js';
import { LIMITS, querySchema, requestParams } from '../input.js';
import { requestFilter, requireIndex } from '../scope.js';
import { entityResponse } from '../shape.js';
import { DatasetParam, ScopeParams, SearchResponse, errors, json, numberParam } from '../schemas.js';

/** Lowest score a name search returns: lower than /match's cutoff, a search shows near misses too. */
export const SEARCH_CUTOFF = 0.3;

const route = createRoute({
  method: 'get', path: '/search/{dataset}', tags: ['Matching'], summary: 'Search entities by name',
  description: `A name search on the screening index: the name is scored against every candidate; results from ${SEARCH_CUTOFF} up, best first. total counts the scored candidates at or above that score.`,
  request: {
    params: DatasetParam,
    query: z.object({
      q: z.string().openapi({ example: 'Chong Chon Gang', description: 'A name' }),
      schema: z.string().optional().openapi({ description: 'Only entities of this schema (default: any)', example: 'Vessel' }),
      limit: numberParam(10, 1, 100, 'Results per page', true),
      offset: numberParam(0, 0, 400, 'Results to skip', true),
      ...ScopeParams,
    }),
  },
  responses: { 200: json(SearchResponse, 'Results, best first'), ...errors(400, 404, 503) },
});

export function searchRoutes(s: Services) {
  return router().openapi(route, (c) => {
    const { dataset } = c.req.valid('param');
    const q = c.req.valid('query');
    const text = q.q.trim();
    if (!text) throw new HttpError(400, 'q is empty: give a name to search for');
    if (text.length > LIMITS.valueLength) throw new HttpError(400, `q is ${text.length.toLocaleString('en')} characters long; the limit is ${LIMITS.valueLength.toLocaleString('en')}`);
    const schema = querySchema(q.schema ?? 'Thing', true);
    const index = requireIndex(s);
    const filter = requestFilter(index, dataset, q);
    const wanted = q.offset + q.limit;
    const out = matchQuery(index, schema, { name: [text] }, { threshold: SEARCH_CUTOFF, limit: wanted, filter, params: requestParams({}, wanted) });
    const results = out.results.filter((r) => r.score >= SEARCH_CUTOFF).slice(q.offset).map((r) => ({ ...entityResponse(r.entity), score: r.score }));
    return c.json({ results, total: { value: out.total, relation: 'eq' as const }, limit: q.limit, offset: q.offset }, 200);
  });
}
