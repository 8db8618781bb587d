import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { packageRoot, sharedDataDir } from '../../src/config/paths.js';

const ROOT = packageRoot();
const FIXTURES = join(ROOT, 'test', 'fixtures', 'screen');
const tmp = mkdtempSync(join(tmpdir(), 'cp-cli-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

/** Runs `chokepoint …` as a user would, with no environment settings leaking in. */
function cli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const env = { ...process.env };
    delete env.DATABASE_URL;
    delete env.CHOKEPOINT_DATA;
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'chokepoint.js'), ...args], { env });
    let stdout = '', stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

test('compare works without a database: Ri Yong Gil and Lee Young-kil are one name', async () => {
  const dataDir = join(tmp, 'never-created');
  const r = await cli(['--data-dir', dataDir, 'compare', 'Ri Yong Gil', 'Lee Young-kil', '--json']);
  assert.equal(r.code, 0, r.stderr);
  const out = JSON.parse(r.stdout);
  assert.equal(out.match, true);
  assert.equal(out.score, 0.95);
  assert.ok(out.explanations.korean_name_key.contribution > 0);
  assert.ok(!existsSync(dataDir), 'compare opened no store');
  const text = await cli(['compare', 'KOREA RYONBONG GENERAL CORPORATION', 'Korea Ryonbong General Corp.', '--schema', 'Company']);
  assert.equal(text.code, 0, text.stderr);
  assert.match(text.stdout, /as Company: score 1 — match ✓/);
  assert.match(text.stdout, /│ name_match +│ 1 +│ \+1 /);
  const differ = await cli(['compare', 'Kim Yong Chol', 'Kim Yong Nam', '--schema', 'Person']);
  assert.match(differ.stdout, /as Person: score [\d.]+ — no match ✗/);
  const bad = await cli(['compare', 'a', 'b', '--schema', 'Spaceship']);
  assert.equal(bad.code, 1);
  assert.match(bad.stderr, /--schema "Spaceship": one of Thing, LegalEntity, Person/);
});

