/**
 * Property-based fuzzing of every parser at scale (issue #9 acceptance: at least 100,000 generated inputs each,
 * no crash, no hang, every rejection a clear error).
 *
 * Targets (bench/fuzz/targets.ts): ofac-csv, un-xml, uk-hmt-csv, uk-fcdo-xml, eu-xml, nmea, ais-csv, ftm, match.
 * Inputs (bench/fuzz/mutate.ts, formats.ts): fixtures and a few entries of the staged official files with structured
 * mutations (truncation, line deletion/duplication/swaps, wrong quoting, wrong encodings and invalid UTF-8, huge
 * fields, NUL bytes, out-of-range numbers, splices), hostile XML (entity expansion, external entities, deep nesting,
 * attribute floods), NMEA with correct checksums around broken payloads, generated AIS CSV tables, FtM objects with
 * wrong types, /match bodies; plus arbitrary bytes and strings.
 *
 * Each target runs in a worker thread under a watchdog (no new input for 30 s = a hang, the input saved). Times per
 * input are CPU time (other processes on a shared machine do not inflate them; the longest wall time is printed too);
 * an input over 2 s + 3 s per MB is timed twice more and is a failure if the best of the three is still over
 * ("retimed" counts them); failing inputs are saved under test-output/fuzz/.
 *
 * Run: `npm run bench -- fuzz` (builds first), or `npx tsc -p . && node dist/bench/fuzz.bench.js`.
 * Knobs: FUZZ_RUNS (default 100,000 per target), FUZZ_SEED (default 20261128), FUZZ_TARGETS (comma list),
 * FUZZ_PARALLEL (targets at once, default 1).
 */
import { fuzzTarget, summaryLine } from './fuzz/harness.js';
import { TARGETS } from './fuzz/targets.js';
import type { WorkerResult } from './fuzz/worker.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 100_000);
const SEED = Number(process.env.FUZZ_SEED ?? 20261128);
const ONLY = process.env.FUZZ_TARGETS?.split(',').filter(Boolean);
const PARALLEL = Math.max(1, Number(process.env.FUZZ_PARALLEL ?? 1));

const names = TARGETS.map((t) => t.name).filter((n) => !ONLY || ONLY.includes(n));
console.log(`fuzz: ${names.length} targets × ${RUNS.toLocaleString('en')} inputs, seed ${SEED}, ${PARALLEL} at once`);

const results: WorkerResult[] = [];
const queue = [...names];
async function lane(): Promise<void> {
  for (let name = queue.shift(); name; name = queue.shift()) {
    const started = Date.now();
    let last = 0;
    const r = await fuzzTarget(name, {
      runs: RUNS, seed: SEED,
      onProgress: (n) => {
        if (n - last >= 20_000) {
          last = n;
          console.log(`  ${name}: ${n.toLocaleString('en')} inputs, ${((Date.now() - started) / 1000).toFixed(0)} s`);
        }
      },
    });
    results.push(r);
    console.log(summaryLine(r));
    for (const f of r.failureList.slice(0, 5)) console.log(`    FAIL #${f.index} ${f.file}\n      ${f.error.split('\n').slice(0, 4).join('\n      ')}`);
  }
}
await Promise.all(Array.from({ length: PARALLEL }, lane));

results.sort((a, b) => names.indexOf(a.target) - names.indexOf(b.target));
const pad = (s: string | number, n: number) => String(s).padStart(n);
const ms = (x: number) => (Number.isFinite(x) ? x.toFixed(x < 10 ? 2 : 0) : '-');
console.log('\n| parser | inputs | accepted | rejected (clear error) | failures | median ms | p99 ms | max ms | max wall ms | retimed | total s |');
console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const r of results) {
  console.log(`| ${r.target} | ${r.inputs.toLocaleString('en')} | ${r.accepted.toLocaleString('en')} | ${r.rejected.toLocaleString('en')} | ${r.failures} | ${ms(r.medianMs)} | ${ms(r.p99Ms)} | ${ms(r.maxMs)} | ${ms(r.maxWallMs)} | ${r.retimed} | ${Number.isFinite(r.totalMs) ? (r.totalMs / 1000).toFixed(0) : '-'} |`);
}
console.log('\nMost frequent rejections per parser (numbers replaced by N):');
for (const r of results) {
  console.log(`  ${r.target}:`);
  for (const [m, n] of r.rejections.slice(0, 6)) console.log(`    ${pad(n, 7)}  ${m}`);
}
const failures = results.reduce((s, r) => s + r.failures, 0);
const short = results.filter((r) => r.inputs < RUNS).map((r) => r.target);
console.log(`\n${failures} failing input(s)${short.length ? `; stopped early: ${short.join(', ')}` : ''}`);
process.exitCode = failures || short.length ? 1 : 0;
