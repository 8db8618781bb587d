import { prng } from '../stats.js';

export { prng };
/**
 * Mechanical, deterministic name variants: word-order swaps, joined given names, one-letter typos, vessel-name
 * forms. Every random choice comes from a PRNG seeded by a hash of the input, so a row never changes when other
 * rows are added or removed.
 */

/** FNV-1a 32-bit hash of a string. */
export function hash32(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}


export const pick = <T>(rand: () => number, xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];

/** Lower case, apostrophes dropped, hyphens/commas/periods as spaces: two strings an analyst would call the same. */
export function fold(s: string): string {
  return s.toLowerCase().replace(/['’‘`]/g, '').replace(/[-,.()]/g, ' ').replace(/\s+/g, ' ').trim();
}

/** 'YONG-WON' → 'Yong-won', 'Yong Gil' stays; only all-capital words are recased. */
export function titleWord(w: string): string {
  if (w !== w.toUpperCase()) return w;
  return w.charAt(0) + w.slice(1).toLowerCase();
}

const SMALL_WORDS = new Set(['OF', 'THE', 'AND', 'FOR']);

/** Title case for all-capital words; 'of', 'the', 'and', 'for' inside a name stay lower case. */
export function titleCase(s: string): string {
  return s.split(' ').map((w, i) => (i > 0 && SMALL_WORDS.has(w) ? w.toLowerCase() : titleWord(w))).join(' ');
}

/** A listed person name split into surname and given name: 'RI, Yong Gil' and UN 'HAN YU-RO' (surname first). */
export function splitPersonName(listed: string): { surname: string; given: string } {
  const comma = listed.indexOf(',');
  if (comma > 0) return { surname: listed.slice(0, comma).trim(), given: listed.slice(comma + 1).trim() };
  const [surname, ...rest] = listed.trim().split(/\s+/);
  return { surname, given: rest.join(' ') };
}

/** Given name first, then the surname, as a Western form would have it: 'RI, Yong Gil' → 'Yong Gil Ri'. */
export function givenFirst(listed: string): string {
  const { surname, given } = splitPersonName(listed);
  return `${titleCase(given)} ${titleWord(surname)}`;
}

/** Lower case, given-name syllables written as one word: 'RI, Yong Gil' → 'ri yonggil'. */
export function joinedGiven(listed: string): string {
  const { surname, given } = splitPersonName(listed);
  return `${surname.toLowerCase()} ${given.toLowerCase().replace(/['’\s-]/g, '')}`;
}

const QWERTY = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'];

/** Letters next to a letter on a QWERTY keyboard (same row and the rows above and below). */
function neighbours(ch: string): string[] {
  const lower = ch.toLowerCase();
  for (let r = 0; r < QWERTY.length; r++) {
    const c = QWERTY[r].indexOf(lower);
    if (c < 0) continue;
    const out: string[] = [];
    for (const rr of [r - 1, r, r + 1]) {
      if (rr < 0 || rr >= QWERTY.length) continue;
      for (const cc of [c - 1, c, c + 1]) {
        const n = QWERTY[rr][cc];
        if (n && n !== lower) out.push(n);
      }
    }
    return out.map((n) => (ch === lower ? n : n.toUpperCase()));
  }
  return [];
}

export type TypoOp = 'substitute' | 'delete' | 'transpose' | 'double';

/** The letter-run (syllable group between hyphens or apostrophes) each position of `word` belongs to, and its length. */
function letterRuns(word: string): { run: number; length: number }[] {
  const out: { run: number; length: number }[] = [];
  let run = -1, start = 0;
  for (let i = 0; i <= word.length; i++) {
    const letter = i < word.length && /[a-z]/i.test(word[i]);
    if (letter && (i === 0 || !/[a-z]/i.test(word[i - 1]))) { run++; start = i; }
    if (!letter && i > 0 && /[a-z]/i.test(word[i - 1])) for (let k = start; k < i; k++) out[k].length = i - start;
    if (i < word.length) out.push({ run: letter ? run : -1, length: 0 });
  }
  return out;
}

/**
 * One one-letter typo inside `word`, chosen by `rand`: never on its first letter, and only inside a letter run of
 * three or more letters (so that 'Il-u' does not lose its only 'u', which would be another name, not a typo).
 */
export function typoWord(word: string, rand: () => number): { word: string; op: TypoOp } | undefined {
  const runs = letterRuns(word);
  const letters = [...word].map((c, i) => ({ c, i })).filter((x) => x.i > 0 && runs[x.i].run >= 0 && runs[x.i].length >= 3);
  if (letters.length === 0) return undefined;
  const ops: TypoOp[] = ['substitute', 'delete', 'transpose', 'double'];
  for (let attempt = 0; attempt < 8; attempt++) {
    const op = pick(rand, ops);
    const { i } = pick(rand, letters);
    let out: string | undefined;
    if (op === 'substitute') {
      const n = neighbours(word[i]);
      if (n.length) out = word.slice(0, i) + pick(rand, n) + word.slice(i + 1);
    } else if (op === 'delete') {
      out = word.slice(0, i) + word.slice(i + 1);
    } else if (op === 'transpose') {
      if (i + 1 < word.length && runs[i + 1].run === runs[i].run && word[i] !== word[i + 1]) out = word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
    } else {
      out = word.slice(0, i + 1) + word[i] + word.slice(i + 1);
    }
    if (out && out.toLowerCase() !== word.toLowerCase()) return { word: out, op };
  }
  return undefined;
}

/**
 * A one-letter typo in the longest word of `name` that `eligible` accepts (ties: the first), seeded by `seed`.
 * Returns the misspelt name and a note saying what changed.
 */
export function typoName(name: string, seed: string, eligible: (word: string, index: number) => boolean = () => true): { query: string; note: string } | undefined {
  const words = name.split(' ');
  let best = -1;
  words.forEach((w, i) => {
    const letters = w.replace(/[^a-z]/gi, '');
    if (letters.length >= 3 && eligible(w, i) && (best < 0 || letters.length > words[best].replace(/[^a-z]/gi, '').length)) best = i;
  });
  if (best < 0) return undefined;
  const rand = prng(hash32(seed));
  const t = typoWord(words[best], rand);
  if (!t) return undefined;
  const out = [...words];
  out[best] = t.word;
  return { query: out.join(' '), note: `one-letter typo (${t.op}) in "${words[best]}"` };
}

/** Vessel name with its syllable words run together, numbers kept apart: 'HWANG GUM SAN 2' → 'Hwanggumsan 2'. */
export function joinedVessel(listed: string): string | undefined {
  const words = listed.split(' ');
  const out: string[] = [];
  let run = '';
  for (const w of words) {
    if (/^[A-Z]+$/i.test(w)) run += w;
    else {
      if (run) out.push(run);
      run = '';
      out.push(w);
    }
  }
  if (run) out.push(run);
  const joined = out.map((w) => titleWord(w)).join(' ');
  return out.length < words.length ? joined : undefined;
}

/**
 * The 'HO' (호, ship) form of a DPRK vessel name: added when the list omits it ('CHON MA SAN HO', 'Chonmasan-ho'),
 * dropped when the list has it ('JANG JA SAN CHONG NYON HO' → 'JANG JA SAN CHONG NYON').
 */
export function hoVessel(listed: string, seed: string): { query: string; note: string } {
  const words = listed.split(' ');
  if (words.at(-1) === 'HO') return { query: words.slice(0, -1).join(' '), note: 'HO suffix dropped' };
  const joined = joinedVessel(listed);
  if (joined && !/\d/.test(listed) && prng(hash32(seed))() < 0.5) return { query: `${joined}-ho`, note: 'joined, with -ho suffix' };
  return { query: `${listed} HO`, note: 'HO suffix added' };
}
