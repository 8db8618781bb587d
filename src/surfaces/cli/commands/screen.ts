import { createWriteStream } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Command } from 'commander';
import cliProgress from 'cli-progress';
import Table from 'cli-table3';
import { stringify } from 'csv-stringify';
import type { Db } from '../../../store/db.js';
import { countryCode } from '../../../model/countries.js';
import { ScreeningService } from '../../../analyses/screening/service.js';
import { datasetScope } from '../../../analyses/screening/datasets.js';
import type { ScreeningIndex, IndexedEntity } from '../../../analyses/screening/index/build.js';
import { SuppressionList } from '../../../analyses/screening/suppressions.js';
import { deltaIndex, type DeltaIndex } from '../../../analyses/screening/since.js';
import {
  BatchStats, batchColumns, outputRecord, screenQuery, screenRows, type RowResult, type Screening,
} from '../../../analyses/screening/batch.js';
import { screenRowsParallel } from '../../../analyses/screening/parallel/pool.js';
import { readInput, parseDate, schemaOf, QUERY_SCHEMAS, type DateOrder } from '../../../sources/input/index.js';
import { readSuppressionFile } from '../../../sources/input/suppression-file.js';
import { printJson, UserError, withStore, type GlobalFlags } from '../context.js';

interface ScreenOpts {
  schema?: string; birthDate?: string; country?: string; nationality?: string; imo?: string; threshold: string; limit: string;
  dataset: string; json?: boolean; failOnMatch?: boolean; suppress?: string; input?: string; output?: string; map: string[];
  delimiter?: string; sheet?: string; encoding?: string; dateOrder: string; since?: string[]; threads: string;
}

/**
 * Below this much input a batch runs on the main thread: each extra thread first rebuilds the index (about two
 * seconds on the full lists), which only pays off over a few thousand rows (bench/screening-speed).
 */
const PARALLEL_MIN_INPUT = { bytes: 256 * 1024, rows: 5_000 };

function threadCount(v: string, input: { total: number; unit: string }): number {
  if (v !== 'auto') return numberOption('threads', v, 1, 64);
  const min = input.unit === 'bytes' ? PARALLEL_MIN_INPUT.bytes : PARALLEL_MIN_INPUT.rows;
  return input.total >= min ? availableParallelism() : 1;
}

const HELP = `
Exit codes: 0 when the screen completed (whatever it found; malformed input rows are reported in the output, not
fatal), 1 on a usage or data error, 3 with --fail-on-match when any row or result matched.

Batch: the input's first row names the columns. Columns are recognised by common names (name, full name, customer
name, dob, date of birth, nationality, country, imo, passport, type, id, ref …); --map FIELD=HEADER sets or overrides
one (fields: id name alias firstName lastName schema birthDate nationality country imoNumber mmsi passportNumber
idNumber registrationNumber swiftBic gender). Output columns: line id query schema match_id match_caption match_schema
score match second_score explanation datasets referents [change] versions suppressed error warning.

--since VERSION (e.g. ofac@2023-12-28; one per source): re-screens only against what changed in that source's list
between VERSION and the version served now: entities holding a record added or changed (with all their current
names) and records since removed (as they stood). A row is written only when it hits one of those (or a suppression
hid such a hit), with the change in the "change" column. Guarantee: every hit the full screen would give against an
entity that holds a record added or changed in the named sources is in the output; hits on entities that did not
change there are not (they were there at VERSION). Sources not named are not re-screened.

--suppress FILE (CSV or JSON: query, entity, reason, reviewer?, date?): a hit on that entity (id or any referent) for
that query name (compared folded: case, accents, punctuation and script do not matter) is taken out of the results,
the next best shown instead, and recorded in the "suppressed" column.`;

function collect(v: string, acc: string[]): string[] {
  return [...acc, v];
}

function numberOption(name: string, v: string, min: number, max: number): number {
  const n = Number(v);
  if (!Number.isFinite(n) || n < min || n > max) throw new UserError(`--${name} must be a number from ${min} to ${max}`);
  return n;
}

