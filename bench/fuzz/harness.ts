/**
 * Runs a fuzz target in a worker thread with a watchdog: when no new input starts for `hangMs`, the worker is
 * terminated and the input it was on is saved (a hang). A worker that dies (out of memory, a native crash) is a
 * failure too, with its last input saved. Used by test/fuzz/*.test.ts (few runs) and bench/fuzz.bench.ts (many).
 */
import { Worker } from 'node:worker_threads';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { packageRoot } from '../../src/config/paths.js';
import { SHARED_HEADER, type WorkerJob, type WorkerResult } from './worker.js';

export interface FuzzOptions {
  runs: number;
  seed: number;
  /** Per-input CPU time bound (default 2 s). */
  timeLimitMs?: number;
  /** ... plus this per MB of input (default 3 s/MB). */
  perMbMs?: number;
  /** No new input for this long = a hang (default 30 s). */
  hangMs?: number;
  outDir?: string;
  onProgress?: (inputs: number) => void;
}

/** Shared memory for the current input (generated inputs are at most 6 MB, mutate.ts MAX_INPUT_BYTES). */
const SHARED_BYTES = 8 * 1024 * 1024;
/** Time a target may take to set up before its first input. */
const SETUP_MS = 600_000;

export const FUZZ_OUT = join(packageRoot(), 'test-output', 'fuzz');

export function scratchRoot(): string {
  const root = existsSync('/dev/shm') ? '/dev/shm' : tmpdir();
  const dir = join(root, 'chokepoint-fuzz');
  mkdirSync(dir, { recursive: true });
  return dir;
}

export async function fuzzTarget(target: string, o: FuzzOptions): Promise<WorkerResult> {
  const outDir = o.outDir ?? FUZZ_OUT;
  const hangMs = o.hangMs ?? 30_000;
  const shared = new SharedArrayBuffer(SHARED_HEADER + SHARED_BYTES);
  const counter = new Int32Array(shared, 0, 2);
  const job: WorkerJob = { target, runs: o.runs, seed: o.seed, timeLimitMs: o.timeLimitMs ?? 2000, perMbMs: o.perMbMs ?? 3000, outDir, scratchRoot: scratchRoot(), shared };
  const worker = new Worker(new URL('./worker.js', import.meta.url), { workerData: job });

  const lastInput = (why: string): WorkerResult => {
    mkdirSync(outDir, { recursive: true });
    const n = Atomics.load(counter, 1);
    const index = Atomics.load(counter, 0) - 1;
    const file = join(outDir, `${target}-seed${o.seed}-input${index}-${why.split(':')[0]}.bin`);
    writeFileSync(file, Buffer.from(new Uint8Array(shared, SHARED_HEADER, n)));
    return {
      target, what: target, seed: o.seed, inputs: index + 1, accepted: 0, rejected: 0, failures: 1,
      failureList: [{ index, error: why, ms: hangMs, file }], rejections: [], maxMs: NaN, p99Ms: NaN, medianMs: NaN, totalMs: NaN, maxInputBytes: n, retimed: 0, maxWallMs: NaN,
    };
  };

  return new Promise<WorkerResult>((resolve, reject) => {
    let seen = 0;
    let since = Date.now();
    let settled = false;
    const finish = (r: WorkerResult | Error) => {
      if (settled) return;
      settled = true;
      clearInterval(watch);
      if (r instanceof Error) reject(r);
      else resolve(r);
    };
    const watch = setInterval(() => {
      const now = Atomics.load(counter, 0);
      if (now !== seen) {
        seen = now;
        since = Date.now();
        return;
      }
      // Before the first input the worker is setting up (a database for /match): that may take a while.
      if (Date.now() - since > (now === 0 ? SETUP_MS : hangMs)) {
        const r = lastInput(`hang: no progress for ${hangMs} ms on one input`);
        void worker.terminate();
        finish(r);
      }
    }, 250);
    worker.on('message', (m: { progress?: number; result?: WorkerResult; crashed?: string }) => {
      if (m.progress !== undefined) o.onProgress?.(m.progress);
      else if (m.result) finish(m.result);
      else if (m.crashed) finish(new Error(`fuzz worker for ${target} failed to run: ${m.crashed}`));
    });
    worker.on('error', (err: Error) => finish(lastInput(`worker died: ${err.message}`)));
    worker.on('exit', (code) => {
      if (!settled) finish(lastInput(`worker exited with code ${code}`));
    });
  });
}

export function summaryLine(r: WorkerResult): string {
  const ms = (x: number) => (Number.isFinite(x) ? x.toFixed(x < 10 ? 2 : 0) : '-');
  return `${r.target.padEnd(12)} inputs ${String(r.inputs).padStart(7)}  accepted ${String(r.accepted).padStart(7)}  rejected ${String(r.rejected).padStart(7)}  ` +
    `failures ${String(r.failures).padStart(3)}  CPU per input: median ${ms(r.medianMs)} ms  p99 ${ms(r.p99Ms)} ms  max ${ms(r.maxMs)} ms  ` +
    `(max wall ${ms(r.maxWallMs)} ms, retimed ${r.retimed}, seed ${r.seed})`;
}
