/**
 * Submitting a batch, following it, and merging its results.
 *
 * A batch is written to the store first (the batch, each partition's input), then one pg-boss job per partition is
 * queued with a job id chosen here and recorded with the partition. Workers write each partition's result into
 * job_results keyed by (batch, partition): a partition done twice (a worker presumed dead that was only slow) leaves
 * one row. The batch is done when every partition has a result; it fails when a partition's result is an error (see
 * PermanentJobError) or pg-boss gives up on a job after its retries.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import type PgBoss from 'pg-boss';
import type { Db } from '../../store/db.js';
import {
  addPartition, createBatch, finishBatch, getBatch, partitionJobs, queueStates, resultOutput, resultSummaries, type BatchKind, type BatchRow,
} from '../../store/jobs.js';
import { BOSS_SCHEMA, QUEUES, queueSettings, type JobData } from './queue.js';
import { screenHeader } from './screen.js';
import { sortEvents } from './ais.js';

export function newBatchId(kind: BatchKind): string {
  const d = new Date().toISOString().replace(/[-:]/g, '').slice(0, 15);
  return `${kind}-${d}-${randomBytes(3).toString('hex')}`;
}

/** Stores the batch and its partitions' inputs, then queues one job per partition. */
export async function submitBatch(
  db: Db, boss: PgBoss, b: { kind: BatchKind; spec: unknown; versions: string[]; inputs: unknown[] },
): Promise<string> {
  const id = newBatchId(b.kind);
  const s = queueSettings();
  const jobs: PgBoss.JobInsert<JobData>[] = [];
  await db.transaction(async (tx) => {
    await createBatch(tx, { id, kind: b.kind, partitions: b.inputs.length, spec: b.spec, versions: b.versions });
    for (let p = 0; p < b.inputs.length; p++) {
      const jobId = randomUUID();
      await addPartition(tx, id, p, jobId, b.inputs[p]);
      jobs.push({ id: jobId, name: QUEUES[b.kind], data: { batch: id, partition: p }, retryLimit: s.retries, retryDelay: 0, expireInSeconds: s.leaseSeconds });
    }
  });
  await boss.insert(jobs);
  return id;
}

export interface BatchStatus {
  batch: BatchRow;
  done: number;
  failed: { partition: number; message: string }[];
  /** Partitions by queue state (created, retry, active, completed, failed …; 'result' once stored). */
  states: Record<string, number>;
  retries: number;
  workers: string[];
}

/** Where a batch stands: results stored, queue states of the rest, errors. */
export async function batchStatus(db: Db, id: string): Promise<BatchStatus | undefined> {
  const batch = await getBatch(db, id);
  if (!batch) return undefined;
  const results = await resultSummaries(db, id);
  const have = new Set(results.map((r) => r.partition));
  const failed = results.filter((r) => r.error).map((r) => ({ partition: r.partition, message: r.error! }));
  const jobs = await partitionJobs(db, id);
  const states: Record<string, number> = {};
  let retries = results.reduce((a, r) => a + r.attempts - 1, 0);
  const pending = jobs.filter((j) => !have.has(j.partition));
  const q = await queueStates(db, BOSS_SCHEMA, pending.map((j) => j.job_id));
  for (const j of pending) {
    const st = q.get(j.job_id);
    const name = st?.state ?? 'unknown';
    states[name] = (states[name] ?? 0) + 1;
    retries += st?.retries ?? 0;
    if (st?.state === 'failed' || st?.state === 'cancelled') {
      const out = st.output as { message?: string; value?: { message?: string } } | null;
      failed.push({ partition: j.partition, message: `job ${st.state} after ${st.retries} retries: ${out?.message ?? out?.value?.message ?? 'no message'}` });
    }
  }
  if (results.length) states.result = results.filter((r) => !r.error).length;
  return { batch, done: results.filter((r) => !r.error).length, failed, states, retries, workers: [...new Set(results.map((r) => r.worker))].sort() };
}

/** Waits until every partition has a result (→ done) or one failed for good (→ the batch fails, and this throws). */
export async function waitForBatch(
  db: Db, id: string, o: { pollMs?: number; timeoutMs?: number; onProgress?: (s: BatchStatus) => void } = {},
): Promise<BatchStatus> {
  const deadline = o.timeoutMs ? Date.now() + o.timeoutMs : Infinity;
  let last = '';
  for (;;) {
    const s = await batchStatus(db, id);
    if (!s) throw new Error(`no batch ${id}`);
    const line = JSON.stringify([s.done, s.states]);
    if (line !== last) {
      o.onProgress?.(s);
      last = line;
    }
    if (s.batch.status === 'failed') throw new Error(`batch ${id} failed: ${s.batch.error}`);
    if (s.failed.length) {
      const msg = s.failed.map((f) => `partition ${f.partition}: ${f.message}`).join('; ');
      await finishBatch(db, id, 'failed', msg);
      throw new Error(`batch ${id} failed: ${msg}`);
    }
    if (s.done === s.batch.partitions) {
      await finishBatch(db, id, 'done');
      return s;
    }
    if (Date.now() > deadline) throw new Error(`batch ${id}: not done after ${o.timeoutMs} ms (${s.done} of ${s.batch.partitions} partitions)`);
    await new Promise((r) => setTimeout(r, o.pollMs ?? 500));
  }
}

/**
 * Writes a finished batch's merged output: screening, the CSV header then each partition's rows in partition order;
 * AIS, every partition's events sorted as sortEvents sorts them. Checks that every partition used the same lists.
 */
export async function writeBatchOutput(db: Db, id: string, path: string): Promise<{ items: number }> {
  const batch = await getBatch(db, id);
  if (!batch) throw new Error(`no batch ${id}`);
  const results = await resultSummaries(db, id);
  if (results.length !== batch.partitions || results.some((r) => r.error)) throw new Error(`batch ${id} is not complete`);
  const want = batch.versions.join('|');
  const odd = results.find((r) => batch.kind === 'screen' && r.versions.join('|') !== want);
  if (odd) throw new Error(`partition ${odd.partition} was screened against ${odd.versions.join(', ')}, not ${batch.versions.join(', ')}`);
  const out = createWriteStream(path);
  const write = (s: string) => new Promise<void>((resolve, reject) => (out.write(s) ? resolve() : out.once('drain', resolve).once('error', reject)));
  let items = 0;
  try {
    if (batch.kind === 'screen') {
      await write(screenHeader());
      for (const r of results) {
        await write((await resultOutput(db, id, r.partition)) ?? '');
        items += r.items;
      }
    } else {
      const lines: string[] = [];
      for (const r of results) {
        const text = (await resultOutput(db, id, r.partition)) ?? '';
        for (const l of text.split('\n')) if (l) lines.push(l);
      }
      const sorted = sortEvents(lines);
      items = sorted.length;
      for (let i = 0; i < sorted.length; i += 1000) await write(sorted.slice(i, i + 1000).map((l) => `${l}\n`).join(''));
    }
  } finally {
    await new Promise<void>((resolve) => out.end(resolve));
  }
  return { items };
}