function querySchema(s: string | undefined) {
  if (s === undefined) return 'Thing' as const;
  const schema = schemaOf(s);
  if (!schema) throw new UserError(`--schema "${s}": one of ${QUERY_SCHEMAS.join(', ')}`);
  return schema;
}

function countryOption(name: string, v: string): string {
  const code = countryCode(v);
  if (!code) throw new UserError(`--${name} "${v}": not a country name or ISO code`);
  return code;
}

/** The single query the options describe. */
function singleQuery(name: string, o: ScreenOpts): Record<string, string[]> {
  const p: Record<string, string[]> = { name: [name] };
  if (o.birthDate) {
    const d = parseDate(o.birthDate, o.dateOrder as DateOrder);
    if (!d) throw new UserError(`--birth-date "${o.birthDate}": write YYYY-MM-DD, YYYY-MM or YYYY`);
    p.birthDate = [d];
  }
  if (o.country) p.country = [countryOption('country', o.country)];
  if (o.nationality) p.nationality = [countryOption('nationality', o.nationality)];
  if (o.imo) p.imoNumber = [o.imo];
  return p;
}

function scopeOf(index: ScreeningIndex, dataset: string): ((e: IndexedEntity) => boolean) | undefined {
  const known = new Set(index.entities.flatMap((e) => e.datasets));
  const scope = datasetScope(dataset, known);
  if (!scope) throw new UserError(`--dataset "${dataset}": default, sanctions, dprk or one of ${[...known].sort().join(', ')}`);
  return dataset === 'default' ? undefined : scope;
}

function loadSuppressions(path: string | undefined, known: Iterable<{ id: string; referents: string[] }>): SuppressionList | undefined {
  if (!path) return undefined;
  const list = new SuppressionList(readSuppressionFile(path));
  for (const s of list.unknown(known)) process.stderr.write(`warning: suppression ${s.origin} names "${s.entity}", which is no entity's id or referent\n`);
  return list;
}

function printSingle(query: string, s: Screening, index: ScreeningIndex, o: ScreenOpts, schema: string): void {
  const t = new Table({ head: ['score', 'match', 'id', 'schema', 'caption', 'datasets', 'why'], style: { head: [], border: [] }, wordWrap: true, colWidths: [null, null, null, null, 30, 22, 48] });
  for (const r of s.results) {
    const why = Object.entries(r.explanations).map(([f, e]) => `${f} ${e.contribution >= 0 ? '+' : ''}${e.contribution}: ${e.detail}`).join('\n');
    t.push([r.score.toFixed(2), r.match ? '✓' : '✗', r.entity.id, r.entity.schema, r.entity.caption, r.entity.datasets.join(' '), why]);
  }
  const lines = [`"${query}" as ${schema} · threshold ${o.threshold} · dataset ${o.dataset} · lists ${index.versions.join(', ')}`,
    `${s.total} match${s.total === 1 ? '' : 'es'} among ${s.candidates} candidates`];
  if (s.results.length) lines.push(t.toString());
  for (const x of s.suppressed) lines.push(`suppressed: ${x.result.entity.id} (${x.result.score}) — ${x.suppression.reason} [${x.suppression.origin}]`);
  process.stdout.write(`${lines.join('\n')}\n`);
}

