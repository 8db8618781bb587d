import { createRoute, z } from '@hono/zod-openapi';
import { diffVersions, parseVersionRef } from '../../../analyses/deltas/diff.js';
import { findVersion, importLog } from '../../../store/versions.js';
import type { Services } from '../services.js';
import { HttpError } from '../errors.js';
import { router } from '../router.js';
import { storeCall } from '../store-call.js';
import { errors, json, numberParam } from '../schemas.js';
import type { VersionDelta } from '../../../analyses/deltas/diff.js';

/** Deltas kept per app: stored versions never change, and an OFAC delta takes seconds to compute. */
const CACHED = 8;

/** GET /lists/diff (entries added, removed and changed between two list versions) and GET /lists/log (the import log). */

const Ref = z.object({ id: z.string(), schema: z.string(), caption: z.string() });
const Side = z.object({ source: z.string(), version: z.string(), published: z.string() });
const Delta = z.object({
  from: Side, to: Side, added: z.array(Ref), removed: z.array(Ref),
  changed: z.array(Ref.extend({ changes: z.array(z.object({ prop: z.string(), removed: z.array(z.string()), added: z.array(z.string()) })) })),
  unchanged: z.number().int(),
  counts: z.object({ added: z.number().int(), removed: z.number().int(), changed: z.number().int() }).openapi({ description: 'Whole counts (the lists may be cut by limit)' }),
}).openapi('VersionDelta');
const Log = z.object({
  imports: z.array(z.object({ source: z.string(), version: z.string(), origin: z.string(), outcome: z.string(), message: z.string().nullable(), at: z.string() })),
}).openapi('ImportLog');

const VersionText = z.string().max(100).openapi({ example: 'ofac@2023-12-28', description: 'SOURCE@VERSION (see /lists)' });

const diffRoute = createRoute({
  method: 'get', path: '/lists/diff', tags: ['System'], summary: 'Entries added, removed and changed between two list versions',
  description: 'The same delta as `chokepoint diff`: record by record, property by property.',
  request: { query: z.object({ from: VersionText, to: VersionText, limit: numberParam(100_000, 0, 100_000, 'At most this many entries per section (counts stay whole)', true) }) },
  responses: { 200: json(Delta, 'The delta'), ...errors(400, 404, 503) },
});
const logRoute = createRoute({
  method: 'get', path: '/lists/log', tags: ['System'], summary: 'The import log: every publication imported or refused, newest first',
  responses: { 200: json(Log, 'Import log'), ...errors(503) },
});

export function listRoutes(s: Services) {
  const cache = new Map<string, Promise<VersionDelta>>();
  return router()
    .openapi(diffRoute, async (c) => {
      const q = c.req.valid('query');
      for (const ref of [q.from, q.to]) {
        let parsed: { source: string; version: string };
        try {
          parsed = parseVersionRef(ref);
        } catch (err) {
          throw new HttpError(400, (err as Error).message);
        }
        if (!(await storeCall(() => findVersion(s.db, parsed.source, parsed.version)))) throw new HttpError(404, `no stored version ${ref} (see /lists)`);
      }
      const key = `${q.from} ${q.to}`;
      let p = cache.get(key);
      if (!p) {
        p = storeCall(() => diffVersions(s.db, q.from, q.to));
        cache.set(key, p);
        p.catch(() => cache.delete(key));
        while (cache.size > CACHED) cache.delete(cache.keys().next().value as string);
      }
      const d = await p;
      return c.json({
        ...d, added: d.added.slice(0, q.limit), removed: d.removed.slice(0, q.limit), changed: d.changed.slice(0, q.limit),
        counts: { added: d.added.length, removed: d.removed.length, changed: d.changed.length },
      }, 200);
    })
    .openapi(logRoute, async (c) => c.json({ imports: await storeCall(() => importLog(s.db, 200)) }, 200));
}
