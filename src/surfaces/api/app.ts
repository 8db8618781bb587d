import type { OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import type { Services } from './services.js';
import { errorBody, handleError } from './errors.js';
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
import { registerDocs } from './routes/docs.js';

/** Largest request body accepted (a batch of 100 queries fits easily). */
export const MAX_BODY = 1024 * 1024;

/** The HTTP application: thin routers over the store and the analyses. */
export function createApp(s: Services): OpenAPIHono {
  const app = router();
  app.onError(handleError);
  app.notFound((c) => errorBody(c, 404, `no route ${c.req.method} ${c.req.path}`));
  app.use('*', bodyLimit({ maxSize: MAX_BODY, onError: (c) => errorBody(c, 413, `request body larger than ${MAX_BODY / 1024 / 1024} MB: split the batch`) }));
  app.route('/', systemRoutes(s));
  app.route('/', matchRoutes(s));
  app.route('/', compareRoutes());
  app.route('/', searchRoutes(s));
  app.route('/', entityRoutes(s));
  app.route('/', algorithmRoutes());
  app.route('/', catalogRoutes(s));
  app.route('/', reconcileRoutes(s));
  app.route('/', timelineRoutes(s));
  registerDocs(app);
  return app;
}
