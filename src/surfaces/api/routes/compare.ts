import { createRoute, z } from '@hono/zod-openapi';
import { compareRecords } from '../../../analyses/screening/compare.js';
import { ALGORITHM } from '../../../analyses/screening/match.js';
import { SCREENING_PARAMS } from '../../../analyses/screening/params.js';
import { HttpError } from '../errors.js';
import { router } from '../router.js';
import { normalizeExample, paramOverrides } from '../input.js';
import { CompareBody, CompareResponse, errors, json, optionalNumberParam } from '../schemas.js';

const route = createRoute({
  method: 'post', path: '/compare', tags: ['Matching'], summary: 'Score two given records with the screening model',
  description: 'The same scoring /match uses against the index, on two records you give. Both need a usable name or an identifier.',
  request: {
    query: z.object({ threshold: optionalNumberParam(0, 1, `Score from which the pair is a match (default ${SCREENING_PARAMS.threshold})`) }),
    body: { required: true, content: { 'application/json': { schema: CompareBody } } },
  },
  responses: { 200: json(CompareResponse, 'Score, decision and explanations'), ...errors(400, 413, 415) },
});

export function compareRoutes() {
  return router().openapi(route, (c) => {
    const body = c.req.valid('json');
    const overrides = paramOverrides(body.weights, body.config);
    const threshold = c.req.valid('query').threshold ?? overrides.threshold ?? SCREENING_PARAMS.threshold;
    const side = (name: 'a' | 'b') => {
      const ex = normalizeExample({ schema: body.schema, properties: body[name] });
      if (!ex.ok) throw new HttpError(400, `${name}: ${ex.message}`);
      return ex;
    };
    const a = side('a'), b = side('b');
    const res = compareRecords(a.schema, a.properties, b.properties, { ...SCREENING_PARAMS, ...overrides, threshold });
    return c.json({ score: res.score, match: res.match, explanations: res.explanations, algorithm: ALGORITHM.name }, 200);
  });
}
