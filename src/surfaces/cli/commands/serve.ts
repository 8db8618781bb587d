import type { Command } from 'commander';
import { openStore, settingsFrom } from '../../../config/settings.js';
import { listVersions } from '../../../store/versions.js';
import { startServer } from '../../api/server.js';
import { announceReady, isClusterWorker, runPrimary } from '../../api/cluster.js';
import { runUpdate } from './update.js';
import { UserError, type GlobalFlags } from '../context.js';

interface ServeOpts { port: string; host: string; mirror?: string; workers: string; reloadSeconds: string }

/** Default for --reload-seconds: how soon an API process notices lists another process stored. */
const RELOAD_SECONDS = 30;

const log = (line: string) => process.stderr.write(`${line}\n`);

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('serve the API and the web workbench (imports the lists on first start)')
    .option('--port <n>', 'port', '8080')
    .option('--host <addr>', 'interface', '127.0.0.1')
    .option('--mirror <dir>', 'read lists from a local mirror on first start (also CHOKEPOINT_MIRROR)')
    .option('--workers <n>', 'API processes sharing the port (more than 1 needs PostgreSQL: DATABASE_URL)', '1')
    .option('--reload-seconds <s>', 'look for lists stored by another process this often; 0 = never', String(RELOAD_SECONDS))
    .action(async (opts: ServeOpts, cmd: Command) => {
      const settings = settingsFrom({ ...cmd.optsWithGlobals<GlobalFlags>(), ...opts });
      const workers = Number(opts.workers), reloadSeconds = Number(opts.reloadSeconds);
      if (!Number.isInteger(workers) || workers < 1 || workers > 64) throw new UserError('--workers must be a whole number from 1 to 64');
      if (!Number.isFinite(reloadSeconds) || reloadSeconds < 0) throw new UserError('--reload-seconds must be 0 or more');
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
        port: Number(opts.port), host: opts.host, reloadSeconds, log,
        importLists: (s) => importLists(s.db),
      });
      announceReady();
    });
}
