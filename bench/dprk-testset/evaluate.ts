/**
 * Runs the DPRK screening test set against a screening index built from the real lists, and measures recall,
 * top-1 accuracy and the false-positive rate. Shared by bench/screening-dprk.bench.ts and its test.
 *
 *  - A positive is a hit at threshold t when the expected entity (any entity one of the row's list ids is a
 *    referent of) is among the top 5 results and scores at least t (a `match`).
 *  - Top-1: the first result is the expected entity and scores at least t.
 *  - A negative is a false positive at t when any result scores at least t.
 * Scores and the top 5 do not depend on the threshold (matchQuery only marks `match`), so one run per query serves
 * every threshold of the sweep.
 */
import type { Db } from '../../src/store/db.js';
import { openDb } from '../../src/store/db.js';
import { migrate } from '../../src/store/migrate.js';
import { update } from '../../src/ingest/update.js';
import { currentVersions } from '../../src/store/versions.js';
import { ScreeningService } from '../../src/analyses/screening/service.js';
import type { IndexedEntity, ScreeningIndex } from '../../src/analyses/screening/index/build.js';
import { matchQuery } from '../../src/analyses/screening/match.js';
import { SCREENING_PARAMS } from '../../src/analyses/screening/params.js';
import { prepare } from '../../src/analyses/screening/prepared.js';
import { scorePair, type Explanation } from '../../src/analyses/screening/score.js';
import type { SchemaName } from '../../src/model/schema.js';
import { listsMirror } from './lists.js';
import { expectedIds, FILE_SCHEMA, queryProperties, type NegativeRow, type PositiveRow, type TestSet } from './testset.js';

export const THRESHOLD = 0.7;
export const SWEEP = [0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9];
const TOP = 5;

/** Loads the newest OFAC SDN and UN lists (every staged version, as the product would) into `db`. */
export async function loadLists(db: Db, mirror = listsMirror()): Promise<string[]> {
  await update(db, { mirror, sources: ['ofac', 'un'] });
  return (await currentVersions(db)).map((v) => `${v.source}@${v.version}`);
}

/** An in-memory PGlite with the real lists, and the screening index built from it. */
export async function realIndex(mirror = listsMirror()): Promise<{ index: ScreeningIndex; versions: string[]; loadMs: number }> {
  const t0 = performance.now();
  const db = await openDb({});
  try {
    await migrate(db);
    const versions = await loadLists(db, mirror);
    const index = await new ScreeningService().reload(db);
    return { index, versions, loadMs: performance.now() - t0 };
  } finally {
    await db.close();
  }
}

export interface Hit {
  id: string;
  caption: string;
  schema: string;
  referents: string[];
  score: number;
  explanations: Record<string, Explanation>;
}

export interface PositiveOutcome {
  row: PositiveRow;
  top: Hit[];
  /** Best-scoring result of the expected entity within the top 5, and its rank (0-based). */
  expectedRank?: number;
  expectedScore: number;
  /** The expected entity scored directly against the query (also when it was not a candidate). */
  direct?: Hit;
}

export interface NegativeOutcome {
  row: NegativeRow;
  top: Hit[];
  score: number;
}

export interface Evaluation {
  positives: PositiveOutcome[];
  negatives: NegativeOutcome[];
  ms: number;
}

function hit(e: IndexedEntity, score: number, explanations: Record<string, Explanation>): Hit {
  return { id: e.id, caption: e.caption, schema: e.schema, referents: e.referents, score, explanations };
}

const isExpected = (e: { id: string; referents: string[] }, ids: string[]) => ids.includes(e.id) || e.referents.some((r) => ids.includes(r));

