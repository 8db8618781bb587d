/**
 * A word's letters as a 32-bit set, for a cheap lower bound on the edit distance between two words (hot path: it
 * spares most Levenshtein computations between unrelated words).
 *
 * Bits 0–25 are a–z, 26 any digit, 27–31 all other characters by their code modulo 5 (several letters may share a
 * bit, which only weakens the bound).
 */
export function letterSet(word: string): number {
  let m = 0;
  for (let k = 0; k < word.length; k++) {
    const ch = word.charCodeAt(k);
    const bit = ch >= 97 && ch <= 122 ? ch - 97 : ch >= 48 && ch <= 57 ? 26 : 27 + (ch % 5);
    m |= 1 << bit;
  }
  return m;
}

function bits(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24);
}

/**
 * At least how many edits turn one word into the other, from their letter sets: every letter one word has and the
 * other lacks costs a deletion, an insertion or a substitution, and one edit removes one letter and adds at most one
 * (a swap of two neighbours changes no letter). A lower bound for Levenshtein and optimal-string-alignment distance.
 */
export function editsAtLeast(a: number, b: number): number {
  return Math.max(bits(a & ~b), bits(b & ~a));
}
