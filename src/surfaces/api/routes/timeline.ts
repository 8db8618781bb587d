import { createRoute, z } from '@hono/zod-openapi';
import type { TimelineOptions, TimelineReport } from '../../../analyses/timeline/analysis.js';
import { timelineCsv } from '../../../analyses/timeline/csv-export.js';
import { TimelineInputError } from '../../../analyses/timeline/periods.js';
import { eventsDataDir, TimelineService } from '../../../analyses/timeline/service.js';
import { SourceError } from '../../../sources/types.js';
import type { Services } from '../services.js';
import { HttpError } from '../errors.js';
import { router } from '../router.js';
import { errors, json } from '../schemas.js';

/** GET /timeline (the timeline JSON) and GET /timeline.csv (one row per period). Mount with app.route('/', …). */

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a YYYY-MM-DD date');
const Query = z.object({
  from: Day.optional().openapi({ description: 'First day (inclusive)', example: '2022-01-01' }),
  to: Day.optional().openapi({ description: 'Last day (inclusive)', example: '2022-12-31' }),
  basis: z.enum(['any', 'program']).optional().openapi({ description: "'any' (default): every DPRK-related designation; 'program': only records with a DPRK tag or UN KP reference" }),
});
const CsvQuery = Query.extend({
  by: z.enum(['month', 'quarter', 'year']).optional().openapi({ description: 'One row per month (default), quarter or year' }),
});

const Nullable = z.number().nullable();
const Timeline = z.looseObject({
  from: z.string().nullable(),
  to: z.string().nullable(),
  range: z.object({ first: z.string(), last: z.string() }),
  warnings: z.array(z.string()).openapi({ description: 'What the window lacks: days outside the data give null counts, never zeros' }),
  launches: z.array(z.looseObject({ date: z.string(), class: z.string(), missiles: Nullable, sources: z.array(z.string()), evidence: z.array(z.unknown()) })),
  nuclear_tests: z.array(z.looseObject({ date: z.string(), ordinal: Nullable, evidence: z.array(z.unknown()) })),
  designations: z.array(z.looseObject({
    date: z.string(), date_precision: z.enum(['exact', 'between']), list: z.string(), entities: z.array(z.string()), programs: z.array(z.string()),
    dprk_reasons: z.record(z.string(), z.array(z.unknown())), evidence: z.array(z.unknown()),
  })),
  summary: z.looseObject({
    launch_days: Nullable, ballistic_launch_days: Nullable, nuclear_tests: Nullable, designation_actions: Nullable,
    designated_entities: Nullable, median_response_lag_days: Nullable,
  }),
}).openapi('Timeline', { description: 'Shape and rules: docs/timeline.md' });

const jsonRoute = createRoute({
  method: 'get', path: '/timeline', tags: ['Timeline'], summary: 'Launches and nuclear tests against DPRK-related designation actions',
  description: 'Counts per day, month, quarter, year and U.S. administration; response lag from each launch to the next designation action '
    + '(censored where the data ends); every item carries its evidence rows.',
  request: { query: Query },
  responses: { 200: json(Timeline, 'The timeline'), ...errors(400, 503) },
});
const csvRoute = createRoute({
  method: 'get', path: '/timeline.csv', tags: ['Timeline'], summary: 'The timeline counts as CSV, one row per period (empty cell = no data)',
  request: { query: CsvQuery },
  responses: { 200: { description: 'CSV', content: { 'text/csv': { schema: z.string() } } }, ...errors(400, 503) },
});

/** The routes; `dataDir` (the folder holding events/, un/, actions/) defaults to CHOKEPOINT_EVENTS or the shared data folder. */
export function timelineRoutes(s: Services, opts: { dataDir?: string } = {}) {
  let service: TimelineService | undefined;
  const report = async (o: TimelineOptions): Promise<TimelineReport> => {
    if (!s.ready) throw new HttpError(503, s.notReadyReason ?? 'lists are loading');
    service ??= new TimelineService(s.db, opts.dataDir ?? eventsDataDir());
    try {
      return await service.report(o);
    } catch (err) {
      if (err instanceof TimelineInputError) throw new HttpError(400, err.message);
      if (err instanceof SourceError) throw new HttpError(503, `timeline data unavailable: ${err.message}`);
      throw err;
    }
  };
  return router()
    .openapi(jsonRoute, async (c) => {
      const q = c.req.valid('query');
      const r = await report({ from: q.from, to: q.to, basis: q.basis });
      // The report is an interface (no index signature); the loose schema documents the pinned fields.
      return c.json(r as unknown as z.infer<typeof Timeline>, 200);
    })
    .openapi(csvRoute, async (c) => {
      const q = c.req.valid('query');
      const r = await report({ from: q.from, to: q.to, basis: q.basis });
      return c.body(timelineCsv(r, q.by ?? 'month'), 200, { 'content-type': 'text/csv; charset=utf-8' });
    });
}
