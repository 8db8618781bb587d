/**
 * A worker process's job loop: `concurrency` slots, each asking pg-boss for the next job of the kinds it takes,
 * running it, storing the result and completing the job. While a job runs its lease is renewed (the heartbeat,
 * store/jobs.ts extendLease); a worker that dies stops renewing and the job goes back to the queue after the lease.
 *
 * Screening partitions run on the main thread (yielding every few hundred rows, so the heartbeat keeps time) against
 * one index shared by the slots; AIS windows run on a thread each (detection is synchronous and long). CPU-bound
 * screening gains nothing from more slots in one process: run one worker process per core instead.
 *
 * stop(): no new jobs; running ones finish and are stored (graceful). stop(false): running jobs are failed back to
 * the queue at once (they are retried elsewhere).
 */
import { hostname } from 'node:os';
import type PgBoss from 'pg-boss';
import type { Db } from '../../store/db.js';
import { extendLease, getBatch, partitionInput, saveResult } from '../../store/jobs.js';
import { BOSS_SCHEMA, QUEUES, queueSettings, type JobData, type JobKind, type QueueSettings } from './queue.js';
import { IndexCache, runScreenPartition, type ScreenSpec } from './screen.js';
import { runAisWindowThreaded } from './run-ais.js';
import type { AisPartition, AisSpec } from './ais.js';
import { PermanentJobError, type PartitionOutput } from './types.js';

export interface WorkerOptions {
  kinds: JobKind[];
  concurrency: number;
  log?: (line: string) => void;
  settings?: QueueSettings;
}

interface Running {
  queue: string;
  id: string;
  label: string;
}

export class JobWorker {
  readonly name = `${hostname()}:${process.pid}`;
  private readonly settings: QueueSettings;
  private readonly cache = new IndexCache();
  private readonly running = new Map<string, Running>();
  private stopping = false;
  private loops: Promise<void>[] = [];
  private wake?: () => void;
  completed = 0;
  failed = 0;

  constructor(private readonly db: Db, private readonly boss: PgBoss, private readonly o: WorkerOptions) {
    this.settings = o.settings ?? queueSettings();
  }

  private log(s: string): void {
    this.o.log?.(`${new Date().toISOString()} ${this.name} ${s}`);
  }

  /** Builds the screening index first (when taking screening jobs): building blocks the thread, so never under a lease. */
  async start(): Promise<void> {
    this.log(`taking ${this.o.kinds.join(', ')} jobs, ${this.o.concurrency} at a time (lease ${this.settings.leaseSeconds} s)`);
    if (this.o.kinds.includes('screen')) await this.freshIndex(true);
    if (this.stopping) return;
    for (let slot = 0; slot < this.o.concurrency; slot++) this.loops.push(this.loop(slot));
  }

  private indexCheckedAt = 0;

  /** Rebuilds the index when the served lists changed (checked at most every two seconds), holding no job meanwhile. */
  private async freshIndex(force = false): Promise<void> {
    if (!force && Date.now() - this.indexCheckedAt < 2000) return;
    this.indexCheckedAt = Date.now();
    const t = performance.now();
    const before = this.cache.versions;
    const index = await this.cache.current(this.db);
    if (index.versions.join('|') !== before?.join('|')) {
      this.log(`screening index: ${index.entities.length} entities from ${index.versions.join(', ') || 'no lists'} (${Math.round(performance.now() - t)} ms)`);
    }
  }

  /** Resolves when every slot has stopped. */
  async stop(graceful = true): Promise<void> {
    this.stopping = true;
    this.wake?.();
    if (!graceful) {
      for (const r of this.running.values()) {
        await this.boss.fail(r.queue, r.id, { message: `worker ${this.name} stopped` }).catch(() => undefined);
        this.log(`${r.label}: handed back to the queue`);
      }
      return;
    }
    await Promise.all(this.loops);
  }

  get busy(): number {
    return this.running.size;
  }

