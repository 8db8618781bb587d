/**
 * Fires generated hostile requests at the app in-process and at a real `chokepoint serve`, and checks that no answer
 * is a 5xx and that nothing was written without a token. Used by bench/hostile-http.bench.ts and
 * test/fuzz/hostile-http.test.ts.
 */
import fc from 'fast-check';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { packageRoot } from '../../src/config/paths.js';
import { openDb } from '../../src/store/db.js';
import { authorized, countDiff, hostileRequestArb, newTally, sendInProcess, sendRaw, tableCounts, tally, WRITE_VIEWS, type HostileRequest, type HostileTally } from './hostile.js';

export interface HostileRun {
  mode: 'in-process' | 'server';
  seed: number;
  tally: HostileTally;
  /** A further quarter of the requests with a valid admin token (writes allowed): only 5xx are judged there. */
  authorizedTally: HostileTally;
  /** Tables whose row count changed (writes), and audit-like tables that grew (expected). */
  writes: string[];
  audit: string[];
  /** GET views that changed. */
  viewsChanged: string[];
  ms: number;
}

type Get = (path: string) => Promise<string>;

/** The admin secret the app (bootstrapToken) and the server (CHOKEPOINT_ADMIN_TOKEN) are started with. */
const ADMIN_TOKEN = 'fuzz-admin-secret-0123456789abcdef';

async function views(get: Get): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  // Ages and clocks move between the two snapshots: compare without them.
  for (const v of WRITE_VIEWS) out[v] = (await get(v)).replace(/"(?:age|[a-z_]*(?:_at|At|_days|Days|_hours|Hours|seconds|Seconds)|generated|now|as_of|asOf)"\s*:\s*("[^"]*"|[-\d.e]+|null)/g, '');
  return out;
}

/** Waits (up to a minute) for background jobs an accepted upload or batch started, before the database is counted or closed. */
async function settle(get: Get): Promise<void> {
  for (let k = 0; k < 120; k++) {
    const busy = /"(?:running|queued|pending|processing)"/.test(await get('/ais/uploads'));
    if (!busy) return;
    await new Promise((r) => setTimeout(r, 500));
  }
}

function changed(a: Record<string, string>, b: Record<string, string>): string[] {
  return Object.keys(a).filter((k) => a[k] !== b[k]);
}

async function fire(n: number, seed: number, send: (r: HostileRequest) => Promise<void>, concurrency = 1, arb = hostileRequestArb): Promise<void> {
  // Requests are generated one at a time (some bodies are over 1 MB: they are never all held at once).
  const pending = new Set<Promise<void>>();
  await fc.check(fc.asyncProperty(arb, async (r) => {
    const p = send(r).finally(() => pending.delete(p));
    pending.add(p);
    if (pending.size >= concurrency) await Promise.race(pending);
    return true;
  }), { seed, numRuns: n, endOnFailure: true });
  await Promise.all(pending);
}

/**
 * In-process: the app over the small fixture index (test/api/fixtures.ts), through app.request, with access control
 * as `serve` sets it up on loopback (reads open, writes need a token; no rate limit so every request is judged).
 */
export async function hostileInProcess(n: number, seed: number, onProgress?: (i: number) => void): Promise<HostileRun> {
  const { fixtureApi } = await import('../../test/api/fixtures.js');
  const { createApp } = await import('../../src/surfaces/api/app.js');
  const { AccessControl } = await import('../../src/surfaces/api/access/control.js');
  const api = await fixtureApi();
  const app = createApp({ ...api.services, access: new AccessControl(api.db, { openReads: true, corsOrigins: [], rateLimit: 0, bootstrapToken: ADMIN_TOKEN }) });
  const started = performance.now();
  const get: Get = async (p) => (await app.request(p)).text();
  const countsBefore = await tableCounts(api.db);
  const viewsBefore = await views(get);
  const t = newTally();
  let i = 0;
  // Requests the Fetch API cannot express (TRACE, CONNECT) are skipped here: draw more until n were sent.
  for (let round = 0; t.sent < n && round < 5; round++) {
    await fire(n - t.sent, seed + 1000 * round, async (r) => {
      tally(t, r, await sendInProcess(app, r));
      if (++i % 1000 === 0) onProgress?.(i);
    });
  }
  await settle(get);
  const viewsAfter = await views(get);
  const { writes, audit } = countDiff(countsBefore, await tableCounts(api.db));
  const a = newTally();
  await fire(Math.ceil(n / 4), seed + 7, async (r) => tally(a, r, await sendInProcess(app, r)), 1, authorized(ADMIN_TOKEN));
  await settle(get);
  await api.close();
  return { mode: 'in-process', seed, tally: t, authorizedTally: a, writes, audit, viewsChanged: changed(viewsBefore, viewsAfter), ms: performance.now() - started };
}

/** A mirror with the small OFAC and UN fixtures: a real server is ready in seconds. */
export function smallMirror(): string {
  const root = mkdtempSync(join(tmpdir(), 'cp-hostile-mirror-'));
  const fixtures = join(packageRoot(), 'test', 'fixtures');
  const ofac = join(root, 'ofac', '2024-05-03');
  const un = join(root, 'un', '2026-05-08');
  mkdirSync(ofac, { recursive: true });
  mkdirSync(un, { recursive: true });
  for (const f of ['sdn.csv', 'add.csv', 'alt.csv', 'sdn_comments.csv']) copyFileSync(join(fixtures, 'ofac', 'mini', f), join(ofac, f));
  copyFileSync(join(fixtures, 'un', 'sample.xml'), join(un, 'consolidated.xml'));
  return root;
}

