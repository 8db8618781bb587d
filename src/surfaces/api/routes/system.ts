import { createRoute, z } from '@hono/zod-openapi';
import type { Services } from '../services.js';
import { currentVersions, listVersions } from '../../../store/versions.js';
import { entityCount } from '../../../store/entities.js';
import { HttpError } from '../errors.js';
import { router } from '../router.js';
import { storeCall } from '../store-call.js';
import { errors, json } from '../schemas.js';

const Status = z.object({ status: z.literal('ok') }).openapi('StatusResponse');
const Ready = Status.extend({
  process: z.number().int().openapi({ description: 'Process id of the API process that answered (several may share the port)' }),
  index: z.object({ entities: z.number().int(), versions: z.array(z.string()), built_at: z.string(), build_ms: z.number() }),
}).openapi('ReadyResponse');
const Version = z.object({
  id: z.number().int(), source: z.string(), dataset: z.string(), version: z.string(), published: z.string(), stated_date: z.string().nullable(),
  origin: z.string(), files: z.array(z.object({ name: z.string(), bytes: z.number(), sha256: z.string() })), content_hash: z.string(),
  counts: z.record(z.string(), z.number()), warnings: z.array(z.string()), status: z.enum(['staging', 'ready']), imported_at: z.string(), served: z.boolean(),
}).openapi('ListVersion');
const Lists = z.object({ versions: z.array(Version), entities: z.object({ total: z.number().int(), dprk: z.number().int() }) }).openapi('ListsResponse');

const healthz = createRoute({
  method: 'get', path: '/healthz', tags: ['System'], summary: 'The process answers', responses: { 200: json(Status, 'Alive') },
});
const readyz = createRoute({
  method: 'get', path: '/readyz', tags: ['System'], summary: 'Ready to screen: lists loaded, index built, database answering',
  responses: { 200: json(Ready, 'Ready'), ...errors(503) },
});
const lists = createRoute({
  method: 'get', path: '/lists', tags: ['System'], summary: 'Every list version held, and which one is served',
  responses: { 200: json(Lists, 'List versions'), ...errors(503) },
});

export function systemRoutes(s: Services) {
  return router()
    .openapi(healthz, (c) => c.json({ status: 'ok' as const }, 200))
    .openapi(readyz, async (c) => {
      const index = s.screening.index;
      if (!s.ready || !index) throw new HttpError(503, s.notReadyReason ?? 'the screening index is being built');
      try {
        await s.db.query('SELECT 1');
      } catch (err) {
        throw new HttpError(503, `database unavailable: ${(err as Error).message}`);
      }
      return c.json({
        status: 'ok' as const, process: process.pid, index: { entities: index.entities.length, versions: index.versions, built_at: index.builtAt, build_ms: Math.round(index.buildMs) },
      }, 200);
    })
    .openapi(lists, async (c) => {
      const [current, all, entities] = await storeCall(() => Promise.all([currentVersions(s.db), listVersions(s.db), entityCount(s.db)]));
      const served = new Set(current.map((v) => v.id));
      return c.json({ versions: all.map((v) => ({ ...v, served: served.has(v.id) })), entities }, 200);
    });
}
