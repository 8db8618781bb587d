import { z } from '@hono/zod-openapi';
import { ALGORITHM } from '../../analyses/screening/match.js';

/** Zod schemas of the wire format: they validate requests and document every route in /openapi.json. */

// ---- query parameters ---------------------------------------------------------------------------------------

const numberText = (integer: boolean) =>
  z.string().regex(integer ? /^\s*\d+\s*$/ : /^\s*-?\d+(\.\d+)?\s*$/, integer ? 'expected a whole number' : 'expected a number');
const numberRange = (min: number, max: number, integer: boolean) => (integer ? z.number().int() : z.number()).min(min).max(max);

/** A numeric query parameter: absent → default; anything but a number, or out of range → 400. */
export function numberParam(def: number, min: number, max: number, description: string, integer = false) {
  return numberText(integer).optional().transform((v) => (v === undefined ? def : Number(v))).pipe(numberRange(min, max, integer))
    .openapi({ type: integer ? 'integer' : 'number', minimum: min, maximum: max, default: def, description });
}

/** A numeric query parameter without a default (undefined when absent). */
export function optionalNumberParam(min: number, max: number, description: string) {
  return numberText(false).optional().transform((v) => (v === undefined ? undefined : Number(v))).pipe(numberRange(min, max, false).optional())
    .openapi({ type: 'number', minimum: min, maximum: max, description });
}

/** A repeatable query parameter (`?topics=a&topics=b`). */
export function listParam(description: string) {
  return z.union([z.string(), z.array(z.string())]).optional()
    .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]))
    .openapi({ type: 'array', items: { type: 'string' }, description });
}

export const DatasetParam = z.object({
  dataset: z.string().max(100).openapi({ param: { name: 'dataset', in: 'path' }, example: 'default', description: 'default, sanctions, dprk, or one list dataset (see /catalog)' }),
});

export const AlgorithmParam = z.string().max(100).optional().openapi({ description: `${ALGORITHM.name} (also: best)`, example: ALGORITHM.name });

export const ScopeParams = {
  include_dataset: listParam('Only entities in one of these datasets (list datasets or collections)'),
  exclude_dataset: listParam('Drop entities in any of these datasets'),
  topics: listParam('Only entities carrying one of these topics (e.g. sanction)'),
};

// ---- request bodies ---------------------------------------------------------------------------------------------

const Value = z.union([z.string(), z.number()]);
export const PropertyValues = z.union([Value, z.array(Value)])
  .openapi({ description: 'An array of strings; a bare string (or number) is accepted and wrapped', example: ['RI Yong Gil'] });

export const EntityExample = z.object({
  id: z.string().max(200).optional(),
  schema: z.string().max(100).optional().openapi({ example: 'Person', description: 'Person, Organization, Company, LegalEntity, Vessel, Aircraft, PublicBody' }),
  properties: z.record(z.string(), PropertyValues).optional()
    .openapi({ example: { name: ['Lee Young-kil'], birthDate: ['1955'], nationality: ['kp'] } }),
}).openapi('EntityExample');

const NumericParams = z.record(z.string(), z.number())
  .openapi({ description: 'Overrides of the numeric screening parameters by name (see /algorithms); unknown names are refused', example: {} });

export const MatchBody = z.object({
  queries: z.record(z.string(), EntityExample).openapi({ description: 'Up to 100 queries, keyed by a name of your choice' }),
  weights: NumericParams.optional(),
  config: NumericParams.optional(),
}).openapi('EntityMatchQuery');

export const CompareBody = z.object({
  schema: z.string().max(100).openapi({ example: 'Person' }),
  a: z.record(z.string(), PropertyValues).openapi({ example: { name: ['RI Yong Gil'] } }),
  b: z.record(z.string(), PropertyValues).openapi({ example: { name: ['Lee Young-kil'] } }),
  weights: NumericParams.optional(),
  config: NumericParams.optional(),
}).openapi('CompareQuery');

