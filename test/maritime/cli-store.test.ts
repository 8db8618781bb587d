import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/cli.js';
import { simFile } from './store-fixtures.js';

const env = { DATABASE_URL: '', CHOKEPOINT_DATA: '' };

test('CLI: ais detect --store keeps writing the JSON Lines file and stores the run; ais events and ais runs query it', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'chokepoint-mcli-'));
  try {
    const sim = simFile(dir);
    const data = join(dir, 'data');
    const out = join(dir, 'events.jsonl');
    const d = runCli(['--data-dir', data, 'ais', 'detect', sim.path, '--output', out, '--store'], env);
    assert.equal(d.status, 0, d.stderr);
    assert.match(d.stderr, /stored as AIS run 1/);
    const lines = readFileSync(out, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    assert.ok(lines.length > 10);

    const all = runCli(['--data-dir', data, 'ais', 'events', '--json', '--limit', '10000'], env);
    assert.equal(all.status, 0, all.stderr);
    const stored = JSON.parse(all.stdout);
    assert.equal(stored.total, lines.length);
    // The stored events are the written ones (id and run added in front).
    const key = (e: { type: string; mmsi: number[]; start: string }) => `${e.start} ${e.type} ${e.mmsi.join(',')}`;
    assert.deepEqual(stored.events.map(key).sort(), lines.map(key).sort());
    const gap = lines.find((e) => e.type === 'gap');
    const { id: _id, run, ...first } = stored.events.find((e: { type: string; mmsi: number[]; start: string }) => key(e) === key(gap));
    assert.equal(run, 1);
    assert.deepEqual(first, gap);

    // Filters (MMSI on either side of an encounter, type, box) in the table output.
    const mmsi = lines.find((e) => e.type === 'encounter').mmsi[1];
    const table = runCli(['--data-dir', data, 'ais', 'events', '--mmsi', String(mmsi), '--type', 'encounter', '--bbox=100,0,150,50'], env);
    assert.equal(table.status, 0, table.stderr);
    const expected = lines.filter((e) => e.type === 'encounter' && e.mmsi.includes(mmsi) && e.lon >= 100 && e.lon <= 150 && e.lat >= 0 && e.lat <= 50);
    assert.ok(expected.length > 0);
    assert.match(table.stdout, new RegExp(`${expected.length} of ${expected.length} events`));
    assert.match(table.stdout, /encounter/);

    const bad = runCli(['--data-dir', data, 'ais', 'events', '--bbox', '1,2,3'], env);
    assert.equal(bad.status, 1);
    assert.match(bad.stderr, /--bbox must be four numbers/);

    const runs = JSON.parse(runCli(['--data-dir', data, 'ais', 'runs', '--json'], env).stdout);
    assert.equal(runs.runs.length, 1);
    assert.equal(runs.runs[0].status, 'done');
    assert.equal(runs.runs[0].counts.events, lines.length);

    // Without --store nothing is stored (and no database is needed).
    const plain = runCli(['--data-dir', join(dir, 'none'), 'ais', 'detect', sim.path, '--output', join(dir, 'b.jsonl'), '--quiet'], env);
    assert.equal(plain.status, 0, plain.stderr);
    assert.equal(readFileSync(join(dir, 'b.jsonl'), 'utf8'), readFileSync(out, 'utf8'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
