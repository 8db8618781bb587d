import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Vocabulary } from '../../src/analyses/screening/index/vocabulary.js';
import { levenshtein } from '../../src/analyses/screening/similarity/levenshtein.js';
import { editsAtLeast, letterSet } from '../../src/analyses/screening/similarity/letter-set.js';

/** Deterministic tokens over a small alphabet, so that many lie within a few edits of each other. */
function tokens(n: number, seed: number): string[] {
  let s = seed;
  const r = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const len = 1 + Math.floor(r() * 12);
    out.push(Array.from({ length: len }, () => 'aeknorsu'[Math.floor(r() * 8)]).join(''));
  }
  return out;
}

function grams(t: string): Set<string> {
  const s = `^${t}$`;
  return new Set(Array.from({ length: s.length - 2 }, (_, i) => s.slice(i, i + 3)));
}

/** Every token within k edits that shares a trigram with the query: what a trigram search can see at all. */
function brute(vocab: string[], token: string, k: number): string[] {
  const g = grams(token);
  return [...new Set(vocab)].filter((t) => t !== token && levenshtein(token, t) <= k && [...grams(t)].some((x) => g.has(x))).sort();
}

test('near spellings: the trigram search finds what comparing with every token finds', () => {
  const vocab = tokens(3000, 7);
  const v = new Vocabulary();
  for (const t of vocab) v.id(t);
  for (const q of tokens(300, 11)) {
    for (const k of [1, 2, 3]) {
      const found = v.near(q, k).map((n) => v.tokens[n.id]).sort();
      const expected = q.length < 3 ? [] : brute(vocab, q, k);
      assert.deepEqual(found, expected, `${q} within ${k}`);
      for (const n of v.near(q, k)) assert.equal(n.edits, levenshtein(q, v.tokens[n.id]));
    }
  }
});

test('near spellings: a token that keeps more than 4 trigrams per allowed edit is never missed', () => {
  // Each edit breaks at most four trigrams (a swap), so such a token shares at least one with the query.
  const vocab = tokens(3000, 5).filter((t) => t.length >= 9);
  const v = new Vocabulary();
  for (const t of vocab) v.id(t);
  for (const q of tokens(2000, 13).filter((t) => t.length >= 9)) {
    const all = vocab.filter((t) => t !== q && levenshtein(q, t) <= 1);
    assert.deepEqual(v.near(q, 1).map((n) => v.tokens[n.id]).sort(), [...new Set(all)].sort(), q);
  }
});

test('near spellings: a swap of two letters is one edit even where it breaks four trigrams', () => {
  const v = new Vocabulary();
  for (const t of ['abdce', 'kimjong', 'trading']) v.id(t);
  assert.deepEqual(v.near('abcde', 1), [{ id: 0, edits: 1 }]);
  assert.deepEqual(v.near('tradnig', 1).map((n) => v.tokens[n.id]), ['trading']);
});

test('near spellings: a token added after a search is found by the next one (no stale answer)', () => {
  const v = new Vocabulary();
  v.id('pyongyang');
  assert.deepEqual(v.near('pyongyan', 1).map((n) => v.tokens[n.id]), ['pyongyang']);
  v.id('pyongyan9');
  assert.deepEqual(v.near('pyongyan', 1).map((n) => v.tokens[n.id]).sort(), ['pyongyan9', 'pyongyang']);
});

test('letter sets: the bound never exceeds the edit distance, and rejects words with other letters', () => {
  const words = [...tokens(400, 17), 'kim', 'gim', 'ch\u014fl', 'chol', '\u043a\u0438\u043c', 'jong9', 'ri', 'yi', 'abcdef', 'ghijkl'];
  for (const a of words) for (const b of words) assert.ok(editsAtLeast(letterSet(a), letterSet(b)) <= levenshtein(a, b), `${a} / ${b}`);
  assert.equal(editsAtLeast(letterSet('abcdef'), letterSet('ghijkl')), 6);
  assert.equal(editsAtLeast(letterSet('abcdef'), letterSet('badcfe')), 0);
});