async function runSingle(db: Db, name: string, o: ScreenOpts): Promise<boolean> {
  const schema = querySchema(o.schema);
  const properties = singleQuery(name, o);
  const threshold = numberOption('threshold', o.threshold, 0, 1), limit = numberOption('limit', o.limit, 1, 1000);
  const index = await new ScreeningService().reload(db);
  if (!index.entities.length) throw new UserError('no lists in the database: run `chokepoint update` first');
  const s = screenQuery(index, { schema, properties, names: [name] }, {
    threshold, limit, filter: scopeOf(index, o.dataset), suppressions: loadSuppressions(o.suppress, index.entities),
  });
  if (o.json) {
    printJson({
      query: { schema, properties }, threshold, dataset: o.dataset, versions: index.versions, total: s.total,
      results: s.results.map((r) => ({
        id: r.entity.id, caption: r.entity.caption, schema: r.entity.schema, datasets: r.entity.datasets, referents: r.entity.referents,
        score: r.score, match: r.match, explanations: r.explanations,
      })),
      suppressed: s.suppressed.map((x) => ({ id: x.result.entity.id, score: x.result.score, ...x.suppression })),
    });
  } else printSingle(name, s, index, o, schema);
  return s.total > 0;
}

function progressBar(total: number): { tick: (r: RowResult, stats: BatchStats) => void; stop: () => void } {
  if (!process.stderr.isTTY) return { tick: () => {}, stop: () => {} };
  const bar = new cliProgress.SingleBar({
    format: `screening |{bar}| {percentage}% | {rows} rows | {rate} rows/s | {matches} matches | {errors} errors`, hideCursor: true, fps: 5,
  }, cliProgress.Presets.shades_classic);
  bar.start(total, 0, { rows: 0, rate: 0, matches: 0, errors: 0 });
  return {
    tick: (r, st) => bar.update(r.row.position ?? 0, { rows: st.rows, rate: Math.round(st.rowsPerSecond), matches: st.matches, errors: st.errors }),
    stop: () => bar.stop(),
  };
}

async function runBatch(db: Db, o: ScreenOpts): Promise<boolean> {
  if (o.json && !o.output) throw new UserError('--json with --input prints the run summary: give --output FILE for the rows');
  const threshold = numberOption('threshold', o.threshold, 0, 1);
  const input = await readInput(o.input!, { map: o.map, delimiter: o.delimiter, sheet: o.sheet, encoding: o.encoding, schema: querySchema(o.schema), dateOrder: o.dateOrder as DateOrder });
  const log = (s: string) => process.stderr.write(`${s}\n`);
  log(`input: ${o.input} (${input.format}, ${input.format === 'csv' ? `delimiter ${input.detail}` : `sheet "${input.detail}"`}); columns: ${input.mappingText}`);
  let delta: DeltaIndex | undefined;
  const index = o.since ? (delta = await deltaIndex(db, o.since)).index : await new ScreeningService().reload(db);
  if (!delta && !index.entities.length) throw new UserError('no lists in the database: run `chokepoint update` first');
  for (const d of delta?.deltas ?? []) {
    log(`since ${d.from}: ${d.to} has ${d.added.length} added, ${d.changed.length} changed, ${d.removed.length} removed records`);
  }
  if (delta) log(`re-screening against ${index.entities.length} entities those changes touch; rows are written only when they hit one`);
  const stats = new BatchStats();
  const bar = progressBar(input.total);
  const change = delta ? (id: string) => delta!.change.get(id) : undefined;
  const threads = threadCount(o.threads, input);
  const filter = scopeOf(index, o.dataset), suppressions = loadSuppressions(o.suppress, delta?.known ?? index.entities);
  if (threads > 1) log(`screening on ${threads} threads`);
  const rows = threads > 1
    ? screenRowsParallel(index, input.rows, { threshold, dataset: o.dataset, ...(suppressions ? { suppressions } : {}), stats, onlyHits: !!delta, threads })
    : screenRows(index, input.rows, { threshold, ...(filter ? { filter } : {}), ...(suppressions ? { suppressions } : {}), stats, onlyHits: !!delta });
  async function* records() {
    for await (const r of rows) {
      bar.tick(r, stats);
      yield outputRecord(r, index.versions, change);
    }
  }
  const out: Writable = o.output ? createWriteStream(o.output) : new Writable({ write: (chunk, _enc, cb) => process.stdout.write(chunk, cb) });
  try {
    await pipeline(Readable.from(records()), stringify({ header: true, columns: batchColumns(!!delta) }), out);
  } finally {
    bar.stop();
    input.close();
  }
  const summary = {
    rows: stats.rows, screened: stats.screened, matches: stats.matches, errors: stats.errors, suppressed: stats.suppressed, written: stats.written,
    seconds: Math.round(stats.seconds * 100) / 100, rowsPerSecond: Math.round(stats.rowsPerSecond), versions: index.versions,
    threads,
    ...(delta ? { since: delta.deltas.map((d) => ({ from: d.from, to: d.to, added: d.added.length, changed: d.changed.length, removed: d.removed.length })) } : {}),
    output: o.output ?? '-',
  };
  log(`${summary.rows} rows: ${summary.matches} matched, ${summary.errors} malformed, ${summary.suppressed} hits suppressed, ` +
    `${summary.written} written to ${summary.output}, in ${summary.seconds} s (${summary.rowsPerSecond} rows/s); lists ${index.versions.join(', ')}`);
  if (o.json) printJson(summary);
  return stats.matches > 0;
}

