import type { SchemaName } from '../../model/schema.js';
import type { IndexedEntity, ScreeningIndex } from './index/build.js';
import { SCREENING_PARAMS, type ScreeningParams } from './params.js';
import { prepare, usable, type Prepared } from './prepared.js';
import { compatibleWith, scorePair, type Explanation } from './score.js';
import { typoBudget } from './features/name.js';

export interface MatchOptions {
  threshold?: number;
  limit?: number;
  /** Only entities this returns true for (dataset scope, include/exclude datasets, topics). */
  filter?: (e: IndexedEntity) => boolean;
  /** The same as a mask over entity positions (1 = screened), cheaper: a match thread's form of a filter. */
  mask?: Uint8Array;
  params?: Partial<ScreeningParams>;
  /**
   * Lowest score returned (default: any). Results below it are neither explained nor returned; `total` still counts
   * every match. `POST /match` passes its `cutoff`: most queries have a result or two above it, not `limit`.
   */
  floor?: number;
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
  /** False when the query has neither a name that normalizes to anything nor a valid identifier: nothing was screened. */
  usable: boolean;
}

/** The algorithm's name and version, reported by /algorithms and in every answer. */
export const ALGORITHM = { name: 'chokepoint-v1', description: 'Korean-aware token alignment with typo budgets, identifiers and qualifiers; explained per feature.' };

/** Reused accumulators of the pre-score (one process answers one query at a time). */
interface Scratch { acc: Float64Array; best: Float64Array; touched: number[]; tokenTouched: number[] }
const scratches = new WeakMap<ScreeningIndex, Scratch>();

function scratch(index: ScreeningIndex): Scratch {
  let s = scratches.get(index);
  if (!s) {
    const n = index.entities.length;
    s = { acc: new Float64Array(n), best: new Float64Array(n), touched: [], tokenTouched: [] };
    scratches.set(index, s);
  }
  return s;
}

/**
 * The k items with the highest score (ties: lower index first) that `accept` lets through, best first, without
 * sorting them all; `accept` is asked only about items good enough to enter the k kept so far.
 */
export function topK(items: number[], score: Float64Array, k: number, accept?: (item: number) => boolean): number[] {
  const better = (a: number, b: number) => score[a] > score[b] || (score[a] === score[b] && a < b);
  const heap: number[] = []; // min-heap on `better`: heap[0] is the worst kept
  const down = (i: number) => {
    for (;;) {
      const l = 2 * i + 1, r = l + 1;
      let w = i;
      if (l < heap.length && better(heap[w], heap[l])) w = l;
      if (r < heap.length && better(heap[w], heap[r])) w = r;
      if (w === i) return;
      [heap[i], heap[w]] = [heap[w], heap[i]];
      i = w;
    }
  };
  for (const x of items) {
    if (heap.length < k) {
      if (accept && !accept(x)) continue;
      heap.push(x);
      for (let i = heap.length - 1; i > 0;) {
        const parent = (i - 1) >> 1;
        if (!better(heap[parent], heap[i])) break;
        [heap[i], heap[parent]] = [heap[parent], heap[i]];
        i = parent;
      }
    } else if (k > 0 && better(x, heap[0]) && (!accept || accept(x))) {
      heap[0] = x;
      down(0);
    }
  }
  return heap.sort((a, b) => (better(a, b) ? -1 : better(b, a) ? 1 : 0));
}

