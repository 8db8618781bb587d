/**
 * The screening model on our own labelled name pairs (test/fixtures/screen/tuning-cases.csv): one or more pairs per
 * name-variation phenomenon, positive and negative, invented or written after the shape of list entries. The weights
 * in params.ts were tuned until these pass; the labelled benchmark (../shared/data/bench/screening/cases.csv) is only
 * measured, never tuned on row by row.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { packageRoot } from '../../src/config/paths.js';
import { compareRecords } from '../../src/analyses/screening/compare.js';
import { parseSchema } from '../../src/analyses/screening/prepared.js';
import { normalizeName } from '../../src/analyses/screening/normalize/index.js';

interface Case { phenomenon: string; schema: string; name1: string; name2: string; is_match: string; note: string }

const cases = parse(readFileSync(join(packageRoot(), 'test', 'fixtures', 'screen', 'tuning-cases.csv')), { columns: true }) as Case[];
const compare = (schema: string, a: string, b: string) => compareRecords(parseSchema(schema), { name: [a] }, { name: [b] });

const phenomena = [...new Set(cases.map((c) => c.phenomenon))];

for (const phenomenon of phenomena) {
  test(`tuning cases: ${phenomenon}`, () => {
    const failures: string[] = [];
    for (const c of cases.filter((x) => x.phenomenon === phenomenon)) {
      const expected = c.is_match === 'true';
      for (const [a, b] of [[c.name1, c.name2], [c.name2, c.name1]]) {
        const r = compare(c.schema, a, b);
        if (r.match !== expected) {
          const why = Object.entries(r.explanations).map(([k, e]) => `${k} ${e.contribution}: ${e.detail}`).join(' | ');
          failures.push(`${expected ? 'missed' : 'false match'} ${r.score} ${c.schema} "${a}" / "${b}" (${c.note}) — ${why}`);
        }
      }
    }
    assert.deepEqual(failures, []);
  });
}

test('tuning cases: every phenomenon has a positive or a negative pair, and the file is not empty', () => {
  assert.ok(cases.length >= 50);
  for (const p of phenomena) assert.ok(cases.some((c) => c.phenomenon === p));
});

test('explanations name the feature that decided, with its contribution', () => {
  const f = compare('Person', 'Khalid bin Faisal al-Harbi', 'Faisal bin Khalid al-Harbi');
  assert.equal(f.explanations.name_match.contribution, 0.6);
  assert.match(f.explanations.name_match.detail, /"khalid bin faisal" against "faisal bin khalid", father and son swapped: -0.4/);
  assert.match(f.explanations.name_match.detail, /particles and titles not compared: .*bin/);

  const n = compare('Company', 'Orion Growth Fund II Ltd', 'Orion Growth Fund Ltd');
  assert.equal(n.explanations.number_mismatch.contribution, -0.3);
  assert.match(n.explanations.number_mismatch.detail, /a number only one name has: 2 vs -/);

  const l = compare('Company', 'Rostov Marine AG', 'Rostov Marine GmbH');
  assert.match(l.explanations.legal_form_mismatch.detail, /ag vs llc \(distinct kinds of legal person\)/);

  const a = compare('Organization', 'FTB', 'Foreign Trade Bank');
  assert.match(a.explanations.name_match.detail, /an acronym of foreign trade bank: 0.85/);
  const u = compare('Organization', 'UAE Exchange Centre', 'United Arab Emirates Exchange Centre');
  assert.match(u.explanations.name_match.detail, /uae~united arab emirates acronym 0.85/);

  // A legal form with a slip is found only among forms of three words or more: Generali is a name word.
  assert.deepEqual(normalizeName('Generali Shipping Corporation', 'Company').coreTokens, ['generali', 'shipping']);
  assert.deepEqual(normalizeName('Sino Ocean Joynt Stock Company', 'Company').legalForms, ['jsc']);

  const s = compare('Person', 'Abdul Karim Mohammadzai', 'Abdul Karim Mohammad Zai');
  assert.match(s.explanations.name_match.detail, /mohammadzai~mohammad zai split 1/);

  // The score is the name score plus the listed contributions (clamped to [0, 1]).
  for (const r of [f, n, l]) {
    const sum = Object.entries(r.explanations).filter(([k]) => k !== 'name_match').reduce((x, [, e]) => x + e.contribution, r.explanations.name_match.contribution);
    assert.ok(Math.abs(Math.min(1, Math.max(0, sum)) - r.score) < 0.001, `${sum} vs ${r.score}`);
  }
});