  private async loop(slot: number): Promise<void> {
    const kinds = this.o.kinds;
    let turn = slot;
    while (!this.stopping) {
      let got: { kind: JobKind; job: PgBoss.Job<JobData> } | undefined;
      try {
        for (let i = 0; i < kinds.length && !got; i++) {
          const kind = kinds[(turn + i) % kinds.length];
          if (kind === 'screen') await this.freshIndex();
          const [job] = await this.boss.fetch<JobData>(QUEUES[kind], { batchSize: 1 });
          if (job) got = { kind, job };
        }
      } catch (err) {
        this.log(`fetch failed: ${(err as Error).message}`);
      }
      turn++;
      if (!got) {
        await new Promise<void>((r) => {
          const t = setTimeout(r, this.settings.pollSeconds * 1000);
          this.wake = () => {
            clearTimeout(t);
            r();
          };
        });
        continue;
      }
      if (this.stopping) {
        // Fetched as the stop came: hand it back untouched.
        await this.boss.fail(QUEUES[got.kind], got.job.id, { message: `worker ${this.name} stopping` }).catch(() => undefined);
        break;
      }
      await this.run(got.kind, got.job);
    }
  }

  private async run(kind: JobKind, job: PgBoss.Job<JobData>): Promise<void> {
    const queue = QUEUES[kind];
    const { batch: batchId, partition } = job.data;
    const label = `${batchId}#${partition}`;
    this.running.set(job.id, { queue, id: job.id, label });
    const started = performance.now();
    let lost = false;
    // A retried job keeps the expiry its last heartbeat set: the first beat, at once, resets it to one lease.
    const heartbeat = () => {
      extendLease(this.db, BOSS_SCHEMA, queue, job.id, this.settings.leaseSeconds)
        .then((ok) => {
          if (!ok && !lost && this.running.has(job.id)) {
            lost = true;
            this.log(`${label}: lease lost (the job was handed to another worker); the result, if stored, is the same`);
          }
        })
        .catch((err) => this.log(`${label}: heartbeat failed: ${(err as Error).message}`));
    };
    heartbeat();
    const beat = setInterval(heartbeat, Math.max(500, (this.settings.leaseSeconds * 1000) / 3));
    this.log(`${label}: started (${kind})`);
    try {
      let out: PartitionOutput;
      let error: string | null = null;
      try {
        out = await this.execute(kind, batchId, partition);
      } catch (err) {
        if (!(err instanceof PermanentJobError)) throw err;
        error = err.message;
        out = { output: '', items: 0, versions: err.versions, stats: {} };
      }
      const ms = Math.round(performance.now() - started);
      await saveResult(this.db, {
        batchId, partition, worker: this.name, versions: out.versions, items: out.items, output: out.output, error, stats: { ...out.stats, ms },
      });
      await this.boss.complete(queue, job.id, { items: out.items, ms, ...(error ? { error } : {}) });
      this.completed++;
      this.log(`${label}: ${error ? `refused: ${error}` : `done, ${out.items} ${kind === 'screen' ? 'rows' : 'events'} in ${ms} ms`}`);
    } catch (err) {
      this.failed++;
      const message = (err as Error).message;
      this.log(`${label}: failed: ${message}`);
      await this.boss.fail(queue, job.id, { message }).catch(() => undefined);
    } finally {
      clearInterval(beat);
      this.running.delete(job.id);
    }
  }

  private async execute(kind: JobKind, batchId: string, partition: number): Promise<PartitionOutput> {
    const batch = await getBatch(this.db, batchId);
    if (!batch) throw new PermanentJobError(`no batch ${batchId} in the database`);
    if (batch.status === 'failed') throw new PermanentJobError(`batch ${batchId} failed already: ${batch.error ?? ''}`);
    if (kind === 'screen') return runScreenPartition(this.db, this.cache, { id: batch.id, spec: batch.spec as unknown as ScreenSpec, versions: batch.versions }, partition);
    const part = await partitionInput<AisPartition>(this.db, batchId, partition);
    if (!part) throw new PermanentJobError(`batch ${batchId} has no window ${partition}`);
    return runAisWindowThreaded(batch.spec as unknown as AisSpec, part);
  }
}
