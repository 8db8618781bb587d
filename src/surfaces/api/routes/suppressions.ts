import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRoute, z } from '@hono/zod-openapi';
import { SuppressionList, type Suppression } from '../../../analyses/screening/suppressions.js';
import { settingsFrom } from '../../../config/settings.js';
import type { Services } from '../services.js';
import { HttpError } from '../errors.js';
import { router } from '../router.js';
import { errors, json } from '../schemas.js';

/**
 * Reviewed false positives kept by the server: GET/POST /suppressions, DELETE /suppressions/{n}. They live in
 * `<data dir>/suppressions.json` (the same fields as a `--suppress` file), so a reviewer's decision outlives the
 * process; batch screening through the API applies them.
 */

interface Stored extends Omit<Suppression, 'origin'> {
  n: number;
}

/** The suppressions file of a data folder, read once and written whole on each change. */
export class SuppressionStore {
  private items: Stored[] = [];
  private loaded = false;

  constructor(readonly path: string) {}

  private load(): void {
    if (this.loaded) return;
    this.loaded = true;
    if (!existsSync(this.path)) return;
    const data = JSON.parse(readFileSync(this.path, 'utf8')) as { suppressions?: Stored[] };
    this.items = (data.suppressions ?? []).map((s, i) => ({ ...s, n: s.n ?? i + 1 }));
  }

  all(): Stored[] {
    this.load();
    return [...this.items];
  }

  add(s: Omit<Stored, 'n'>): Stored {
    this.load();
    const item: Stored = { n: Math.max(0, ...this.items.map((x) => x.n)) + 1, ...s };
    this.items.push(item);
    this.save();
    return item;
  }

  remove(n: number): boolean {
    this.load();
    const before = this.items.length;
    this.items = this.items.filter((x) => x.n !== n);
    if (this.items.length === before) return false;
    this.save();
    return true;
  }

  private save(): void {
    mkdirSync(dirname(this.path), { recursive: true });
    const tmp = `${this.path}.tmp`;
    writeFileSync(tmp, `${JSON.stringify({ suppressions: this.items }, null, 2)}\n`);
    renameSync(tmp, this.path);
  }

  /** As the screening code takes them, with `suppressions.json#n` as origin. */
  list(): SuppressionList {
    return new SuppressionList(this.all().map(({ n, ...s }) => ({ ...s, origin: `suppressions.json#${n}` })));
  }
}

let shared: SuppressionStore | undefined;
/** The store of the configured data folder (CHOKEPOINT_DATA or ./data). */
export function suppressionStore(): SuppressionStore {
  return (shared ??= new SuppressionStore(join(settingsFrom().dataDir, 'suppressions.json')));
}

const Item = z.object({
  n: z.number().int(), query: z.string(), entity: z.string(), reason: z.string(), reviewer: z.string().optional(), date: z.string().optional(),
}).openapi('Suppression');
const ItemList = z.object({ suppressions: z.array(Item) }).openapi('SuppressionList');
const NewItem = z.object({
  query: z.string().min(1).max(500).openapi({ example: 'Ri Yong Gil' }),
  entity: z.string().min(1).max(200).openapi({ example: 'ofac-33936', description: 'Entity id or any referent' }),
  reason: z.string().min(1).max(2000).openapi({ example: 'customer born 1987 in Seoul; the listed person was born 1955' }),
  reviewer: z.string().max(200).optional(),
}).openapi('NewSuppression');

const listRoute = createRoute({
  method: 'get', path: '/suppressions', tags: ['Matching'], summary: 'Reviewed false positives (all, or those that apply to a query name)',
  request: { query: z.object({ query: z.string().max(500).optional().openapi({ description: 'Only those for this name (compared folded)' }) }) },
  responses: { 200: json(ItemList, 'Suppressions'), ...errors(400) },
});
const addRoute = createRoute({
  method: 'post', path: '/suppressions', tags: ['Matching'], summary: 'Suppress a reviewed hit: this entity is not the party screened under this name',
  request: { body: { required: true, content: { 'application/json': { schema: NewItem } } } },
  responses: { 200: json(Item, 'Stored'), ...errors(400, 404) },
});
const deleteRoute = createRoute({
  method: 'delete', path: '/suppressions/{n}', tags: ['Matching'], summary: 'Withdraw a suppression',
  request: { params: z.object({ n: z.string().regex(/^\d+$/).openapi({ param: { name: 'n', in: 'path' }, example: '1' }) }) },
  responses: { 200: json(z.object({ deleted: z.number().int() }), 'Deleted'), ...errors(404) },
});

export function suppressionRoutes(s: Services, store: () => SuppressionStore = suppressionStore) {
  return router()
    .openapi(listRoute, (c) => {
      const { query } = c.req.valid('query');
      let items = store().all();
      if (query !== undefined) {
        const applicable = new Set(store().list().forQuery([query]).map((x) => Number(x.origin.split('#')[1])));
        items = items.filter((x) => applicable.has(x.n));
      }
      return c.json({ suppressions: items }, 200);
    })
    .openapi(addRoute, (c) => {
      const b = c.req.valid('json');
      const index = s.screening.index;
      if (index && !index.entities.some((e) => e.id === b.entity || e.referents.includes(b.entity))) {
        throw new HttpError(404, `"${b.entity}" is no entity's id or referent`);
      }
      const item = store().add({
        query: b.query.trim(), entity: b.entity.trim(), reason: b.reason.trim(), ...(b.reviewer?.trim() ? { reviewer: b.reviewer.trim() } : {}),
        date: new Date().toISOString().slice(0, 10),
      });
      return c.json(item, 200);
    })
    .openapi(deleteRoute, (c) => {
      const n = Number(c.req.valid('param').n);
      if (!store().remove(n)) throw new HttpError(404, `no suppression ${n}`);
      return c.json({ deleted: n }, 200);
    });
}
