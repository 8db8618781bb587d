/**
 * A streaming reader for FollowTheMoney JSON-lines files: one entity per line,
 * `{"id": ..., "schema": ..., "properties": {"prop": ["value", ...]}, "datasets": [...]}`.
 *
 * Every line is validated against src/model/schema.ts. A bad line never throws: it is reported in `rejected`
 * with its line number (1-based), its id when it has one, and the reason. Only an unreadable file throws a SourceError.
 *
 * Decisions:
 * - Ownership.percentage is a number in percent (FtM's convention): '50', '50%', '50.5' are accepted, '0.5' is
 *   half of one percent; a value that is not a number, or is below 0 or above 100, rejects the line. An Ownership
 *   without a percentage is kept (percentage undefined; the 50 % rule counts it as 0).
 * - Edges (Ownership, Directorship, UnknownLink) must have exactly one source and one target value.
 * - Dangling references: an edge whose source or target id is not an entity in the same file is DROPPED and
 *   reported in `rejected` (reason 'dangling reference: ...'). A relation to a party the file does not describe
 *   cannot be shown, screened or explained; keeping it would let an invisible owner count toward the 50 % rule.
 *   Entities referenced by other entity-typed properties (Sanction.entity, Vessel.owner ...) are not checked.
 * - A repeated id rejects the later line ('duplicate id').
 * - Edges may point to ids outside the file when the caller says they resolve (FtmReadOptions.external): an
 *   official list entity referenced by its id. Entity lines the caller reserves are rejected with its reason.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { SourceError } from '../types.js';
import { isSchemaName, propertyOf, SCHEMATA, type SchemaName } from '../../model/schema.js';
import type { FtmEntity } from '../../model/ftm.js';
import { parsePercentage, type OwnershipEdge } from '../../analyses/network/ownership.js';

export type EdgeSchema = 'Ownership' | 'Directorship' | 'UnknownLink';

export interface FtmEdge {
  id: string;
  schema: EdgeSchema;
  /** owner / director / subject */
  source: string;
  /** asset / organization / object */
  target: string;
  /** Ownership only: percent, 0..100. */
  percentage?: number;
  properties: Record<string, string[]>;
  datasets: string[];
  line: number;
}

export interface FtmRejection {
  line: number;
  id?: string;
  reason: string;
}

export interface FtmReadResult {
  entities: (FtmEntity & { schema: SchemaName; line: number })[];
  edges: FtmEdge[];
  rejected: FtmRejection[];
}

const EDGE_SCHEMATA: ReadonlySet<string> = new Set(['Ownership', 'Directorship', 'UnknownLink']);

/**
 * A NUL character or an unpaired UTF-16 surrogate: valid in a JSON string, but PostgreSQL text and jsonb cannot hold
 * it, so such a line was a 500 at import (found by fuzzing, issue #9). The line is rejected with this reason instead.
 */
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const unstorable = (values: unknown[]): boolean => values.some((v) => typeof v === 'string' && UNSTORABLE.test(v));
const UNSTORABLE_REASON = 'a NUL character or an unpaired surrogate (\\u0000, \\ud800 ...): not storable text';

/** Validates one parsed line; returns the reason it is refused, or the entity / edge. */
function validate(raw: unknown, line: number): FtmRejection | { entity: FtmReadResult['entities'][number] } | { edge: FtmEdge } {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return { line, reason: 'not a JSON object' };
  const o = raw as Record<string, unknown>;
  const id = typeof o.id === 'string' && o.id.trim() ? o.id : undefined;
  if (!id) return { line, reason: 'missing id' };
  if (typeof o.schema !== 'string') return { line, id, reason: 'missing schema' };
  if (!isSchemaName(o.schema)) return { line, id, reason: `unknown schema '${o.schema}'` };
  const schema = o.schema;
  const props = o.properties ?? {};
  if (props === null || typeof props !== 'object' || Array.isArray(props)) return { line, id, reason: 'properties is not an object' };
  const properties: Record<string, string[]> = {};
  for (const [prop, values] of Object.entries(props as Record<string, unknown>)) {
    if (!propertyOf(schema, prop)) return { line, id, reason: `schema ${schema} has no property '${prop}'` };
    if (!Array.isArray(values) || values.some((v) => typeof v !== 'string')) return { line, id, reason: `property '${prop}' is not a list of strings` };
    properties[prop] = values as string[];
  }
  if (unstorable([id, o.caption, ...Object.values(properties).flat()]) || (Array.isArray(o.datasets) && unstorable(o.datasets))
    || (Array.isArray(o.referents) && unstorable(o.referents))) {
    return { line, id: UNSTORABLE.test(id) ? undefined : id, reason: UNSTORABLE_REASON };
  }
  let datasets: string[] = [];
  if (o.datasets !== undefined) {
    if (!Array.isArray(o.datasets) || o.datasets.some((d) => typeof d !== 'string')) return { line, id, reason: 'datasets is not a list of strings' };
    datasets = o.datasets as string[];
  }
  if (EDGE_SCHEMATA.has(schema)) {
    const def = SCHEMATA[schema].edge!;
    const src = properties[def.source] ?? [];
    const tgt = properties[def.target] ?? [];
    if (src.length !== 1) return { line, id, reason: `${schema} needs exactly one '${def.source}' (has ${src.length})` };
    if (tgt.length !== 1) return { line, id, reason: `${schema} needs exactly one '${def.target}' (has ${tgt.length})` };
    const edge: FtmEdge = { id, schema: schema as EdgeSchema, source: src[0], target: tgt[0], properties, datasets, line };
    if (schema === 'Ownership' && properties.percentage !== undefined) {
      const vals = properties.percentage;
      if (vals.length > 1) return { line, id, reason: `Ownership has several percentages (${vals.join(', ')})` };
      if (vals.length === 1) {
        const p = parsePercentage(vals[0]);
        if (p === undefined) return { line, id, reason: `Ownership percentage '${vals[0]}' is not a number between 0 and 100` };
        edge.percentage = p;
      }
    }
    return { edge };
  }
  const caption = typeof o.caption === 'string' ? o.caption : (properties.name?.[0] ?? id);
  const entity: FtmReadResult['entities'][number] = { id, schema, caption, properties, datasets, line };
  if (Array.isArray(o.referents)) entity.referents = o.referents.filter((r): r is string => typeof r === 'string');
  return { entity };
}

