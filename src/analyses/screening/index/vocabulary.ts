import { levenshteinWithin } from '../similarity/levenshtein.js';
import { editsAtLeast, letterSet } from '../similarity/letter-set.js';

/** A token of the vocabulary within a few edits of a query token. */
export interface Near {
  id: number;
  edits: number;
}

/** Distinct query tokens whose near spellings are remembered (per index; cleared when full). */
const NEAR_CACHE_SIZE = 50_000;

/**
 * The distinct tokens of the index, searchable by spelling: a trigram index over the vocabulary finds the
 * tokens within a few edits of a query token without comparing it to every token.
 *
 * Hot path (bench/screening-speed.bench.ts): trigrams are numbers, not strings; each trigram's tokens are kept
 * ordered by length, so a search counts only the tokens whose length is within the edit allowance; and the answer
 * for a query token is remembered, since names repeat their words (Kim, Trading, Co) from one query to the next.
 */
export class Vocabulary {
  readonly tokens: string[] = [];
  private readonly ids = new Map<string, number>();
  /** Trigram → token ids, as added; compiled into `byLength` on the first search. */
  private grams = new Map<number, number[]>();
  /** Trigram → token ids ordered by (length, id), with `lengthOf` for the window search. */
  private byLength: Map<number, Int32Array> | undefined;
  private lengthOf = new Uint16Array(0);
  /** Distinct trigrams per token, and its letter set. */
  private gramCount = new Uint16Array(0);
  private letters = new Int32Array(0);
  private cache = new Map<string, Near[]>();
  private counts = new Uint8Array(0);
  private touched: number[] = [];

  constructor(private readonly cacheSize = NEAR_CACHE_SIZE) {}

  id(token: string): number {
    let id = this.ids.get(token);
    if (id === undefined) {
      id = this.tokens.length;
      this.tokens.push(token);
      this.ids.set(token, id);
      for (const g of trigramKeys(token)) {
        const list = this.grams.get(g);
        if (list) list.push(id);
        else this.grams.set(g, [id]);
      }
      this.byLength = undefined;
      this.cache.clear();
    }
    return id;
  }

  lookup(token: string): number | undefined {
    return this.ids.get(token);
  }

  private compile(): Map<number, Int32Array> {
    const n = this.tokens.length;
    this.lengthOf = new Uint16Array(n);
    this.gramCount = new Uint16Array(n);
    this.counts = new Uint8Array(n);
    this.letters = new Int32Array(n);
    for (let id = 0; id < n; id++) {
      this.lengthOf[id] = Math.min(this.tokens[id].length, 0xffff);
      this.letters[id] = letterSet(this.tokens[id]);
    }
    const lengthOf = this.lengthOf;
    const out = new Map<number, Int32Array>();
    for (const [g, list] of this.grams) {
      for (const id of list) this.gramCount[id]++;
      out.set(g, Int32Array.from(list).sort((a, b) => lengthOf[a] - lengthOf[b] || a - b));
    }
    return out;
  }

  /** Tokens within `maxEdits` of `token` (itself excluded), with their edit distance. Do not modify the answer. */
  near(token: string, maxEdits: number): readonly Near[] {
    if (maxEdits <= 0 || token.length < 3) return [];
    const key = `${maxEdits}|${token}`;
    const cached = this.cache.get(key);
    if (cached) return cached;
    const out = this.search(token, maxEdits);
    if (this.cacheSize > 0) {
      if (this.cache.size >= this.cacheSize) this.cache.clear();
      this.cache.set(key, out);
    }
    return out;
  }

  private search(token: string, maxEdits: number): Near[] {
    const byLength = (this.byLength ??= this.compile());
    const grams = trigramKeys(token);
    const lt = token.length, lo = lt - maxEdits, hi = lt + maxEdits;
    const { counts, touched, lengthOf, gramCount, letters } = this;
    const mine = letterSet(token);
    touched.length = 0;
    for (const g of grams) {
      const list = byLength.get(g);
      if (!list) continue;
      // First token of the list at least `lo` long, then on while at most `hi`.
      let a = 0, b = list.length;
      while (a < b) {
        const m = (a + b) >> 1;
        if (lengthOf[list[m]] < lo) a = m + 1;
        else b = m;
      }
      for (let k = a; k < list.length; k++) {
        const id = list[k];
        if (lengthOf[id] > hi) break;
        if (counts[id] === 0) touched.push(id);
        if (counts[id] < 255) counts[id]++;
      }
    }
    // One edit changes at most three trigrams, a swap of two neighbouring letters four: a token within k edits
    // shares at least (its own distinct trigrams) - 4k of them with the query, and the query's count - 4k.
    const out: Near[] = [];
    const slack = 4 * maxEdits, gq = grams.length;
    for (let k = 0; k < touched.length; k++) {
      const id = touched[k];
      const n = counts[id];
      counts[id] = 0;
      if (n < gq - slack || n < gramCount[id] - slack || editsAtLeast(mine, letters[id]) > maxEdits) continue;
      const t = this.tokens[id];
      if (t === token) continue;
      const edits = levenshteinWithin(token, t, maxEdits);
      if (edits <= maxEdits) out.push({ id, edits });
    }
    return out;
  }
}

/** Padded character trigrams ('^ab', 'abc', 'bc$') as numbers: three UTF-16 code units in 48 bits, distinct. */
function trigramKeys(token: string): number[] {
  const n = token.length;
  const code = (i: number) => (i < 0 ? 0x5e : i >= n ? 0x24 : token.charCodeAt(i)); // '^' before, '$' after
  const out: number[] = [];
  for (let i = -1; i <= n - 2; i++) {
    const k = code(i) * 4294967296 + code(i + 1) * 65536 + code(i + 2);
    if (!out.includes(k)) out.push(k);
  }
  return out;
}
