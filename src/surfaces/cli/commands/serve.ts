import type { Command } from 'commander';
import { serve } from '@hono/node-server';
import { openStore, settingsFrom } from '../../../config/settings.js';
import { listVersions } from '../../../store/versions.js';
import { createApp } from '../../api/app.js';
import type { Services } from '../../api/services.js';
import { ScreeningService } from '../../../analyses/screening/service.js';
import { runUpdate } from './update.js';
import type { GlobalFlags } from '../context.js';

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('serve the API and the web workbench (imports the lists on first start)')
    .option('--port <n>', 'port', '8080')
    .option('--host <addr>', 'interface', '127.0.0.1')
    .option('--mirror <dir>', 'read lists from a local mirror on first start (also CHOKEPOINT_MIRROR)')
    .action(async (opts: { port: string; host: string; mirror?: string }, cmd: Command) => {
      const settings = settingsFrom({ ...cmd.optsWithGlobals<GlobalFlags>(), ...opts });
      const db = await openStore(settings);
      const services: Services = { db, screening: new ScreeningService(), ready: false, notReadyReason: 'loading lists', startedAt: new Date() };
      const app = createApp(services);
      const server = serve({ fetch: app.fetch, port: Number(opts.port), hostname: opts.host }, (info) => {
        process.stderr.write(`chokepoint serving on http://${opts.host}:${info.port}/ (data: ${settings.databaseUrl ? 'PostgreSQL' : settings.dataDir})\n`);
      });
      const shutdown = async () => {
        server.close();
        await db.close();
        process.exit(0);
      };
      process.on('SIGINT', shutdown);
      process.on('SIGTERM', shutdown);
      if (!(await listVersions(db)).length) {
        process.stderr.write(`no lists stored yet: importing from ${settings.mirror ? `mirror ${settings.mirror}` : 'the official URLs'}\n`);
        await runUpdate(db, settings);
      }
      services.notReadyReason = 'building the screening index';
      const index = await services.screening.reload(db);
      process.stderr.write(`screening index: ${index.entities.length} entities from ${index.versions.join(', ') || 'no lists'} in ${Math.round(index.buildMs)} ms\n`);
      services.ready = true;
      delete services.notReadyReason;
      process.stderr.write('ready\n');
    });
}
