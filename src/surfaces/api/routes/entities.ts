import { DPRK_REASON_KINDS } from '../../../model/dprk.js';
import { MERGE_RULES } from '../../../model/entity.js';
import { createRoute, z } from '@hono/zod-openapi';
import { getAnyEntity, networkFacts, NetworkFactsSchema } from '../../../analyses/network/entity-detail.js';
import type { Services } from '../services.js';
import { HttpError } from '../errors.js';
import { router } from '../router.js';
import { entityResponse } from '../shape.js';
import { EntityResponse, errors, json } from '../schemas.js';
import { storeCall } from '../store-call.js';

const Sanction = z.object({
  authority: z.string(), programs: z.array(z.string()), listingDate: z.string().optional(), reason: z.string().optional(),
  provisions: z.array(z.string()).optional(), record: z.string(), dataset: z.string(), version: z.string(),
}).openapi('Sanction');
const Listed = z.object({
  record: z.string(), dataset: z.string(), precision: z.enum(['exact', 'between', 'on_or_before']), date: z.string(),
  after: z.string().optional(), basis: z.enum(['list_date', 'first_version', 'between_versions', 'change_log']),
}).openapi('ListingDate');
const Dprk = z.object({
  kind: z.enum(DPRK_REASON_KINDS),
  detail: z.string(), record: z.string(), strong: z.boolean(),
}).openapi('DprkReason');
const Merge = z.object({
  a: z.string(), b: z.string(), rule: z.enum(MERGE_RULES), detail: z.string(),
}).openapi('MergeReason');
const Statement = z.object({ prop: z.string(), value: z.string(), record: z.string(), dataset: z.string(), version: z.string() }).openapi('Statement');
const Link = z.object({ type: z.string(), record: z.string(), targetName: z.string().optional(), target: z.string().optional(), note: z.string().optional() }).openapi('EntityLink');

const EntityDetail = EntityResponse.extend({
  sanctions: z.array(Sanction), listed: z.array(Listed), dprk: z.array(Dprk), merge: z.array(Merge),
  statements: z.array(Statement).openapi({ description: 'Every value with the record and list version it comes from' }),
  links: z.array(Link),
  network: NetworkFactsSchema.optional(),
}).openapi('EntityDetail');

const route = createRoute({
  method: 'get', path: '/entities/{id}', tags: ['Entities'], summary: 'One entity with its evidence',
  description: 'Accepts the entity id or any referent (ofac-17069, un-KPe.001). Adds to yente\'s EntityResponse the sanctions, '
    + 'listing dates, DPRK reasons, merge reasons, links and the provenance of every value.',
  request: { params: z.object({ id: z.string().openapi({ param: { name: 'id', in: 'path' }, example: 'ofac-17069' }) }) },
  responses: { 200: json(EntityDetail, 'The entity'), ...errors(400, 404, 503) },
});

export function entityRoutes(s: Services) {
  return router().openapi(route, async (c) => {
    const { id } = c.req.valid('param');
    if (id.length > 200) throw new HttpError(400, 'entity id too long (over 200 characters)');
    const e = await storeCall(() => getAnyEntity(s.db, id));
    if (!e) throw new HttpError(404, `no entity or referent "${id}"`);
    return c.json({
      ...entityResponse(e), sanctions: e.sanctions, listed: e.listed, dprk: e.dprk, merge: e.merge, statements: e.statements ?? [], links: e.links,
      network: await storeCall(() => networkFacts(s.db, e)),
    }, 200);
  });
}
