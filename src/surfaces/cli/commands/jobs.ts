import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import type PgBoss from 'pg-boss';
import { openStore, settingsFrom } from '../../../config/settings.js';
import type { Db } from '../../../store/db.js';
import { listBatches } from '../../../store/jobs.js';
import { openQueue } from '../../../analyses/jobs/queue.js';
import { batchStatus, submitBatch, waitForBatch, writeBatchOutput, type BatchStatus } from '../../../analyses/jobs/batch.js';
import { servedVersions, splitInput, type ScreenSpec } from '../../../analyses/jobs/screen.js';
import { planWindows, sampleFile, type AisSpec } from '../../../analyses/jobs/ais.js';
import { withOverrides } from '../../../analyses/maritime/params.js';
import { regionsDirSetting } from '../../../analyses/maritime/regions.js';
import { schemaOf, QUERY_SCHEMAS, type DateOrder } from '../../../sources/input/index.js';
import { printJson, UserError, type GlobalFlags } from '../context.js';
import { jobsDatabaseUrl } from './worker.js';

function collect(v: string, acc: string[]): string[] {
  return [...acc, v];
}

function positive(name: string, v: string, max: number, integer = true): number {
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0 || n > max || (integer && !Number.isInteger(n))) throw new UserError(`--${name} must be a ${integer ? 'whole ' : ''}number above 0, at most ${max}`);
  return n;
}

const log = (s: string) => process.stderr.write(`${s}\n`);

function progress(s: BatchStatus): void {
  const states = Object.entries(s.states).filter(([k]) => k !== 'result').map(([k, v]) => `${v} ${k}`).join(', ');
  log(`${s.batch.id}: ${s.done}/${s.batch.partitions} partitions done${states ? `; ${states}` : ''}${s.retries ? `; ${s.retries} retried` : ''}`);
}

/** Opens the store and the queue on DATABASE_URL, runs fn, closes both. */
async function withQueue<T>(flags: GlobalFlags, fn: (db: Db, boss: PgBoss) => Promise<T>): Promise<T> {
  const url = jobsDatabaseUrl(flags);
  const db = await openStore(settingsFrom(flags));
  let boss: PgBoss | undefined;
  try {
    boss = await openQueue(url);
    return await fn(db, boss);
  } finally {
    await boss?.stop({ graceful: false, close: true, wait: true }).catch(() => undefined);
    await db.close();
  }
}

async function finish(db: Db, id: string, output: string | undefined, detach: boolean | undefined, timeoutS?: string): Promise<void> {
  if (detach) {
    log(`batch ${id} queued; follow it with \`chokepoint jobs status ${id}\`, collect it with \`chokepoint jobs collect ${id} --output FILE\``);
    process.stdout.write(`${id}\n`);
    return;
  }
  const started = performance.now();
  const s = await waitForBatch(db, id, { onProgress: progress, ...(timeoutS ? { timeoutMs: Number(timeoutS) * 1000 } : {}) });
  const { items } = await writeBatchOutput(db, id, output!);
  const seconds = (performance.now() - started) / 1000;
  log(`batch ${id} done in ${seconds.toFixed(1)} s on ${s.workers.length} worker${s.workers.length === 1 ? '' : 's'} (${s.workers.join(', ')})`
    + `${s.retries ? `, ${s.retries} retried` : ''}: ${items} ${s.batch.kind === 'screen' ? 'rows' : 'events'} → ${output}`);
  process.stdout.write(`${id}\n`);
}

interface ScreenFlags {
  input: string; output?: string; partitions: string; threshold: string; dataset: string; map: string[]; delimiter?: string; sheet?: string;
  encoding?: string; schema?: string; dateOrder: string; detach?: boolean; timeout?: string;
}

interface AisFlags {
  output?: string; windowHours: string; overlapHours: string; format?: string; params?: string; regions?: string; defaultTime?: string;
  lonBands?: string; marginDeg: string; detach?: boolean; timeout?: string;
}

/**
 * `chokepoint jobs submit screen|ais …`, `jobs status BATCH`, `jobs collect BATCH --output FILE`, `jobs list`:
 * batch work split into partitions for `chokepoint worker` processes (src/analyses/jobs).
 */
