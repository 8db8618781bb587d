import { test } from 'node:test';
import assert from 'node:assert/strict';
import { topK } from '../../src/analyses/screening/match.js';

test('topK: the k best accepted items, best first, ties by lower index — the same as filtering and sorting all', () => {
  let s = 3;
  const r = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
  for (let round = 0; round < 200; round++) {
    const n = 1 + Math.floor(r() * 300);
    const score = Float64Array.from({ length: n }, () => Math.floor(r() * 20) / 4); // many ties
    const items = Array.from({ length: n }, (_, i) => i).sort(() => r() - 0.5);
    const k = Math.floor(r() * 70);
    const accept = (i: number) => i % 3 !== 0;
    const expected = items.filter(accept).sort((a, b) => score[b] - score[a] || a - b).slice(0, k);
    assert.deepEqual(topK(items, score, k, accept), expected);
    assert.deepEqual(topK(items, score, k), [...items].sort((a, b) => score[b] - score[a] || a - b).slice(0, k));
  }
});
