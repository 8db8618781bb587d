import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Hono } from 'hono';
import { compress } from 'hono/compress';
import { serveStatic } from '@hono/node-server/serve-static';
import { packageRoot } from '../../config/paths.js';

/**
 * The web workbench: the Vite build in dist/web, served under /app/ on the API's port. Pages live under /app/ so
 * that no page address can shadow an API route (/timeline, /lists, /entities/{id} are API addresses); any other
 * /app/ path is a page of the single-page app and gets index.html. Hashed assets are cached for a year;
 * index.html is revalidated on every load so a new build is picked up at once.
 */

export const WEB_BASE = '/app/';

/** Folder of the built workbench (dist/web, or CHOKEPOINT_WEB_DIR). */
export function webDir(): string {
  return process.env.CHOKEPOINT_WEB_DIR ?? join(packageRoot(), 'dist', 'web');
}

const NOT_BUILT = `<!doctype html><meta charset="utf-8"><title>Chokepoint</title>
<p>The web workbench is not built. Run <code>npm run build</code> (it builds dist/web), then reload.
The API answers as usual: see <a href="/docs">/docs</a>.</p>`;

export function webRoutes(dir = webDir()) {
  const app = new Hono();
  // Read on each page load (a small file): a rebuild is served at once, without stale asset names.
  const indexHtml = () => (existsSync(join(dir, 'index.html')) ? readFileSync(join(dir, 'index.html'), 'utf8') : undefined);
  const strip = (p: string) => p.slice(WEB_BASE.length - 1);

  app.use('/app/*', compress());
  app.get('/', (c) => c.redirect(WEB_BASE, 302));
  app.get('/app', (c) => c.redirect(WEB_BASE, 301));
  // serve-static's onFound runs after the response is made: the cache header is set first, and the fallback
  // below (a file that is not there) replaces it.
  const assets = serveStatic({ root: dir, rewriteRequestPath: strip });
  app.get('/app/assets/*', (c, next) => {
    c.header('cache-control', 'public, max-age=31536000, immutable');
    return assets(c, next);
  });
  // Files at the top of the build (the icon) are not hashed: cached for an hour.
  app.get('/app/*', (c, next) => {
    if (!/\/[^/]+\.[a-z0-9]+$/i.test(c.req.path) || c.req.path.endsWith('.html') || c.req.path.startsWith('/app/assets/')) return next();
    c.header('cache-control', 'public, max-age=3600');
    return assets(c, next);
  });
  app.get('/app/*', (c) => {
    c.header('cache-control', 'no-cache');
    if (/\/assets\//.test(c.req.path) || /\.[a-z0-9]{1,5}$/i.test(c.req.path)) return c.json({ status: 404, message: `no file ${c.req.path}` }, 404);
    const html = indexHtml();
    if (!html) return c.html(NOT_BUILT, 503);
    return c.html(html, 200);
  });
  return app;
}
