/**
 * Runs one fuzz target in a worker thread, so the parent can detect a hang (a synchronous endless loop cannot be
 * interrupted from inside) and terminate it. Before each input the worker bumps a counter and copies the input
 * into shared memory: a parent that sees the counter stop has the input that hangs.
 */
import fc from 'fast-check';
import { parentPort, workerData } from 'node:worker_threads';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { scratchDir, targetNamed } from './targets.js';

export interface WorkerJob {
  target: string;
  runs: number;
  seed: number;
  /** Per-input CPU time bound: slower is a failure (reported with the input). */
  timeLimitMs: number;
  /** ... plus this much per MB of input: a parser must be linear, not instant (csv-parse reads about 1 MB/s). */
  perMbMs: number;
  /** Where failing inputs are saved. */
  outDir: string;
  /** Scratch files (tmpfs when there is one). */
  scratchRoot: string;
  /** [0] inputs started, [1] length of the current input, then its bytes. */
  shared: SharedArrayBuffer;
}

export interface FuzzFailure {
  index: number;
  error: string;
  ms: number;
  /** The saved input (reproduce: feed this file to the target, or rerun with the seed). */
  file?: string;
}

export interface WorkerResult {
  target: string;
  what: string;
  seed: number;
  inputs: number;
  accepted: number;
  rejected: number;
  failures: number;
  failureList: FuzzFailure[];
  /** Clear rejection messages seen, most frequent first (a sample). */
  rejections: [string, number][];
  maxMs: number;
  p99Ms: number;
  medianMs: number;
  totalMs: number;
  maxInputBytes: number;
  /** Longest wall-clock time of one input (includes stalls by other processes; the other times are CPU time). */
  maxWallMs: number;
  /** Inputs over the time limit once, run again (3 runs, the best time kept): machine stalls, not hangs, if then fast. */
  retimed: number;
}

const MAX_SAVED = 20;
export const SHARED_HEADER = 8;

function describe(err: unknown): string {
  if (err instanceof Error) return `${err.name}: ${err.message}${err.stack ? `\n${err.stack.split('\n').slice(1, 6).join('\n')}` : ''}`;
  return `non-Error thrown: ${String(err)}`;
}

/** The rejection message without its file path and numbers, for grouping. */
function shape(message: string): string {
  return message.replace(/^[^:]*\/[^:]*:(\d+:)?\s*/, '').replace(/\d+/g, 'N').replace(/"[^"]*"/g, '"…"').slice(0, 120);
}

async function main(job: WorkerJob): Promise<WorkerResult> {
  const target = targetNamed(job.target);
  const dir = scratchDir(job.scratchRoot, target.name);
  const counter = new Int32Array(job.shared, 0, 2);
  const bytes = new Uint8Array(job.shared, SHARED_HEADER);
  await target.setup?.(dir);
  const times = new Float64Array(job.runs);
  const rejections = new Map<string, number>();
  const result: WorkerResult = {
    target: target.name, what: target.what, seed: job.seed, inputs: 0, accepted: 0, rejected: 0, failures: 0, failureList: [],
    rejections: [], maxMs: 0, p99Ms: 0, medianMs: 0, totalMs: 0, maxInputBytes: 0, retimed: 0, maxWallMs: 0,
  };
  mkdirSync(job.outDir, { recursive: true });
  const started = performance.now();
  const fail = (index: number, error: string, ms: number, input: unknown) => {
    result.failures++;
    if (result.failureList.length >= MAX_SAVED) return;
    const file = join(job.outDir, `${target.name}-seed${job.seed}-input${index}.bin`);
    writeFileSync(file, target.serialize(input));
    result.failureList.push({ index, error, ms, file });
  };
  await fc.check(fc.asyncProperty(target.arbitrary(), async (input) => {
    const index = result.inputs++;
    const serialized = target.serialize(input);
    result.maxInputBytes = Math.max(result.maxInputBytes, serialized.length);
    const n = Math.min(serialized.length, bytes.length);
    bytes.set(serialized.subarray(0, n));
    Atomics.store(counter, 1, n);
    Atomics.add(counter, 0, 1);
    const t = performance.now();
    const cpu0 = process.cpuUsage();
    let outcome: 'accepted' | 'rejected' | undefined;
    let error: string | undefined;
    const rejected = (message: string) => {
      outcome = 'rejected';
      const key = shape(message);
      rejections.set(key, (rejections.get(key) ?? 0) + 1);
    };
    try {
      const o = await target.run(input, dir);
      if (o === 'accepted') outcome = o;
      else rejected(o.rejected);
    } catch (err) {
      if (target.clear(err)) rejected((err as Error).message);
      else error = describe(err);
    }
    const wall = performance.now() - t;
    result.maxWallMs = Math.max(result.maxWallMs, wall);
    // CPU time, not wall time: on a shared machine other processes stall a run without it doing more work.
    const cpuOf = (start: NodeJS.CpuUsage) => {
      const d = process.cpuUsage(start);
      return (d.user + d.system) / 1000;
    };
    let ms = cpuOf(cpu0);
    const limit = job.timeLimitMs + (job.perMbMs * serialized.length) / 1e6;
    if (!error && ms > limit) {
      // A GC of earlier inputs' garbage can land on one run: time it twice more, keep the best.
      result.retimed++;
      for (let k = 0; k < 2 && ms > limit; k++) {
        const c2 = process.cpuUsage();
        try {
          await target.run(input, dir);
        } catch {
          // the outcome was judged on the first run
        }
        ms = Math.min(ms, cpuOf(c2));
      }
    }
    if (index < times.length) times[index] = ms;
    if (error) fail(index, error, ms, input);
    else if (ms > limit) {
      fail(index, `slow: ${ms.toFixed(0)} ms of CPU for ${serialized.length} bytes, best of 3 runs (limit ${job.timeLimitMs} ms + ${job.perMbMs} ms/MB)`, ms, input);
    }
    else if (outcome === 'accepted') result.accepted++;
    else result.rejected++;
    if (index % 256 === 0) parentPort?.postMessage({ progress: index });
    return true; // outcomes are counted, never thrown: every input runs
  }), { seed: job.seed, numRuns: job.runs, endOnFailure: true });
  result.totalMs = performance.now() - started;
  const sorted = Array.from(times.subarray(0, Math.min(result.inputs, times.length))).sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] ?? 0;
  result.maxMs = sorted.at(-1) ?? 0;
  result.p99Ms = at(0.99);
  result.medianMs = at(0.5);
  result.rejections = [...rejections].sort((a, b) => b[1] - a[1]).slice(0, 12);
  await target.teardown?.();
  rmSync(dir, { recursive: true, force: true });
  return result;
}

if (parentPort && workerData) {
  main(workerData as WorkerJob).then(
    (r) => parentPort!.postMessage({ result: r }),
    (err) => parentPort!.postMessage({ crashed: describe(err) }),
  );
}
