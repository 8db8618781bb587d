/** Levenshtein edit distance over char codes, with one reused row buffer (hot path). */
let row = new Uint16Array(64);

export function levenshtein(a: string, b: string): number {
  if (a === b) return 0;
  const la = a.length, lb = b.length;
  if (la === 0) return lb;
  if (lb === 0) return la;
  if (row.length <= lb) row = new Uint16Array(lb * 2 + 1);
  for (let j = 0; j <= lb; j++) row[j] = j;
  for (let i = 1; i <= la; i++) {
    let prev = row[0];
    row[0] = i;
    const c = a.charCodeAt(i - 1);
    for (let j = 1; j <= lb; j++) {
      const tmp = row[j];
      const cost = c === b.charCodeAt(j - 1) ? 0 : 1;
      const v = Math.min(row[j] + 1, row[j - 1] + 1, prev + cost);
      row[j] = v;
      prev = tmp;
    }
  }
  return row[lb];
}

/** 1 - distance / longer length, in [0, 1]. */
export function levenshteinSimilarity(a: string, b: string): number {
  const longest = Math.max(a.length, b.length);
  return longest === 0 ? 1 : 1 - levenshtein(a, b) / longest;
}
