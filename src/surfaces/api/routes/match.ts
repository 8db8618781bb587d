import { createRoute, z } from '@hono/zod-openapi';
import { SCREENING_PARAMS } from '../../../analyses/screening/params.js';
import type { Services } from '../services.js';
import { HttpError } from '../errors.js';
import { router } from '../router.js';
import { LIMITS, UNUSABLE_QUERY, normalizeExample, paramOverrides, requestParams } from '../input.js';
import { requestScope, requireIndex, resolveAlgorithm } from '../scope.js';
import { scoredResponse } from '../shape.js';
import { FEATURE_DOCS } from '../features.js';
import { pause } from '../pause.js';
import { AlgorithmParam, DatasetParam, MatchBody, MatchResponse, ScopeParams, errors, json, numberParam, optionalNumberParam } from '../schemas.js';

const route = createRoute({
  method: 'post', path: '/match/{dataset}', tags: ['Matching'], summary: 'Screen a batch of entities (yente query-by-example)',
  description: 'Each query is an entity example (schema and properties). Every query gets its own answer with its own '
    + 'status: a query without a usable name or identifier, with an unknown schema or with absurd values is answered '
    + 'with status 400 and a message while the others are screened. A malformed body is refused whole.',
  request: {
    params: DatasetParam,
    query: z.object({
      threshold: optionalNumberParam(0, 1, `Score from which a result is a match (default ${SCREENING_PARAMS.threshold})`),
      cutoff: numberParam(0.5, 0, 1, 'Lowest score returned at all (never above threshold: matches are always returned)'),
      limit: numberParam(5, 1, LIMITS.matchLimit, 'Results per query', true),
      algorithm: AlgorithmParam,
      ...ScopeParams,
    }),
    body: { required: true, content: { 'application/json': { schema: MatchBody } } },
  },
  responses: { 200: json(MatchResponse, 'One answer per query'), ...errors(400, 404, 413, 415, 503) },
});

export function matchRoutes(s: Services) {
  return router().openapi(route, async (c) => {
    const { dataset } = c.req.valid('param');
    const q = c.req.valid('query');
    const body = c.req.valid('json');
    const index = requireIndex(s);
    const scope = requestScope(index, dataset, q);
    const algorithm = resolveAlgorithm(q.algorithm);
    const keys = Object.keys(body.queries);
    if (!keys.length) throw new HttpError(400, 'no queries: give at least one in `queries`');
    if (keys.length > LIMITS.queries) throw new HttpError(400, `too many queries in one batch: ${keys.length} (the limit is ${LIMITS.queries})`);
    const overrides = paramOverrides(body.weights, body.config);
    const threshold = q.threshold ?? overrides.threshold ?? SCREENING_PARAMS.threshold;
    const cutoff = Math.min(q.cutoff, threshold);
    const params = requestParams(overrides, q.limit);
    const responses: Record<string, z.infer<typeof MatchResponse>['responses'][string]> = {};
    for (const [i, key] of keys.entries()) {
      if (i > 0) await pause();
      const ex = normalizeExample(body.queries[key], { usable: false });
      const out = ex.ok ? await s.screening.match(index, ex.schema, ex.properties, { threshold, limit: q.limit, floor: cutoff, ...scope, params }) : undefined;
      if (!ex.ok || !out?.usable) {
        responses[key] = { status: 400, message: ex.ok ? UNUSABLE_QUERY : ex.message, results: [], total: { value: 0, relation: 'eq' }, query: ex.query };
        continue;
      }
      responses[key] = {
        status: 200, ...(ex.warnings.length ? { warnings: ex.warnings } : {}),
        results: out.results.map(scoredResponse),
        total: { value: out.total, relation: 'eq' }, query: ex.query,
      };
    }
    s.audit?.note(c, {
      endpoint: 'match', dataset, query: { dataset, params: q, body }, queries: keys.length, versions: index.versions, status: 200,
      results: Object.fromEntries(Object.entries(responses).map(([k, r]) => [k, r.results.map((x) => ({ id: x.id, score: x.score, match: x.match }))])),
    });
    return c.json({ responses, limit: q.limit, algorithm, versions: index.versions, matcher: FEATURE_DOCS }, 200);
  });
}
