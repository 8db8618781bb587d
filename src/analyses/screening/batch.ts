import type { InputRow } from '../../sources/input/rows.js';
import type { SchemaName } from '../../model/schema.js';
import type { IndexedEntity, ScreeningIndex } from './index/build.js';
import { matchQuery, type MatchResult } from './match.js';
import { describeSuppression, type Suppression, type SuppressionList } from './suppressions.js';

/** A query as a batch row carries it: an input row (sources/input), its position optional. */
export type BatchQuery = Omit<InputRow, 'position'> & { position?: number };

export interface ScreenOptions {
  threshold?: number;
  /** Results kept after suppressions (default 5). */
  limit?: number;
  /** Dataset scope (see datasets.ts datasetScope). */
  filter?: (e: IndexedEntity) => boolean;
  suppressions?: SuppressionList;
}

export interface SuppressedHit {
  result: MatchResult;
  suppression: Suppression;
}

export interface Screening {
  /** Best first, suppressed hits removed (the next best move up); candidates that scored 0 left out. */
  results: MatchResult[];
  /** Hits (at or above the threshold) a suppression removed: kept for the audit trail. */
  suppressed: SuppressedHit[];
  /** Matches at or above the threshold, suppressed ones not counted. */
  total: number;
  candidates: number;
}

/** Screens one query: the matcher's results with reviewed false positives taken out (and recorded). */
export function screenQuery(
  index: ScreeningIndex, q: { schema: SchemaName; properties: Record<string, string[]>; names: string[] }, opts: ScreenOptions = {},
): Screening {
  const limit = opts.limit ?? 5;
  const applicable = opts.suppressions?.forQuery(q.names) ?? [];
  const out = matchQuery(index, q.schema, q.properties, { limit: limit + applicable.length, ...(opts.threshold !== undefined ? { threshold: opts.threshold } : {}), ...(opts.filter ? { filter: opts.filter } : {}) });
  const results: MatchResult[] = [];
  const suppressed: SuppressedHit[] = [];
  for (const r of out.results) {
    if (r.score <= 0) continue;
    const s = applicable.length ? opts.suppressions!.find(q.names, r.entity, applicable) : undefined;
    if (!s) results.push(r);
    else if (r.match) suppressed.push({ result: r, suppression: s });
  }
  return { results: results.slice(0, limit), suppressed, total: out.total - suppressed.length, candidates: out.candidates };
}

export interface RowResult {
  row: BatchQuery;
  /** Absent for a malformed row. */
  screening?: Screening;
}

/** Counts of a batch run, for its summary line. */
export class BatchStats {
  rows = 0;
  screened = 0;
  matches = 0;
  errors = 0;
  suppressed = 0;
  written = 0;
  readonly started = performance.now();

  add(r: RowResult, written: boolean): void {
    this.rows++;
    if (r.row.error) this.errors++;
    else this.screened++;
    if (r.screening?.results[0]?.match) this.matches++;
    this.suppressed += r.screening?.suppressed.length ?? 0;
    if (written) this.written++;
  }

  get seconds(): number {
    return (performance.now() - this.started) / 1000;
  }

  get rowsPerSecond(): number {
    return this.rows / Math.max(this.seconds, 1e-9);
  }
}

export interface BatchOptions extends ScreenOptions {
  /**
   * Pass on only rows with a hit, or with a hit a suppression hid (re-screening against list deltas: a row
   * without one has nothing new to review). Malformed rows are always passed on.
   */
  onlyHits?: boolean;
  stats?: BatchStats;
}

/** Does this row have something to review: a match, or a match a suppression took out? */
export function hasHit(r: RowResult): boolean {
  return !!r.screening?.results[0]?.match || !!r.screening?.suppressed.length;
}

/** Screens rows one at a time as they are read (the input is never held whole); malformed rows pass through with their error. */
export async function* screenRows(index: ScreeningIndex, rows: AsyncIterable<BatchQuery> | Iterable<BatchQuery>, opts: BatchOptions = {}): AsyncGenerator<RowResult> {
  const limit = opts.limit ?? BATCH_RESULTS_PER_ROW;
  for await (const row of rows) {
    const r: RowResult = row.error ? { row } : { row, screening: screenQuery(index, { ...row, names: [row.name] }, { ...opts, limit }) };
    if (passOn(r, opts)) yield r;
  }
}

/** Counts a screened row and says whether it is passed on (see BatchOptions.onlyHits). */
export function passOn(r: RowResult, opts: Pick<BatchOptions, 'onlyHits' | 'stats'>): boolean {
  const keep = !!r.row.error || !opts.onlyHits || hasHit(r);
  opts.stats?.add(r, keep);
  return keep;
}

/** Results kept per row in a batch: the best match and the runner-up (for the second_score column). */
export const BATCH_RESULTS_PER_ROW = 2;

/** The output columns of a batch run, in order; `change` only when re-screening against list deltas. */
export function batchColumns(withChange = false): string[] {
  return ['line', 'id', 'query', 'schema', 'match_id', 'match_caption', 'match_schema', 'score', 'match', 'second_score', 'explanation',
    'datasets', 'referents', ...(withChange ? ['change'] : []), 'versions', 'suppressed', 'error', 'warning'];
}

/** `name_match:0.95; korean_name_key:0.05; birth_date:-0.2` — what moved the score, feature by feature. */
export function explanationSummary(r: MatchResult): string {
  return Object.entries(r.explanations).map(([f, e]) => `${f}:${e.contribution}`).join('; ');
}

/** One output row: the input's reference and query, the best match (after suppressions) and why. */
export function outputRecord(r: RowResult, versions: string[], change?: (entityId: string) => string | undefined): Record<string, string> {
  const best = r.screening?.results[0], second = r.screening?.results[1];
  return {
    line: String(r.row.line), id: r.row.ref, query: r.row.name, schema: r.row.schema,
    match_id: best?.entity.id ?? '', match_caption: best?.entity.caption ?? '', match_schema: best?.entity.schema ?? '',
    score: best ? String(best.score) : r.screening ? '0' : '', match: r.screening ? String(!!best?.match) : '',
    second_score: second ? String(second.score) : '', explanation: best ? explanationSummary(best) : '',
    datasets: best?.entity.datasets.join(';') ?? '', referents: best?.entity.referents.join(';') ?? '',
    ...(change ? { change: (best && change(best.entity.id)) ?? '' } : {}),
    versions: versions.join(';'),
    suppressed: r.screening?.suppressed.map((s) => describeSuppression(s.result.entity.id, s.suppression)).join(' | ') ?? '',
    error: r.row.error ?? '', warning: r.row.warnings.join('; '),
  };
}
