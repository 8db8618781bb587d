import { Hono } from 'hono';
import type { Services } from './services.js';
import { systemRoutes } from './routes/system.js';
import { entityRoutes } from './routes/entities.js';
import { errorBody, HttpError } from './errors.js';

/** The HTTP application: thin routers over the store and the analyses. */
export function createApp(s: Services): Hono {
  const app = new Hono();
  app.onError((err, c) => {
    if (err instanceof HttpError) return errorBody(c, err.status, err.message, err.detail);
    console.error(err);
    return errorBody(c, 500, 'internal error');
  });
  app.notFound((c) => errorBody(c, 404, `no route ${c.req.method} ${c.req.path}`));
  app.route('/', systemRoutes(s));
  app.route('/', entityRoutes(s));
  return app;
}