test('screen against a data dir updated from the real lists (ofac + un)', async (t) => {
  const dataDir = join(tmp, 'data');
  const up = await cli(['--data-dir', dataDir, 'update', '--mirror', join(sharedDataDir(), 'lists'), '--source', 'ofac', 'un']);
  assert.equal(up.code, 0, up.stderr);

  await t.test('a single name, --json: the top result is ofac-33936', async () => {
    const r = await cli(['--data-dir', dataDir, 'screen', 'Lee Young-kil', '--json']);
    assert.equal(r.code, 0, r.stderr);
    const out = JSON.parse(r.stdout);
    assert.equal(out.results[0].id, 'ofac-33936');
    assert.equal(out.results[0].match, true);
    assert.deepEqual(out.versions, ['ofac@2024-05-03', 'un@2026-05-08']);
    assert.ok(out.results[0].explanations.korean_name_key);
  });

  await t.test('the readable table, qualifiers, --fail-on-match and usage errors', async () => {
    const r = await cli(['--data-dir', dataDir, 'screen', 'Ri Yong Gil', '--schema', 'Person', '--birth-date', '1955', '--nationality', 'North Korea', '--dataset', 'dprk', '--fail-on-match']);
    assert.equal(r.code, 3, r.stderr);
    assert.match(r.stdout, /"Ri Yong Gil" as Person · threshold 0\.7 · dataset dprk · lists ofac@2024-05-03, un@2026-05-08/);
    assert.match(r.stdout, /1\.00 +│ ✓ +│ ofac-33936/);
    assert.match(r.stdout, /birth_date \+0\.05/);
    const vessel = await cli(['--data-dir', dataDir, 'screen', 'Some Other Name', '--schema', 'Vessel', '--imo', '7937317', '--json']);
    assert.equal(JSON.parse(vessel.stdout).results[0].id, 'ofac-17069');
    const none = await cli(['--data-dir', dataDir, 'screen', 'Zyxwvut Qponml', '--fail-on-match']);
    assert.equal(none.code, 0);
    assert.match(none.stdout, /0 matches among/);
    for (const [args, message] of [
      [['screen'], /give a NAME to screen, or --input FILE/],
      [['screen', 'x', '--birth-date', 'soon'], /--birth-date "soon": write YYYY-MM-DD/],
      [['screen', 'x', '--dataset', 'nope'], /--dataset "nope": default, sanctions, dprk or one of .*us_ofac_sdn/],
      [['screen', 'x', '--since', 'ofac@2023-12-28'], /--since re-screens a batch: use it with --input/],
      [['screen', 'x', '--threshold', '2'], /--threshold must be a number from 0 to 1/],
    ] as const) {
      const e = await cli(['--data-dir', dataDir, ...args]);
      assert.equal(e.code, 1, `${args.join(' ')}: ${e.stderr}`);
      assert.match(e.stderr, message);
    }
  });

  await t.test('a batch from CSV with suppressions: every row out, malformed ones with their error, a summary', async () => {
    const output = join(tmp, 'out.csv');
    const r = await cli(['--data-dir', dataDir, 'screen', '--input', join(FIXTURES, 'customers.csv'), '--output', output,
      '--suppress', join(FIXTURES, 'suppressions.csv'), '--json']);
    assert.equal(r.code, 0, r.stderr);
    const summary = JSON.parse(r.stdout);
    assert.deepEqual([summary.rows, summary.errors, summary.suppressed, summary.written], [12, 4, 1, 12]);
    assert.match(r.stderr, /columns: id ← "Ref", name ← "Customer Name", schema ← "Type", birthDate ← "DOB", country ← "Country", imoNumber ← "IMO"/);
    assert.match(r.stderr, /warning: suppression .*suppressions\.csv:3 names "un-KPi\.999", which is no entity's id or referent/);
    assert.match(r.stderr, /12 rows: \d+ matched, 4 malformed, 1 hits suppressed, 12 written/);
    const rows = parse(readFileSync(output, 'utf8'), { columns: true }) as Record<string, string>[];
    assert.equal(rows.length, 12);
    const by = (id: string) => rows.find((x) => x.id === id)!;
    assert.match(by('C001').suppressed, /^ofac-33936: Customer is a South Korean national/);
    assert.notEqual(by('C001').match_id, 'ofac-33936');
    assert.equal(by('C002').match_id, 'ofac-33936');
    assert.equal(by('C004').match_id, 'ofac-17069');
    assert.equal(by('C006').error, 'empty name');
    assert.ok(rows.every((x) => x.versions === 'ofac@2024-05-03;un@2026-05-08'));
  });

  await t.test('--since: only rows hitting what changed since ofac@2023-12-28, removals included', async () => {
    const input = join(tmp, 'since.csv');
    writeFileSync(input, 'ref\tname\ttype\nS1\tKIMSUKY\tentity\nS2\tChong Chon Gang\tvessel\nS3\tRi Tong-hyok\tindividual\nS4\tLeo Mugabe\tindividual\nS5\t\tindividual\n');
    const r = await cli(['--data-dir', dataDir, 'screen', '--input', input, '--since', 'ofac@2023-12-28', '--fail-on-match']);
    assert.equal(r.code, 3, r.stderr);
    assert.match(r.stderr, /since ofac@2023-12-28: ofac@2024-05-03 has 1256 added, 11968 changed, 112 removed records/);
    const rows = parse(r.stdout, { columns: true }) as Record<string, string>[];
    assert.deepEqual(rows.map((x) => [x.id, x.match_id, x.change, x.error]), [
      ['S1', 'ofac-45430', 'changed ofac@2023-12-28..2024-05-03', ''],
      ['S3', 'ofac-47699', 'added ofac@2023-12-28..2024-05-03', ''],
      ['S4', 'ofac-10662', 'removed ofac@2023-12-28..2024-05-03', ''],
      ['S5', '', '', 'empty name'],
    ]);
  });
});
