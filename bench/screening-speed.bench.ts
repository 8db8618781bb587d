/**
 * Screening speed against the full newest OFAC SDN + UN index:
 *  1. in-process single queries: p50 / p95 / p99 latency and queries/s (generated queries, see queries.ts);
 *  2. POST /match over HTTP: `chokepoint serve` in a child process (BENCH_SERVE_ARGS, e.g. `--match-threads 0`), load
 *     generators in others (http-load.ts), on loopback, distinct generated queries: autocannon's closed loop with
 *     4, 6 and 10 connections (BENCH_HTTP_CONNECTIONS), throughput and latency in the same run as autocannon reports
 *     them, and latency in an open loop at fixed arrival rates (BENCH_HTTP_RATES, default 1000 and 800 req/s);
 *  3. batch: 100,000 generated names in one process, extrapolated to 1 M;
 *  4. memory: RSS of this process with the index loaded, and of the server after the load.
 */
import { readFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDb } from '../src/store/db.js';
import { migrate } from '../src/store/migrate.js';
import { update } from '../src/ingest/update.js';
import { ScreeningService } from '../src/analyses/screening/service.js';
import { matchQuery } from '../src/analyses/screening/match.js';
import { availableParallelism } from 'node:os';
import { screenRowsParallel } from '../src/analyses/screening/parallel/pool.js';
import { generateQueries } from './queries.js';
import { newestMirror } from './lists-fixture.js';
import { fmt, percentile, rssMiB } from './stats.js';
import { startServer } from '../test/helpers/cli.js';
import { runLoad, type LoadResult } from './http-load.js';

const QUERIES = Number(process.env.BENCH_QUERIES ?? 5000);
const BATCH = Number(process.env.BENCH_BATCH ?? 100_000);
const HTTP_SECONDS = Number(process.env.BENCH_HTTP_SECONDS ?? 20);

const mirror = newestMirror();
const db = await openDb({});
await migrate(db);
await update(db, { mirror });
const rssBefore = rssMiB();
const t0 = performance.now();
const index = await new ScreeningService().reload(db);
await db.close();
console.log(`index: ${index.entities.length} entities from ${index.versions.join(', ')}; built in ${fmt(performance.now() - t0, 0)} ms ` +
  `(index build ${fmt(index.buildMs, 0)} ms); RSS ${fmt(rssBefore, 0)} -> ${fmt(rssMiB(), 0)} MiB`);

// 1. in-process latency
const qs = generateQueries(index, QUERIES + 500, 7);
const lat: number[] = [];
for (const [i, q] of qs.entries()) {
  const t = performance.now();
  matchQuery(index, q.schema, { name: [q.name] });
  if (i >= 500) lat.push(performance.now() - t);
}
const total = lat.reduce((a, b) => a + b, 0);
console.log(`in-process single query (${QUERIES} queries after 500 warm-up): p50 ${fmt(percentile(lat, 50), 2)} ms, p95 ${fmt(percentile(lat, 95), 2)} ms, ` +
  `p99 ${fmt(percentile(lat, 99), 2)} ms, ${fmt(QUERIES / (total / 1000), 0)} queries/s on one core`);

// 3. batch
const batch = generateQueries(index, BATCH, 11);
const tb = performance.now();
let matched = 0;
for (const q of batch) if (matchQuery(index, q.schema, { name: [q.name] }, { limit: 1 }).total > 0) matched++;
const batchS = (performance.now() - tb) / 1000;
const perS = BATCH / batchS;
console.log(`batch: ${BATCH} names in ${fmt(batchS, 1)} s = ${fmt(perS, 0)} names/s on one core (${matched} with a match); ` +
  `1 M names: ${fmt(1e6 / perS / 60, 1)} min on one core, ${fmt(1e6 / perS / 120, 1)} min if split over 2 cores (goal <= 10 min)`);
console.log(`RSS with the index loaded (bench process): ${fmt(rssMiB(), 0)} MiB`);

