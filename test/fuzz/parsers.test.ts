/**
 * Property-based fuzzing of every parser (issue #9): OFAC CSV, UN XML, UK HMT CSV and FCDO XML, EU XML, NMEA and
 * AIS CSV, FtM JSON lines, the /match body. Each input must parse, or be refused with the project's error type and
 * a message, within 2 s; anything else (TypeError, RangeError, stack overflow, a hang, a 5xx) fails the test and the
 * input is saved under test-output/fuzz/. Generators: bench/fuzz/ (mutations of real fixtures plus arbitrary bytes).
 *
 * A modest number of inputs per parser here (FUZZ_RUNS, default 2,000; FUZZ_SEED to vary the fixed seed);
 * `npm run bench -- fuzz` runs 100,000 each.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fuzzTarget, summaryLine } from '../../bench/fuzz/harness.js';
import { TARGETS } from '../../bench/fuzz/targets.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 2000);
const SEED = Number(process.env.FUZZ_SEED ?? 20261128);
const ONLY = process.env.FUZZ_TARGETS?.split(',');

for (const t of TARGETS) {
  if (ONLY && !ONLY.includes(t.name)) continue;
  test(`fuzz ${t.name}: ${RUNS} inputs (seed ${SEED}), no crash, no hang, every rejection clear`, { timeout: 900_000 }, async () => {
    const r = await fuzzTarget(t.name, { runs: RUNS, seed: SEED });
    console.log(summaryLine(r));
    const detail = r.failureList.slice(0, 5).map((f) => `  input #${f.index} (${f.file}): ${f.error.split('\n').slice(0, 4).join(' | ')}`).join('\n');
    assert.equal(r.failures, 0, `${r.failures} failing input(s), reproduce with FUZZ_SEED=${SEED} FUZZ_TARGETS=${t.name}:\n${detail}`);
    assert.equal(r.inputs, RUNS);
  });
}
