/**
 * Jaro-Winkler similarity of two strings, in [0, 1]. A hot path (thousands of token pairs per query), so it is
 * written over char codes with reused scratch buffers instead of taken from a general-purpose library.
 * Winkler's prefix bonus: scaling 0.1 for up to 4 common leading characters, applied when Jaro >= 0.7
 * (the values of Winkler 1990).
 */
export const WINKLER = { prefixScale: 0.1, maxPrefix: 4, boostThreshold: 0.7 } as const;

let matchA = new Uint8Array(64);
let matchB = new Uint8Array(64);

export function jaroWinkler(a: string, b: string): number {
  if (a === b) return 1;
  const la = a.length, lb = b.length;
  if (la === 0 || lb === 0) return 0;
  if (matchA.length < la) matchA = new Uint8Array(la * 2);
  if (matchB.length < lb) matchB = new Uint8Array(lb * 2);
  matchA.fill(0, 0, la);
  matchB.fill(0, 0, lb);
  const window = Math.max(0, (Math.max(la, lb) >> 1) - 1);
  let matches = 0;
  for (let i = 0; i < la; i++) {
    const lo = Math.max(0, i - window), hi = Math.min(lb - 1, i + window);
    const c = a.charCodeAt(i);
    for (let j = lo; j <= hi; j++) {
      if (matchB[j] === 0 && b.charCodeAt(j) === c) {
        matchA[i] = 1;
        matchB[j] = 1;
        matches++;
        break;
      }
    }
  }
  if (matches === 0) return 0;
  let k = 0, transpositions = 0;
  for (let i = 0; i < la; i++) {
    if (matchA[i] === 0) continue;
    while (matchB[k] === 0) k++;
    if (a.charCodeAt(i) !== b.charCodeAt(k)) transpositions++;
    k++;
  }
  const m = matches;
  const jaro = (m / la + m / lb + (m - transpositions / 2) / m) / 3;
  if (jaro < WINKLER.boostThreshold) return jaro;
  let prefix = 0;
  const maxP = Math.min(WINKLER.maxPrefix, la, lb);
  while (prefix < maxP && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  return jaro + prefix * WINKLER.prefixScale * (1 - jaro);
}
