import { SCHEMATA, SCHEMA_NAMES, propertyOf, type SchemaName } from '../../model/schema.js';
import { parseSchema, prepare, usable } from '../../analyses/screening/prepared.js';
import { SCREENING_PARAMS, type ScreeningParams } from '../../analyses/screening/params.js';
import { HttpError } from './errors.js';

/** Input limits: absurd input is refused clearly instead of being truncated silently. */
export const LIMITS = { queries: 100, valueLength: 1000, valuesPerProperty: 50, matchLimit: 500 } as const;

/** Schemas a query may name: the matchable ones (Thing too where noted: any matchable entity). */
export const MATCHABLE = SCHEMA_NAMES.filter((s) => SCHEMATA[s].matchable);

type RawValues = string | number | (string | number)[];

export interface NormalizedQuery {
  id?: string;
  schema?: string;
  properties: Record<string, string[]>;
}

export type ExampleOutcome =
  | { ok: true; schema: SchemaName; properties: Record<string, string[]>; warnings: string[]; query: NormalizedQuery }
  | { ok: false; reason: 'schema' | 'value' | 'empty'; message: string; query: NormalizedQuery };

/** Wraps bare values, stringifies numbers, trims, drops empties and duplicates. */
function values(raw: RawValues): string[] {
  const list = (Array.isArray(raw) ? raw : [raw]).map((v) => String(v).replace(/\s+/g, ' ').trim()).filter(Boolean);
  return [...new Set(list)];
}

/** The schema a query names, checked: known, and one that screening can match (Thing allowed where `anyOk`). */
export function querySchema(name: string | undefined, anyOk = false): SchemaName {
  const allowed = anyOk ? ['Thing', ...MATCHABLE] : MATCHABLE;
  if (name === undefined || name === '') throw new HttpError(400, `schema missing: one of ${allowed.join(', ')}`);
  let schema: SchemaName;
  try {
    schema = parseSchema(name);
  } catch {
    throw new HttpError(400, `unknown schema "${name}": one of ${allowed.join(', ')}`);
  }
  if (!allowed.includes(schema)) throw new HttpError(400, `schema "${name}" cannot be screened: one of ${allowed.join(', ')}`);
  return schema;
}

/** A property of the schema (for Thing, the untyped query: of any matchable schema). */
function knownProperty(schema: SchemaName, prop: string): boolean {
  const has = (s: SchemaName) => typeof propertyOf(s, prop) === 'object';
  return schema === 'Thing' ? MATCHABLE.some(has) : has(schema);
}

/** Said of a query without a usable name or identifier, here or where the screening finds it (MatchOutcome.usable). */
export const UNUSABLE_QUERY = 'no usable name and no valid identifier: give properties.name (or alias, or firstName and lastName) or an identifier such as imoNumber';

export interface ExampleChecks {
  /** Thing allowed: the query may match any matchable schema. */
  anyOk?: boolean;
  /**
   * Check here that the query has a usable name or identifier (default), which prepares it; `false` where the
   * screening that follows reports it (`MatchOutcome.usable`), so a query is prepared once.
   */
  usable?: boolean;
}

/**
 * Checks and normalizes one query (a yente EntityExample): a known matchable schema, values as arrays of strings of
 * sane length, and at least a usable name or identifier. Properties the schema does not have are dropped with a
 * warning (yente clients send FtM properties Chokepoint does not model).
 */
export function normalizeExample(raw: { id?: string; schema?: string; properties?: Record<string, RawValues> }, checks: ExampleChecks = {}): ExampleOutcome {
  const anyOk = checks.anyOk ?? false;
  const query: NormalizedQuery = { ...(raw.id !== undefined ? { id: raw.id } : {}), ...(raw.schema !== undefined ? { schema: raw.schema } : {}), properties: {} };
  const fail = (message: string, reason: 'schema' | 'value' | 'empty' = 'value'): ExampleOutcome => ({ ok: false, reason, message, query });
  for (const [prop, v] of Object.entries(raw.properties ?? {})) {
    const list = values(v);
    if (list.length) query.properties[prop] = list;
  }
  let schema: SchemaName;
  try {
    schema = querySchema(raw.schema, anyOk);
  } catch (err) {
    return fail((err as Error).message, 'schema');
  }
  const warnings: string[] = [];
  const properties: Record<string, string[]> = {};
  for (const [prop, list] of Object.entries(query.properties)) {
    const long = list.find((x) => x.length > LIMITS.valueLength);
    if (long) return fail(`properties.${prop}: a value is ${long.length.toLocaleString('en')} characters long; the limit is ${LIMITS.valueLength.toLocaleString('en')}`);
    if (list.length > LIMITS.valuesPerProperty) return fail(`properties.${prop}: ${list.length} values; the limit is ${LIMITS.valuesPerProperty}`);
    if (!knownProperty(schema, prop)) warnings.push(`properties.${prop}: not a ${schema} property; ignored`);
    else properties[prop] = list;
  }
  if (checks.usable !== false && !usable(prepare(schema, properties))) return fail(UNUSABLE_QUERY, 'empty');
  return { ok: true, schema, properties, warnings, query: { ...query, properties } };
}

/** Numeric screening parameters a request may override, with the range each may take. */
const OVERRIDABLE = Object.entries(SCREENING_PARAMS).filter(([, v]) => typeof v === 'number').map(([k]) => k);
const RANGES: Record<string, [number, number, boolean]> = { threshold: [0, 1, false], candidates: [1, 1000, true] };

/** The yente `weights` and `config` objects as screening parameter overrides; unknown names or absurd values → 400. */
export function paramOverrides(...objects: (Record<string, number> | undefined)[]): Partial<ScreeningParams> {
  const out: Record<string, number> = {};
  for (const obj of objects) {
    for (const [key, value] of Object.entries(obj ?? {})) {
      if (!OVERRIDABLE.includes(key)) throw new HttpError(400, `unknown scoring parameter "${key}": one of ${OVERRIDABLE.join(', ')}`);
      const [min, max, integer] = RANGES[key] ?? [0, 100, false];
      if (!Number.isFinite(value) || value < min || value > max || (integer && !Number.isInteger(value))) {
        throw new HttpError(400, `scoring parameter ${key} must be ${integer ? 'a whole number' : 'a number'} from ${min} to ${max}`);
      }
      out[key] = value;
    }
  }
  return out as Partial<ScreeningParams>;
}

/** Parameters for one request: overrides, and enough candidates for the page asked for. */
export function requestParams(overrides: Partial<ScreeningParams>, wanted: number): Partial<ScreeningParams> {
  return { ...overrides, candidates: overrides.candidates ?? Math.max(SCREENING_PARAMS.candidates, wanted) };
}
