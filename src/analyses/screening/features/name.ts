import { levenshtein, levenshteinWithin } from '../similarity/levenshtein.js';
import type { NameForm } from '../forms.js';
import { segmentations } from '../normalize/index.js';

const syllableCache = new Map<string, boolean>();

/** Can the token be read as romanized Korean syllables? */
function readsAsSyllables(token: string): boolean {
  let v = syllableCache.get(token);
  if (v === undefined) {
    v = segmentations(token, 1).length > 0;
    if (syllableCache.size > 100_000) syllableCache.clear();
    syllableCache.set(token, v);
  }
  return v;
}
import type { ScreeningParams } from '../params.js';

export interface TokenPair {
  q: string;
  c: string;
  sim: number;
  how: 'equal' | 'typo' | 'phonetic' | 'initial' | 'joined';
}

export interface NameComparison {
  score: number;
  pairs: TokenPair[];
  /** Tokens of each side left over while the other side also has leftovers: the names say different things. */
  conflicts: { q: string[]; c: string[] };
  /** Tokens only one side has (a middle name, a patronymic): missing information, not contradiction. */
  extra: string[];
  /** The names compared written together without spaces (VanDerBilt ~ Van der Bilt), when that scored higher. */
  joined?: number;
}

/** Edits a token of this length may differ by and still be the same word misspelt. */
export function typoBudget(length: number, p: ScreeningParams): number {
  for (const [maxLength, edits] of p.typoBudget) if (length <= maxLength) return edits;
  return p.typoBudget[p.typoBudget.length - 1][1];
}

function tokenSim(a: string, pa: string, b: string, pb: string, p: ScreeningParams, korean: boolean): { sim: number; how: TokenPair['how'] } {
  if (a === b) return { sim: 1, how: 'equal' };
  if (/\d/.test(a) || /\d/.test(b)) return { sim: 0, how: 'typo' };
  if (a.length === 1 || b.length === 1) return a[0] === b[0] ? { sim: p.initialSimilarity, how: 'initial' } : { sim: 0, how: 'initial' };
  const longest = Math.max(a.length, b.length);
  // Korean syllables one letter apart are different syllables (Jong / Tong, Chol / Chun) — spelling variants of one
  // syllable are met by the Korean syllable key instead. A slip that makes no syllable at all (Yongg, Jng) is a typo.
  if (korean && longest <= p.koreanSyllableMaxLength && readsAsSyllables(a) && readsAsSyllables(b)) return { sim: 0, how: 'typo' };
  if (korean) pa = pb = '';
  const budget = typoBudget(longest, p);
  const phonetic = pa !== '' && pa === pb;
  const d = levenshteinWithin(a, b, phonetic ? budget + 1 : budget);
  if (d <= budget) return { sim: 1 - d / longest, how: 'typo' };
  // Same sound, spelt one edit beyond the typo budget (Si / Xi, Jonson / Johnson).
  if (phonetic && d <= budget + 1 && Math.min(a.length, b.length) >= p.phoneticMinLength) return { sim: p.phoneticSimilarity, how: 'phonetic' };
  return { sim: 0, how: 'typo' };
}

/**
 * Aligns the tokens of two names, greedily on the best pairs (word order does not matter), and scores the
 * alignment: matched characters weighted by their similarity, over all characters, where leftover tokens weigh by
 * what they mean — a token on each side that found no partner is a contradiction (different surnames), a token only
 * one side has is missing information (a middle name), which counts little once two or more tokens agree.
 */
export function compareNames(q: NameForm, c: NameForm, p: ScreeningParams): NameComparison {
  const qt = q.tokens, ct = c.tokens;
  // Either name read as Korean: syllables are compared strictly and not by sound (see tokenSim).
  const korean = q.norm.korean !== undefined || c.norm.korean !== undefined;
  const sims: { i: number; j: number; sim: number; how: TokenPair['how'] }[] = [];
  for (let i = 0; i < qt.length; i++) {
    for (let j = 0; j < ct.length; j++) {
      const s = tokenSim(qt[i], q.phonetic[i], ct[j], c.phonetic[j], p, korean);
      if (s.sim > 0) sims.push({ i, j, ...s });
    }
  }
  sims.sort((x, y) => y.sim - x.sim || x.i - y.i || x.j - y.j);
  const usedQ = new Array<boolean>(qt.length).fill(false);
  const usedC = new Array<boolean>(ct.length).fill(false);
  const pairs: TokenPair[] = [];
  let num = 0, den = 0, matchedChars = 0;
  for (const s of sims) {
    if (usedQ[s.i] || usedC[s.j]) continue;
    usedQ[s.i] = usedC[s.j] = true;
    const w = (qt[s.i].length + ct[s.j].length) / 2;
    num += s.sim * w;
    den += w;
    matchedChars += w;
    pairs.push({ q: qt[s.i], c: ct[s.j], sim: s.sim, how: s.how });
  }
  const leftQ = qt.filter((_, i) => !usedQ[i]);
  const leftC = ct.filter((_, j) => !usedC[j]);
  // Leftovers on both sides pair up as contradictions, longest first; the surplus of one side is extra.
  const byLength = (x: string, y: string) => y.length - x.length || x.localeCompare(y);
  const sq = [...leftQ].sort(byLength), sc = [...leftC].sort(byLength);
  const n = Math.min(sq.length, sc.length);
  const conflicts = { q: sq.slice(0, n), c: sc.slice(0, n) };
  const extra = [...sq.slice(n), ...sc.slice(n)];
  for (const t of [...conflicts.q, ...conflicts.c]) den += (t.length / 2) * p.conflictWeight;
  // In a Korean name every syllable is part of the given name or the surname: none is a droppable middle name.
  const lenient = korean ? 1 : q.personal ? p.extraTokenWeight : p.extraOrgTokenWeight;
  const extraWeight = pairs.length >= p.lenientExtraAfter ? lenient : 1;
  for (const t of extra) den += t.length * extraWeight;
  const score = den > 0 ? num / den : 0;
  void matchedChars;

  const out: NameComparison = { score, pairs, conflicts, extra };
  const joined = korean ? 0 : joinedSimilarity(qt, ct, p);
  if (joined > score) {
    out.joined = joined;
    out.score = joined;
  }
  return out;
}

/**
 * Both names written together without spaces, in their own order: catches split and merged words (RamiMakhlouf,
 * Van der Bilt). Only a slip of `joinedEdits` is allowed: beyond it, running words together hides real differences.
 */
function joinedSimilarity(qt: string[], ct: string[], p: ScreeningParams): number {
  if (qt.length === ct.length) return 0;
  const a = qt.join(''), b = ct.join('');
  if (a === b) return 1;
  const d = levenshteinWithin(a, b, p.joinedEdits);
  return d <= p.joinedEdits ? 1 - d / Math.max(a.length, b.length) : 0;
}
