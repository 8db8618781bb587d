/**
 * The job queue: pg-boss 10 on the same PostgreSQL database as the store (schema `pgboss`). Two job kinds, one queue
 * each. Settings (environment, so that every worker and submitter of a deployment agrees):
 *
 * - CHOKEPOINT_JOBS_LEASE_SECONDS (default 60): a running job's lease. The worker renews it every third of that
 *   (its heartbeat); a worker that dies (kill -9, power loss, network partition) stops renewing, and once the lease
 *   has run out pg-boss's maintenance fails the job, which puts it back in the queue for another worker.
 * - CHOKEPOINT_JOBS_MAINTENANCE_SECONDS (default 10): how often some live pg-boss instance (any worker or waiting
 *   submitter) looks for expired jobs. A dead worker's job is back in the queue within lease + maintenance seconds.
 * - CHOKEPOINT_JOBS_RETRIES (default 3): how many times a failed or expired job is retried before the batch fails.
 * - CHOKEPOINT_JOBS_POLL_SECONDS (default 0.5): how often an idle worker asks for work.
 */
import PgBoss from 'pg-boss';

export const QUEUES = { screen: 'screen-partition', ais: 'ais-window' } as const;
export type JobKind = keyof typeof QUEUES;
export const JOB_KINDS = Object.keys(QUEUES) as JobKind[];
export const BOSS_SCHEMA = 'pgboss';

export interface QueueSettings {
  leaseSeconds: number;
  maintenanceSeconds: number;
  retries: number;
  pollSeconds: number;
}

function num(name: string, def: number, min: number): number {
  const v = process.env[name];
  if (v === undefined || v === '') return def;
  const n = Number(v);
  if (!Number.isFinite(n) || n < min) throw new Error(`${name}=${v}: a number of at least ${min}`);
  return n;
}

export function queueSettings(): QueueSettings {
  return {
    leaseSeconds: Math.round(num('CHOKEPOINT_JOBS_LEASE_SECONDS', 60, 2)),
    maintenanceSeconds: Math.round(num('CHOKEPOINT_JOBS_MAINTENANCE_SECONDS', 10, 1)),
    retries: Math.round(num('CHOKEPOINT_JOBS_RETRIES', 3, 0)),
    pollSeconds: num('CHOKEPOINT_JOBS_POLL_SECONDS', 0.5, 0.5),
  };
}

/** Starts pg-boss on the database (creating its schema and our queues on first use). */
export async function openQueue(databaseUrl: string, s: QueueSettings = queueSettings(), supervise = true): Promise<PgBoss> {
  const boss = new PgBoss({
    connectionString: databaseUrl, schema: BOSS_SCHEMA, max: 4, application_name: 'chokepoint-jobs',
    supervise, schedule: false, maintenanceIntervalSeconds: s.maintenanceSeconds, monitorStateIntervalSeconds: Math.max(s.maintenanceSeconds, 1),
  });
  boss.on('error', (err: Error) => process.stderr.write(`job queue: ${err.message}\n`));
  await boss.start();
  for (const name of Object.values(QUEUES)) {
    for (let attempt = 0; ; attempt++) {
      try {
        if (!(await boss.getQueue(name))) await boss.createQueue(name, { name, retryLimit: s.retries, retryDelay: 0, expireInSeconds: s.leaseSeconds });
        break;
      } catch (err) {
        // Two processes creating the queue at once: one wins; look again.
        if (attempt >= 3) throw err;
        await new Promise((r) => setTimeout(r, 200));
      }
    }
  }
  return boss;
}

/** What a job of either kind carries in pg-boss: which batch and partition (inputs live in the store). */
export interface JobData {
  batch: string;
  partition: number;
}
