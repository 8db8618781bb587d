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

/**
 * The same distance when it is at most `max`, else `max + 1` — computed only in the diagonal band that can stay
 * within `max`, and abandoned as soon as a whole row exceeds it. Most token pairs are rejected in a few steps.
 */
export function levenshteinWithin(a: string, b: string, max: number): number {
  if (a === b) return 0;
  const la = a.length, lb = b.length;
  if (Math.abs(la - lb) > max) return max + 1;
  if (max === 0) return 1;
  if (la === 0 || lb === 0) return Math.max(la, lb);
  const big = max + 1;
  if (bandRow.length <= lb) {
    bandRow = new Uint16Array(lb * 2 + 1);
    bandPrev = new Uint16Array(lb * 2 + 1);
    bandPrev2 = new Uint16Array(lb * 2 + 1);
  }
  let row = bandRow, prevRow = bandPrev, prev2 = bandPrev2;
  for (let j = 0; j <= lb; j++) prevRow[j] = j <= max ? j : big;
  for (let i = 1; i <= la; i++) {
    const lo = Math.max(1, i - max), hi = Math.min(lb, i + max);
    row[0] = i <= max ? i : big;
    if (lo > 1) row[lo - 1] = big;
    let rowMin = row[0] < big && lo === 1 ? row[0] : big;
    const c = a.charCodeAt(i - 1);
    for (let j = lo; j <= hi; j++) {
      const d = b.charCodeAt(j - 1);
      let v = prevRow[j - 1] + (c === d ? 0 : 1);
      const up = (j <= i - 1 + max ? prevRow[j] : big) + 1;
      if (up < v) v = up;
      const left = row[j - 1] + 1;
      if (left < v) v = left;
      if (i > 1 && j > 1 && c === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === d && prev2[j - 2] + 1 < v) v = prev2[j - 2] + 1;
      if (v > big) v = big;
      row[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (hi < lb) row[hi + 1] = big;
    if (rowMin > max) return big;
    const t = prev2;
    prev2 = prevRow;
    prevRow = row;
    row = t;
  }
  const out = prevRow[lb];
  return out > max ? big : out;
}

let bandRow = new Uint16Array(64);
let bandPrev = new Uint16Array(64);
let bandPrev2 = new Uint16Array(64);
