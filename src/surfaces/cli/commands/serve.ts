import type { Command } from 'commander';
import { availableParallelism } from 'node:os';
import { openStore, settingsFrom } from '../../../config/settings.js';
import { listVersions } from '../../../store/versions.js';
import { startServer } from '../../api/server.js';
import { announceReady, isClusterWorker, runPrimary } from '../../api/cluster.js';
import { runUpdate } from './update.js';
import { UserError, type GlobalFlags } from '../context.js';

interface ServeOpts {
  port: string; host: string; mirror?: string; workers: string; reloadSeconds: string; requireToken?: boolean; corsOrigin: string[];
  rateLimit: string; auditRetentionDays: string; matchThreads?: string;
}

/** Defaults: a client may send this many requests per second (bursts of twice that); the audit trail is kept this long. */
const RATE_LIMIT = 2_000;
const AUDIT_RETENTION_DAYS = 3_653; // ten years: OFAC's record-keeping period (31 CFR 501.601, five years before the 2025 amendment)

const isLoopback = (host: string) => host === 'localhost' || host === '::1' || /^127\./.test(host);

function collect(v: string, acc: string[]): string[] {
  return [...acc, v];
}

/** Default for --reload-seconds: how soon an API process notices lists another process stored. */
const RELOAD_SECONDS = 30;

const log = (line: string) => process.stderr.write(`${line}\n`);

/**
 * Match threads by default: the main thread does HTTP, JSON and the audit trail, so one API process uses a second
 * core for screening (bench/RESULTS.md, "Screening speed"). Several API processes already share the cores.
 */
const MAX_DEFAULT_MATCH_THREADS = 2;
function defaultMatchThreads(workers: number): number {
  return workers > 1 ? 0 : Math.max(0, Math.min(MAX_DEFAULT_MATCH_THREADS, availableParallelism() - 1));
}

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('serve the API and the web workbench (imports the lists on first start)')
    .option('--port <n>', 'port', '8080')
    .option('--host <addr>', 'interface', '127.0.0.1')
    .option('--mirror <dir>', 'read lists from a local mirror on first start (also CHOKEPOINT_MIRROR)')
    .option('--workers <n>', 'API processes sharing the port (more than 1 needs PostgreSQL: DATABASE_URL)', '1')
    .option('--require-token', 'every request needs an API token, reads too (the default on a non-loopback --host)')
    .option('--cors-origin <origin>', 'let web pages from this origin call the API (repeatable); none by default', collect, [])
    .option('--rate-limit <n>', 'requests per second per client (token or address), 0 = none', String(RATE_LIMIT))
    .option('--audit-retention-days <n>', 'keep the screening audit trail this long, 0 = for ever', String(AUDIT_RETENTION_DAYS))
    .option('--match-threads <n>', 'threads screening POST /match queries beside the main thread, each with a copy of the index; 0 = none '
      + '(default: one fewer than the cores, at most 2, with one API process; 0 with several)')
    .option('--reload-seconds <s>', 'look for lists stored by another process this often; 0 = never', String(RELOAD_SECONDS))
    .action(async (opts: ServeOpts, cmd: Command) => {
      const settings = settingsFrom({ ...cmd.optsWithGlobals<GlobalFlags>(), ...opts });
      const workers = Number(opts.workers), reloadSeconds = Number(opts.reloadSeconds);
      if (!Number.isInteger(workers) || workers < 1 || workers > 64) throw new UserError('--workers must be a whole number from 1 to 64');
      if (!Number.isFinite(reloadSeconds) || reloadSeconds < 0) throw new UserError('--reload-seconds must be 0 or more');
      const matchThreads = opts.matchThreads === undefined ? defaultMatchThreads(workers) : Number(opts.matchThreads);
      if (!Number.isInteger(matchThreads) || matchThreads < 0 || matchThreads > 64) throw new UserError('--match-threads must be a whole number from 0 to 64');
      const rateLimit = Number(opts.rateLimit), auditRetentionDays = Number(opts.auditRetentionDays);
      if (!Number.isFinite(rateLimit) || rateLimit < 0) throw new UserError('--rate-limit must be 0 or more');
      if (!Number.isInteger(auditRetentionDays) || auditRetentionDays < 0) throw new UserError('--audit-retention-days must be a whole number, 0 or more');
      if (workers > 1 && !settings.databaseUrl) {
        throw new UserError('--workers above 1 needs a PostgreSQL server (set DATABASE_URL): the embedded database belongs to one process');
      }
      const importLists = async (db: Parameters<typeof runUpdate>[0]) => {
        log(`no lists stored yet: importing from ${settings.mirror ? `mirror ${settings.mirror}` : 'the official URLs'}`);
        await runUpdate(db, settings);
      };
      if (workers > 1 && !isClusterWorker()) {
        // The primary migrates and makes the first import once, so the workers start on a ready database.
        const db = await openStore(settings);
        try {
          if (!(await listVersions(db)).length) await importLists(db);
        } finally {
          await db.close();
        }
        await runPrimary(workers, log);
        process.exit(0);
      }
      await startServer(settings, {
        port: Number(opts.port), host: opts.host, reloadSeconds, log, auditRetentionDays, matchThreads,
        access: {
          openReads: isLoopback(opts.host) && !opts.requireToken, corsOrigins: opts.corsOrigin, rateLimit,
          ...(process.env.CHOKEPOINT_ADMIN_TOKEN ? { bootstrapToken: process.env.CHOKEPOINT_ADMIN_TOKEN } : {}),
        },
        importLists: (s) => importLists(s.db),
      });
      announceReady();
    });
}