// ---- responses --------------------------------------------------------------------------------------------------

export const ErrorResponse = z.object({
  status: z.number().int().openapi({ example: 400 }),
  message: z.string().openapi({ example: 'unknown schema "Persn"' }),
  detail: z.unknown().optional(),
}).openapi('ErrorResponse');

export const TotalSpec = z.object({ value: z.number().int(), relation: z.enum(['eq', 'gte']) }).openapi('TotalSpec');

export const Explanation = z.object({
  score: z.number(),
  contribution: z.number(),
  detail: z.string(),
  query: z.array(z.string()).optional(),
  candidate: z.array(z.string()).optional(),
}).openapi('Explanation');

export const Properties = z.record(z.string(), z.array(z.string())).openapi({ example: { name: ['RI, Yong Gil'], topics: ['sanction'] } });

export const EntityResponse = z.object({
  id: z.string().openapi({ example: 'ofac-33936' }),
  caption: z.string(),
  schema: z.string(),
  properties: Properties,
  datasets: z.array(z.string()),
  referents: z.array(z.string()).openapi({ example: ['ofac-33936', 'un-KPi.077'] }),
  target: z.boolean(),
  first_seen: z.string().nullable(),
  last_seen: z.string().nullable(),
}).openapi('EntityResponse');

export const ScoredEntity = EntityResponse.extend({
  score: z.number(),
  match: z.boolean(),
  explanations: z.record(z.string(), Explanation),
  features: z.record(z.string(), z.number()).openapi({ description: 'Feature scores (yente compatibility); explanations say the same in words' }),
}).openapi('ScoredEntityResponse');

export const QueryEcho = z.object({
  id: z.string().optional(),
  schema: z.string().optional(),
  properties: z.record(z.string(), z.array(z.string())),
}).openapi('NormalizedQuery');

export const EntityMatches = z.object({
  status: z.number().int().openapi({ description: '200, or 400 when this query was refused (see message)' }),
  message: z.string().optional(),
  warnings: z.array(z.string()).optional().openapi({ description: 'Properties that were ignored, and why' }),
  results: z.array(ScoredEntity),
  total: TotalSpec,
  query: QueryEcho,
}).openapi('EntityMatches');

export const FeatureDoc = z.object({ description: z.string(), coefficient: z.number() }).openapi('FeatureDoc');

export const MatchResponse = z.object({
  responses: z.record(z.string(), EntityMatches),
  limit: z.number().int(),
  algorithm: z.string(),
  versions: z.array(z.string()).openapi({ description: 'List versions the index was built from', example: ['ofac@2024-05-03', 'un@2026-05-08'] }),
  matcher: z.record(z.string(), FeatureDoc),
}).openapi('EntityMatchResponse');

export const CompareResponse = z.object({
  score: z.number(),
  match: z.boolean(),
  explanations: z.record(z.string(), Explanation),
  algorithm: z.string(),
}).openapi('CompareResponse');

export const SearchResponse = z.object({
  results: z.array(EntityResponse.extend({ score: z.number() })),
  total: TotalSpec,
  limit: z.number().int(),
  offset: z.number().int(),
}).openapi('SearchResponse');

/** Standard error responses for a route, for the OpenAPI document. */
export function errors(...codes: number[]) {
  const text: Record<number, string> = {
    400: 'Invalid input', 404: 'Not found', 413: 'Body larger than 1 MB', 415: 'Wrong content type', 503: 'Index or database not ready',
  };
  return Object.fromEntries(codes.map((code) => [code, {
    description: text[code] ?? 'Error', content: { 'application/json': { schema: ErrorResponse } },
  }])) as Record<number, { description: string; content: { 'application/json': { schema: typeof ErrorResponse } } }>;
}

export const json = <T extends z.ZodType>(schema: T, description: string) => ({ description, content: { 'application/json': { schema } } });
