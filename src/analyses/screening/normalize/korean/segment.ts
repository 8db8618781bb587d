/**
 * Segmentation of an unspaced romanized token (jongun, yongkil, choeryonghae) into Korean syllables:
 * a dynamic programme over the set of valid syllable spellings (syllable-key.ts), keeping the segmentations
 * with the fewest syllables; among those, a longer first syllable comes first (jong·un before jon·gun),
 * which is how hyphenless names are meant in practice (a final ng can never start a syllable).
 */
import { spellingTable } from './syllable-key.js';

const A = 97;
const LETTERS = 26;

interface Trie {
  /** Child node per (node × 26 + letter), 0 = none (node 0 is the root, never a child). */
  next: Int32Array;
  /** Spelling ending at a node, or undefined. */
  word: (string | undefined)[];
}

let trie: Trie | undefined;

function buildTrie(): Trie {
  const spellings = [...spellingTable().keys()].filter((s) => s.length > 0);
  let size = 1;
  let next = new Int32Array(LETTERS * 4096);
  const word: (string | undefined)[] = [undefined];
  for (const s of spellings) {
    let node = 0;
    for (let k = 0; k < s.length; k++) {
      const slot = node * LETTERS + (s.charCodeAt(k) - A);
      if (next[slot] === 0) {
        if ((size + 1) * LETTERS > next.length) {
          const grown = new Int32Array(next.length * 2);
          grown.set(next);
          next = grown;
        }
        next[slot] = size++;
        word.push(undefined);
      }
      node = next[slot];
    }
    word[node] = s;
  }
  return { next, word };
}

/** True if the token holds only the letters a–z. */
function isPlainLatin(token: string): boolean {
  for (let k = 0; k < token.length; k++) {
    const c = token.charCodeAt(k);
    if (c < A || c >= A + LETTERS) return false;
  }
  return token.length > 0;
}

/**
 * The segmentations of a lower-case a–z token into the fewest valid syllable spellings, best first,
 * at most `max` of them; [] when the token cannot be read as Korean syllables.
 */
export function segmentations(token: string, max = 3): string[][] {
  if (!isPlainLatin(token)) return [];
  const t = (trie ??= buildTrie());
  const n = token.length;
  // ends[i]: the ends (exclusive) of the spellings starting at i, longest first.
  const ends: number[][] = new Array(n);
  const best = new Array<number>(n + 1).fill(Infinity);
  best[n] = 0;
  for (let i = n - 1; i >= 0; i--) {
    const here: number[] = [];
    let node = 0;
    for (let k = i; k < n; k++) {
      node = t.next[node * LETTERS + (token.charCodeAt(k) - A)];
      if (node === 0) break;
      if (t.word[node] !== undefined) here.push(k + 1);
    }
    here.reverse();
    ends[i] = here;
    for (const e of here) if (best[e] + 1 < best[i]) best[i] = best[e] + 1;
  }
  if (best[0] === Infinity) return [];

  const out: string[][] = [];
  const path: string[] = [];
  const walk = (i: number) => {
    if (out.length >= max) return;
    if (i === n) {
      out.push([...path]);
      return;
    }
    for (const e of ends[i]) {
      if (best[e] + 1 !== best[i]) continue;
      path.push(token.slice(i, e));
      walk(e);
      path.pop();
    }
  };
  walk(0);
  return out;
}
