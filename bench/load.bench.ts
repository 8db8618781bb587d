/**
 * Load on the HTTP API from a second process on loopback (http-load.ts), over PostgreSQL:
 *  1. the most POST /match requests per second: one API process, then `serve --workers 2` (the baseline and the
 *     cluster in the same run);
 *  2. 60 s at a fixed arrival rate (open loop): errors, non-2xx, p50/p95/p99 latency;
 *  3. the same while another process stores a new OFAC list and the API processes rebuild their index.
 * Needs CHOKEPOINT_BENCH_PG_URL (a server where it may create and drop a database), e.g. the one
 * scripts/start-postgres.sh prints. Settings: BENCH_RATE (default 400), BENCH_SECONDS (60), BENCH_MAX_SECONDS (15).
 */
import { spawnSync } from 'node:child_process';
import pg from 'pg';
import { openDb } from '../src/store/db.js';
import { ScreeningService } from '../src/analyses/screening/service.js';
import { generateQueries } from './queries.js';
import { mirrorOf } from './lists-fixture.js';
import { fmt } from './stats.js';
import { BIN, startServer } from '../test/helpers/cli.js';
import { runLoad, type LoadResult } from './http-load.js';

const PG_URL = process.env.CHOKEPOINT_BENCH_PG_URL;
const RATE = Number(process.env.BENCH_RATE ?? 400);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 60);
const MAX_SECONDS = Number(process.env.BENCH_MAX_SECONDS ?? 15);
if (!PG_URL) {
  console.log('load bench skipped: set CHOKEPOINT_BENCH_PG_URL (e.g. the URL scripts/start-postgres.sh prints)');
  process.exit(0);
}

const admin = new pg.Client({ connectionString: PG_URL });
await admin.connect();
const dbName = `cp_load_${Date.now()}`;
await admin.query(`CREATE DATABASE ${dbName}`);
const url = new URL(PG_URL);
url.pathname = `/${dbName}`;
const env = { DATABASE_URL: url.toString(), CHOKEPOINT_MIRROR: mirrorOf({ ofac: ['2023-12-28'], un: ['2026-05-08'] }, 'cp-load-mirror-') };

// The request bodies: generated queries over the real index (the same generator as screening-speed).
const prep = spawnSync(process.execPath, [BIN, 'update'], { env: { ...process.env, ...env }, encoding: 'utf8' });
if (prep.status !== 0) throw new Error(prep.stderr);
const db = await openDb({ databaseUrl: env.DATABASE_URL });
const index = await new ScreeningService().reload(db);
await db.close();
const bodies = generateQueries(index, 500, 13).map((q) => JSON.stringify({ queries: { q: { schema: q.schema, properties: { name: [q.name] } } } }));

/** A load in its own process (http-load.ts): `rate` 0 = a closed loop of 10 connections as fast as they go, else an open loop at `rate`. */
const load = (target: string, seconds: number, rate: number): Promise<LoadResult> =>
  runLoad({ url: target, path: '/match/default', bodies, seconds, ...(rate ? { mode: 'open', rate, connections: 64 } : { mode: 'closed', connections: 10 }) });

const line = (label: string, r: LoadResult) => console.log(`${label}: ${fmt(r.perSecond, 0)} req/s answered, p50 ${r.p50} ms, p95 ${r.p95} ms, ` +
  `p99 ${r.p99} ms, ${r.requests} answered, ${r.errors} errors, ${r.non2xx} non-2xx`);

try {
  for (const workers of [1, 2]) {
    const server = await startServer([], env, 300_000, ['--workers', String(workers), '--reload-seconds', '2', '--rate-limit', '0']);
    try {
      if (workers > 1) {
        const deadline = Date.now() + 300_000;
        while (!/all 2 API processes ready/.test(server.stderr()) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 500));
      }
      await load(server.url, 3, 0); // warm-up
      line(`most POST /match, ${workers} API process${workers > 1 ? 'es' : ''}, ${MAX_SECONDS} s`, await load(server.url, MAX_SECONDS, 0));
      if (workers === 2) {
        line(`${SECONDS} s at ${RATE} req/s, 2 API processes`, await load(server.url, SECONDS, RATE));
        const during = load(server.url, SECONDS, RATE);
        await new Promise((r) => setTimeout(r, 5_000));
        const up = spawnSync(process.execPath, [BIN, 'update', '--mirror', mirrorOf({ ofac: ['2024-05-03'] }, 'cp-load-mirror-')], { env: { ...process.env, ...env }, encoding: 'utf8' });
        if (up.status !== 0) throw new Error(up.stderr);
        line(`${SECONDS} s at ${RATE} req/s during a list update (ofac@2024-05-03 stored by another process; both API processes rebuilt their index)`, await during);
        const rebuilds = () => (server.stderr().match(/lists changed: screening index rebuilt/g) ?? []).length;
        for (let i = 0; i < 120 && rebuilds() < 2; i++) await new Promise((r) => setTimeout(r, 500));
        const rebuilt = rebuilds();
        console.log(`index rebuilds seen in the API processes' log: ${rebuilt}`);
      }
    } finally {
      await server.stop();
    }
  }
} finally {
  await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  await admin.end();
}
