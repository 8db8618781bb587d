import type { SchemaName } from '../../model/schema.js';
import type { IndexedEntity, ScreeningIndex } from './index/build.js';
import { SCREENING_PARAMS, type ScreeningParams } from './params.js';
import { prepare, type Prepared } from './prepared.js';
import { scorePair, schemaCompatible, type Explanation } from './score.js';
import { typoBudget } from './features/name.js';

export interface MatchOptions {
  threshold?: number;
  limit?: number;
  /** Only entities this returns true for (dataset scope, include/exclude datasets, topics). */
  filter?: (e: IndexedEntity) => boolean;
  params?: Partial<ScreeningParams>;
}

export interface MatchResult {
  entity: IndexedEntity;
  score: number;
  match: boolean;
  explanations: Record<string, Explanation>;
}

export interface MatchOutcome {
  results: MatchResult[];
  /** How many candidates scored at or above the threshold (before `limit`). */
  total: number;
  candidates: number;
}

/** The algorithm's name and version, reported by /algorithms and in every answer. */
export const ALGORITHM = { name: 'chokepoint-v1', description: 'Korean-aware token alignment with typo budgets, identifiers and qualifiers; explained per feature.' };

/** Cheap pre-score: which entities share (near-)tokens, Korean keys or identifiers with the query. */
export function candidates(index: ScreeningIndex, q: Prepared, p: ScreeningParams, filter?: (e: IndexedEntity) => boolean): number[] {
  const acc = new Map<number, number>();
  const forced = new Set<number>();
  const bump = (ei: number, w: number) => acc.set(ei, (acc.get(ei) ?? 0) + w);
  for (const name of q.names) {
    const f = name.form;
    const tokens = new Set([...f.tokens, ...f.norm.tokens]);
    for (const t of tokens) {
      const hits = new Map<number, number>();
      const exact = index.vocabulary.lookup(t);
      if (exact !== undefined) hits.set(exact, 1);
      for (const near of index.vocabulary.near(t, typoBudget(t.length, p))) hits.set(near.id, Math.max(hits.get(near.id) ?? 0, 1 - near.edits / (t.length + 1)));
      const code = f.phonetic[f.tokens.indexOf(t)];
      if (code) for (const id of index.phonetic.get(code) ?? []) hits.set(id, Math.max(hits.get(id) ?? 0, p.phoneticSimilarity));
      const best = new Map<number, number>();
      for (const [tid, w] of hits) {
        const weight = w * index.idf[tid];
        for (const ei of index.tokenPostings[tid]) if (weight > (best.get(ei) ?? 0)) best.set(ei, weight);
      }
      for (const [ei, w] of best) bump(ei, w);
    }
    for (const k of f.norm.korean?.orderFreeKeys ?? []) for (const ei of index.korean.get(k) ?? []) forced.add(ei);
  }
  for (const id of q.ids) for (const ei of index.identifiers.get(`${id.kind}:${id.value}`) ?? []) forced.add(ei);
  const ranked = [...acc].filter(([ei]) => !forced.has(ei)).sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  const out = [...forced];
  for (const [ei] of ranked) {
    if (out.length >= p.candidates + forced.size) break;
    out.push(ei);
  }
  return filter ? out.filter((ei) => filter(index.entities[ei])) : out;
}

/** Screens one query against the index: candidates, full scoring, threshold, deterministic order. */
export function matchQuery(index: ScreeningIndex, schema: SchemaName, properties: Record<string, string[]>, opts: MatchOptions = {}): MatchOutcome {
  const p: ScreeningParams = { ...SCREENING_PARAMS, ...opts.params };
  const threshold = opts.threshold ?? p.threshold;
  const q = prepare(schema, properties);
  const scope = (e: IndexedEntity) => schemaCompatible(schema, e.schema) && (!opts.filter || opts.filter(e));
  const cands = candidates(index, q, p, scope);
  const results: MatchResult[] = [];
  for (const ei of cands) {
    const e = index.entities[ei];
    const s = scorePair(q, e.prepared, p);
    results.push({ entity: e, score: s.score, match: s.score >= threshold, explanations: s.explanations });
  }
  results.sort((a, b) => b.score - a.score || a.entity.id.localeCompare(b.entity.id));
  const total = results.filter((r) => r.match).length;
  return { results: results.slice(0, opts.limit ?? 5), total, candidates: cands.length };
}
