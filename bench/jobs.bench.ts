/**
 * Distributed batch work: 1 against 2 worker processes, in one run, on
 *   1. bulk screening: BENCH_JOBS_ROWS generated names (bench/queries.ts) against the newest staged OFAC SDN + UN
 *      lists, in BENCH_JOBS_PARTITIONS partitions;
 *   2. AIS detection: a simulator scenario (BENCH_JOBS_VESSELS × BENCH_JOBS_DAYS, one NMEA file per day) in windows of
 *      BENCH_JOBS_WINDOW_HOURS with BENCH_JOBS_OVERLAP_HOURS of overlap; the single-process `ais detect` for reference.
 * Each measurement is the submitter's wall time from submission to the merged file, with the workers already running
 * and their screening index built. Needs a PostgreSQL server: BENCH_PG_URL, else CHOKEPOINT_TEST_PG_URL, else the
 * local test server (scripts/start-postgres.sh); a fresh database is made and dropped.
 *
 *   node dist/bench/jobs.bench.js          (small check: BENCH_JOBS_ROWS=2000 BENCH_JOBS_VESSELS=10 BENCH_JOBS_DAYS=4)
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, cpus } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDb } from '../src/store/db.js';
import { migrate } from '../src/store/migrate.js';
import { resultSummaries } from '../src/store/jobs.js';
import { ScreeningService } from '../src/analyses/screening/service.js';
import { packageRoot } from '../src/config/paths.js';
import { generateQueries } from './queries.js';
import { newestMirror } from './lists-fixture.js';
import { simulate } from './maritime-sim/simulate.js';
import { NmeaWriter, type SimPosition, type SimStatic } from './maritime-sim/writers.js';

const ROWS = Number(process.env.BENCH_JOBS_ROWS ?? 50_000);
const PARTITIONS = Number(process.env.BENCH_JOBS_PARTITIONS ?? 8);
const VESSELS = Number(process.env.BENCH_JOBS_VESSELS ?? 40);
const DAYS = Number(process.env.BENCH_JOBS_DAYS ?? 8);
const WINDOW_HOURS = Number(process.env.BENCH_JOBS_WINDOW_HOURS ?? 48);
const OVERLAP_HOURS = Number(process.env.BENCH_JOBS_OVERLAP_HOURS ?? 48);
const PG_URL = process.env.BENCH_PG_URL ?? process.env.CHOKEPOINT_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:54329/postgres';
const BIN = join(packageRoot(), 'bin', 'chokepoint.js');
const DAY = 86_400_000;

const fmt = (n: number, d = 0) => n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });

function cli(args: string[], env: Record<string, string>): { ms: number; stdout: string; stderr: string } {
  const t = performance.now();
  const r = spawnSync(process.execPath, [BIN, ...args], { env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(`chokepoint ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return { ms: performance.now() - t, stdout: r.stdout, stderr: r.stderr };
}

/** Starts n workers and waits until each has said it is taking jobs (and built its index, for screening). */
async function startWorkers(n: number, kinds: string, env: Record<string, string>): Promise<ChildProcess[]> {
  const ready = kinds.includes('screen') ? /screening index: / : /taking .* jobs/;
  return Promise.all(Array.from({ length: n }, () => new Promise<ChildProcess>((resolve, reject) => {
    const w = spawn(process.execPath, [BIN, 'worker', '--kinds', kinds], { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
    let log = '';
    w.stderr!.on('data', (d) => {
      log += d;
      if (ready.test(log)) resolve(w);
    });
    w.once('exit', (code) => reject(new Error(`worker exited ${code}: ${log}`)));
  })));
}

async function stopWorkers(ws: ChildProcess[]): Promise<void> {
  await Promise.all(ws.map((w) => new Promise<void>((resolve) => {
    w.removeAllListeners('exit');
    if (w.exitCode !== null) return resolve();
    w.once('exit', () => resolve());
    w.kill('SIGTERM');
  })));
}

/** How the partitions ran: summed and longest partition time, workers used (to tell scaling from a busy machine). */
async function partitionTimes(url: string, batch: string): Promise<string> {
  const db = await openDb({ databaseUrl: url });
  try {
    const rs = await resultSummaries(db, batch);
    const ms = rs.map((r) => Number(r.stats.ms ?? 0));
    return `partitions: ${fmt(ms.reduce((a, b) => a + b, 0) / 1000, 1)} s summed, longest ${fmt(Math.max(...ms) / 1000, 1)} s, on ${new Set(rs.map((r) => r.worker)).size} worker(s)`;
  } finally {
    await db.close();
  }
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'cp-jobs-bench-'));
  const name = `cp_bench_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(PG_URL);
  url.pathname = `/${name}`;
  const env = { DATABASE_URL: url.toString() };
  console.log(`machine: ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), Node ${process.version}; database ${name}`);
  try {
    // ---- 1. bulk screening ------------------------------------------------------------------------------------
    cli(['update', '--mirror', newestMirror()], env);
    const db = await openDb({ databaseUrl: url.toString() });
    await migrate(db);
    const index = await new ScreeningService().reload(db);
    await db.close();
    const queries = generateQueries(index, ROWS);
    const csv = join(dir, 'names.csv');
    writeFileSync(csv, `id,name,type\n${queries.map((q, i) => `q${i},"${q.name.replace(/"/g, '""')}",${q.schema}`).join('\n')}\n`);
    console.log(`\n== 1. bulk screening: ${fmt(ROWS)} generated names against ${fmt(index.entities.length)} entities (${index.versions.join(', ')}), ${PARTITIONS} partitions ==`);
    const screen: number[] = [];
    let first = '';
    for (const n of [1, 2]) {
      const ws = await startWorkers(n, 'screen', env);
      const out = join(dir, `screen-${n}.csv`);
      const r = cli(['jobs', 'submit', 'screen', '--input', csv, '--partitions', String(PARTITIONS), '--output', out], env);
      await stopWorkers(ws);
      const text = readFileSync(out, 'utf8');
      if (n === 1) first = text;
      else if (text !== first) throw new Error('1 and 2 workers gave different screening output');
      screen.push(ROWS / (r.ms / 1000));
      console.log(`${n} worker${n > 1 ? 's' : ' '}: ${fmt(r.ms / 1000, 1)} s, ${fmt(ROWS / (r.ms / 1000))} rows/s; ${await partitionTimes(env.DATABASE_URL, r.stdout.trim())}`);
    }
    console.log(`scaling 1 → 2 workers: ×${fmt(screen[1] / screen[0], 2)} (outputs identical)`);

    // ---- 2. AIS ------------------------------------------------------------------------------------------------
    const simDir = join(dir, 'ais');
    mkdirSync(simDir);
    const files: string[] = [];
    let day = NaN;
    let w: NmeaWriter | undefined;
    const writer = (t: number) => {
      const d = Math.floor(t / DAY);
      if (!w || d !== day) {
        w?.close();
        day = d;
        files.push(join(simDir, `ais-${new Date(d * DAY).toISOString().slice(0, 10)}.nmea`));
        w = new NmeaWriter(files.at(-1)!);
      }
      return w;
    };
    const sim = simulate({ seed: 5, vessels: VESSELS, days: DAYS }, {
      position: (p: SimPosition) => writer(p.t).position(p), static: (s: SimStatic) => writer(s.t).static(s),
    });
    w?.close();
    console.log(`\n== 2. AIS: ${fmt(sim.positions)} simulated positions (${VESSELS} vessels × ${DAYS} days, ${files.length} NMEA files), `
      + `${WINDOW_HOURS} h windows, ${OVERLAP_HOURS} h overlap ==`);
    const one = cli(['ais', 'detect', ...files, '--output', join(dir, 'single.jsonl'), '--quiet'], env);
    console.log(`one process (ais detect): ${fmt(one.ms / 1000, 1)} s, ${fmt(sim.positions / (one.ms / 1000))} positions/s`);
    const ais: number[] = [];
    let firstEvents = '';
    for (const n of [1, 2]) {
      const ws = await startWorkers(n, 'ais', env);
      const out = join(dir, `ais-${n}.jsonl`);
      const r = cli(['jobs', 'submit', 'ais', ...files, '--window-hours', String(WINDOW_HOURS), '--overlap-hours', String(OVERLAP_HOURS), '--output', out], env);
      await stopWorkers(ws);
      const text = readFileSync(out, 'utf8');
      if (n === 1) firstEvents = text;
      else if (text !== firstEvents) throw new Error('1 and 2 workers gave different events');
      ais.push(sim.positions / (r.ms / 1000));
      const parts = /(\d+) partitions/.exec(r.stderr)?.[1] ?? '?';
      console.log(`${n} worker${n > 1 ? 's' : ' '}: ${fmt(r.ms / 1000, 1)} s, ${fmt(sim.positions / (r.ms / 1000))} positions/s (${parts} windows); ${await partitionTimes(env.DATABASE_URL, r.stdout.trim())}`);
    }
    console.log(`scaling 1 → 2 workers: ×${fmt(ais[1] / ais[0], 2)} (outputs identical); 2 workers against one process: ×${fmt(ais[1] / (sim.positions / (one.ms / 1000)), 2)}`);
  } finally {
    const a = new pg.Client({ connectionString: PG_URL });
    await a.connect();
    await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await a.end();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
