/**
 * Edit distance over char codes (optimal string alignment: insertions, deletions, substitutions and swaps of two
 * neighbouring letters each cost one — 'Asasd' is one slip from 'Assad'). Three reused rows (hot path).
 */
let row = new Uint16Array(64);
let prevRow = new Uint16Array(64);
let prev2 = new Uint16Array(64);

export function levenshtein(a: string, b: string): number {
  if (a === b) return 0;
  const la = a.length, lb = b.length;
  if (la === 0) return lb;
  if (lb === 0) return la;
  if (row.length <= lb) {
    row = new Uint16Array(lb * 2 + 1);
    prevRow = new Uint16Array(lb * 2 + 1);
    prev2 = new Uint16Array(lb * 2 + 1);
  }
  for (let j = 0; j <= lb; j++) prevRow[j] = j;
  for (let i = 1; i <= la; i++) {
    row[0] = i;
    const c = a.charCodeAt(i - 1);
    for (let j = 1; j <= lb; j++) {
      const d = b.charCodeAt(j - 1);
      const cost = c === d ? 0 : 1;
      let v = Math.min(prevRow[j] + 1, row[j - 1] + 1, prevRow[j - 1] + cost);
      if (i > 1 && j > 1 && c === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === d) v = Math.min(v, prev2[j - 2] + 1);
      row[j] = v;
    }
    const t = prev2;
    prev2 = prevRow;
    prevRow = row;
    row = t;
  }
  return prevRow[lb];
}

/** 1 - distance / longer length, in [0, 1]. */
export function levenshteinSimilarity(a: string, b: string): number {
  const longest = Math.max(a.length, b.length);
  return longest === 0 ? 1 : 1 - levenshtein(a, b) / longest;
}
