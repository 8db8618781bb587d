/**
 * A list update killed with SIGKILL at several points: on the next start the previous version is intact and served,
 * the half-written staging version is cleaned up, and the next update completes.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDb, type Db } from '../../src/store/db.js';
import { openStore } from '../../src/config/settings.js';
import { currentVersions } from '../../src/store/versions.js';
import { entitiesStale, entityCount } from '../../src/store/entities.js';
import { BIN, runCli } from '../helpers/cli.js';
import { mirrorOf } from '../../bench/lists-fixture.js';

/**
 * Starts `chokepoint update` and kills it with SIGKILL when its log shows `line` (the step just begun), or after
 * `ms` when no line is given (or lets it finish first).
 */
function updateKilled(dataDir: string, mirror: string, at: { line?: RegExp; ms?: number }): Promise<{ killed: boolean; code: number | null; log: string }> {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, [BIN, '--data-dir', dataDir, 'update', '--mirror', mirror], { stdio: ['ignore', 'ignore', 'pipe'] });
    let log = '';
    p.stderr!.on('data', (d) => {
      log += d;
      if (at.line?.test(log)) p.kill('SIGKILL');
    });
    const timer = at.ms !== undefined ? setTimeout(() => p.kill('SIGKILL'), at.ms) : undefined;
    p.on('exit', (code, signal) => {
      clearTimeout(timer);
      resolve({ killed: signal === 'SIGKILL', code, log });
    });
  });
}

/** Once a kill left the new version committed, later kill points have nothing left to interrupt. */
const newVersionServed = (outcomes: string[]) => /ofac@2024-05-03$/.test(outcomes.at(-1) ?? '');

interface Served { ofac: string; records: number; entities: number }

async function served(db: Db): Promise<Served> {
  const v = (await currentVersions(db)).find((x) => x.source === 'ofac')!;
  const [{ n }] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM records WHERE version_id = $1', [v.id]);
  return { ofac: v.version, records: n, entities: (await entityCount(db)).total };
}

test('update killed with SIGKILL at several points: the previous version stays intact and served, staging is cleaned', async (t) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'cp-kill-'));
  const first = runCli(['--data-dir', dataDir, 'update', '--mirror', mirrorOf({ ofac: ['2023-12-28'] }, 'cp-kill-mirror-')]);
  assert.equal(first.status, 0, first.stderr);
  const settings = { dataDir };
  let db = await openStore(settings);
  const before = await served(db);
  await db.close();
  assert.equal(before.ofac, '2023-12-28');

  const newer = mirrorOf({ ofac: ['2024-05-03'] }, 'cp-kill-mirror-');
  const outcomes: string[] = [];
  const points: { name: string; line?: RegExp; ms?: number }[] = [
    { name: 'early, while parsing', ms: 1_500 },
    { name: 'inside the storing transaction', line: /ofac 2024-05-03: storing/ },
    { name: 'after the version is stored, before its entities are merged', line: /ofac 2024-05-03: stored/ },
    { name: 'while merging entities', line: /merging entities/ },
  ];
  for (const point of points) {
    const run = await updateKilled(dataDir, newer, point);
    assert.ok(run.killed, `${point.name}: the update was killed (log: ${run.log})`);
    // What the kill left behind, before anything cleans it.
    const raw = await openDb({ dataDir: join(dataDir, 'db') });
    const [{ staging }] = await raw.query<{ staging: number }>(`SELECT count(*)::int AS staging FROM list_versions WHERE status = 'staging'`);
    const stale = await entitiesStale(raw);
    await raw.close();
    db = await openStore(settings);
    try {
      const now = await served(db);
      const [{ left }] = await db.query<{ left: number }>(`SELECT count(*)::int AS left FROM list_versions WHERE status = 'staging'`);
      assert.equal(left, 0, 'staging versions cleaned up on start');
      assert.equal(await entitiesStale(db), false, `${point.name}: on start the entities match the lists served`);
      outcomes.push(`${point.name}: staging left ${staging}, entities stale ${stale}, serving ofac@${now.ofac}`);
      if (now.ofac === before.ofac) assert.deepEqual(now, before, `${point.name}: the previous version is whole`);
      else {
        // The version had committed: it is served whole, and its entities were merged on start.
        assert.equal(now.ofac, '2024-05-03');
        assert.equal(now.records, 14_965, 'a version served is complete');
        assert.ok(now.entities > 14_000, `entities merged from it: ${now.entities}`);
        assert.ok(!/storing|parsing/.test(point.name), `${point.name}: an uncommitted version is not served`);
      }
    } finally {
      await db.close();
    }
    if (newVersionServed(outcomes)) break;
  }
  t.diagnostic(outcomes.join('\n'));
  assert.ok(outcomes.some((o) => /entities stale true/.test(o)) || outcomes.every((o) => /ofac@2023-12-28/.test(o)),
    `the kill after storing left stale entities that the start merged:\n${outcomes.join('\n')}`);
  const last = runCli(['--data-dir', dataDir, 'update', '--mirror', newer]);
  assert.equal(last.status, 0, last.stderr);
  db = await openStore(settings);
  try {
    const after = await served(db);
    assert.equal(after.ofac, '2024-05-03');
    assert.equal(after.records, 14_965);
  } finally {
    await db.close();
  }
});
