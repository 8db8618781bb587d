import type { Db } from './db.js';

/**
 * Batches of distributed work (src/analyses/jobs): the batch, its partitions' inputs and their results. pg-boss keeps
 * the queue in its own schema; the two statements here that read or touch pg-boss's job table (states by id, the
 * lease extension of a running job) are the only SQL outside pg-boss's own that knows its layout (pg-boss 10).
 */

export type BatchKind = 'screen' | 'ais';

export interface BatchRow {
  id: string;
  kind: BatchKind;
  partitions: number;
  spec: Record<string, unknown>;
  versions: string[];
  status: 'queued' | 'done' | 'failed';
  error: string | null;
  submitted_at: string;
  finished_at: string | null;
}

export interface ResultRow {
  batch_id: string;
  partition: number;
  worker: string;
  attempts: number;
  versions: string[];
  items: number;
  output: string;
  error: string | null;
  stats: Record<string, unknown>;
  finished_at: string;
}

export async function createBatch(db: Db, b: { id: string; kind: BatchKind; partitions: number; spec: unknown; versions: string[] }): Promise<void> {
  await db.query(
    'INSERT INTO job_batches (id, kind, partitions, spec, versions) VALUES ($1, $2, $3, $4, $5)',
    [b.id, b.kind, b.partitions, JSON.stringify(b.spec), JSON.stringify(b.versions)],
  );
}

export async function addPartition(db: Db, batchId: string, partition: number, jobId: string, input?: unknown): Promise<void> {
  await db.query(
    'INSERT INTO job_partitions (batch_id, partition, job_id, input) VALUES ($1, $2, $3, $4)',
    [batchId, partition, jobId, input === undefined ? null : JSON.stringify(input)],
  );
}

export async function getBatch(db: Db, id: string): Promise<BatchRow | undefined> {
  const rows = await db.query<BatchRow>(
    `SELECT id, kind, partitions, spec, versions, status, error, submitted_at::text, finished_at::text FROM job_batches WHERE id = $1`, [id],
  );
  return rows[0];
}

export async function partitionInput<T>(db: Db, batchId: string, partition: number): Promise<T | undefined> {
  const rows = await db.query<{ input: T }>('SELECT input FROM job_partitions WHERE batch_id = $1 AND partition = $2', [batchId, partition]);
  return rows[0]?.input ?? undefined;
}

export async function partitionJobs(db: Db, batchId: string): Promise<{ partition: number; job_id: string }[]> {
  return db.query('SELECT partition, job_id FROM job_partitions WHERE batch_id = $1 ORDER BY partition', [batchId]);
}

/** Writes a partition's result; a retried partition overwrites the earlier one (counted in attempts), never adds a row. */
export async function saveResult(db: Db, r: Omit<ResultRow, 'finished_at' | 'attempts' | 'batch_id'> & { batchId: string }): Promise<void> {
  await db.query(
    `INSERT INTO job_results (batch_id, partition, worker, versions, items, output, error, stats)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
     ON CONFLICT (batch_id, partition) DO UPDATE SET worker = EXCLUDED.worker, attempts = job_results.attempts + 1,
       versions = EXCLUDED.versions, items = EXCLUDED.items, output = EXCLUDED.output, error = EXCLUDED.error,
       stats = EXCLUDED.stats, finished_at = now()`,
    [r.batchId, r.partition, r.worker, JSON.stringify(r.versions), r.items, r.output, r.error, JSON.stringify(r.stats)],
  );
}

/** Results without their output text (for progress and status). */
export async function resultSummaries(db: Db, batchId: string): Promise<Omit<ResultRow, 'output'>[]> {
  return db.query(
    `SELECT batch_id, partition, worker, attempts, versions, items, error, stats, finished_at::text
     FROM job_results WHERE batch_id = $1 ORDER BY partition`, [batchId],
  );
}

/** One partition's output text. */
export async function resultOutput(db: Db, batchId: string, partition: number): Promise<string | undefined> {
  const rows = await db.query<{ output: string }>('SELECT output FROM job_results WHERE batch_id = $1 AND partition = $2', [batchId, partition]);
  return rows[0]?.output;
}

export async function finishBatch(db: Db, id: string, status: 'done' | 'failed', error?: string): Promise<void> {
  await db.query('UPDATE job_batches SET status = $2, error = $3, finished_at = now() WHERE id = $1 AND status = \'queued\'', [id, status, error ?? null]);
}

export async function listBatches(db: Db, limit = 20): Promise<BatchRow[]> {
  return db.query(
    `SELECT id, kind, partitions, spec, versions, status, error, submitted_at::text, finished_at::text
     FROM job_batches ORDER BY submitted_at DESC LIMIT $1`, [limit],
  );
}

/** pg-boss job states (created, retry, active, completed, cancelled, failed) and retry counts by job id. */
export async function queueStates(db: Db, schema: string, jobIds: string[]): Promise<Map<string, { state: string; retries: number; output: unknown }>> {
  if (!jobIds.length) return new Map();
  const rows = await db.query<{ id: string; state: string; retry_count: number; output: unknown }>(
    `SELECT id::text, state::text, retry_count, output FROM ${ident(schema)}.job WHERE id = ANY($1::uuid[])
     UNION ALL SELECT id::text, state::text, retry_count, output FROM ${ident(schema)}.archive WHERE id = ANY($1::uuid[])`,
    [jobIds],
  );
  return new Map(rows.map((r) => [r.id, { state: r.state, retries: r.retry_count, output: r.output }]));
}

/**
 * The heartbeat of a running job: its expiry moves to `leaseSeconds` from now. A worker that dies stops extending it,
 * and pg-boss's maintenance fails (and so retries) the job once the lease has run out. Returns false when the job is
 * no longer active here (expired and handed to someone else, or cancelled).
 */
export async function extendLease(db: Db, schema: string, queue: string, jobId: string, leaseSeconds: number): Promise<boolean> {
  const rows = await db.query(
    `UPDATE ${ident(schema)}.job SET expire_in = (now() - started_on) + make_interval(secs => $3)
     WHERE name = $1 AND id = $2::uuid AND state = 'active' RETURNING id`,
    [queue, jobId, leaseSeconds],
  );
  return rows.length > 0;
}

/** Jobs of these queues in the active state (tests and status). */
export async function activeJobs(db: Db, schema: string, queues: string[]): Promise<{ id: string; name: string }[]> {
  return db.query(`SELECT id::text, name FROM ${ident(schema)}.job WHERE name = ANY($1) AND state = 'active'`, [queues]);
}

function ident(s: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(s)) throw new Error(`not a schema name: ${s}`);
  return s;
}