// 3b. the same batch on threads (as `chokepoint screen --input` runs a large file), baseline = the run above.
// Starting the threads (each rebuilds its index) is a fixed cost, measured alone on an empty input, so the
// extrapolation to 1 M names adds it once instead of scaling it.
const threads = availableParallelism();
const rows = batch.map((q, i) => ({ line: i + 2, ref: String(i), name: q.name, schema: q.schema, properties: { name: [q.name] }, warnings: [] }));
const ts = performance.now();
for await (const _ of screenRowsParallel(index, [], { threads, limit: 1 })) void _;
const startS = (performance.now() - ts) / 1000;
const tp = performance.now();
let parMatched = 0;
for await (const r of screenRowsParallel(index, rows, { threads, limit: 1 })) if (r.screening?.results[0]?.match) parMatched++;
const parS = (performance.now() - tp) / 1000;
const steady = BATCH / Math.max(parS - startS, 1e-9);
console.log(`batch on ${threads} threads: ${BATCH} names in ${fmt(parS, 1)} s, of which ${fmt(startS, 1)} s starting the threads (each builds its index) ` +
  `= ${fmt(steady, 0)} names/s once started, ${fmt((batchS / (parS - startS)), 2)}× the one-thread run (${parMatched} with a match); ` +
  `1 M names: ${fmt((startS + 1e6 / steady) / 60, 1)} min (goal <= 10 min); RSS now ${fmt(rssMiB(), 0)} MiB`);

// 2. HTTP: the server as `serve` starts it (match threads), and with --match-threads 0 as the baseline, same run.
// Distinct queries (more than a run sends), so no cache in the server sees a query twice. The load generators run in
// processes of their own (http-load.ts): autocannon's closed loop (each connection sends when answered) with a few
// connections, the load the issue names, whose p95 is that of requests sent while the throughput was sustained; and
// the stricter open loop at a fixed arrival rate, each request timed from when it was due, so a backlog built in a
// slow moment is charged to every request that waits behind it.
const bodies = generateQueries(index, Math.max(2_000, HTTP_SECONDS * 2_500), 13)
  .map((q) => JSON.stringify({ queries: { q: { schema: q.schema, properties: { name: [q.name] } } } }));
const RATES = (process.env.BENCH_HTTP_RATES ?? '1000,800').split(',').map(Number);
const CONNECTIONS = (process.env.BENCH_HTTP_CONNECTIONS ?? '4,6,10').split(',').map(Number);
const SERVE_CONFIGS: [string, string[]][] = process.env.BENCH_SERVE_ARGS !== undefined
  ? [[process.env.BENCH_SERVE_ARGS, process.env.BENCH_SERVE_ARGS.split(' ').filter(Boolean)]]
  : [0, 1, 2].map((n) => [`--match-threads ${n}${n === 0 ? ' (baseline)' : ''}`, ['--match-threads', String(n)]]);
for (const [label, serveArgs] of SERVE_CONFIGS) {
  const data = mkdtempSync(join(tmpdir(), 'cp-speed-'));
  const server = await startServer([], { CHOKEPOINT_DATA: data, CHOKEPOINT_MIRROR: mirror }, 300_000, serveArgs);
  try {
    const base = { url: server.url, path: '/match/default', bodies, serverPid: server.proc.pid } as const;
    const report = (what: string, r: LoadResult) => console.log(`HTTP POST /match/default, serve ${label}, ${what}, ${HTTP_SECONDS} s: ` +
      `${fmt(r.perSecond, 0)} req/s answered, latency p50 ${r.p50} ms, p90 ${r.p90} ms, p95 ${r.p95} ms, p99 ${r.p99} ms, max ${r.max} ms; ` +
      `server CPU ${fmt(r.serverCpuMs ?? NaN, 2)} ms per request, load generator ${fmt(r.clientCpuMs, 2)} ms` +
      `${r.lateP95 !== undefined ? ` (sent late by p95 ${r.lateP95} ms, p99 ${r.lateP99} ms)` : ''}; errors ${r.errors}, non-2xx ${r.non2xx}`);
    await runLoad({ ...base, mode: 'closed', connections: 10, seconds: 5 }); // warm-up (and the match threads build their index)
    for (const connections of CONNECTIONS) {
      report(`closed loop, ${connections} connections (autocannon)`, await runLoad({ ...base, mode: 'closed', connections, seconds: HTTP_SECONDS }));
    }
    for (const rate of RATES) {
      report(`open loop at a fixed ${rate} req/s (latency)`, await runLoad({ ...base, mode: 'open', connections: 64, rate, seconds: HTTP_SECONDS }));
    }
    const status = readFileSync(`/proc/${server.proc.pid}/status`, 'utf8');
    const rss = /VmRSS:\s+(\d+) kB/.exec(status)?.[1];
    const hwm = /VmHWM:\s+(\d+) kB/.exec(status)?.[1];
    console.log(`server RSS after the load (${label}): ${fmt(Number(rss) / 1024, 0)} MiB (peak ${fmt(Number(hwm) / 1024, 0)} MiB)`);
  } finally {
    await server.stop();
  }
}