/** Cheap pre-score: which entities share (near-)tokens, Korean keys or identifiers with the query. */
export function candidates(index: ScreeningIndex, q: Prepared, p: ScreeningParams, scope?: (ei: number) => boolean): number[] {
  const { acc, best, touched, tokenTouched } = scratch(index);
  touched.length = 0;
  const forced = new Set<number>();
  for (const name of q.names) {
    const f = name.form;
    const tokens = new Set(f.tokens);
    const joined = f.tokens.length > 1 ? f.tokens.join('') : undefined;
    if (joined) tokens.add(joined);
    for (const t of tokens) {
      // Each query token adds, per entity, its best-weighted hit: itself, a near spelling, or a sound-alike.
      const hits = new Map<number, number>();
      const exact = index.vocabulary.lookup(t);
      if (exact !== undefined) hits.set(exact, 1);
      // The same edit allowances the scoring grants: a typo budget per word, one slip for a name run together.
      const edits = t === joined ? p.joinedEdits : typoBudget(t.length, p);
      for (const near of index.vocabulary.near(t, edits)) hits.set(near.id, Math.max(hits.get(near.id) ?? 0, 1 - near.edits / (t.length + 1)));
      const code = t.length >= p.phoneticMinLength ? f.phonetic[f.tokens.indexOf(t)] : undefined;
      if (code) {
        for (const id of index.phonetic.get(code) ?? []) {
          if (index.vocabulary.tokens[id].length >= p.phoneticMinLength) hits.set(id, Math.max(hits.get(id) ?? 0, p.phoneticSimilarity));
        }
      }
      tokenTouched.length = 0;
      for (const [tid, w] of hits) {
        const weight = w * index.idf[tid];
        const postings = index.tokenPostings[tid];
        for (let k = 0; k < postings.length; k++) {
          const ei = postings[k];
          if (best[ei] === 0) tokenTouched.push(ei);
          if (weight > best[ei]) best[ei] = weight;
        }
      }
      for (const ei of tokenTouched) {
        if (acc[ei] === 0) touched.push(ei);
        acc[ei] += best[ei];
        best[ei] = 0;
      }
    }
    for (const k of f.norm.korean?.orderFreeKeys ?? []) for (const ei of index.korean.get(k) ?? []) forced.add(ei);
    for (const w of f.words) for (const ei of index.korean.get(`w:${w}`) ?? []) forced.add(ei);
  }
  for (const id of q.ids) for (const ei of index.identifiers.get(`${id.kind}:${id.value}`) ?? []) forced.add(ei);
  const ranked = topK(touched, acc, p.candidates, (ei) => !forced.has(ei) && (!scope || scope(ei)));
  for (const ei of touched) acc[ei] = 0;
  return [...[...forced].filter((ei) => !scope || scope(ei)), ...ranked];
}

/** Screens one query against the index: candidates, full scoring, threshold, deterministic order. */
export function matchQuery(index: ScreeningIndex, schema: SchemaName, properties: Record<string, string[]>, opts: MatchOptions = {}): MatchOutcome {
  const p: ScreeningParams = { ...SCREENING_PARAMS, ...opts.params };
  const threshold = opts.threshold ?? p.threshold;
  const q = prepare(schema, properties);
  if (!usable(q)) return { results: [], total: 0, candidates: 0, usable: false };
  const { filter, mask } = opts, codes = index.schemaCodes, schemaOk = compatibleWith(q.schemaCode);
  const scope = (ei: number) => schemaOk[codes[ei]] === 1 && (!mask || mask[ei] === 1) && (!filter || filter(index.entities[ei]));
  const cands = candidates(index, q, p, scope);
  // Rank every candidate by score alone, then explain only the ones returned (same scores: scorePair is deterministic).
  const ranked = cands.map((ei) => ({ entity: index.entities[ei], score: scorePair(q, index.entities[ei].prepared, p, false).score }));
  ranked.sort((a, b) => b.score - a.score || a.entity.id.localeCompare(b.entity.id));
  const total = ranked.filter((r) => r.score >= threshold).length;
  const floor = opts.floor ?? -Infinity;
  const kept = ranked.slice(0, opts.limit ?? 5).filter((r) => r.score >= floor);
  const results = kept.map(({ entity }): MatchResult => {
    const s = scorePair(q, entity.prepared, p);
    return { entity, score: s.score, match: s.score >= threshold, explanations: s.explanations };
  });
  return { results, total, candidates: cands.length, usable: true };
}
