import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { docsPage } from '../docs-page.js';
import { json } from '../schemas.js';

const INFO = {
  title: 'Chokepoint screening API',
  version: '1',
  description: 'Screening against the sanctions lists on North Korea in the yente (OpenSanctions) wire format: /match, /search, '
    + '/entities, /algorithms, /catalog; /compare scores two records; /reconcile serves OpenRefine. Every error is JSON '
    + '{status, message, detail?}.',
};

const specRoute = createRoute({
  method: 'get', path: '/openapi.json', tags: ['System'], summary: 'This OpenAPI document',
  responses: { 200: json(z.record(z.string(), z.unknown()), 'OpenAPI 3.1 document') },
});
const docsRoute = createRoute({
  method: 'get', path: '/docs', tags: ['System'], summary: 'This documentation as a web page (self-contained, works offline)',
  responses: { 200: { description: 'HTML', content: { 'text/html': { schema: z.string() } } } },
});

/** /openapi.json and /docs, generated from the routes registered on `app` (call after every other route). */
export function registerDocs(app: OpenAPIHono): void {
  let spec: Record<string, unknown> | undefined;
  const document = () => (spec ??= app.getOpenAPI31Document({ openapi: '3.1.0', info: INFO, tags: [
    { name: 'Matching' }, { name: 'Entities' }, { name: 'Reconciliation' }, { name: 'Timeline' }, { name: 'System' },
  ] }) as unknown as Record<string, unknown>);
  app.openapi(specRoute, (c) => c.json(document(), 200));
  app.openapi(docsRoute, (c) => c.html(docsPage(document()), 200));
}
