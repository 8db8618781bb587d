/**
 * The command line: evidence add (refusals with exit code 2 and a clear message), evidence list, gaps --json,
 * report to HTML, and the message when Chromium is missing for a PDF. No lists are imported: the subject is an
 * imported (FtM) company, the case the mandates matter for most — someone no list names yet.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/cli.js';
import { packageRoot } from '../../src/config/paths.js';

const FIX = join(packageRoot(), 'test', 'fixtures', 'mandates');

test('chokepoint evidence, gaps and report on the command line', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'cp-mandates-cli-'));
  const data = ['--data-dir', join(dir, 'data')];
  const imp = runCli([...data, 'import', join(FIX, 'registry.ftm.jsonl'), '--dataset', 'registry']);
  assert.equal(imp.status, 0, imp.stderr);

  await t.test('refusals: no citation, unknown subject', () => {
    const none = runCli([...data, 'evidence', 'add', '--kind', 'labor_export', '--subject', 'reg-ocean-fortune', '--date', '2025-02-01']);
    assert.equal(none.status, 2);
    assert.match(none.stderr, /chokepoint: evidence refused: a citation is required: name the source/);
    const unknown = runCli([...data, 'evidence', 'add', '--kind', 'labor_export', '--subject', 'acme-nowhere', '--date', '2025-02-01', '--citation', 'UN Panel of Experts S/2024/215, para. 102']);
    assert.equal(unknown.status, 2);
    assert.match(unknown.stderr, /subject 'acme-nowhere' is not a known entity: give a listed entity id or referent/);
  });

  await t.test('an analyst item makes a gap; gaps --json and evidence list show it', () => {
    const add = runCli([...data, 'evidence', 'add', '--kind', 'labor_export', '--subject', 'reg-ocean-fortune', '--date', '2025-02-01',
      '--citation', 'UN Panel of Experts S/2024/215, para. 102', '--confidence', '0.7', '--json']);
    assert.equal(add.status, 0, add.stderr);
    const item = JSON.parse(add.stdout) as { id: number; origin: string };
    assert.equal(item.origin, 'analyst');
    const gaps = runCli([...data, 'gaps', '--as-of', '2025-03-01', '--json']);
    assert.equal(gaps.status, 0, gaps.stderr);
    const g = JSON.parse(gaps.stdout) as { gaps: { subject: string; provision: string; strength_label: string }[] };
    assert.deepEqual(g.gaps.map((x) => [x.subject, x.provision]).sort(), [['reg-ocean-fortune', '22-9214-g-1-C'], ['reg-ocean-fortune', '22-9241b']]);
    assert.ok(g.gaps.every((x) => x.strength_label === 'moderate'));
    const list = runCli([...data, 'evidence', 'list', '--subject', 'reg-ocean-fortune']);
    assert.match(list.stdout, /1 items/);
    assert.match(list.stdout, /labor_export/);
    const bad = runCli([...data, 'gaps', '--as-of', '2025-02-30x']);
    assert.equal(bad.status, 2);
  });

  await t.test('report: HTML written; PDF without Chromium says how to get it', () => {
    const html = join(dir, 'r.html');
    const r = runCli([...data, 'report', '--as-of', '2025-03-01', '--output', html]);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stderr, /wrote .*r\.html: as of 2025-03-01, 2 gaps \(1 subjects\)/);
    assert.match(readFileSync(html, 'utf8'), /Ocean Fortune Shipping Co Ltd/);
    const pdf = join(dir, 'r.pdf');
    const p = runCli([...data, 'report', '--output', pdf], { CHOKEPOINT_CHROMIUM: join(dir, 'no-chromium') });
    assert.equal(p.status, 1);
    assert.match(p.stderr, /PDF output needs headless Chromium, which is not installed .*apt-get install -y chromium/);
    assert.ok(!existsSync(pdf));
    const ext = runCli([...data, 'report', '--output', join(dir, 'r.docx')]);
    assert.equal(ext.status, 2);
    assert.match(ext.stderr, /give a \.html or \.pdf file/);
  });
});
