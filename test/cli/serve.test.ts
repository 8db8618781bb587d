import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sharedDataDir } from '../../src/config/paths.js';
import { runCli, startServer } from '../helpers/cli.js';

const mirror = join(sharedDataDir(), 'lists');

test('the main job: `serve` on an empty data folder imports the mirror, serves, and `lists` shows the versions', async () => {
  const data = mkdtempSync(join(tmpdir(), 'cp-serve-'));
  const env = { CHOKEPOINT_DATA: data, CHOKEPOINT_MIRROR: mirror };
  const server = await startServer([], env);
  try {
    assert.match(server.stderr(), /importing from mirror/);
    const lists = (await (await fetch(`${server.url}/lists`)).json()) as { versions: { source: string; version: string; served: boolean }[] };
    const labels = lists.versions.map((v) => `${v.source}@${v.version}`);
    for (const v of ['ofac@2021-07-07', 'ofac@2023-12-28', 'ofac@2024-05-03', 'un@2018-10-29', 'un@2026-05-08']) assert.ok(labels.includes(v), v);
    const e = await fetch(`${server.url}/entities/un-KPe.001`);
    assert.equal(e.status, 200);
    assert.equal(((await e.json()) as { id: string }).id, 'ofac-9345');
  } finally {
    await server.stop();
  }
  const out = runCli(['lists', '--json'], env);
  assert.equal(out.status, 0, out.stderr);
  const json = JSON.parse(out.stdout) as { versions: { source: string; version: string; served: boolean; counts: { records: number } }[]; refused: { version: string }[] };
  const served = json.versions.filter((v) => v.served).map((v) => `${v.source}@${v.version}`);
  assert.ok(served.includes('ofac@2024-05-03') && served.includes('un@2026-05-08'));
  assert.ok(json.refused.some((r) => r.version === '2025-12-24-partial'));
  const table = runCli(['lists'], env);
  assert.match(table.stdout, /2024-05-03/);
  assert.match(table.stdout, /Refused or failed imports/);
});

test('CLI errors are clear and exit non-zero', () => {
  const data = mkdtempSync(join(tmpdir(), 'cp-cli-'));
  const r = runCli(['entity', 'ofac-0'], { CHOKEPOINT_DATA: data });
  assert.equal(r.status, 1);
  assert.match(r.stderr, /no entity or referent "ofac-0"/);
  const d = runCli(['diff', 'nonsense', 'ofac@2024-05-03'], { CHOKEPOINT_DATA: data });
  assert.equal(d.status, 1);
  assert.match(d.stderr, /not a version: write SOURCE@VERSION/);
  const u = runCli(['update', '--source', 'nosuch'], { CHOKEPOINT_DATA: data });
  assert.equal(u.status, 1);
  assert.match(u.stderr, /unknown source nosuch/);
});
