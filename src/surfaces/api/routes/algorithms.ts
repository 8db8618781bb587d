import { createRoute, z } from '@hono/zod-openapi';
import { ALGORITHM } from '../../../analyses/screening/match.js';
import { SCREENING_PARAMS } from '../../../analyses/screening/params.js';
import { router } from '../router.js';
import { ALGORITHMS } from '../features.js';
import { FeatureDoc, json } from '../schemas.js';

const AlgorithmResponse = z.object({
  algorithms: z.array(z.object({ name: z.string(), description: z.string(), features: z.record(z.string(), FeatureDoc) })),
  default: z.string(),
  best: z.string(),
  params: z.record(z.string(), z.union([z.number(), z.array(z.array(z.number()))])).openapi({ description: 'The screening parameters in force; numeric ones can be overridden per request in `config`' }),
}).openapi('AlgorithmResponse');

const route = createRoute({
  method: 'get', path: '/algorithms', tags: ['Matching'], summary: 'The scoring algorithm, its features and parameters',
  responses: { 200: json(AlgorithmResponse, 'Algorithms') },
});

export function algorithmRoutes() {
  return router().openapi(route, (c) => c.json({ algorithms: ALGORITHMS, default: ALGORITHM.name, best: ALGORITHM.name, params: Object.fromEntries(Object.entries(SCREENING_PARAMS).map(([k, v]) => [k, typeof v === 'number' ? v : v.map((x) => [...x])])) }, 200));
}