export function registerJobs(program: Command): void {
  const jobs = program.command('jobs').description('distributed batch work: submit, follow and collect batches run by `chokepoint worker` processes (DATABASE_URL)');
  const submit = jobs.command('submit').description('split a batch into partitions and queue them');

  submit
    .command('screen')
    .description('bulk screening in partitions (same output as `chokepoint screen --input`)')
    .requiredOption('--input <file>', 'CSV or XLSX with a header row (read here; the rows travel in the database)')
    .option('--output <file>', 'the merged result CSV (required unless --detach)')
    .option('--partitions <n>', 'row ranges to cut the input into', '4')
    .option('--threshold <x>', 'score at which a result counts as a match', '0.7')
    .option('--dataset <name>', 'default, dprk, sanctions or one list dataset', 'default')
    .option('--map <field=header>', 'read FIELD from column HEADER (repeatable)', collect, [])
    .option('--delimiter <char>', 'CSV delimiter (default: guessed)')
    .option('--sheet <name>', 'XLSX sheet (default the first)')
    .option('--encoding <name>', 'CSV encoding when not UTF-8')
    .option('--schema <schema>', `schema of rows without a type column: ${QUERY_SCHEMAS.join(', ')}`)
    .option('--date-order <order>', 'dmy or mdy', 'dmy')
    .option('--detach', 'queue and return the batch id without waiting')
    .option('--timeout <seconds>', 'give up waiting after this long (the batch stays queued)')
    .action(async (o: ScreenFlags, cmd: Command) => {
      if (!o.output && !o.detach) throw new UserError('give --output FILE (or --detach and `jobs collect` later)');
      const partitions = positive('partitions', o.partitions, 10_000);
      const threshold = Number(o.threshold);
      if (!(threshold >= 0 && threshold <= 1)) throw new UserError('--threshold must be a number from 0 to 1');
      if (!['dmy', 'mdy'].includes(o.dateOrder)) throw new UserError('--date-order is dmy or mdy');
      const schema = o.schema === undefined ? undefined : schemaOf(o.schema);
      if (o.schema !== undefined && !schema) throw new UserError(`--schema "${o.schema}": one of ${QUERY_SCHEMAS.join(', ')}`);
      await withQueue(cmd.optsWithGlobals<GlobalFlags>(), async (db, boss) => {
        const versions = await servedVersions(db);
        if (!versions.length) throw new UserError('no lists in the database: run `chokepoint update` first');
        const split = await splitInput(o.input, partitions, {
          map: o.map, delimiter: o.delimiter, sheet: o.sheet, encoding: o.encoding, ...(schema ? { schema } : {}), dateOrder: o.dateOrder as DateOrder,
        });
        log(`input: ${o.input} (${split.describe}); ${split.rows} rows in ${partitions} partitions; lists ${versions.join(', ')}`);
        const spec: ScreenSpec = { input: resolve(o.input), threshold, dataset: o.dataset, rows: split.rows };
        const id = await submitBatch(db, boss, { kind: 'screen', spec, versions, inputs: split.parts });
        await finish(db, id, o.output, o.detach, o.timeout);
      });
    });

  submit
    .command('ais <files...>')
    .description('AIS detection in time windows (same events as `chokepoint ais detect`, sorted by start time)')
    .option('--output <events.jsonl>', 'the merged events, one JSON object per line (required unless --detach)')
    .requiredOption('--window-hours <h>', 'length of each time window')
    .option('--overlap-hours <h>', 'data read on each side of a window (at least the longest event)', '48')
    .option('--lon-bands <edges>', 'also split by longitude at these edges, e.g. 125,130 (events kept by their position)')
    .option('--margin-deg <deg>', 'with --lon-bands: vessels seen this far outside a band are read whole', '2')
    .option('--format <format>', 'nmea or csv (default: by file extension)')
    .option('--params <file.json>', 'parameter overrides, e.g. {"gap.minHours": 12}')
    .option('--regions <dir>', 'regions folder (same path on every worker); also CHOKEPOINT_REGIONS_DIR')
    .option('--default-time <iso>', 'receive time for lines that carry none')
    .option('--detach', 'queue and return the batch id without waiting')
    .option('--timeout <seconds>', 'give up waiting after this long (the batch stays queued)')
    .action(async (files: string[], o: AisFlags, cmd: Command) => {
      if (!o.output && !o.detach) throw new UserError('give --output FILE (or --detach and `jobs collect` later)');
      if (o.format && o.format !== 'nmea' && o.format !== 'csv') throw new UserError(`--format must be nmea or csv, not ${o.format}`);
      const windowHours = positive('window-hours', o.windowHours, 24 * 366, false);
      const overlapHours = Number(o.overlapHours);
      if (!(overlapHours >= 0)) throw new UserError('--overlap-hours must be a number of hours, 0 or more');
      let params: Record<string, number> = {};
      if (o.params) {
        try {
          params = JSON.parse(readFileSync(o.params, 'utf8')) as Record<string, number>;
          withOverrides(params);
        } catch (err) {
          throw new UserError(`--params ${o.params}: ${(err as Error).message}`);
        }
      }
      const defaultTime = o.defaultTime === undefined ? undefined : Date.parse(o.defaultTime);
      if (defaultTime !== undefined && Number.isNaN(defaultTime)) throw new UserError(`--default-time: not a time: ${o.defaultTime}`);
      const lonEdges = o.lonBands ? o.lonBands.split(',').map(Number) : undefined;
      if (lonEdges && lonEdges.some((x, i) => !(x > -180 && x < 180) || (i > 0 && x <= lonEdges[i - 1]))) throw new UserError('--lon-bands: increasing longitudes between -180 and 180');
      const regionsDir = regionsDirSetting(o.regions);
      const lateness = withOverrides(params)['ingest.maxLatenessMinutes'] * 60_000;
      const sampled = files.map((f) => {
        try {
          return sampleFile(resolve(f), o.format as 'nmea' | 'csv' | undefined, lateness, defaultTime);
        } catch (err) {
          const e = err as NodeJS.ErrnoException;
          if (e.code === 'ENOENT') throw new UserError(`no such file: ${f}`);
          throw err;
        }
      });
      const spec: AisSpec = {
        files: sampled, windowHours, overlapHours, params, ...(regionsDir ? { regionsDir: resolve(regionsDir) } : {}),
        ...(defaultTime !== undefined ? { defaultTime } : {}), ...(lonEdges ? { lonEdges, marginDeg: Number(o.marginDeg) } : {}),
      };
      const windows = planWindows(spec);
      if (!windows.length) throw new UserError('no record with a time in the files\' first and last megabyte: nothing to split');
      await withQueue(cmd.optsWithGlobals<GlobalFlags>(), async (db, boss) => {
        log(`${files.length} file${files.length === 1 ? '' : 's'}; ${windows.length} partitions (${windowHours} h windows, ${overlapHours} h overlap`
          + `${lonEdges ? `, ${lonEdges.length + 1} longitude bands` : ''})`);
        const id = await submitBatch(db, boss, { kind: 'ais', spec, versions: [], inputs: windows });
        await finish(db, id, o.output, o.detach, o.timeout);
      });
    });

  jobs
    .command('status <batch>')
    .description('where a batch stands: partitions done, queued, running, retried, failed')
    .option('--json', 'machine-readable')
    .action(async (id: string, o: { json?: boolean }, cmd: Command) => {
      jobsDatabaseUrl(cmd.optsWithGlobals<GlobalFlags>());
      const db = await openStore(settingsFrom(cmd.optsWithGlobals<GlobalFlags>()));
      try {
        const s = await batchStatus(db, id);
        if (!s) throw new UserError(`no batch ${id}`);
        if (o.json) printJson({ id, kind: s.batch.kind, status: s.batch.status, partitions: s.batch.partitions, done: s.done, states: s.states, retries: s.retries, workers: s.workers, failed: s.failed, versions: s.batch.versions, submitted: s.batch.submitted_at, finished: s.batch.finished_at, error: s.batch.error });
        else {
          progress(s);
          log(`status ${s.batch.status}; submitted ${s.batch.submitted_at}${s.batch.finished_at ? `, finished ${s.batch.finished_at}` : ''}`
            + `${s.batch.versions.length ? `; lists ${s.batch.versions.join(', ')}` : ''}${s.workers.length ? `; workers ${s.workers.join(', ')}` : ''}`);
          for (const f of s.failed) log(`partition ${f.partition}: ${f.message}`);
        }
      } finally {
        await db.close();
      }
    });

  jobs
    .command('collect <batch>')
    .description('wait for a batch and write its merged output')
    .requiredOption('--output <file>', 'the merged output')
    .option('--timeout <seconds>', 'give up waiting after this long')
    .action(async (id: string, o: { output: string; timeout?: string }, cmd: Command) => {
      jobsDatabaseUrl(cmd.optsWithGlobals<GlobalFlags>());
      const db = await openStore(settingsFrom(cmd.optsWithGlobals<GlobalFlags>()));
      try {
        await finish(db, id, o.output, false, o.timeout);
      } finally {
        await db.close();
      }
    });

  jobs
    .command('list')
    .description('the latest batches')
    .option('--json', 'machine-readable')
    .action(async (o: { json?: boolean }, cmd: Command) => {
      jobsDatabaseUrl(cmd.optsWithGlobals<GlobalFlags>());
      const db = await openStore(settingsFrom(cmd.optsWithGlobals<GlobalFlags>()));
      try {
        const rows = await listBatches(db);
        if (o.json) printJson(rows.map(({ spec: _spec, ...r }) => r));
        else for (const r of rows) process.stdout.write(`${r.id}\t${r.kind}\t${r.partitions} partitions\t${r.status}\t${r.submitted_at}\n`);
      } finally {
        await db.close();
      }
    });
}
