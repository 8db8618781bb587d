/**
 * Load generators for the HTTP benchmarks, each run in a process of its own (`runLoad` forks this file), so the
 * benchmark's own heap (a whole screening index) never pauses the client that times the server.
 *
 * - `closed`: autocannon, N connections each sending its next request when the last is answered. Measures the
 *   throughput the server sustains, and the latency of the requests sent meanwhile (what autocannon reports). With N
 *   connections busy, Little's law sets the mean at N / throughput whatever the server does, and a stalled server
 *   holds back the requests that would have waited for it: few connections, few requests in the queue.
 * - `open`: a fixed arrival rate. Request i is due at start + i / rate whatever happened to the ones before it, is sent
 *   on an undici pool (a new connection when all are busy), and its latency counts from when it was due, so a late
 *   client or a stalled server is charged to the latency (no coordinated omission). The first seconds, at the same
 *   rate, open the pool's connections and are not counted (`warmupSeconds`). autocannon's own rate limit does
 *   not do this: each connection sends its share of a second back to back, then waits for the next second
 *   (lib/httpClient.js, `reqsMadeThisSecond`), so its latencies at a "fixed rate" are those of bursts.
 */
import { fork } from 'node:child_process';
import { readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { Pool } from 'undici';
import { percentile } from './stats.js';

export interface LoadSpec {
  mode: 'closed' | 'open';
  url: string;
  path: string;
  seconds: number;
  /** JSON bodies, posted in turn. */
  bodies: string[];
  /** closed: the connections; open: the most the pool opens. */
  connections: number;
  /** open: requests per second. */
  rate?: number;
  /**
   * open: seconds sent at the rate before the measured `seconds`, not counted (default 2). A fresh pool opens its
   * connections under load: without it the first second (p50 30-50 ms while dozens of connections open at once) is
   * charged to a server that, at a steady rate, would keep its connections.
   */
  warmupSeconds?: number;
  /** Server process whose CPU time is read from /proc around the run (Linux). */
  serverPid?: number;
}

export interface LoadResult {
  requests: number;
  perSecond: number;
  errors: number;
  non2xx: number;
  /** Milliseconds. */
  p50: number;
  p90: number;
  p95: number;
  p99: number;
  max: number;
  /** CPU milliseconds per answered request: the server's (all its threads), and this client's. */
  serverCpuMs?: number;
  clientCpuMs: number;
  /**
   * Open loop: how late this client handed requests to its pool (p95 and p99, ms), a share of the latency above that
   * is the client's own: on a shared machine, a client kept off the CPU sends late, and the wait is charged.
   */
  lateP95?: number;
  lateP99?: number;
}

const cpuOf = (pid: number) => {
  const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(f[11]) + Number(f[12])) * 10; // utime + stime, in clock ticks of 10 ms
};
const ownCpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

interface Timed { latencies: number[]; late?: number[]; errors: number; non2xx: number }

function closedLoop(s: LoadSpec): Promise<Timed> {
  let n = 0;
  const latencies: number[] = [];
  return new Promise((resolve, reject) => {
    const run = autocannon({
      url: s.url + s.path, method: 'POST', connections: s.connections, duration: s.seconds, headers: { 'content-type': 'application/json' },
      requests: [{ method: 'POST', setupRequest: (req) => ({ ...req, body: s.bodies[n++ % s.bodies.length] }) }],
    }, (err, res) => (err ? reject(err) : resolve({ latencies, errors: res.errors, non2xx: res.non2xx })));
    run.on('response', (_client, status, _bytes, ms) => {
      if (status < 300) latencies.push(ms);
    });
  });
}

async function openLoop(s: LoadSpec, begin: () => void): Promise<Timed> {
  const rate = s.rate ?? 1000;
  const pool = new Pool(s.url, { connections: s.connections, pipelining: 1 });
  const latencies: number[] = [], late: number[] = [];
  let errors = 0, non2xx = 0, outstanding = 0;
  const warm = Math.round(rate * (s.warmupSeconds ?? 2));
  const total = warm + Math.round(rate * s.seconds);
  const start = performance.now();
  let i = 0;
  const send = (due: number, body: string, counted: boolean) => {
    outstanding++;
    if (counted) late.push(performance.now() - due);
    pool.request({ path: s.path, method: 'POST', headers: { 'content-type': 'application/json' }, body })
      .then(async (res) => {
        await res.body.dump();
        if (!counted) return;
        if (res.statusCode >= 300) non2xx++;
        else latencies.push(performance.now() - due);
      }, () => void (counted && errors++))
      .finally(() => void outstanding--);
  };
  await new Promise<void>((resolve) => {
    const tick = () => {
      const now = performance.now();
      for (let due = start + (i * 1000) / rate; i < total && due <= now; due = start + (++i * 1000) / rate) {
        if (i === warm) begin();
        send(due, s.bodies[i % s.bodies.length], i >= warm);
      }
      if (i >= total) return resolve();
      setTimeout(tick, Math.max(0, start + (i * 1000) / rate - performance.now()));
    };
    tick();
  });
  while (outstanding > 0) await new Promise((r) => setTimeout(r, 5));
  await pool.close();
  return { latencies, late, errors, non2xx };
}

async function measure(s: LoadSpec): Promise<LoadResult> {
  let cpu0 = 0, own0 = 0, t0 = 0;
  // Clocks and CPU counters start when the measured requests do (after an open loop's warm-up).
  const begin = () => {
    cpu0 = s.serverPid ? cpuOf(s.serverPid) : 0;
    own0 = ownCpu();
    t0 = performance.now();
  };
  const { latencies, late, errors, non2xx } = await (s.mode === 'closed' ? (begin(), closedLoop(s)) : openLoop(s, begin));
  const seconds = (performance.now() - t0) / 1000;
  const answered = Math.max(latencies.length, 1);
  const pct = (p: number, of = latencies) => Math.round(percentile(of, p) * 10) / 10;
  return {
    requests: latencies.length, perSecond: latencies.length / seconds, errors, non2xx,
    p50: pct(50), p90: pct(90), p95: pct(95), p99: pct(99), max: pct(100),
    ...(s.serverPid ? { serverCpuMs: (cpuOf(s.serverPid) - cpu0) / answered } : {}),
    clientCpuMs: (ownCpu() - own0) / answered,
    ...(late ? { lateP95: pct(95, late), lateP99: pct(99, late) } : {}),
  };
}

/** Runs one load in a child process and returns what it measured. */
export async function runLoad(spec: LoadSpec): Promise<LoadResult> {
  const dir = mkdtempSync(join(tmpdir(), 'cp-load-'));
  try {
    const file = join(dir, 'spec.json');
    writeFileSync(file, JSON.stringify(spec));
    const child = fork(fileURLToPath(import.meta.url), [file], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    return await new Promise<LoadResult>((resolve, reject) => {
      child.once('message', (m) => resolve(m as LoadResult));
      child.once('exit', (code) => reject(new Error(`load generator exited with ${code} before reporting`)));
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url) && process.send) {
  const spec = JSON.parse(readFileSync(process.argv[2], 'utf8')) as LoadSpec;
  const result = await measure(spec);
  process.send(result, () => process.exit(0));
}