/** Screens every row of the test set. */
export function evaluate(index: ScreeningIndex, set: TestSet): Evaluation {
  const t0 = performance.now();
  const byReferent = new Map<string, IndexedEntity[]>();
  for (const e of index.entities) {
    for (const r of new Set([e.id, ...e.referents])) {
      const list = byReferent.get(r) ?? [];
      list.push(e);
      byReferent.set(r, list);
    }
  }
  const positives: PositiveOutcome[] = set.positives.map((row) => {
    const schema: SchemaName = FILE_SCHEMA[row.file];
    const props = queryProperties(row);
    const out = matchQuery(index, schema, props, { threshold: THRESHOLD, limit: TOP });
    const top = out.results.map((r) => hit(r.entity, r.score, r.explanations));
    const ids = expectedIds(row);
    let expectedRank: number | undefined;
    top.forEach((h, i) => {
      if (isExpected(h, ids) && (expectedRank === undefined || h.score > top[expectedRank].score)) expectedRank = i;
    });
    // The expected entity scored directly, to explain a miss (it may not even have been a candidate).
    const q = prepare(schema, props);
    let direct: Hit | undefined;
    for (const id of ids) {
      for (const e of byReferent.get(id) ?? []) {
        const s = scorePair(q, e.prepared, SCREENING_PARAMS);
        if (!direct || s.score > direct.score) direct = hit(e, s.score, s.explanations);
      }
    }
    const expectedScore = expectedRank !== undefined ? top[expectedRank].score : direct?.score ?? 0;
    return { row, top, ...(expectedRank !== undefined ? { expectedRank } : {}), expectedScore, ...(direct ? { direct } : {}) };
  });
  const negatives: NegativeOutcome[] = set.negatives.map((row) => {
    const out = matchQuery(index, row.schema as SchemaName, { name: [row.query] }, { threshold: THRESHOLD, limit: TOP });
    const top = out.results.map((r) => hit(r.entity, r.score, r.explanations));
    return { row, top, score: top[0]?.score ?? 0 };
  });
  return { positives, negatives, ms: performance.now() - t0 };
}

export const isHit = (o: PositiveOutcome, t: number) => o.expectedRank !== undefined && o.top[o.expectedRank].score >= t;
export const isTop1 = (o: PositiveOutcome, t: number) => o.expectedRank !== undefined && o.top[0].score >= t && isExpected(o.top[0], expectedIds(o.row));
export const isFalsePositive = (o: NegativeOutcome, t: number) => o.score >= t;

export interface Rate {
  n: number;
  k: number;
  rate: number;
}

const rate = (k: number, n: number): Rate => ({ n, k, rate: n ? k / n : 0 });

export interface Summary {
  threshold: number;
  recall: Rate;
  top1: Rate;
  fpr: Rate;
  /** `${file}/${kind}` → recall and top-1. */
  byKind: Map<string, { recall: Rate; top1: Rate }>;
  /** Negative kind → false-positive rate. */
  fprByKind: Map<string, Rate>;
}

export function summarize(ev: Evaluation, t: number): Summary {
  const byKind = new Map<string, { recall: Rate; top1: Rate }>();
  const groups = new Map<string, PositiveOutcome[]>();
  for (const o of ev.positives) {
    for (const key of [`${o.row.file}/${o.row.kind}`, `${o.row.file}/*`]) groups.set(key, [...(groups.get(key) ?? []), o]);
  }
  for (const [key, os] of [...groups].sort(([a], [b]) => a.localeCompare(b))) {
    byKind.set(key, { recall: rate(os.filter((o) => isHit(o, t)).length, os.length), top1: rate(os.filter((o) => isTop1(o, t)).length, os.length) });
  }
  const fprByKind = new Map<string, Rate>();
  const negGroups = new Map<string, NegativeOutcome[]>();
  for (const o of ev.negatives) negGroups.set(o.row.kind, [...(negGroups.get(o.row.kind) ?? []), o]);
  for (const [kind, os] of [...negGroups].sort(([a], [b]) => a.localeCompare(b))) fprByKind.set(kind, rate(os.filter((o) => isFalsePositive(o, t)).length, os.length));
  return {
    threshold: t,
    recall: rate(ev.positives.filter((o) => isHit(o, t)).length, ev.positives.length),
    top1: rate(ev.positives.filter((o) => isTop1(o, t)).length, ev.positives.length),
    fpr: rate(ev.negatives.filter((o) => isFalsePositive(o, t)).length, ev.negatives.length),
    byKind,
    fprByKind,
  };
}

/**
 * Why the misses at t missed: `retrieval` — the expected entity scores at least t when scored directly, but the
 * candidate search never brought it into the top 5; `score` — it scores below t.
 */
