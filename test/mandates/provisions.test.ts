import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { sharedDataDir } from '../../src/config/paths.js';
import { LawText, parseAnchor, foldText } from '../../src/sources/law/index.js';
import { readUnCaps, capInForce } from '../../src/sources/law/un-caps.js';
import { OUT_OF_SCOPE, PROVISIONS, type Condition } from '../../src/analyses/mandates/provisions.js';
import { KIND_BY_NAME } from '../../src/analyses/mandates/evidence-kinds.js';
import { provisionsDoc } from '../../src/analyses/mandates/service.js';
import { SourceError } from '../../src/sources/types.js';

const law = new LawText(join(sharedDataDir(), 'law'));

test('the law index reads every staged chunk with its flags', () => {
  assert.equal(law.rows.length, 107);
  const flagged = law.rows.filter((r) => r.shallDesignate || r.shallImpose);
  assert.deepEqual(flagged.map((r) => `${r.section}${r.marker}`), ['9214(a)', '9214(g)', '9221(c)', '9221b(a)', '9229(b)', '9241b(a)', '9241b(b)', '9243(b)']);
  for (const r of law.rows) assert.ok(law.chunk(r.file).paragraphs.length > 0, r.file);
});

test('anchors: paragraphs, nested clauses, (I) after (i) is a subclause, sections without subsections', () => {
  assert.deepEqual(parseAnchor('22 U.S.C. 9214(g)(1)(A)(i)(II)'), { title: 22, section: '9214', path: ['(g)', '(1)', '(A)', '(i)', '(II)'] });
  assert.throws(() => parseAnchor('9214(a)'), /not a U.S. Code anchor/);
  const a12 = law.text('22 U.S.C. 9214(a)(12)');
  assert.equal(a12.paragraphs.length, 1);
  assert.match(a12.text, /^\(12\) knowingly, directly or indirectly, provides significant amounts of fuel/);
  const gAi = law.text('22 U.S.C. 9214(g)(1)(A)(i)');
  assert.deepEqual(gAi.paragraphs.map((p) => p.slice(0, 4)), ['(i)', '(I) ', '(II)']);
  assert.equal(law.text('22 U.S.C. 9214(g)(1)(A)(i)(I)').text, '(I) coal, textiles, seafood, iron, or iron ore; or');
  // (F) ends the subsection; the next subchapter heading the chunker left in the file is not part of it.
  assert.doesNotMatch(law.text('22 U.S.C. 9214(g)(1)(F)').text, /SUBCHAPTER/);
  assert.match(law.text('22 U.S.C. 9214(b)(1)(I)').text, /online commercial activities/);
  assert.match(law.text('46 U.S.C. 70022(c)(1)(A)').text, /^\(A\) owned or operated by or on behalf of the Government of North Korea or a North Korean person;$/);
  assert.match(law.text('22 U.S.C. 9226').text, /^[A-Z(]/); // a section without subsections
  assert.throws(() => law.text('22 U.S.C. 9214(a)(99)'), (e: Error) => e instanceof SourceError && /paragraph \(99\) not found/.test(e.message));
  assert.throws(() => law.text('22 U.S.C. 9999(a)'), /no staged text for 22 U.S.C. 9999/);
});

test('every provision quotes the staged text word for word, at its anchor, in a file it names', () => {
  const ids = new Set<string>();
  for (const p of PROVISIONS) {
    assert.ok(!ids.has(p.id), `duplicate id ${p.id}`);
    ids.add(p.id);
    const t = law.text(p.anchor);
    assert.ok(law.quotes(p.anchor, p.quote), `${p.citation}: quote not found at ${p.anchor}: "${p.quote}"`);
    assert.ok(p.index_files.includes(t.file), `${p.citation}: anchor text is in ${t.file}, not in index_files ${p.index_files.join(', ')}`);
    assert.ok(foldText(p.quote).length >= 20, `${p.citation}: quote too short to be checked`);
  }
  const doc = provisionsDoc();
  assert.deepEqual(doc.warnings, []);
  assert.ok(doc.provisions.every((p) => p.quote_verified === true && p.text));
});

test('every INDEX.csv row flagged shall designate / shall impose / shall prohibit maps to a rule or is out of scope with a reason', () => {
  const encoded = new Set(PROVISIONS.flatMap((p) => p.index_files));
  const out = new Map(OUT_OF_SCOPE.map((o) => [o.file, o]));
  const missing: string[] = [];
  for (const r of law.rows.filter((x) => x.shallDesignate || x.shallImpose || x.shallProhibit)) {
    if (encoded.has(r.file)) continue;
    const o = out.get(r.file);
    if (o && o.reason.length > 30) continue;
    missing.push(`${r.file} (${r.section}${r.marker}, INDEX.csv line ${r.line})`);
  }
  assert.deepEqual(missing, []);
  for (const o of OUT_OF_SCOPE) assert.ok(!encoded.has(o.file), `${o.file} is both encoded and out of scope`);
  // The acceptance list: every mandatory paragraph of 9214(a), 9214(g), 9221b and 9225 and 46 U.S.C. 70022 is encoded.
  for (let n = 1; n <= 15; n++) assert.ok(PROVISIONS.some((p) => p.anchor === `22 U.S.C. 9214(a)(${n})`), `9214(a)(${n})`);
  for (const g of ['(1)(A)(i)(I)', '(1)(A)(i)(II)', '(1)(A)(ii)', '(1)(B)', '(1)(C)', '(1)(D)', '(1)(E)', '(1)(F)']) assert.ok(PROVISIONS.some((p) => p.anchor === `22 U.S.C. 9214(g)${g}`), `9214(g)${g}`);
  for (const c of ['22 U.S.C. 9221b(a)', '22 U.S.C. 9225(a)(1)(A)', '22 U.S.C. 9225(a)(1)(B)', '22 U.S.C. 9225(b)', '22 U.S.C. 9225(c)(1)(B)', '46 U.S.C. 70022(c)(1)(A)', '46 U.S.C. 70022(b)(2)']) {
    assert.ok(PROVISIONS.some((p) => p.anchor === c), c);
  }
});

test('conditions name only known evidence kinds; strength factors are in (0, 1]', () => {
  const leaves = (c: Condition): Extract<Condition, { evidence: string[] }>[] => ('any' in c ? c.any.flatMap(leaves) : 'all' in c ? c.all.flatMap(leaves) : [c]);
  for (const p of PROVISIONS) {
    for (const l of leaves(p.condition)) {
      assert.ok(l.evidence.length > 0, p.id);
      for (const k of l.evidence) assert.ok(KIND_BY_NAME.has(k), `${p.id}: unknown kind ${k}`);
      if (l.strength_factor !== undefined) assert.ok(l.strength_factor > 0 && l.strength_factor <= 1, p.id);
      if (l.strength_factor !== undefined && l.strength_factor < 1) assert.ok(l.note, `${p.id}: a derived condition says what it does not establish`);
    }
    assert.ok(p.exceptions.every((e) => e.citation && e.summary), p.id);
  }
});

test('UN caps: as the compiled file states them, the cap in force by date', () => {
  const { caps, resolutions } = readUnCaps(sharedDataDir());
  assert.equal(resolutions.length, 9);
  assert.equal(capInForce(caps, 'refined_petroleum', '2018-06-01')?.barrelsPerYear, 500000);
  assert.equal(capInForce(caps, 'refined_petroleum', '2017-10-15')?.resolution, '2375');
  assert.equal(capInForce(caps, 'refined_petroleum', '2017-01-01'), undefined);
  assert.match(capInForce(caps, 'crude_oil', '2020-01-01')!.value, /4,000,000 bbl/);
});

test('a missing or malformed law folder is a clear error, and the doc degrades to unchecked quotes', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cp-law-'));
  assert.throws(() => new LawText(dir), /INDEX\.csv: the staged law index is missing/);
  mkdirSync(join(dir, 'law'));
  writeFileSync(join(dir, 'law', 'INDEX.csv'), 'file,section\nx.md,9214\n');
  assert.throws(() => new LawText(join(dir, 'law')), /missing column\(s\) usc_title/);
  const doc = provisionsDoc(join(dir, 'nowhere'));
  assert.ok(doc.warnings.some((w) => /statute text not loaded/.test(w)));
  assert.ok(doc.provisions.every((p) => p.quote_verified === null && p.text === null));
});
