import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { packageRoot } from '../../src/config/paths.js';
import { buildIndex } from '../../src/analyses/screening/index/build.js';
import { BatchStats, outputRecord, screenRows, type BatchQuery } from '../../src/analyses/screening/batch.js';
import { screenRowsParallel } from '../../src/analyses/screening/parallel/pool.js';
import { SuppressionList } from '../../src/analyses/screening/suppressions.js';
import { readInput } from '../../src/sources/input/index.js';
import { readSuppressionFile } from '../../src/sources/input/suppression-file.js';
import { datasetScope } from '../../src/analyses/screening/datasets.js';
import { ENTITIES } from '../fixtures/screen/entities.js';

const FIXTURES = join(packageRoot(), 'test', 'fixtures', 'screen');
const index = buildIndex(ENTITIES, ['ofac@2024-05-03', 'un@2026-05-08']);

async function rowsOf(): Promise<BatchQuery[]> {
  const input = await readInput(join(FIXTURES, 'customers.csv'));
  const out: BatchQuery[] = [];
  for await (const r of input.rows) out.push(r);
  return out;
}

test('batch on 3 threads gives row for row what one thread gives (order, scores, explanations, suppressions, stats)', async () => {
  const base = await rowsOf();
  // Enough rows for several chunks per thread, in a known order.
  const rows = Array.from({ length: 12 }, (_, k) => base.map((r) => ({ ...r, line: r.line + k * 1000 }))).flat();
  const suppressions = new SuppressionList(readSuppressionFile(join(FIXTURES, 'suppressions.csv')));
  const one = new BatchStats(), many = new BatchStats();
  const seq: Record<string, string>[] = [], par: Record<string, string>[] = [];
  for await (const r of screenRows(index, rows, { suppressions, stats: one, threshold: 0.6 })) seq.push(outputRecord(r, index.versions));
  for await (const r of screenRowsParallel(index, rows, { suppressions, stats: many, threads: 3, threshold: 0.6 })) par.push(outputRecord(r, index.versions));
  assert.equal(par.length, rows.length);
  assert.deepEqual(par, seq);
  assert.ok(seq.some((r) => r.match === 'true') && seq.some((r) => r.suppressed !== '') && seq.some((r) => r.error !== ''),
    'the fixture exercises matches, suppressions and malformed rows');
  assert.deepEqual({ ...many, started: 0 }, { ...one, started: 0 });
});

test('dataset scope and only-hits filtering hold on threads', async () => {
  const rows = await rowsOf();
  const known = new Set(index.entities.flatMap((e) => e.datasets));
  const seq: string[] = [], par: string[] = [];
  for await (const r of screenRows(index, rows, { filter: datasetScope('dprk', known)!, onlyHits: true })) seq.push(`${r.row.line}:${r.screening?.results[0]?.entity.id}`);
  for await (const r of screenRowsParallel(index, rows, { dataset: 'dprk', onlyHits: true, threads: 2 })) par.push(`${r.row.line}:${r.screening?.results[0]?.entity.id}`);
  assert.ok(seq.length > 0 && seq.length < rows.length, `some rows but not all pass: ${seq.length} of ${rows.length}`);
  assert.deepEqual(par, seq);
});
