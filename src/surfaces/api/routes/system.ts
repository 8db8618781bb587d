import { Hono } from 'hono';
import type { Services } from '../services.js';
import { currentVersions, listVersions } from '../../../store/versions.js';
import { entityCount } from '../../../store/entities.js';
import { errorBody } from '../errors.js';

export function systemRoutes(s: Services): Hono {
  const app = new Hono();
  app.get('/healthz', (c) => c.json({ status: 'ok' }));
  app.get('/readyz', async (c) => {
    if (!s.ready) return errorBody(c, 503, s.notReadyReason ?? 'starting');
    try {
      await s.db.query('SELECT 1');
    } catch (err) {
      return errorBody(c, 503, `database unavailable: ${(err as Error).message}`);
    }
    return c.json({ status: 'ok' });
  });
  app.get('/lists', async (c) => {
    const served = new Set((await currentVersions(s.db)).map((v) => v.id));
    return c.json({ versions: (await listVersions(s.db)).map((v) => ({ ...v, served: served.has(v.id) })), entities: await entityCount(s.db) });
  });
  return app;
}