export function missCauses(ev: Evaluation, t: number): { retrieval: PositiveOutcome[]; score: PositiveOutcome[] } {
  const misses = ev.positives.filter((o) => !isHit(o, t));
  const retrieval = misses.filter((o) => o.expectedRank === undefined && (o.direct?.score ?? 0) >= t);
  return { retrieval, score: misses.filter((o) => !retrieval.includes(o)) };
}

/** Misses at t, worst (lowest score of the expected entity) first. */
export function worstMisses(ev: Evaluation, t: number, n = 10): PositiveOutcome[] {
  return ev.positives.filter((o) => !isHit(o, t)).sort((a, b) => a.expectedScore - b.expectedScore || a.row.query.localeCompare(b.row.query)).slice(0, n);
}

/** False positives at t, highest score first. */
export function worstFalsePositives(ev: Evaluation, t: number, n = 10): NegativeOutcome[] {
  return ev.negatives.filter((o) => isFalsePositive(o, t)).sort((a, b) => b.score - a.score || a.row.query.localeCompare(b.row.query)).slice(0, n);
}

// ---------------------------------------------------------------------------------------------------------------
// Formatting

const pct = (r: Rate) => `${(100 * r.rate).toFixed(1).padStart(5)}% (${r.k}/${r.n})`;

export function formatExplanations(ex: Record<string, Explanation>): string[] {
  return Object.entries(ex).map(([feature, e]) => {
    const sides = e.query || e.candidate ? ` [${(e.query ?? []).join(' | ')} ~ ${(e.candidate ?? []).join(' | ')}]` : '';
    return `${feature}: score ${e.score} contribution ${e.contribution >= 0 ? '+' : ''}${e.contribution} — ${e.detail}${sides}`;
  });
}

export function formatSummary(s: Summary): string[] {
  const out = [
    `threshold ${s.threshold.toFixed(2)}: recall ${pct(s.recall)}   top-1 ${pct(s.top1)}   false positives ${pct(s.fpr)}`,
    '  recall / top-1 by file and kind:',
  ];
  for (const [key, v] of s.byKind) out.push(`    ${key.padEnd(28)} recall ${pct(v.recall)}   top-1 ${pct(v.top1)}`);
  out.push('  false-positive rate by negative kind:');
  for (const [kind, r] of s.fprByKind) out.push(`    ${kind.padEnd(28)} ${pct(r)}`);
  return out;
}

export function formatSweep(ev: Evaluation, thresholds = SWEEP): string[] {
  const out = ['threshold  recall            top-1             false positives'];
  for (const t of thresholds) {
    const s = summarize(ev, t);
    out.push(`  ${t.toFixed(2)}     ${pct(s.recall)}   ${pct(s.top1)}   ${pct(s.fpr)}`);
  }
  return out;
}

export function formatMiss(o: PositiveOutcome): string[] {
  const where = o.expectedRank !== undefined ? `rank ${o.expectedRank + 1} of the top ${TOP}`
    : o.expectedScore >= THRESHOLD ? `NOT RETRIEVED (scored directly it would match; the candidate search missed it)` : `not in the top ${TOP}`;
  const first = o.top[0] ? `${o.top[0].id} "${o.top[0].caption}" ${o.top[0].score.toFixed(3)}` : 'nothing';
  const out = [
    `${o.row.file}/${o.row.kind} "${o.row.query}" → expected ${o.row.list_id} "${o.row.listed_name}": score ${o.expectedScore.toFixed(3)}, ${where}; first result: ${first}`,
  ];
  const ex = o.expectedRank !== undefined ? o.top[o.expectedRank].explanations : o.direct?.explanations;
  if (ex) for (const l of formatExplanations(ex)) out.push(`      ${l}`);
  return out;
}

export function formatFalsePositive(o: NegativeOutcome): string[] {
  const h = o.top[0];
  const out = [`${o.row.kind} "${o.row.query}" (${o.row.schema}) → ${h.id} "${h.caption}" ${h.schema} score ${h.score.toFixed(3)}`];
  for (const l of formatExplanations(h.explanations)) out.push(`      ${l}`);
  return out;
}
