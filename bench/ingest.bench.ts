/**
 * Ingest benchmark.
 *  1. newest OFAC SDN + newest UN list: parse, store, build merged entities (the "ready" path), on PGlite;
 *  2. every staged OFAC and UN version, on PGlite and (when CHOKEPOINT_BENCH_PG_URL is set) on PostgreSQL.
 * Reads the staged mirror (CHOKEPOINT_MIRROR, default ../shared/data/lists). Prints medians of repeated runs.
 */
import { join } from 'node:path';
import { openDb, dumpDb, type Db } from '../src/store/db.js';
import { migrate } from '../src/store/migrate.js';
import { sharedDataDir } from '../src/config/paths.js';
import { discoverPublications } from '../src/ingest/publication.js';
import { importPublication, update } from '../src/ingest/update.js';
import { rebuildEntities } from '../src/ingest/rebuild.js';
import { ofacSdn } from '../src/sources/ofac/index.js';
import { unSc } from '../src/sources/un/index.js';
import { fmt, median, rssMiB } from './stats.js';
import pg from 'pg';
import { randomBytes } from 'node:crypto';

const mirror = process.env.CHOKEPOINT_MIRROR ?? join(sharedDataDir(), 'lists');
const RUNS = Number(process.env.BENCH_RUNS ?? 3);

async function template(): Promise<Blob> {
  const t = performance.now();
  const db = await openDb({});
  await migrate(db);
  const blob = await dumpDb(db);
  await db.close();
  console.log(`fresh PGlite database + migrations: ${fmt(performance.now() - t, 0)} ms (paid once per data folder)`);
  return blob;
}

async function newestReady(blob: Blob): Promise<{ parse: number; total: number; entities: number }> {
  const db = await openDb({ loadDataDir: blob });
  const t0 = performance.now();
  const ofac = discoverPublications(mirror, ofacSdn).filter((p) => p.files['sdn.csv']).at(-1)!;
  const un = discoverPublications(mirror, unSc).at(-1)!;
  const tp = performance.now();
  await ofacSdn.parse(ofac.files);
  await unSc.parse(un.files);
  const parse = performance.now() - tp;
  const t1 = performance.now();
  for (const p of [ofac, un]) {
    const o = await importPublication(db, p);
    if (o.outcome !== 'imported') throw new Error(`${p.version}: ${o.message}`);
  }
  const r = await rebuildEntities(db);
  const total = performance.now() - t1;
  await db.close();
  void t0;
  return { parse, total, entities: r.total };
}

async function allVersions(db: Db): Promise<{ ms: number; imported: number; records: number }> {
  const t = performance.now();
  const report = await update(db, { mirror, sources: ['ofac', 'ofac-cons', 'un'] });
  const imported = report.outcomes.filter((o) => o.outcome === 'imported');
  return { ms: performance.now() - t, imported: imported.length, records: imported.reduce((a, o) => a + (o.records ?? 0), 0) };
}

const blob = await template();
const ready: number[] = [];
const parse: number[] = [];
for (let i = 0; i < RUNS; i++) {
  const r = await newestReady(blob);
  ready.push(r.total);
  parse.push(r.parse);
  if (i === 0) console.log(`newest OFAC SDN + UN: ${r.entities} merged entities`);
}
console.log(`newest OFAC SDN + UN parse only (both files):           median ${fmt(median(parse), 0)} ms over ${RUNS} runs`);
console.log(`newest OFAC SDN + UN parse + store + entities (ready):  median ${fmt(median(ready), 0)} ms over ${RUNS} runs  (goal < 5000 ms)`);

const allPg: number[] = [];
let last = { imported: 0, records: 0 };
for (let i = 0; i < RUNS; i++) {
  const db = await openDb({ loadDataDir: blob });
  const r = await allVersions(db);
  allPg.push(r.ms);
  last = r;
  await db.close();
}
console.log(`every staged OFAC + UN version into PGlite: median ${fmt(median(allPg), 0)} ms (${last.imported} versions, ${last.records} records)`);

const pgUrl = process.env.CHOKEPOINT_BENCH_PG_URL ?? process.env.CHOKEPOINT_TEST_PG_URL;
if (pgUrl) {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const name = `cp_bench_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: pgUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    const url = new URL(pgUrl);
    url.pathname = `/${name}`;
    const db = await openDb({ databaseUrl: url.toString() });
    await migrate(db);
    const r = await allVersions(db);
    times.push(r.ms);
    await db.close();
    await admin.query(`DROP DATABASE ${name}`);
    await admin.end();
  }
  console.log(`every staged OFAC + UN version into PostgreSQL: median ${fmt(median(times), 0)} ms`);
} else {
  console.log('PostgreSQL: skipped (set CHOKEPOINT_BENCH_PG_URL)');
}
console.log(`peak RSS ${fmt(rssMiB(), 0)} MiB`);
