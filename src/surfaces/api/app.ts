import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Services } from './services.js';
import { errorBody, handleError } from './errors.js';
import { bodyLimits } from './body.js';
import { router } from './router.js';
import { systemRoutes } from './routes/system.js';
import { entityRoutes } from './routes/entities.js';
import { matchRoutes } from './routes/match.js';
import { compareRoutes } from './routes/compare.js';
import { searchRoutes } from './routes/search.js';
import { algorithmRoutes } from './routes/algorithms.js';
import { catalogRoutes } from './routes/catalog.js';
import { reconcileRoutes } from './routes/reconcile.js';
import { timelineRoutes } from './routes/timeline.js';
import { networkRoutes } from './routes/network.js';
import { registerDocs } from './routes/docs.js';
import { mandatesRoutes } from './routes/mandates.js';
import { maritimeRoutes } from './routes/maritime.js';
import { listRoutes } from './routes/lists.js';
import { screenBatchRoutes } from './routes/screen-batch.js';
import { suppressionRoutes } from './routes/suppressions.js';
import { regionRoutes } from './routes/regions.js';
import { webRoutes } from '../web/static.js';
import { cors } from 'hono/cors';
import { accessMiddleware } from './access/middleware.js';
import { adminRoutes } from './routes/admin.js';

/** The HTTP application: thin routers over the store and the analyses. */
export function createApp(s: Services): OpenAPIHono {
  const app = router();
  app.onError(handleError);
  app.notFound((c) => errorBody(c, 404, `no route ${c.req.method} ${c.req.path}`));
  // PostgreSQL cannot hold or compare a NUL character ("invalid byte sequence for encoding UTF8: 0x00"): an id or a
  // parameter with %00 was a 500/503 (found by fuzzing, issue #9). Refused here, before any route reads it.
  app.use('*', (c, next) => (c.req.url.includes('%00') ? Promise.resolve(errorBody(c, 400, 'NUL characters (%00) are not accepted in the address or its parameters')) : next()));
  if (s.access?.settings.corsOrigins.length) app.use('*', cors({ origin: s.access.settings.corsOrigins, allowHeaders: ['Authorization', 'Content-Type'] }));
  if (s.access) app.use('*', accessMiddleware(s.access));
  app.use('*', bodyLimits());
  app.route('/', systemRoutes(s));
  app.route('/', matchRoutes(s));
  app.route('/', compareRoutes());
  app.route('/', searchRoutes(s));
  app.route('/', entityRoutes(s));
  app.route('/', algorithmRoutes());
  app.route('/', catalogRoutes(s));
  app.route('/', reconcileRoutes(s));
  app.route('/', timelineRoutes(s));
  app.route('/', maritimeRoutes(s));
  app.route('/', networkRoutes(s));
  app.route('/', listRoutes(s));
  app.route('/', screenBatchRoutes(s));
  app.route('/', suppressionRoutes(s));
  app.route('/', regionRoutes());
  app.route('/', mandatesRoutes(s));
  app.route('/', adminRoutes(s));
  registerDocs(app);
  app.route('/', webRoutes());
  return app;
}
