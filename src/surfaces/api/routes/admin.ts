import { createRoute, z } from '@hono/zod-openapi';
import type { Services } from '../services.js';
import { router } from '../router.js';
import { storeCall } from '../store-call.js';
import { HttpError } from '../errors.js';
import { errors, json } from '../schemas.js';
import { SCOPES, createToken, listTokens, revokeToken, type Scope } from '../../../store/access.js';
import { readAudit } from '../../../store/audit.js';

const Token = z.object({
  id: z.number().int(), name: z.string(), scope: z.enum(['read', 'write', 'admin']), created_at: z.string(),
  last_used_at: z.string().nullable(), revoked_at: z.string().nullable(),
}).openapi('ApiToken');
const AuditRow = z.object({
  id: z.number().int(), at: z.string(), who: z.string(), endpoint: z.string(), dataset: z.string().nullable(),
  queryHash: z.string().openapi({ description: 'SHA-256 of the request (dataset, parameters, body) as canonical JSON' }),
  queries: z.number().int(), versions: z.array(z.string()),
  results: z.record(z.string(), z.array(z.object({ id: z.string(), score: z.number(), match: z.boolean() }))), status: z.number().int(),
}).openapi('AuditEntry');

const auditRoute = createRoute({
  method: 'get', path: '/admin/audit', tags: ['Admin'], summary: 'What was screened, by whom, against which list versions (admin token)',
  request: {
    query: z.object({
      date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a UTC day, YYYY-MM-DD').optional(),
      query_hash: z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 hex digest').optional(),
      who: z.string().max(200).optional(),
      limit: z.coerce.number().int().min(1).max(10_000).default(1000),
    }),
  },
  responses: { 200: json(z.object({ entries: z.array(AuditRow) }), 'Audit entries, oldest first'), ...errors(400, 401, 403) },
});
const tokensRoute = createRoute({
  method: 'get', path: '/admin/tokens', tags: ['Admin'], summary: 'API tokens (names and scopes; secrets are never shown again)',
  responses: { 200: json(z.object({ tokens: z.array(Token) }), 'Tokens'), ...errors(401, 403) },
});
const createRouteDef = createRoute({
  method: 'post', path: '/admin/tokens', tags: ['Admin'], summary: 'Make a token: its secret is in this answer only',
  request: { body: { required: true, content: { 'application/json': { schema: z.object({ name: z.string().min(1).max(100).regex(/^[\w.@-]+$/, 'letters, digits, _ . @ -'), scope: z.enum(['read', 'write', 'admin']) }) } } } },
  responses: { 201: json(z.object({ token: z.string(), name: z.string(), scope: z.string() }), 'The new token'), ...errors(400, 401, 403, 409) },
});
const revokeRoute = createRoute({
  method: 'delete', path: '/admin/tokens/{name}', tags: ['Admin'], summary: 'Revoke a token',
  request: { params: z.object({ name: z.string().max(100) }) },
  responses: { 200: json(z.object({ revoked: z.string() }), 'Revoked'), ...errors(401, 403, 404) },
});

export function adminRoutes(s: Services) {
  return router()
    .openapi(auditRoute, async (c) => {
      const q = c.req.valid('query');
      await s.audit?.flush();
      const entries = await storeCall(() => readAudit(s.db, { ...(q.date ? { day: q.date } : {}), ...(q.query_hash ? { queryHash: q.query_hash } : {}), ...(q.who ? { who: q.who } : {}), limit: q.limit }));
      return c.json({ entries: entries.map((e) => ({ ...e, dataset: e.dataset ?? null })) }, 200);
    })
    .openapi(tokensRoute, async (c) => c.json({ tokens: await storeCall(() => listTokens(s.db)) }, 200))
    .openapi(createRouteDef, async (c) => {
      const b = c.req.valid('json');
      if (!SCOPES.includes(b.scope as Scope)) throw new HttpError(400, `scope is one of ${SCOPES.join(', ')}`);
      if ((await storeCall(() => listTokens(s.db))).some((t) => t.name === b.name)) throw new HttpError(409, `a token named "${b.name}" exists`);
      const { token, row } = await storeCall(() => createToken(s.db, b.name, b.scope));
      return c.json({ token, name: row.name, scope: row.scope }, 201);
    })
    .openapi(revokeRoute, async (c) => {
      const { name } = c.req.valid('param');
      if (!(await storeCall(() => revokeToken(s.db, name)))) throw new HttpError(404, `no live token named "${name}"`);
      return c.json({ revoked: name }, 200);
    });
}
