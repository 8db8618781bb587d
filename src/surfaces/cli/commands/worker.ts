import type { Command } from 'commander';
import { openStore, settingsFrom } from '../../../config/settings.js';
import { JOB_KINDS, openQueue, type JobKind } from '../../../analyses/jobs/queue.js';
import { JobWorker } from '../../../analyses/jobs/worker.js';
import { UserError, type GlobalFlags } from '../context.js';

/** The PostgreSQL URL jobs need, or a clear refusal on the embedded database. */
export function jobsDatabaseUrl(flags: GlobalFlags): string {
  const s = settingsFrom(flags);
  if (!s.databaseUrl) {
    throw new UserError('distributed jobs need a PostgreSQL server shared by the submitter and every worker: set DATABASE_URL '
      + '(the embedded PGlite database in --data-dir belongs to one process)');
  }
  return s.databaseUrl;
}

export function parseKinds(v: string): JobKind[] {
  const kinds = v.split(',').map((k) => k.trim()).filter(Boolean);
  for (const k of kinds) if (!JOB_KINDS.includes(k as JobKind)) throw new UserError(`--kinds: ${k} is not one of ${JOB_KINDS.join(', ')}`);
  if (!kinds.length) throw new UserError('--kinds: name at least one kind');
  return [...new Set(kinds)] as JobKind[];
}

/** `chokepoint worker [--concurrency N] [--kinds screen,ais]`: pulls jobs until SIGTERM or SIGINT. */
export function registerWorker(program: Command): void {
  program
    .command('worker')
    .description('run batch jobs (screening partitions, AIS windows) from the queue in the PostgreSQL database (DATABASE_URL) until stopped')
    .option('--concurrency <n>', 'jobs at a time in this process (AIS windows run on threads; for screening run one process per core)', '1')
    .option('--kinds <list>', `job kinds to take: ${JOB_KINDS.join(',')}`, JOB_KINDS.join(','))
    .addHelpText('after', `
Stop: SIGTERM or SIGINT finishes the running jobs and exits; a second signal hands them back to the queue at once.
A worker that dies (kill -9) stops renewing its jobs' leases: they return to the queue after
CHOKEPOINT_JOBS_LEASE_SECONDS (default 60) plus CHOKEPOINT_JOBS_MAINTENANCE_SECONDS (default 10) and are retried
(CHOKEPOINT_JOBS_RETRIES, default 3). AIS files named by a batch must be readable at the same path on every worker.`)
    .action(async (o: { concurrency: string; kinds: string }, cmd: Command) => {
      const flags = cmd.optsWithGlobals<GlobalFlags>();
      const url = jobsDatabaseUrl(flags);
      const concurrency = Number(o.concurrency);
      if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 64) throw new UserError('--concurrency must be a whole number from 1 to 64');
      const kinds = parseKinds(o.kinds);
      const db = await openStore(settingsFrom(flags));
      const boss = await openQueue(url);
      const worker = new JobWorker(db, boss, { kinds, concurrency, log: (s) => process.stderr.write(`${s}\n`) });
      let signals = 0;
      const done = new Promise<void>((resolve) => {
        const onSignal = (sig: string) => {
          signals++;
          process.stderr.write(`${sig}: ${signals === 1 ? `stopping after the running job${worker.busy === 1 ? '' : 's'} (${worker.busy})` : 'handing running jobs back'}\n`);
          void worker.stop(signals === 1).then(resolve, resolve);
        };
        process.on('SIGTERM', () => onSignal('SIGTERM'));
        process.on('SIGINT', () => onSignal('SIGINT'));
      });
      await worker.start();
      await done;
      await boss.stop({ graceful: false, close: true, wait: true }).catch(() => undefined);
      await db.close();
      process.stderr.write(`worker stopped: ${worker.completed} jobs done, ${worker.failed} failed\n`);
      // After a second signal, jobs handed back may still be running on threads: do not wait for them.
      if (signals > 1) process.exit(0);
    });
}
