/**
 * 10,000 malformed or hostile HTTP requests (issue #9 acceptance: 0 responses with status 5xx, 0 writes without a
 * token), generated with fast-check (bench/fuzz/hostile.ts): bad JSON, bodies over the 1 MB limit (some with a lying
 * Content-Length), wrong types in every field, path traversal (/entities/..%2f..%2fetc%2fpasswd, /app/assets/..),
 * SQL-looking strings in every path and query parameter of every GET route, unknown methods, header tricks, and
 * well-formed writes (evidence, suppressions, FtM import, AIS upload, batch screening, deletes) with a missing or
 * wrong token.
 *
 * Two targets: the app in-process (createApp over the small test index, app.request) and a real `chokepoint serve`
 * child process on a fresh data folder imported from a small mirror (OFAC and UN fixtures), the requests written raw
 * on TCP sockets so they reach the server as generated. Writes are detected by the row counts of every table (before
 * and after, the server stopped) and by the GET views of lists, datasets, suppressions, uploads and gaps.
 *
 * Run: `npm run bench -- hostile`, or `npx tsc -p . && node dist/bench/hostile-http.bench.js`.
 * Knobs: HOSTILE_REQUESTS (default 10,000 per target), HOSTILE_SEED (default 20261128), HOSTILE_TARGETS
 * (in-process,server), HOSTILE_CONCURRENCY (server sockets at once, default 4), CHOKEPOINT_MIRROR_HOSTILE (a mirror
 * to serve instead of the small one, e.g. bench/lists-fixture.ts's newest OFAC + UN).
 */
import { hostileInProcess, hostileServer, reportRun, type HostileRun } from './fuzz/hostile-run.js';

const N = Number(process.env.HOSTILE_REQUESTS ?? 10_000);
const SEED = Number(process.env.HOSTILE_SEED ?? 20261128);
const TARGETS = (process.env.HOSTILE_TARGETS ?? 'in-process,server').split(',');
const progress = (mode: string) => (i: number) => { if (i % 2000 === 0) console.log(`  ${mode}: ${i.toLocaleString('en')} requests`); };

const runs: HostileRun[] = [];
if (TARGETS.includes('in-process')) {
  const r = await hostileInProcess(N, SEED, progress('in-process'));
  console.log(reportRun(r));
  runs.push(r);
}
if (TARGETS.includes('server')) {
  const r = await hostileServer(N, SEED, { mirror: process.env.CHOKEPOINT_MIRROR_HOSTILE, concurrency: Number(process.env.HOSTILE_CONCURRENCY ?? 4), onProgress: progress('server') });
  console.log(reportRun(r));
  runs.push(r);
}
const fivexx = runs.reduce((s, r) => s + r.tally.serverErrors.length + r.authorizedTally.serverErrors.length, 0);
const writes = runs.reduce((s, r) => s + r.writes.length + r.viewsChanged.length + r.tally.acceptedWrites.length, 0);
console.log(`\n| target | requests without a valid token | 5xx | writes without a token (2xx / tables changed / views changed) | requests with an admin token | 5xx |`);
console.log('|---|---:|---:|---|---:|---:|');
for (const r of runs) {
  console.log(`| ${r.mode} | ${r.tally.sent.toLocaleString('en')} | ${r.tally.serverErrors.length} | ${r.tally.acceptedWrites.length} / ${r.writes.length} / ${r.viewsChanged.length} | ` +
    `${r.authorizedTally.sent.toLocaleString('en')} | ${r.authorizedTally.serverErrors.length} |`);
}
process.exitCode = fivexx || writes ? 1 : 0;
