/**
 * Distributed batch work on a fresh PostgreSQL database: bulk screening in 4 partitions on 2 worker processes gives
 * the single-process `screen --input` file byte for byte; the AIS simulator's data in 3 time windows gives the events of
 * `ais detect` on the whole set; a worker killed (SIGKILL) while holding a job: the job returns to the queue after its
 * lease, another worker does it, the output is the same and no partition is stored twice.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { activeJobs, resultSummaries } from '../../src/store/jobs.js';
import { BOSS_SCHEMA, QUEUES } from '../../src/analyses/jobs/queue.js';
import { sortEvents } from '../../src/analyses/jobs/ais.js';
import { BIN, runCli } from '../helpers/cli.js';
import { TEST_PG_URL, freshPostgres } from '../helpers/db.js';
import { simulateFiles } from './sim-files.js';
import { mirrorOf, newestPublication } from '../../bench/lists-fixture.js';

const skip = !TEST_PG_URL && 'CHOKEPOINT_TEST_PG_URL not set';
const DIR = mkdtempSync(join(tmpdir(), 'cp-jobs-'));
let pg: Awaited<ReturnType<typeof freshPostgres>> | undefined;
let env: Record<string, string> = {};
const workers: ChildProcess[] = [];

/** A mirror with only the newest staged UN list: a small real list. */
/** test/fixtures/screen/customers.csv with its rows repeated (ids made unique) to `copies` × 12 rows. */
function bigCustomers(copies: number): string {
  const [header, ...rows] = readFileSync(new URL('../../../test/fixtures/screen/customers.csv', import.meta.url), 'utf8').split('\n').filter((l) => l.trim());
  const out = [header];
  for (let i = 0; i < copies; i++) for (const r of rows) out.push(r.replace(/^([^;]*)/, `$1-${i}`));
  const path = join(DIR, 'customers.csv');
  writeFileSync(path, `${out.join('\n')}\n`);
  return path;
}

