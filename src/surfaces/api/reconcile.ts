import { z } from '@hono/zod-openapi';
import { matchQuery } from '../../analyses/screening/match.js';
import { SCREENING_PARAMS } from '../../analyses/screening/params.js';
import type { IndexedEntity, ScreeningIndex } from '../../analyses/screening/index/build.js';
import { SCHEMATA } from '../../model/schema.js';
import { HttpError, validationError } from './errors.js';
import { LIMITS, normalizeExample, querySchema } from './input.js';
import { features } from './shape.js';

/** OpenRefine reconciliation (Reconciliation Service API v0.2) over the screening index. */

export const RECONCILE_TYPES = ['Person', 'Company', 'Organization', 'Vessel', 'LegalEntity'] as const;
/** Lowest score offered as a candidate (0-1); OpenRefine shows the rest for a human to judge. */
const RECONCILE_CUTOFF = 0.5;

const ReconValue = z.union([z.string(), z.number(), z.object({ id: z.string() })]);
export const ReconQuery = z.object({
  query: z.string().optional().openapi({ example: 'Lee Young-kil' }),
  type: z.union([z.string(), z.array(z.string())]).optional().openapi({ example: 'Person' }),
  type_strict: z.string().optional(),
  limit: z.number().int().min(1).max(100).optional(),
  properties: z.array(z.object({ pid: z.string(), v: z.union([ReconValue, z.array(ReconValue)]) })).optional()
    .openapi({ example: [{ pid: 'nationality', v: 'kp' }] }),
}).openapi('ReconciliationQuery');
const ReconBatch = z.record(z.string(), ReconQuery);

export const ReconCandidate = z.object({
  id: z.string(), name: z.string(), type: z.array(z.object({ id: z.string(), name: z.string() })),
  score: z.number().openapi({ description: '0 to 100' }), match: z.boolean(), description: z.string(),
  features: z.array(z.object({ id: z.string(), value: z.number() })),
}).openapi('ReconciliationCandidate');
export const ReconResults = z.record(z.string(), z.object({ result: z.array(ReconCandidate) })).openapi('ReconciliationResults');

export const Manifest = z.object({
  versions: z.array(z.string()), name: z.string(), identifierSpace: z.string(), schemaSpace: z.string(),
  defaultTypes: z.array(z.object({ id: z.string(), name: z.string() })), view: z.object({ url: z.string() }),
  documentation: z.string(), batchSize: z.number().int(),
}).openapi('ReconciliationManifest');

/** The service manifest OpenRefine reads when the service is added. */
export function manifest(base: string, dataset: string): z.infer<typeof Manifest> {
  return {
    versions: ['0.2'],
    name: `Chokepoint sanctions screening (${dataset})`,
    identifierSpace: `${base}/entities/`,
    schemaSpace: 'https://followthemoney.tech/explorer/schemata/',
    defaultTypes: RECONCILE_TYPES.map((t) => ({ id: t, name: SCHEMATA[t].label })),
    view: { url: `${base}/entities/{{id}}` },
    documentation: `${base}/docs`,
    batchSize: 20,
  };
}

/** Parses the `queries` field (a JSON object of queries); malformed → 400. */
export function parseBatch(text: string): z.infer<typeof ReconBatch> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new HttpError(400, 'queries is not valid JSON: send a JSON object of queries, e.g. {"q0": {"query": "RI Yong Gil", "type": "Person"}}');
  }
  const parsed = ReconBatch.safeParse(raw);
  if (!parsed.success) throw validationError('queries', parsed.error);
  const n = Object.keys(parsed.data).length;
  if (n > LIMITS.queries) throw new HttpError(400, `too many queries in one batch: ${n} (the limit is ${LIMITS.queries})`);
  return parsed.data;
}

const valueText = (v: z.infer<typeof ReconValue>) => (typeof v === 'object' ? v.id : String(v));

/** One reconciliation query: its type and properties as a screening query, candidates scored 0-100. */
export function reconcileOne(index: ScreeningIndex, q: z.infer<typeof ReconQuery>, filter: (e: IndexedEntity) => boolean) {
  const type = Array.isArray(q.type) ? q.type[0] : q.type;
  const schema = type ? querySchema(type) : 'Thing';
  const properties: Record<string, string[]> = {};
  if (q.query !== undefined) properties.name = [q.query];
  for (const p of q.properties ?? []) {
    const prop = p.pid.slice(p.pid.lastIndexOf(':') + 1);
    (properties[prop] ??= []).push(...(Array.isArray(p.v) ? p.v : [p.v]).map(valueText));
  }
  const ex = normalizeExample({ schema, properties }, { anyOk: true });
  if (!ex.ok && ex.reason === 'empty') return { result: [] };
  if (!ex.ok) throw new HttpError(400, ex.message);
  const out = matchQuery(index, ex.schema, ex.properties, { threshold: SCREENING_PARAMS.threshold, limit: q.limit ?? 5, filter });
  return {
    result: out.results.filter((r) => r.score >= RECONCILE_CUTOFF).map((r) => ({
      id: r.entity.id, name: r.entity.caption, type: [{ id: r.entity.schema, name: SCHEMATA[r.entity.schema].label }],
      score: Math.round(r.score * 10000) / 100, match: r.match,
      description: `${r.entity.datasets.join(', ')} · ${r.entity.referents.join(', ')}`,
      features: Object.entries(features(r.explanations)).map(([id, value]) => ({ id, value })),
    })),
  };
}
