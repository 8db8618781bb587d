import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, symlinkSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/cli.js';

// The invented OFAC mini publication (test/fixtures/ofac/mini): ofac-200 EXAMPLE TRADING CORPORATION (DPRK3).
const fixtures = join(import.meta.dirname, '..', '..', '..', 'test', 'fixtures');

test('chokepoint import, entity and network on the command line', async (t) => {
  const tmp = mkdtempSync(join(tmpdir(), 'chokepoint-net-cli-'));
  t.after(() => rmSync(tmp, { recursive: true, force: true }));
  mkdirSync(join(tmp, 'mirror', 'ofac'), { recursive: true });
  symlinkSync(join(fixtures, 'ofac', 'mini'), join(tmp, 'mirror', 'ofac', '2024-01-05'));
  const data = ['--data-dir', join(tmp, 'data')];
  const up = runCli([...data, 'update', '--mirror', join(tmp, 'mirror'), '--source', 'ofac']);
  assert.equal(up.status, 0, up.stderr);
  const file = join(tmp, 'reg.ftm.json');
  writeFileSync(file, [
    '{"id":"cli-sub","schema":"Company","properties":{"name":["Northern Example Supply Co"],"jurisdiction":["cn"]}}',
    '{"id":"cli-own","schema":"Ownership","properties":{"owner":["ofac-200"],"asset":["cli-sub"],"percentage":["75"]}}',
    '{"id":"cli-bad","schema":"Ownership","properties":{"owner":["ofac-200"],"asset":["cli-sub"],"percentage":["175"]}}',
  ].join('\n'));

  await t.test('import prints the report: accepted, rejected with line and reason, blocked', () => {
    const r = runCli([...data, 'import', file, '--dataset', 'cli_registry']);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /imported 1 entities and 1 relations into "cli_registry"; rejected 1 line/);
    assert.match(r.stdout, /line 3 id cli-bad: Ownership percentage '175' is not a number between 0 and 100/);
    assert.match(r.stdout, /cli-sub: 75 % via ofac-200 > cli-sub/);
  });

  await t.test('a file that accepts nothing is refused (exit 1); a list dataset name is refused', () => {
    const bad = runCli([...data, 'import', join(fixtures, 'network', 'import', 'nothing-valid.ftm.jsonl'), '--dataset', 'cli_registry']);
    assert.equal(bad.status, 1);
    assert.match(bad.stdout, /REFUSED: nothing accepted: 3 line\(s\) rejected; the previous import of "cli_registry" \(2 rows\) stays/);
    const name = runCli([...data, 'import', file, '--dataset', 'us_ofac_sdn']);
    assert.equal(name.status, 1);
    assert.match(name.stderr, /official list's dataset/);
  });

  await t.test('entity shows the imported entity blocked by ownership with its path', () => {
    const r = runCli([...data, 'entity', 'cli-sub']);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /IMPORTED: imported from .*reg\.ftm\.json into dataset "cli_registry": not an official list entry/);
    assert.match(r.stdout, /BLOCKED BY OWNERSHIP \(topic sanction\.linked\): 75 % held by blocked persons/);
    assert.match(r.stdout, /EXAMPLE TRADING CORPORATION \(ofac-200\) -\[75 %\]-> Northern Example Supply Co \(cli-sub\)/);
    const j = JSON.parse(runCli([...data, 'entity', 'cli-sub', '--json']).stdout);
    assert.deepEqual(j.topics, ['sanction.linked']);
    assert.equal(j.network.blockedByOwnership.aggregate, 75);
  });

  await t.test('network: table, gexf (json and ftm: test/network/import.test.ts over the API); bad depth and unknown id are errors', () => {
    const table = runCli([...data, 'network', 'ofac-200']);
    assert.equal(table.status, 0, table.stderr);
    assert.match(table.stdout, /ofac-200 -> cli-sub {2}ownership 75 % {2}\[cli_registry:cli-own, cli_registry@/);
    assert.match(runCli([...data, 'network', 'cli-sub', '--format', 'gexf']).stdout, /<node id="ofac-200" label="EXAMPLE TRADING CORPORATION">/);
    const deep = runCli([...data, 'network', 'cli-sub', '--depth', '9']);
    assert.equal(deep.status, 1);
    assert.match(deep.stderr, /--depth must be a whole number from 1 to 3/);
    const none = runCli([...data, 'network', 'nobody']);
    assert.equal(none.status, 1);
    assert.match(none.stderr, /no entity "nobody"/);
  });
});