function startWorker(): ChildProcess {
  const w = spawn(process.execPath, [BIN, 'worker'], { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  w.stderr?.on('data', (d) => (log += d));
  Object.defineProperty(w, 'log', { get: () => log });
  workers.push(w);
  return w;
}

function stopWorker(w: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  return new Promise((resolve) => {
    if (w.exitCode !== null || w.signalCode !== null) return resolve();
    w.once('exit', () => resolve());
    w.kill(signal);
  });
}

/** The command line with the test database (synchronous: the workers are processes of their own). */
function cli(args: string[]): { status: number | null; stdout: string; stderr: string } {
  return runCli(args, env);
}

before(async () => {
  if (skip) return;
  pg = await freshPostgres();
  env = {
    DATABASE_URL: pg.url, CHOKEPOINT_JOBS_LEASE_SECONDS: '3', CHOKEPOINT_JOBS_MAINTENANCE_SECONDS: '1', CHOKEPOINT_JOBS_POLL_SECONDS: '0.5',
  };
  const r = cli(['update', '--mirror', mirrorOf({ un: [newestPublication('un')] }, 'cp-jobs-mirror-')]);
  assert.equal(r.status, 0, r.stderr);
});

after(async () => {
  await Promise.all(workers.map((w) => stopWorker(w, 'SIGKILL')));
  await pg?.drop();
  rmSync(DIR, { recursive: true, force: true });
});

test('jobs need PostgreSQL and say so', () => {
  const r = runCli(['worker'], { DATABASE_URL: '', CHOKEPOINT_DATA: join(DIR, 'pglite') });
  assert.equal(r.status, 1);
  assert.match(r.stderr, /distributed jobs need a PostgreSQL server .*set DATABASE_URL/);
});

let screenInput = '';
let screenExpected = '';

test('bulk screening: 4 partitions on 2 worker processes = `screen --input` in one process, byte for byte', { skip }, async () => {
  screenInput = bigCustomers(250);
  const single = join(DIR, 'single.csv');
  const r1 = cli(['screen', '--input', screenInput, '--output', single]);
  assert.equal(r1.status, 0, r1.stderr);
  screenExpected = readFileSync(single, 'utf8');
  assert.equal(screenExpected.trim().split('\n').length, 3001);

  const ws = [startWorker(), startWorker()];
  const out = join(DIR, 'jobs.csv');
  const r2 = cli(['jobs', 'submit', 'screen', '--input', screenInput, '--partitions', '4', '--output', out, '--timeout', '120']);
  assert.equal(r2.status, 0, r2.stderr);
  assert.equal(readFileSync(out, 'utf8'), screenExpected);
  const id = r2.stdout.trim();
  const results = await resultSummaries(pg!.db, id);
  assert.deepEqual(results.map((x) => x.partition), [0, 1, 2, 3]);
  assert.ok(results.every((x) => x.versions.join() === results[0].versions.join() && /^un@/.test(x.versions[0])));
  const status = cli(['jobs', 'status', id, '--json']);
  assert.equal(status.status, 0, status.stderr);
  const s = JSON.parse(status.stdout) as { status: string; done: number; workers: string[] };
  assert.equal(s.status, 'done');
  assert.equal(s.done, 4);
  await Promise.all(ws.map((w) => stopWorker(w)));
  for (const w of ws) assert.match((w as unknown as { log: string }).log, /worker stopped: \d+ jobs done, 0 failed/);
});

test('AIS: simulator data in 3 time windows (and in 2 windows × 2 longitude bands) on 2 workers = `ais detect` on the whole set (sorted), byte for byte', { skip }, async () => {
  const simDir = join(DIR, 'sim');
  mkdirSync(simDir);
  const { files } = simulateFiles(simDir, {
    seed: 23, vessels: 10, days: 3, movingIntervalS: [30, 90],
    scenarios: { sts: 4, sts_one_sided: 3, dark_gap: 4, port_call: 3, port_call_dark: 3, identity_change: 4, reflag: 2, shared_mmsi: 2, invalid_mmsi: 3 },
  }, true);
  assert.equal(files.length, 3);
  const single = join(DIR, 'single.jsonl');
  const r1 = cli(['ais', 'detect', ...files, '--output', single, '--quiet']);
  assert.equal(r1.status, 0, r1.stderr);
  const lines = readFileSync(single, 'utf8').split('\n').filter(Boolean);
  assert.ok(lines.length > 20, `${lines.length} events`);
  const expected = sortEvents(lines).map((l) => `${l}\n`).join('');

  const ws = [startWorker(), startWorker()];
  const out = join(DIR, 'jobs.jsonl');
  const r2 = cli(['jobs', 'submit', 'ais', ...files, '--window-hours', '24', '--output', out, '--timeout', '150']);
  assert.equal(r2.status, 0, r2.stderr);
  assert.match(r2.stderr, /3 partitions \(24 h windows, 48 h overlap\)/);
  assert.equal(readFileSync(out, 'utf8'), expected);

  // Time windows × longitude bands (each vessel seen near a band read whole; events kept by position): same events.
  const bands = join(DIR, 'bands.jsonl');
  const r3 = cli(['jobs', 'submit', 'ais', ...files, '--window-hours', '36', '--lon-bands', '125', '--output', bands, '--timeout', '150']);
  assert.equal(r3.status, 0, r3.stderr);
  assert.match(r3.stderr, /4 partitions \(36 h windows, 48 h overlap, 2 longitude bands\)/);
  assert.equal(readFileSync(bands, 'utf8'), expected);
  await Promise.all(ws.map((w) => stopWorker(w)));
});

test('a worker killed (SIGKILL) holding a job: the job is retried elsewhere, output identical, nothing stored twice', { skip }, async () => {
  assert.ok(screenExpected, 'runs after the screening test');
  const a = startWorker();
  const r = cli(['jobs', 'submit', 'screen', '--input', screenInput, '--partitions', '4', '--detach']);
  assert.equal(r.status, 0, r.stderr);
  const id = r.stdout.trim();
  // Kill the worker as soon as it holds a job.
  const deadline = Date.now() + 60_000;
  let held: { id: string }[] = [];
  while (!held.length && Date.now() < deadline) {
    held = await activeJobs(pg!.db, BOSS_SCHEMA, [QUEUES.screen]);
    if (!held.length) await new Promise((res) => setTimeout(res, 50));
  }
  assert.ok(held.length, 'the worker took a job');
  await stopWorker(a, 'SIGKILL');
  const killedJob = held[0].id;

  const b = startWorker();
  const out = join(DIR, 'after-kill.csv');
  const c = cli(['jobs', 'collect', id, '--output', out, '--timeout', '120']);
  assert.equal(c.status, 0, c.stderr);
  assert.equal(readFileSync(out, 'utf8'), screenExpected);
  const results = await resultSummaries(pg!.db, id);
  assert.deepEqual(results.map((x) => x.partition), [0, 1, 2, 3], 'one result per partition');
  const rows = await pg!.db.query<{ n: number }>('SELECT count(*)::int AS n FROM job_results WHERE batch_id = $1', [id]);
  assert.equal(rows[0].n, 4);
  const job = await pg!.db.query<{ retry_count: number; state: string }>(
    `SELECT retry_count, state::text FROM ${BOSS_SCHEMA}.job WHERE id = $1::uuid UNION ALL SELECT retry_count, state::text FROM ${BOSS_SCHEMA}.archive WHERE id = $1::uuid`, [killedJob],
  );
  assert.equal(job[0]?.state, 'completed');
  assert.ok(job[0].retry_count >= 1, `the killed worker's job was retried (retry_count ${job[0]?.retry_count})`);
  assert.match((b as unknown as { log: string }).log, new RegExp(`${id}#\\d: done`));
  await stopWorker(b);
});

test('the lists change between submission and screening: partitions are refused, the batch fails naming both versions', { skip }, async () => {
  assert.ok(screenInput, 'runs after the screening test');
  const r = cli(['jobs', 'submit', 'screen', '--input', screenInput, '--partitions', '2', '--detach']);
  assert.equal(r.status, 0, r.stderr);
  const id = r.stdout.trim();
  // Another UN publication served now (the served version renamed: the index a worker builds names it).
  const [{ version }] = await pg!.db.query<{ version: string }>("SELECT version FROM list_versions WHERE source = 'un' AND status = 'ready'");
  await pg!.db.query("UPDATE list_versions SET version = version || '-next' WHERE source = 'un' AND status = 'ready'");
  const w = startWorker();
  try {
    const c = cli(['jobs', 'collect', id, '--output', join(DIR, 'refused.csv'), '--timeout', '90']);
    assert.equal(c.status, 1, c.stderr);
    assert.match(c.stderr, new RegExp(`the lists changed since batch ${id} was submitted \\(submitted against un@${version}; the database now serves un@${version}-next\\)`));
    const s = JSON.parse(cli(['jobs', 'status', id, '--json']).stdout) as { status: string; done: number };
    assert.equal(s.status, 'failed');
    assert.equal(s.done, 0);
  } finally {
    await pg!.db.query("UPDATE list_versions SET version = $1 WHERE source = 'un' AND status = 'ready'", [version]);
    await stopWorker(w);
  }
});