/**
 * A real `chokepoint serve` (child process) on a fresh data folder imported from `mirror`: started once to import and
 * stopped, the database counted, started again for the requests (sent over raw sockets), stopped, counted again.
 */
export async function hostileServer(n: number, seed: number, opts: { mirror?: string; concurrency?: number; onProgress?: (i: number) => void } = {}): Promise<HostileRun> {
  const { startServer } = await import('../../test/helpers/cli.js');
  const mirror = opts.mirror ?? smallMirror();
  const data = mkdtempSync(join(tmpdir(), 'cp-hostile-data-'));
  const env = { CHOKEPOINT_MIRROR: mirror, CHOKEPOINT_DATA: data, CHOKEPOINT_ADMIN_TOKEN: ADMIN_TOKEN };
  const count = async () => {
    const db = await openDb({ dataDir: data });
    try {
      return await tableCounts(db);
    } finally {
      await db.close();
    }
  };
  try {
    const first = await startServer([], env);
    await first.stop();
    const countsBefore = await count();
    const server = await startServer([], env);
    const started = performance.now();
    const port = Number(new URL(server.url).port);
    const get: Get = async (p) => (await fetch(server.url + p)).text();
    const viewsBefore = await views(get);
    const t = newTally();
    let i = 0;
    try {
      await fire(n, seed, async (r) => {
        tally(t, r, await sendRaw(port, r));
        if (++i % 1000 === 0) opts.onProgress?.(i);
      }, opts.concurrency ?? 4);
      if (server.proc.exitCode !== null) throw new Error(`the server died during the run: ${server.stderr().slice(-2000)}`);
      await settle(get);
      const viewsAfter = await views(get);
      await server.stop();
      const { writes, audit } = countDiff(countsBefore, await count());
      // Then hostile bodies with a valid token, on a server started again (writes allowed, only 5xx judged).
      const again = await startServer([], env);
      const a = newTally();
      try {
        const p2 = Number(new URL(again.url).port);
        await fire(Math.ceil(n / 4), seed + 7, async (r) => tally(a, r, await sendRaw(p2, r)), opts.concurrency ?? 4, authorized(ADMIN_TOKEN));
        if (again.proc.exitCode !== null) throw new Error(`the server died during the run: ${again.stderr().slice(-2000)}`);
        await settle(async (p) => (await fetch(again.url + p, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } })).text());
      } finally {
        await again.stop();
      }
      return { mode: 'server', seed, tally: t, authorizedTally: a, writes, audit, viewsChanged: changed(viewsBefore, viewsAfter), ms: performance.now() - started };
    } finally {
      await server.stop();
    }
  } finally {
    rmSync(data, { recursive: true, force: true });
    if (!opts.mirror) rmSync(mirror, { recursive: true, force: true });
  }
}

export function reportRun(r: HostileRun): string {
  const t = r.tally;
  const statuses = Object.entries(t.byStatus).sort().map(([s, k]) => `${s}×${k}`).join(' ');
  const lines = [
    `${r.mode}: ${t.sent.toLocaleString('en')} requests (seed ${r.seed}, ${t.skipped} not expressible here), ${(r.ms / 1000).toFixed(0)} s`,
    `  statuses: ${statuses}`,
    `  5xx: ${t.serverErrors.length}; leaks: ${t.leaks.length}; CORS answered for a foreign origin: ${t.cors}; ` +
      `4xx without a JSON message: ${t.unclear4xx.length} (${[...new Set(t.unclear4xx.map((u) => u.status))].join(', ')})`,
    `  writes accepted without a token (2xx): ${t.acceptedWrites.length}; tables changed: ${r.writes.length ? r.writes.join(', ') : 'none'}` +
      `${r.audit.length ? `; audit tables grew: ${r.audit.join(', ')}` : ''}; GET views changed: ${r.viewsChanged.length ? r.viewsChanged.join(', ') : 'none'}`,
  ];
  const a = r.authorizedTally;
  lines.push(`  with a valid admin token: ${a.sent.toLocaleString('en')} requests: ${Object.entries(a.byStatus).sort().map(([s, k]) => `${s}×${k}`).join(' ')}; 5xx: ${a.serverErrors.length}; leaks: ${a.leaks.length}`);
  for (const [cat, s] of [...Object.entries(t.byCategory), ...Object.entries(a.byCategory)].sort()) lines.push(`    ${cat.padEnd(12)} ${Object.entries(s).sort().map(([k, v]) => `${k}×${v}`).join(' ')}`);
  for (const e of [...t.serverErrors, ...a.serverErrors].slice(0, 8)) lines.push(`  5xx ${e.status}: ${e.request}\n      → ${e.text.replace(/\s+/g, ' ').slice(0, 200)}`);
  for (const l of [...t.leaks, ...a.leaks].slice(0, 5)) lines.push(`  leak: ${l.why}: ${l.request}`);
  for (const u of t.unclear4xx.slice(0, 3)) lines.push(`  4xx without a message ${u.status}: ${u.request} → ${u.text.replace(/\s+/g, ' ').slice(0, 120)}`);
  for (const w of t.acceptedWrites.slice(0, 5)) lines.push(`  write without token → ${w.status}: ${w.request}`);
  return lines.join('\n');
}
