import { serve } from '@hono/node-server';
import { openStore, type Settings } from '../../config/settings.js';
import { listVersions } from '../../store/versions.js';
import { ScreeningService } from '../../analyses/screening/service.js';
import { createApp } from './app.js';
import type { Services } from './services.js';
import { AccessControl, type AccessSettings } from './access/control.js';
import { AuditTrail } from './access/audit.js';

export interface ServerOptions {
  port: number;
  host: string;
  /** How often to look for lists another process stored (PostgreSQL); 0 = never. */
  reloadSeconds: number;
  access: AccessSettings;
  /** Days the screening audit trail is kept; 0 = for ever. */
  auditRetentionDays: number;
  /** Threads that screen `POST /match` queries beside the main thread (each holds a copy of the index); 0 = none. */
  matchThreads: number;
  /** Imports the lists when the store holds none (the first start). */
  importLists: (s: Services) => Promise<void>;
  log: (line: string) => void;
}

/**
 * One API process: answers at once (`/readyz` says what it waits for), imports the lists on a first start, builds
 * the screening index, then rebuilds it whenever the lists served change.
 */
export async function startServer(settings: Settings, o: ServerOptions): Promise<void> {
  const db = await openStore(settings);
  const services: Services = {
    db, screening: new ScreeningService(o.matchThreads, o.log), ready: false, notReadyReason: 'loading lists', startedAt: new Date(),
    access: new AccessControl(db, o.access),
    audit: new AuditTrail(db, o.auditRetentionDays, (err) => o.log(`audit trail not written yet (kept for the next try): ${err.message}`)),
  };
  const app = createApp(services);
  const server = serve({ fetch: app.fetch, port: o.port, hostname: o.host }, (info) => {
    o.log(`chokepoint serving on http://${o.host}:${info.port}/ (data: ${settings.databaseUrl ? 'PostgreSQL' : settings.dataDir})`);
  });
  let stopWatching = () => {};
  const shutdown = async () => {
    stopWatching();
    server.close();
    await services.audit?.close().catch(() => undefined);
    await services.screening.close().catch(() => undefined);
    await db.close();
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
  if (!(await listVersions(db)).length) await o.importLists(services);
  services.notReadyReason = 'building the screening index';
  const index = await services.screening.reload(db);
  o.log(`screening index: ${index.entities.length} entities from ${index.versions.join(', ') || 'no lists'} in ${Math.round(index.buildMs)} ms`);
  services.ready = true;
  delete services.notReadyReason;
  if (o.reloadSeconds > 0) {
    stopWatching = services.screening.watch(db, o.reloadSeconds * 1000,
      (ix) => o.log(`lists changed: screening index rebuilt from ${ix.versions.join(', ')} in ${Math.round(ix.buildMs)} ms`),
      (err) => o.log(`checking for new lists failed: ${err.message}`));
  }
  o.log('ready');
}
