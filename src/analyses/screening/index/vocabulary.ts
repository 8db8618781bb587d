import { levenshteinWithin } from '../similarity/levenshtein.js';

/**
 * The distinct tokens of the index, searchable by spelling: a trigram index over the vocabulary finds the
 * tokens within a few edits of a query token without comparing it to every token.
 */
export class Vocabulary {
  readonly tokens: string[] = [];
  private readonly ids = new Map<string, number>();
  private grams = new Map<string, number[]>();

  id(token: string): number {
    let id = this.ids.get(token);
    if (id === undefined) {
      id = this.tokens.length;
      this.tokens.push(token);
      this.ids.set(token, id);
      for (const g of trigrams(token)) {
        const list = this.grams.get(g);
        if (list) list.push(id);
        else this.grams.set(g, [id]);
      }
    }
    return id;
  }

  lookup(token: string): number | undefined {
    return this.ids.get(token);
  }

  private counts = new Uint8Array(0);
  private touched: number[] = [];

  /** Tokens within `maxEdits` of `token` (itself excluded), with their edit distance. */
  near(token: string, maxEdits: number): { id: number; edits: number }[] {
    if (maxEdits <= 0 || token.length < 3) return [];
    const grams = trigrams(token);
    // Each edit destroys at most 3 trigrams: a token within k edits shares at least |grams| - 3k of them.
    const need = Math.max(1, grams.length - 3 * maxEdits);
    if (this.counts.length < this.tokens.length) this.counts = new Uint8Array(this.tokens.length * 2);
    const counts = this.counts, touched = this.touched;
    touched.length = 0;
    for (const g of grams) {
      const list = this.grams.get(g);
      if (!list) continue;
      for (let k = 0; k < list.length; k++) {
        const id = list[k];
        if (counts[id] === 0) touched.push(id);
        if (counts[id] < 255) counts[id]++;
      }
    }
    const out: { id: number; edits: number }[] = [];
    const lt = token.length;
    for (let k = 0; k < touched.length; k++) {
      const id = touched[k];
      const n = counts[id];
      counts[id] = 0;
      if (n < need) continue;
      const t = this.tokens[id];
      if (t === token || Math.abs(t.length - lt) > maxEdits) continue;
      const edits = levenshteinWithin(token, t, maxEdits);
      if (edits <= maxEdits) out.push({ id, edits });
    }
    return out;
  }
}

/** Padded character trigrams: '^ab', 'abc', 'bc$'. */
export function trigrams(token: string): string[] {
  const s = `^${token}$`;
  const out: string[] = [];
  for (let i = 0; i + 3 <= s.length; i++) out.push(s.slice(i, i + 3));
  return [...new Set(out)];
}
