import { createReadStream, createWriteStream, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { randomUUID } from 'node:crypto';
import { createRoute, z } from '@hono/zod-openapi';
import { stringify } from 'csv-stringify';
import { BatchStats, batchColumns, outputRecord, screenRows } from '../../../analyses/screening/batch.js';
import { SCREENING_PARAMS } from '../../../analyses/screening/params.js';
import { readInput, schemaOf, QUERY_SCHEMAS } from '../../../sources/input/index.js';
import type { Services } from '../services.js';
import { HttpError } from '../errors.js';
import { router } from '../router.js';
import { pause } from '../pause.js';
import { requestFilter, requireIndex } from '../scope.js';
import { errors, json, optionalNumberParam } from '../schemas.js';
import { suppressionStore, type SuppressionStore } from './suppressions.js';

/**
 * Batch screening of an uploaded CSV or XLSX file, as `chokepoint screen --input`: POST the file, poll its progress,
 * download the result CSV (the CLI's columns). Jobs live in memory (the newest 20) with their result in a temp file.
 */

interface Job {
  id: string;
  file: string;
  state: 'running' | 'done' | 'failed';
  message?: string;
  format: string;
  mapping: string;
  unit: 'bytes' | 'rows';
  total: number;
  position: number;
  stats: BatchStats;
  dir: string;
  versions: string[];
  started: string;
  seconds?: number;
}

const KEEP = 20;
const jobs = new Map<string, Job>();

function forget(): void {
  while (jobs.size > KEEP) {
    const [id, job] = jobs.entries().next().value as [string, Job];
    if (job.state === 'running') break;
    rmSync(job.dir, { recursive: true, force: true });
    jobs.delete(id);
  }
}

const JobStatus = z.object({
  id: z.string(), file: z.string(), state: z.enum(['running', 'done', 'failed']), message: z.string().optional(),
  format: z.string(), mapping: z.string().openapi({ description: 'Which column was read as which field' }),
  unit: z.enum(['bytes', 'rows']), total: z.number(), position: z.number(), progress: z.number().openapi({ description: '0..1' }),
  rows: z.number().int(), screened: z.number().int(), matches: z.number().int(), errors: z.number().int(), suppressed: z.number().int(),
  versions: z.array(z.string()), started: z.string(), seconds: z.number().optional(),
  result: z.string().optional().openapi({ description: 'Where to download the result CSV once done' }),
}).openapi('BatchJob');

function status(j: Job) {
  const st = j.stats;
  return {
    id: j.id, file: j.file, state: j.state, ...(j.message ? { message: j.message } : {}), format: j.format, mapping: j.mapping, unit: j.unit,
    total: j.total, position: j.position, progress: j.state === 'done' ? 1 : j.total ? Math.min(1, j.position / j.total) : 0,
    rows: st.rows, screened: st.screened, matches: st.matches, errors: st.errors, suppressed: st.suppressed,
    versions: j.versions, started: j.started, ...(j.seconds !== undefined ? { seconds: j.seconds } : {}),
    ...(j.state === 'done' ? { result: `/screen/batch/${j.id}/result.csv` } : {}),
  };
}

const IdParam = z.object({ id: z.string().max(64).openapi({ param: { name: 'id', in: 'path' } }) });

const postRoute = createRoute({
  method: 'post', path: '/screen/batch', tags: ['Matching'], summary: 'Screen a CSV or XLSX file of names (a batch job)',
  description: 'Send the file as the request body (text/csv, an XLSX content type or application/octet-stream) and its name in '
    + '`filename`. Columns are recognised as `chokepoint screen --input` recognises them; malformed rows are reported in the '
    + 'result, not fatal. Answers at once with the job; poll GET /screen/batch/{id}, then download its result.',
  request: {
    query: z.object({
      filename: z.string().max(300).optional().openapi({ example: 'customers.csv', description: 'The file name: .xlsx is read as a workbook, anything else as CSV' }),
      dataset: z.string().max(100).optional().openapi({ example: 'default' }),
      schema: z.string().max(100).optional().openapi({ description: 'Schema of rows without a type column' }),
      threshold: optionalNumberParam(0, 1, `Score from which a result is a match (default ${SCREENING_PARAMS.threshold})`),
    }),
    body: { required: true, content: { 'text/csv': { schema: z.string() }, 'application/octet-stream': { schema: z.string().openapi({ format: 'binary' }) } } },
  },
  responses: { 200: json(JobStatus, 'The job, started'), ...errors(400, 404, 413, 503) },
});
const getRoute = createRoute({
  method: 'get', path: '/screen/batch/{id}', tags: ['Matching'], summary: 'Progress of a batch screening job',
  request: { params: IdParam }, responses: { 200: json(JobStatus, 'The job'), ...errors(404) },
});
const resultRoute = createRoute({
  method: 'get', path: '/screen/batch/{id}/result.csv', tags: ['Matching'], summary: 'The result CSV of a finished batch job',
  request: { params: IdParam },
  responses: { 200: { description: 'CSV, one row per input row', content: { 'text/csv': { schema: z.string() } } }, ...errors(404, 409) },
});

export function screenBatchRoutes(s: Services, store: () => SuppressionStore = suppressionStore) {
  return router()
    .openapi(postRoute, async (c) => {
      const q = c.req.valid('query');
      const index = requireIndex(s);
      const filter = requestFilter(index, q.dataset ?? 'default');
      const schema = q.schema ? schemaOf(q.schema) : 'Thing';
      if (!schema) throw new HttpError(400, `unknown schema "${q.schema}": one of ${QUERY_SCHEMAS.join(', ')}`);
      const bytes = new Uint8Array(await c.req.arrayBuffer());
      if (!bytes.length) throw new HttpError(400, 'empty body: send the CSV or XLSX file as the request body');
      const name = (q.filename ?? 'upload.csv').replace(/[^\w.\- ]+/g, '_').slice(-120) || 'upload.csv';
      const xlsx = /\.xlsx?$/i.test(name) || /spreadsheetml|ms-excel/.test(c.req.header('content-type') ?? '');
      const dir = mkdtempSync(join(tmpdir(), 'chokepoint-batch-'));
      const path = join(dir, xlsx ? 'input.xlsx' : 'input.csv');
      writeFileSync(path, bytes);
      let input;
      try {
        input = await readInput(path, { schema });
      } catch (err) {
        rmSync(dir, { recursive: true, force: true });
        throw new HttpError(400, `${name}: ${(err as Error).message}`);
      }
      const job: Job = {
        id: randomUUID(), file: name, state: 'running', format: input.format, mapping: input.mappingText, unit: input.unit, total: input.total,
        position: 0, stats: new BatchStats(), dir, versions: index.versions, started: new Date().toISOString(),
      };
      jobs.set(job.id, job);
      forget();
      const rows = screenRows(index, input.rows, { threshold: q.threshold ?? SCREENING_PARAMS.threshold, filter, suppressions: store().list(), stats: job.stats });
      async function* records() {
        let n = 0;
        for await (const r of rows) {
          job.position = Math.max(job.position, r.row.position ?? 0);
          yield outputRecord(r, index.versions);
          if (++n % 25 === 0) await pause();
        }
      }
      pipeline(Readable.from(records()), stringify({ header: true, columns: batchColumns(false) }), createWriteStream(join(dir, 'result.csv')))
        .then(() => {
          job.state = 'done';
          job.position = job.total;
        })
        .catch((err: Error) => {
          job.state = 'failed';
          job.message = err.message;
        })
        .finally(() => {
          job.seconds = Math.round(job.stats.seconds * 100) / 100;
          input.close();
        });
      return c.json(status(job), 200);
    })
    .openapi(getRoute, (c) => {
      const job = jobs.get(c.req.valid('param').id);
      if (!job) throw new HttpError(404, 'no such batch job (jobs are kept in memory: the 20 newest)');
      return c.json(status(job), 200);
    })
    .openapi(resultRoute, (c) => {
      const job = jobs.get(c.req.valid('param').id);
      if (!job) throw new HttpError(404, 'no such batch job (jobs are kept in memory: the 20 newest)');
      if (job.state !== 'done') throw new HttpError(409, job.state === 'failed' ? `the job failed: ${job.message}` : 'the job is still running');
      const base = job.file.replace(/\.[^.]*$/, '');
      const body = Readable.toWeb(createReadStream(join(job.dir, 'result.csv'))) as ReadableStream;
      return c.body(body, 200, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${base}-screened.csv"` });
    });
}
