import { rmSync } from 'node:fs';
import { createRoute, z } from '@hono/zod-openapi';
import type { Services } from '../services.js';
import { HttpError } from '../errors.js';
import { router } from '../router.js';
import { errors, json } from '../schemas.js';
import { storeCall } from '../store-call.js';
import { findEvents, getRun, listRuns, listVessels, vesselSummaries } from '../../../store/maritime.js';
import { executeRun, queueRun } from '../../../analyses/maritime/stored-run.js';
import { screeningNameMatcher } from '../../../analyses/maritime/name-matcher.js';
import { defaultParams } from '../../../analyses/maritime/params.js';
import { FilterError, MAX_EVENT_LIMIT, parseEventFilter, wholeNumber, type RawEventFilter } from '../../../analyses/maritime/filters.js';
import type { InputFormat } from '../../../analyses/maritime/input-formats.js';
import { MAX_UPLOAD_BYTES, receiveUpload } from '../maritime/upload.js';
import { SerialQueue } from '../maritime/queue.js';
import {
  EventPage, EventQuery, FeatureCollection, Run, Vessel, VesselDetail, VesselPage, eventJson, featureOf, runJson, vesselJson,
} from '../maritime/schemas.js';

/**
 * AIS uploads and stored maritime results (docs/maritime.md): POST /ais/uploads (202, processed in the background),
 * GET /ais/uploads/{id}, GET /ais/uploads, GET /ais/events, GET /ais/events.geojson, GET /ais/vessels/{mmsi},
 * GET /ais/vessels. Mount with app.route('/', …); the upload path is exempt from the JSON body limit (it streams to
 * a temporary file up to MAX_UPLOAD_BYTES).
 */

/** Events listed with a vessel. */
const VESSEL_EVENTS = 1000;
const MAX_MMSI = 999_999_999;
const MAX_ID = Number.MAX_SAFE_INTEGER;

function filterOf(raw: RawEventFilter, defaultLimit?: number) {
  try {
    return parseEventFilter({ ...raw, limit: raw.limit ?? (defaultLimit === undefined ? undefined : String(defaultLimit)) });
  } catch (err) {
    if (err instanceof FilterError) throw new HttpError(400, err.message);
    throw err;
  }
}

function numberOf(raw: string, what: string, min: number, max: number): number {
  try {
    return wholeNumber(raw, what, min, max);
  } catch (err) {
    throw new HttpError(400, (err as Error).message);
  }
}

const IdParam = z.object({ id: z.string().openapi({ param: { name: 'id', in: 'path' }, example: '1' }) });
const MmsiParam = z.object({ mmsi: z.string().openapi({ param: { name: 'mmsi', in: 'path' }, example: '412345678' }) });

