/**
 * AIS partitioning without a database: planning windows from sampled file spans, and the refusal of a file whose
 * records stray outside the span its head and tail showed (a file not in time order would be read wrongly).
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { planWindows, runAisWindow, sampleFile, HOUR, type AisSpec } from '../../src/analyses/jobs/ais.js';
import { PermanentJobError } from '../../src/analyses/jobs/types.js';
import { simulateFiles } from './sim-files.js';

const DIR = mkdtempSync(join(tmpdir(), 'cp-jobs-ais-'));
const { files, sim } = simulateFiles(DIR, { seed: 3, vessels: 8, days: 3 }, true);
const LATE = 60 * 60_000;
after(() => rmSync(DIR, { recursive: true, force: true }));

test('windows tile the files\' period; each reads only the daily files its window and overlap meet', () => {
  const spec: AisSpec = { files: files.map((f) => sampleFile(f, undefined, LATE)), windowHours: 24, overlapHours: 12, params: {} };
  assert.ok(spec.files[0].min <= sim.start && spec.files[2].max >= sim.end - HOUR);
  const parts = planWindows(spec);
  assert.equal(parts.length, 3);
  assert.ok(parts[0].start < sim.start && parts[2].end > sim.end, 'first and last windows are open-ended');
  assert.equal(parts[1].start, sim.start + 24 * HOUR);
  assert.deepEqual(parts.map((p) => p.files), [[0, 1], [0, 1, 2], [1, 2]]);
  const bands = planWindows({ ...spec, lonEdges: [125, 130] });
  assert.equal(bands.length, 9);
  assert.deepEqual(bands.slice(0, 3).map((p) => p.band), [[-180, 125], [125, 130], [130, 181]]);
});

test('a file not in time order is refused with its name, not read wrongly', async () => {
  // Day 3's last lines moved into the middle of day 1's file: its head and tail still say "day 1".
  const day1 = readFileSync(files[0], 'utf8').split('\n');
  const day3 = readFileSync(files[2], 'utf8').split('\n').filter(Boolean);
  const mid = Math.floor(day1.length / 2);
  const bad = join(DIR, 'unordered.nmea');
  writeFileSync(bad, [...day1.slice(0, mid), ...day3.slice(-200), ...day1.slice(mid)].join('\n'));
  assert.ok(statSync(bad).size > 2 << 20, 'big enough to be sampled at head and tail');
  const spec: AisSpec = { files: [sampleFile(bad, undefined, LATE)], windowHours: 24, overlapHours: 12, params: {} };
  assert.ok(spec.files[0].max < sim.start + 25 * HOUR);
  const [part] = planWindows(spec);
  await assert.rejects(runAisWindow(spec, part), (err: Error) => err instanceof PermanentJobError && /unordered\.nmea: .* not in time order/.test(err.message));
});
