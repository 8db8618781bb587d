/**
 * Single queries answered on threads, so an API process screens on every core while its main thread does HTTP.
 * Each thread holds a copy of one index (rebuilt from the entities sent at start, in the same order) and answers
 * with entity positions; the scores are the same as in-process (matchQuery is deterministic). A dataset scope
 * travels as a mask over the entity positions, computed once per scope and remembered by the threads.
 */
import { Worker } from 'node:worker_threads';
import type { SchemaName } from '../../../model/schema.js';
import type { IndexedEntity, ScreeningIndex } from '../index/build.js';
import type { MatchOptions, MatchOutcome } from '../match.js';
import type { MatchReply, MatchRequest, PlainEntity } from './protocol.js';
import { plainEntities } from './thread-index.js';

/**
 * Young generation of a match thread, in MB (three times V8's semi-space). A query allocates ~0.2 MB that dies with
 * it; with V8's default a thread at 1,000 queries/s paused for a scavenge 187 times (~2.6 ms each) where with 192 MB
 * (64 MB semi-spaces) it paused 50 times, 43 % less pause time in all, and every query waiting behind a pause waits
 * that long (bench/RESULTS.md, screening speed, fourth round).
 */
export const MATCH_THREAD_YOUNG_MB = 192;

/** Scopes (dataset, include/exclude, topics) whose masks are kept; beyond it they are computed again. */
const MASKS_KEPT = 64;

export interface PoolMatchOptions extends Omit<MatchOptions, 'filter'> {
  filter?: (e: IndexedEntity) => boolean;
  /** Names the filter: the same key must always mean the same filter for this index. */
  filterKey?: string;
}

interface Thread {
  worker: Worker;
  pending: Map<number, { resolve: (r: MatchReply) => void; reject: (e: Error) => void }>;
  masks: Set<string>;
}

export class MatchPool {
  private nextId = 0;
  private masks = new Map<string, Uint8Array>();
  /** Set when a thread failed: the pool answers no more (the caller screens in-process). */
  broken?: Error;

  private constructor(readonly index: ScreeningIndex, private threads: Thread[]) {}

  /** Starts `n` threads on the index; resolves once every thread has built its copy. */
  static async start(index: ScreeningIndex, n: number): Promise<MatchPool> {
    const entities = plainEntities(index);
    const starting = Array.from({ length: n }, () => startThread(entities, index.versions));
    const threads = await Promise.all(starting).catch(async (e: Error) => {
      await Promise.allSettled(starting.map(async (s) => (await s).worker.terminate()));
      throw e;
    });
    const pool = new MatchPool(index, threads);
    for (const t of threads) {
      t.worker.on('error', (e: Error) => pool.fail(e));
      t.worker.on('exit', (code) => pool.fail(new Error(`match thread stopped with code ${code}`)));
    }
    return pool;
  }

  private fail(e: Error): void {
    this.broken ??= e;
    for (const t of this.threads) for (const p of t.pending.values()) p.reject(e);
  }

  private mask(key: string, filter: (e: IndexedEntity) => boolean): Uint8Array {
    let m = this.masks.get(key);
    if (!m) {
      m = Uint8Array.from(this.index.entities, (e) => (filter(e) ? 1 : 0));
      if (this.masks.size >= MASKS_KEPT) {
        this.masks.clear();
        for (const t of this.threads) t.masks.clear();
      }
      this.masks.set(key, m);
    }
    return m;
  }

  /** Screens one query on the least busy thread. */
  async match(schema: SchemaName, properties: Record<string, string[]>, opts: PoolMatchOptions = {}): Promise<MatchOutcome> {
    if (this.broken) throw this.broken;
    if (opts.filter && opts.filterKey === undefined) throw new Error('a filter needs a filterKey to travel to a thread');
    const t = this.threads.reduce((a, b) => (b.pending.size < a.pending.size ? b : a));
    const id = this.nextId++;
    const req: MatchRequest = {
      id, schema, properties,
      ...(opts.threshold !== undefined ? { threshold: opts.threshold } : {}), ...(opts.limit !== undefined ? { limit: opts.limit } : {}),
      ...(opts.floor !== undefined ? { floor: opts.floor } : {}), ...(opts.params ? { params: opts.params } : {}),
    };
    if (opts.filter && opts.filterKey !== undefined) {
      const key = opts.filterKey;
      const mask = this.mask(key, opts.filter);
      req.maskKey = key;
      if (!t.masks.has(key)) {
        req.mask = mask;
        t.masks.add(key);
      }
    }
    const reply = await new Promise<MatchReply>((resolve, reject) => {
      t.pending.set(id, { resolve, reject });
      t.worker.postMessage(req);
    });
    if ('error' in reply) throw new Error(`match thread: ${reply.error}`);
    if (!('results' in reply)) throw new Error('match thread: unexpected reply');
    return {
      results: reply.results.map((w) => ({ entity: this.index.entities[w.at], score: w.score, match: w.match, explanations: w.explanations })),
      total: reply.total, candidates: reply.candidates, usable: reply.usable,
    };
  }

  async close(): Promise<void> {
    await Promise.all(this.threads.map((t) => t.worker.terminate()));
  }
}

function startThread(entities: PlainEntity[], versions: string[]): Promise<Thread> {
  const worker = new Worker(new URL('./match-worker.js', import.meta.url), {
    workerData: { entities, versions }, resourceLimits: { maxYoungGenerationSizeMb: MATCH_THREAD_YOUNG_MB },
  });
  const t: Thread = { worker, pending: new Map(), masks: new Set() };
  return new Promise((resolve, reject) => {
    worker.once('error', reject);
    worker.on('exit', (code) => {
      const e = new Error(`match thread stopped with code ${code}`);
      for (const p of t.pending.values()) p.reject(e);
      t.pending.clear();
      reject(e);
    });
    worker.on('message', (m: MatchReply) => {
      if ('ready' in m) return resolve(t);
      const p = t.pending.get(m.id);
      if (!p) return;
      t.pending.delete(m.id);
      p.resolve(m);
    });
  });
}