const uploadRoute = createRoute({
  method: 'post', path: '/ais/uploads', tags: ['Maritime'], summary: 'Upload an AIS file (NMEA or CSV) for detection',
  description: `The body is the file itself (any content type), or a multipart/form-data body whose first file part is the file `
    + `(text fields \`format\` and \`name\` are read too). Up to ${MAX_UPLOAD_BYTES / 1024 / 1024} MB, streamed to a temporary file. `
    + 'Answers 202 with the queued run; poll GET /ais/uploads/{id} until its status is done or failed. Lines that cannot be read are '
    + 'counted by reason in `skipped`: a file of garbage is a done run with nothing found and everything skipped.',
  request: {
    query: z.object({
      format: z.enum(['nmea', 'csv']).optional().openapi({ description: 'Default: by the file name\'s extension, else by the first line (a CSV header naming mmsi), else NMEA' }),
      name: z.string().max(200).optional().openapi({ description: 'File name to record (raw bodies carry none)', example: 'day.nmea' }),
    }),
    body: {
      required: true,
      content: {
        'application/octet-stream': { schema: { type: 'string', format: 'binary' } },
        'multipart/form-data': { schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' }, format: { type: 'string', enum: ['nmea', 'csv'] } } } },
      },
    },
  },
  responses: { 202: json(Run, 'The queued run'), ...errors(400, 413, 503) },
});

const runRoute = createRoute({
  method: 'get', path: '/ais/uploads/{id}', tags: ['Maritime'], summary: 'An AIS run: status, counts, skipped records by reason',
  request: { params: IdParam },
  responses: { 200: json(Run, 'The run (with the parameters used and the detection summary)'), ...errors(400, 404, 503) },
});

const runsRoute = createRoute({
  method: 'get', path: '/ais/uploads', tags: ['Maritime'], summary: 'AIS runs, newest first',
  request: { query: z.object({ limit: z.string().optional().openapi({ description: 'At most this many (default 50)' }) }) },
  responses: { 200: json(z.object({ runs: z.array(Run) }), 'The runs'), ...errors(400, 503) },
});

const eventsRoute = createRoute({
  method: 'get', path: '/ais/events', tags: ['Maritime'], summary: 'Stored maritime events, filtered',
  request: { query: EventQuery },
  responses: { 200: json(EventPage, 'Events in time order'), ...errors(400, 503) },
});

const geojsonRoute = createRoute({
  method: 'get', path: '/ais/events.geojson', tags: ['Maritime'], summary: 'The same events as a GeoJSON FeatureCollection (for the map)',
  request: { query: EventQuery },
  responses: { 200: { description: 'GeoJSON', content: { 'application/geo+json': { schema: FeatureCollection } } }, ...errors(400, 503) },
});

const vesselRoute = createRoute({
  method: 'get', path: '/ais/vessels/{mmsi}', tags: ['Maritime'], summary: 'One vessel: identity timeline, linkage, risk reasons, events',
  description: 'The summary of the newest run that saw the MMSI (older runs\' scores in `runs`), and its events from every run.',
  request: { params: MmsiParam },
  responses: { 200: json(VesselDetail, 'The vessel'), ...errors(400, 404, 503) },
});

const vesselsRoute = createRoute({
  method: 'get', path: '/ais/vessels', tags: ['Maritime'], summary: 'Vessels by risk score, highest first',
  request: {
    query: z.object({
      risk: z.string().optional().openapi({ description: 'Minimum risk score, 0 to 1 (default 0: every vessel)', example: '0.5' }),
      run: z.string().optional().openapi({ description: 'Summaries of one run (default: each MMSI\'s newest)' }),
      limit: z.string().optional().openapi({ description: 'Page size (default 100, at most 10000)' }),
      offset: z.string().optional(),
    }),
  },
  responses: { 200: json(VesselPage, 'Vessels'), ...errors(400, 503) },
});

export function maritimeRoutes(s: Services, queue = new SerialQueue()) {
  // Names link through the screening index once it is built (exact identity keys before that).
  const nameMatcher = screeningNameMatcher(() => s.screening.index, defaultParams()['linkage.nameMinScore']);
  return router()
    .openapi(uploadRoute, async (c) => {
      const q = c.req.valid('query');
      const upload = await receiveUpload(c.req.raw);
      try {
        const field = upload.fields.format;
        if (field !== undefined && field !== 'nmea' && field !== 'csv') throw new HttpError(400, `format must be nmea or csv, not "${field.slice(0, 40)}"`);
        const format = (q.format ?? field) as InputFormat | undefined;
        const files = [{ path: upload.path, name: q.name ?? upload.fields.name ?? upload.name ?? 'upload', sha256: upload.sha256 }];
        const id = await storeCall(() => queueRun(s.db, { files, format }, 'api'));
        queue.enqueue(async () => {
          try {
            await executeRun(s.db, id, { files, format, nameMatcher: s.screening.index ? nameMatcher : undefined });
          } finally {
            rmSync(upload.dir, { recursive: true, force: true });
          }
        });
        const run = await storeCall(() => getRun(s.db, id));
        c.header('location', `/ais/uploads/${id}`);
        return c.json(runJson(run!), 202);
      } catch (err) {
        rmSync(upload.dir, { recursive: true, force: true });
        throw err;
      }
    })
    .openapi(runRoute, async (c) => {
      const id = numberOf(c.req.valid('param').id, 'run id', 1, MAX_ID);
      const run = await storeCall(() => getRun(s.db, id));
      if (!run) throw new HttpError(404, `no AIS run ${id}`);
      return c.json(runJson(run, true), 200);
    })
    .openapi(runsRoute, async (c) => {
      const { limit } = c.req.valid('query');
      const n = limit === undefined ? 50 : numberOf(limit, 'limit', 1, 1000);
      return c.json({ runs: (await storeCall(() => listRuns(s.db, n))).map((r) => runJson(r)) }, 200);
    })
    .openapi(eventsRoute, async (c) => {
      const f = filterOf(c.req.valid('query'));
      const { total, events } = await storeCall(() => findEvents(s.db, f));
      return c.json({ total, limit: f.limit!, offset: f.offset!, events: events.map(eventJson) }, 200);
    })
    .openapi(geojsonRoute, async (c) => {
      const f = filterOf(c.req.valid('query'), MAX_EVENT_LIMIT);
      const { total, events } = await storeCall(() => findEvents(s.db, f));
      return c.json({ type: 'FeatureCollection' as const, total, features: events.map(featureOf) }, 200, { 'content-type': 'application/geo+json' });
    })
    .openapi(vesselRoute, async (c) => {
      const mmsi = numberOf(c.req.valid('param').mmsi, 'mmsi', 0, MAX_MMSI);
      const [summaries, ev] = await storeCall(() => Promise.all([vesselSummaries(s.db, mmsi), findEvents(s.db, { mmsi, limit: VESSEL_EVENTS })]));
      if (!summaries.length && !ev.total) throw new HttpError(404, `MMSI ${mmsi} is in no stored AIS run`);
      const v = summaries[0];
      return c.json({
        ...(v ? vesselJson(v) : { mmsi, run: ev.events[0].run, flag: null, names: [], imos: [], risk_score: 0, event_counts: {} }),
        identity: v?.identity ?? {}, links: v?.links ?? [], reasons: v?.reasons ?? [], lookback: v?.lookback ?? {},
        runs: summaries.map((x) => ({ run: x.run, risk_score: x.riskScore })),
        events: ev.events.map(eventJson), events_total: ev.total,
      }, 200);
    })
    .openapi(vesselsRoute, async (c) => {
      const q = c.req.valid('query');
      let minScore = 0;
      if (q.risk !== undefined) {
        minScore = Number(q.risk);
        if (!/^\s*\d+(\.\d+)?\s*$/.test(q.risk) || !(minScore >= 0 && minScore <= 1)) throw new HttpError(400, `risk must be a score from 0 to 1, not "${q.risk.slice(0, 40)}"`);
      }
      const run = q.run === undefined ? undefined : numberOf(q.run, 'run', 1, MAX_ID);
      const limit = q.limit === undefined ? 100 : numberOf(q.limit, 'limit', 1, MAX_EVENT_LIMIT);
      const offset = q.offset === undefined ? 0 : numberOf(q.offset, 'offset', 0, MAX_ID);
      const { total, vessels } = await storeCall(() => listVessels(s.db, { minScore, run, limit, offset }));
      return c.json({ total, limit, offset, vessels: vessels.map(vesselJson) }, 200);
    });
}