/**
 * Ids that the file may reference without describing them (an official list entity, `ofac-9345`), and ids it may
 * not define (the same ones, or ids another dataset holds). The store-aware caller supplies them; the reader
 * touches no database.
 */
export interface FtmReadOptions {
  /** An id an edge may point to although the file does not describe it. */
  external?: (id: string) => boolean;
  /** Why an entity line may not define this id (undefined: it may). */
  reserved?: (id: string) => string | undefined;
}

/** Reads FtM JSON lines from any line source (a file, an HTTP body). Never throws on content. */
export async function readFtmLines(lines: AsyncIterable<string> | Iterable<string>, opts: FtmReadOptions = {}): Promise<FtmReadResult> {
  const entities: FtmReadResult['entities'] = [];
  const edges: FtmEdge[] = [];
  const rejected: FtmRejection[] = [];
  const seen = new Set<string>();
  let lineNo = 0;
  for await (const text of lines) {
    lineNo++;
    const t = lineNo === 1 ? text.replace(/^\uFEFF/, '').trim() : text.trim();
    if (!t) continue;
    let raw: unknown;
    try {
      raw = JSON.parse(t);
    } catch (err) {
      rejected.push({ line: lineNo, reason: `invalid JSON: ${(err as Error).message}` });
      continue;
    }
    const r = validate(raw, lineNo);
    if ('reason' in r) { rejected.push(r); continue; }
    const id = 'edge' in r ? r.edge.id : r.entity.id;
    if (seen.has(id)) { rejected.push({ line: lineNo, id, reason: 'duplicate id' }); continue; }
    const why = opts.reserved?.(id);
    if (why) { rejected.push({ line: lineNo, id, reason: why }); continue; }
    seen.add(id);
    if ('edge' in r) edges.push(r.edge);
    else entities.push(r.entity);
  }
  const known = new Set(entities.map((e) => e.id));
  const resolves = (v: string) => known.has(v) || (opts.external?.(v) ?? false);
  const kept: FtmEdge[] = [];
  for (const e of edges) {
    const def = SCHEMATA[e.schema].edge!;
    const missing = [[def.source, e.source], [def.target, e.target]].filter(([, v]) => !resolves(v));
    if (missing.length) {
      rejected.push({ line: e.line, id: e.id, reason: `dangling reference: ${missing.map(([p, v]) => `${p} '${v}'`).join(', ')} not in file${opts.external ? ' nor a listed entity' : ''}` });
    } else kept.push(e);
  }
  rejected.sort((a, b) => a.line - b.line);
  return { entities, edges: kept, rejected };
}

/** Reads an FtM JSON-lines file. Throws SourceError only when the file cannot be read. */
export async function readFtm(path: string, opts: FtmReadOptions = {}): Promise<FtmReadResult> {
  try {
    const s = await stat(path);
    if (!s.isFile()) throw new SourceError(path, undefined, 'not a file');
  } catch (err) {
    if (err instanceof SourceError) throw err;
    throw new SourceError(path, undefined, `cannot read: ${(err as Error).message}`);
  }
  let count = 0;
  async function* lines(): AsyncIterable<string> {
    const rl = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity });
    for await (const text of rl) { count++; yield text; }
  }
  try {
    return await readFtmLines(lines(), opts);
  } catch (err) {
    throw new SourceError(path, count || undefined, `cannot read: ${(err as Error).message}`);
  }
}

/** Splits a text body (an upload) into lines for readFtmLines. */
export function textLines(text: string): string[] {
  return text.split(/\r?\n/);
}

/** The Ownership edges in the form the 50 % rule takes (a missing percentage counts as 0). */
export function ownershipEdges(result: Pick<FtmReadResult, 'edges'>): OwnershipEdge[] {
  return result.edges.filter((e) => e.schema === 'Ownership').map((e) => ({
    id: e.id, owner: e.source, asset: e.target, percentage: e.percentage ?? 0, source: e.datasets[0] ?? e.id,
  }));
}