export function registerScreen(program: Command): void {
  program
    .command('screen [name]')
    .description('screen a name against the lists (a table, or --json), or a CSV/XLSX file of names (--input, --output)')
    .option('--schema <schema>', `what the name is: ${QUERY_SCHEMAS.join(', ')} (default any); in a batch, for rows without a type column`)
    .option('--birth-date <date>', 'birth date (YYYY, YYYY-MM or YYYY-MM-DD)')
    .option('--country <cc>', 'a country (ISO code or name) the party is linked to')
    .option('--nationality <cc>', 'nationality (ISO code or name)')
    .option('--imo <n>', 'IMO number of a vessel')
    .option('--threshold <x>', 'score at which a result counts as a match', '0.7')
    .option('--limit <n>', 'results shown for a single name', '5')
    .option('--dataset <name>', 'default (every list), dprk, sanctions, or one list dataset', 'default')
    .option('--json', 'machine-readable output (with --input: the run summary)')
    .option('--fail-on-match', 'exit with code 3 when anything matched (for pipelines)')
    .option('--suppress <file>', 'reviewed false positives to keep out of the results (CSV or JSON)')
    .option('--input <file>', 'batch: a CSV (comma, semicolon, tab or pipe) or XLSX file with a header row')
    .option('--output <file>', 'batch: the result CSV (default standard output)')
    .option('--map <field=header>', 'batch: read FIELD from column HEADER (repeatable)', collect, [])
    .option('--delimiter <char>', 'batch: CSV delimiter (default: guessed from the header line)')
    .option('--sheet <name>', 'batch: XLSX sheet (default the first)')
    .option('--encoding <name>', 'batch: CSV encoding when not UTF-8 (cp949 for Korean Excel, windows-1252 …)')
    .option('--date-order <order>', 'batch: how to read 01/02/1960, dmy or mdy', 'dmy')
    .option('--threads <n>', 'batch: screening threads, or auto (all cores for inputs over 256 KB or 5,000 sheet rows)', 'auto')
    .option('--since <version...>', 'batch: only what changed in the lists since these versions (e.g. ofac@2023-12-28)')
    .addHelpText('after', HELP)
    .action(async (name: string | undefined, o: ScreenOpts, cmd: Command) => {
      if (!name && !o.input) throw new UserError('give a NAME to screen, or --input FILE for a batch');
      if (name && o.input) throw new UserError('give a NAME or --input FILE, not both');
      if (o.since && !o.input) throw new UserError('--since re-screens a batch: use it with --input');
      if (!['dmy', 'mdy'].includes(o.dateOrder)) throw new UserError('--date-order is dmy or mdy');
      const matched = await withStore(cmd.optsWithGlobals<GlobalFlags>(), (db) => (name ? runSingle(db, name, o) : runBatch(db, o)));
      process.exitCode = o.failOnMatch && matched ? 3 : 0;
    });
}
