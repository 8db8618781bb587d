import { Hono } from 'hono';
import type { Services } from '../services.js';
import { getEntity } from '../../../store/entities.js';
import { errorBody } from '../errors.js';

export function entityRoutes(s: Services): Hono {
  const app = new Hono();
  app.get('/entities/:id', async (c) => {
    const id = c.req.param('id');
    if (id.length > 200) return errorBody(c, 400, 'entity id too long');
    const e = await getEntity(s.db, id);
    if (!e) return errorBody(c, 404, `no entity or referent "${id}"`);
    return c.json({
      id: e.id, caption: e.caption, schema: e.schema, properties: { ...e.properties, topics: e.topics }, datasets: e.datasets,
      referents: e.referents, target: true, first_seen: e.firstSeen ?? null, last_seen: e.lastSeen ?? null,
      sanctions: e.sanctions, listed: e.listed, dprk: e.dprk, links: e.links, merge: e.merge, statements: e.statements,
    });
  });
  return app;
}
