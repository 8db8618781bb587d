/**
 * Batch screening over several threads. Each thread holds its own copy of the index (rebuilt from the entities
 * sent at start, in the same order); rows go out in chunks, round robin, and come back in input order, so the output
 * is row for row what `screenRows` gives on one thread. Memory: one index per thread (see bench/RESULTS.md).
 */
import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import type { ScreeningIndex } from '../index/build.js';
import { BATCH_RESULTS_PER_ROW, passOn, type BatchOptions, type BatchQuery, type RowResult } from '../batch.js';
import type { MatchResult } from '../match.js';
import type { SuppressionList } from '../suppressions.js';
import type { ChunkReply, WireResult, WireRow, WorkerSetup } from './protocol.js';
import { plainEntities } from './thread-index.js';

/** Rows sent to a thread at a time: large enough that messaging costs little, small enough to keep threads even. */
export const CHUNK_ROWS = 256;
/** Chunks in flight per thread, so a thread never waits for the main thread to read more input. */
export const CHUNKS_AHEAD = 8;

export interface ParallelOptions extends Pick<BatchOptions, 'threshold' | 'limit' | 'onlyHits' | 'stats'> {
  /** Screening threads (default: the machine's available parallelism). */
  threads?: number;
  /** Dataset or collection name (datasets.ts); default every list. */
  dataset?: string;
  suppressions?: SuppressionList;
}

interface Thread {
  worker: Worker;
  waiting: { resolve: (rows: WireRow[]) => void; reject: (e: Error) => void }[];
}

function startThread(setup: WorkerSetup): Promise<Thread> {
  const worker = new Worker(new URL('./worker.js', import.meta.url), { workerData: setup });
  const t: Thread = { worker, waiting: [] };
  return new Promise((resolve, reject) => {
    const fail = (e: Error) => {
      for (const w of t.waiting.splice(0)) w.reject(e);
      reject(e);
    };
    worker.on('error', fail);
    worker.on('exit', (code) => { if (code !== 0) fail(new Error(`screening thread stopped with code ${code}`)); });
    worker.on('message', (m: ChunkReply) => {
      if ('ready' in m) return resolve(t);
      const w = t.waiting.shift();
      if (!w) return;
      if ('error' in m) w.reject(new Error(`screening thread: ${m.error}`));
      else w.resolve(m.rows);
    });
  });
}

function send(t: Thread, seq: number, rows: BatchQuery[]): Promise<WireRow[]> {
  return new Promise((resolve, reject) => {
    t.waiting.push({ resolve, reject });
    t.worker.postMessage({ seq, rows });
  });
}

/** Screens rows on several threads; yields them in input order, as `screenRows` would. */
export async function* screenRowsParallel(
  index: ScreeningIndex, rows: AsyncIterable<BatchQuery> | Iterable<BatchQuery>, opts: ParallelOptions = {},
): AsyncGenerator<RowResult> {
  const n = Math.max(1, opts.threads ?? availableParallelism());
  const setup: WorkerSetup = {
    entities: plainEntities(index), versions: index.versions, dataset: opts.dataset ?? 'default',
    suppressions: opts.suppressions?.items ?? [], limit: opts.limit ?? BATCH_RESULTS_PER_ROW,
    ...(opts.threshold !== undefined ? { threshold: opts.threshold } : {}),
  };
  const starting = Array.from({ length: n }, () => startThread(setup));
  const threads = await Promise.all(starting).catch(async (e: Error) => {
    await Promise.allSettled(starting.map(async (s) => (await s).worker.terminate()));
    throw e;
  });
  const entity = (w: WireResult): MatchResult => ({ entity: index.entities[w.at], score: w.score, match: w.match, explanations: w.explanations });
  const inflight: Promise<WireRow[]>[] = [];
  let seq = 0, chunk: BatchQuery[] = [];
  const flush = () => {
    const p = send(threads[seq % n], seq, chunk);
    p.catch(() => undefined); // awaited in order below; this keeps an early failure from going unhandled
    inflight.push(p);
    seq++;
    chunk = [];
  };
  async function* drain(until: number): AsyncGenerator<RowResult> {
    while (inflight.length > until) {
      for (const w of await inflight.shift()!) {
        const r: RowResult = w.screening ? {
          row: w.row,
          screening: {
            results: w.screening.results.map(entity), total: w.screening.total, candidates: w.screening.candidates,
            suppressed: w.screening.suppressed.map((s) => ({ result: entity(s.result), suppression: s.suppression })),
          },
        } : { row: w.row };
        if (passOn(r, opts)) yield r;
      }
    }
  }
  try {
    for await (const row of rows) {
      chunk.push(row);
      if (chunk.length < CHUNK_ROWS) continue;
      flush();
      yield* drain(n * CHUNKS_AHEAD);
    }
    if (chunk.length) flush();
    yield* drain(0);
  } finally {
    await Promise.all(threads.map((t) => t.worker.terminate()));
  }
}
