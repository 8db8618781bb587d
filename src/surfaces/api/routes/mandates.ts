import { createRoute, z } from '@hono/zod-openapi';
import { evaluate } from '../../../analyses/mandates/evaluate.js';
import { addAnalystEvidence, EvidenceInputError } from '../../../analyses/mandates/evidence.js';
import { entityMandates, provisionsDoc } from '../../../analyses/mandates/service.js';
import { portsView } from '../../../analyses/mandates/ports.js';
import { buildReport } from '../../report/index.js';
import type { Services } from '../services.js';
import { HttpError } from '../errors.js';
import { router } from '../router.js';
import { errors, json } from '../schemas.js';

/**
 * The mandates routes: GET /mandates/provisions, GET /mandates/gaps, GET /mandates/ports, GET /mandates/entities/{id},
 * POST /evidence, GET /report.html. Mount with app.route('/', mandatesRoutes(s)). Shapes: docs/mandates.md.
 */

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a YYYY-MM-DD date');
const AsOf = z.object({ as_of: Day.optional().openapi({ description: 'Evaluate as of this day (default today, UTC)', example: '2025-06-30' }) });
const Loose = (name: string, description: string) => z.looseObject({}).openapi(name, { description });

const EvidenceBody = z.object({
  kind: z.string().min(1).openapi({ description: 'Evidence kind (GET /mandates/provisions lists them under evidence_kinds)', example: 'sts_transfer' }),
  subject: z.string().min(1).openapi({ description: 'Listed entity id or referent, imported entity id, or imo-NNNNNNN / mmsi-NNNNNNNNN', example: 'imo-9123453' }),
  counterparty: z.string().optional(),
  date: z.string().openapi({ example: '2025-05-04' }),
  end: z.string().optional(),
  place: z.string().optional(),
  lat: z.number().optional(),
  lon: z.number().optional(),
  citation: z.string().optional().openapi({ description: 'Required: the source (UN Panel of Experts report and paragraph, court filing, news report with URL)' }),
  confidence: z.number().optional(),
  attempt: z.boolean().optional(),
  note: z.string().optional(),
  author: z.string().optional(),
  detail: z.record(z.string(), z.unknown()).optional(),
}).openapi('EvidenceInput');

const provisionsRoute = createRoute({
  method: 'get', path: '/mandates/provisions', tags: ['Mandates'], summary: 'The mandatory provisions as data, with the staged statute text and the UN caps',
  responses: { 200: json(Loose('Provisions', 'version, provisions (citation, quote, text, condition, action, exceptions), out_of_scope, lookbacks, un_caps, evidence_kinds'), 'The provisions') },
});
const gapsRoute = createRoute({
  method: 'get', path: '/mandates/gaps', tags: ['Mandates'], summary: 'Subjects meeting a mandatory trigger, not designated by the U.S.; per-provision counts',
  request: { query: AsOf },
  responses: { 200: json(Loose('Gaps', 'as_of, summary, gaps (with evidence chains), to_check (possibly designated under another name), provisions (triggered, designated, gaps, to_check, findings)'), 'The gaps'), ...errors(400, 503) },
});
const portsRoute = createRoute({
  method: 'get', path: '/mandates/ports', tags: ['Mandates'], summary: 'Flag registries and foreign ports hosting DPRK-linked vessels and events (22 U.S.C. 9225), 180- and 365-day look-backs',
  request: { query: AsOf },
  responses: { 200: json(Loose('PortsView', 'vessels, registries, ports, points'), 'The view'), ...errors(400, 503) },
});
const entityRoute = createRoute({
  method: 'get', path: '/mandates/entities/{id}', tags: ['Mandates'], summary: 'One subject: provisions its evidence triggers (with chains), designation, evidence',
  request: { params: z.object({ id: z.string().min(1) }), query: AsOf },
  responses: { 200: json(Loose('EntityMandates', 'subject, designation, triggers, evidence'), 'The subject'), ...errors(400, 404, 503) },
});
const evidenceRoute = createRoute({
  method: 'post', path: '/evidence', tags: ['Mandates'], summary: 'Add an analyst evidence item (citation required; known subject required)',
  request: { body: { required: true, content: { 'application/json': { schema: EvidenceBody } } } },
  responses: { 200: json(Loose('EvidenceItem', 'The stored item'), 'Stored'), ...errors(400, 413, 415, 503) },
});
const reportRoute = createRoute({
  method: 'get', path: '/report.html', tags: ['Mandates'], summary: 'The oversight report as one self-contained HTML page',
  request: { query: AsOf },
  responses: { 200: { description: 'HTML', content: { 'text/html': { schema: z.string() } } }, ...errors(400, 503) },
});

export function mandatesRoutes(s: Services) {
  const ready = () => { if (!s.ready) throw new HttpError(503, s.notReadyReason ?? 'lists are loading'); };
  return router()
    .openapi(provisionsRoute, (c) => c.json(provisionsDoc() as unknown as Record<string, never>, 200))
    .openapi(gapsRoute, async (c) => {
      ready();
      const q = c.req.valid('query');
      const ev = await evaluate(s.db, { ...(q.as_of ? { asOf: q.as_of } : {}), ...(s.screening?.index ? { screening: s.screening.index } : {}) });
      return c.json({ as_of: ev.as_of, summary: ev.summary, gaps: ev.gaps, to_check: ev.to_check, provisions: ev.provisions } as unknown as Record<string, never>, 200);
    })
    .openapi(portsRoute, async (c) => {
      ready();
      const q = c.req.valid('query');
      return c.json(await portsView(s.db, q.as_of ?? new Date().toISOString().slice(0, 10)) as unknown as Record<string, never>, 200);
    })
    .openapi(entityRoute, async (c) => {
      ready();
      const { id } = c.req.valid('param');
      const r = await entityMandates(s.db, id, c.req.valid('query').as_of, s.screening?.index);
      if (!r) throw new HttpError(404, `no entity, imported entity or known vessel '${id}'`);
      return c.json(r as unknown as Record<string, never>, 200);
    })
    .openapi(evidenceRoute, async (c) => {
      ready();
      const b = c.req.valid('json');
      try {
        const item = await addAnalystEvidence(s.db, { ...b, citation: b.citation ?? '' });
        return c.json(item as unknown as Record<string, never>, 200);
      } catch (err) {
        if (err instanceof EvidenceInputError) throw new HttpError(400, `evidence refused: ${err.message}`, err.field ? { field: err.field } : undefined);
        throw err;
      }
    })
    .openapi(reportRoute, async (c) => {
      ready();
      const q = c.req.valid('query');
      const { html } = await buildReport(s.db, { ...(q.as_of ? { asOf: q.as_of } : {}), ...(s.screening?.index ? { screening: s.screening.index } : {}) });
      return c.html(html, 200);
    });
}
