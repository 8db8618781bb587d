import { levenshtein, levenshteinWithin } from '../similarity/levenshtein.js';
import type { NameForm } from '../forms.js';
import { isStopword, segmentations } from '../normalize/index.js';
import { nicknameOf } from '../normalize/nicknames.js';
import { chineseKeys } from '../normalize/chinese.js';
import { editsAtLeast } from '../similarity/letter-set.js';

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
  how: 'equal' | 'typo' | 'phonetic' | 'initial' | 'joined' | 'nickname' | 'doubled' | 'split' | 'acronym' | 'romanization';
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
  /** One name is an acronym of the other's words, legal-form words included (FTB ~ Foreign Trade Bank). */
  acronym?: string;
  /** Persons: "X bin Y" in one name, "Y bin X" in the other (set and scored in score.ts). */
  filiationReversed?: [string, string];
}

/** Edits a token of this length may differ by and still be the same word misspelt. */
export function typoBudget(length: number, p: ScreeningParams): number {
  const b = p.typoBudget;
  for (let k = 0; k < b.length; k++) if (length <= b[k][0]) return b[k][1];
  return p.typoBudget[p.typoBudget.length - 1][1];
}

/**
 * How two tokens compare: their similarity in [0, 1], and in `tokenHow` how they agree when they do (hot path: no
 * object per pair of tokens).
 */
let tokenHow: TokenPair['how'] = 'typo';

function tokenSim(q: NameForm, i: number, c: NameForm, j: number, p: ScreeningParams, korean: boolean): number {
  const a = q.tokens[i], b = c.tokens[j];
  if (a === b) return ((tokenHow = 'equal'), 1);
  if (q.digit[i] || c.digit[j]) return 0;
  if (a.length === 1 || b.length === 1) return a[0] === b[0] ? ((tokenHow = 'initial'), p.initialSimilarity) : 0;
  // Initials run together (N.A.B.C., JC) are letters, not a word: one letter more or less is another abbreviation.
  if (q.initials[i] || c.initials[j]) return 0;
  if (q.personal && (q.nick[i] !== undefined || c.nick[j] !== undefined) && nicknameOf(a, b)) return ((tokenHow = 'nickname'), p.nicknameSimilarity);
  // Slavic surnames have a feminine form (Ivanov / Ivanova, Barkov / Barkova): one letter apart, another person.
  if (q.personal && q.gender[i] !== c.gender[j] && q.gender[i] !== '' && c.gender[j] !== '') return 0;
  // A letter written twice or once (Mohammed / Mohamed, Jong-uun / Jong-un). In Korean romanizations 'oo' and 'ee' are
  // spellings of their own (Joong = 중, Lee = 이), so there only other doubled letters collapse.
  if (korean ? q.undoubledKorean[i] === c.undoubledKorean[j] : q.undoubled[i] === c.undoubled[j]) return ((tokenHow = 'doubled'), p.doubledLetterSimilarity);
  const longest = Math.max(a.length, b.length);
  // A word with three letters or more added at its end is a derived name, not a slip (Mohammad / Mohammadzai).
  if (longest - Math.min(a.length, b.length) >= p.derivedSuffixLength && (a.startsWith(b) || b.startsWith(a))) return 0;
  // Korean syllables one letter apart are different syllables (Jong / Tong, Chol / Chun) — spelling variants of one
  // syllable are met by the Korean syllable key instead. A slip that makes no syllable at all (Yongg, Jng) is a typo.
  if (korean && longest <= p.koreanSyllableMaxLength && readsAsSyllables(a) && readsAsSyllables(b)) return 0;
  const pa = korean ? '' : q.phonetic[i], pb = korean ? '' : c.phonetic[j];
  const budget = typoBudget(longest, p);
  const phonetic = pa !== '' && pa === pb;
  const allowed = phonetic ? budget + 1 : budget;
  let d = editsAtLeast(q.letters[i], c.letters[j]) > allowed ? allowed + 1 : levenshteinWithin(a, b, allowed);
  // Letters that transliterations of one name write differently (Sergej / Sergey, Wolodymyr / Volodymyr, Nooristani /
  // Nuristani) cost part of an edit: compared on the variant spelling (forms.ts), plus variantEditCost once. Words
  // beyond the budget are tried only when their variant spellings begin alike (a cheap guard on a hot path).
  if (!korean && d > 0) {
    const va = q.variant[i], vb = c.variant[j];
    if ((va !== a || vb !== b) && (d <= budget || va[0] === vb[0])) {
      const dv = (editsAtLeast(q.variantLetters[i], c.variantLetters[j]) > budget ? budget + 1 : levenshteinWithin(va, vb, budget)) + p.variantEditCost;
      if (dv < d) d = dv;
    }
  }
  if (d <= budget) return ((tokenHow = 'typo'), 1 - d / longest);
  // Same sound, spelt one edit beyond the typo budget (Si / Xi, Jonson / Johnson).
  if (phonetic && d <= budget + 1 && Math.min(a.length, b.length) >= p.phoneticMinLength) return ((tokenHow = 'phonetic'), p.phoneticSimilarity);
  return 0;
}

interface Sim { i: number; j: number; sim: number; how: TokenPair['how'] }

/** The tokens not used, longest first, then alphabetical (an insertion sort: a name has a handful of tokens). */
function unusedLongestFirst(tokens: string[], used: boolean[]): string[] {
  const out: string[] = [];
  for (let k = 0; k < tokens.length; k++) {
    if (used[k]) continue;
    const t = tokens[k];
    let at = out.length;
    out.push(t);
    for (; at > 0 && longerFirst(t, out[at - 1]) < 0; at--) out[at] = out[at - 1];
    out[at] = t;
  }
  return out;
}

function longerFirst(x: string, y: string): number {
  return y.length - x.length || (x < y ? -1 : x > y ? 1 : 0);
}

const bySimilarity = (x: Sim, y: Sim) => y.sim - x.sim || x.i - y.i || x.j - y.j;

function isNumber(t: string): boolean {
  for (let k = 0; k < t.length; k++) {
    const ch = t.charCodeAt(k);
    if (ch < 48 || ch > 57) return false;
  }
  return t.length > 0;
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
  // Every pair of tokens that agree at all, best first (ties: query order, then candidate order), paired greedily.
  const sims: Sim[] = [];
  for (let i = 0; i < qt.length; i++) {
    for (let j = 0; j < ct.length; j++) {
      const sim = tokenSim(q, i, c, j, p, korean);
      if (sim > 0) sims.push({ i, j, sim, how: tokenHow });
    }
  }
  if (sims.length > 1) sims.sort(bySimilarity);
  const usedQ = new Array<boolean>(qt.length).fill(false);
  const usedC = new Array<boolean>(ct.length).fill(false);
  const pairs: TokenPair[] = [];
  let num = 0, den = 0;
  for (const s of sims) {
    if (usedQ[s.i] || usedC[s.j]) continue;
    usedQ[s.i] = usedC[s.j] = true;
    const w = (qt[s.i].length + ct[s.j].length) / 2;
    num += s.sim * w;
    den += w;
    pairs.push({ q: qt[s.i], c: ct[s.j], sim: s.sim, how: s.how });
  }
  // Words split or run together (Patr ushev / Patrushev) and initials or acronyms of several words (JC / Jean Claude,
  // PLA / People's Liberation Army), among the tokens still unpaired.
  // Unpaired tokens left on each side (each greedy pair used one of each).
  const leftQn = qt.length - pairs.length, leftCn = ct.length - pairs.length;
  if (!korean && leftQn > 0 && leftCn > 0) {
    // A person's initials count only beside a name word that agrees (JC Juncker / Jean-Claude Juncker, not N.N. / anyone N. N.).
    const initialsOk = !q.personal || pairs.length > 0;
    // A run needs two unpaired tokens on the other side.
    const found = [...(leftCn >= 2 ? merges(q, usedQ, c, usedC, p, initialsOk, false) : []), ...(leftQn >= 2 ? merges(c, usedC, q, usedQ, p, initialsOk, true) : [])];
    for (const m of found) {
      num += m.sim * m.w;
      den += m.w;
      pairs.push(m.pair);
    }
    // Chinese names in Wade–Giles and in pinyin (Tse-tung / Zedong, Hsi Chin-ping / Xi Jinping).
    if (q.personal && q.chinese && c.chinese && usedQ.includes(false) && usedC.includes(false)) {
      for (const m of chineseRomanizations(qt, usedQ, ct, usedC, p)) {
        num += m.sim * m.w;
        den += m.w;
        pairs.push(m.pair);
      }
    }
  }
  // Leftovers on both sides pair up as contradictions, longest first; the surplus of one side is extra.
  const sq = unusedLongestFirst(qt, usedQ), sc = unusedLongestFirst(ct, usedC);
  const n = Math.min(sq.length, sc.length);
  const conflicts = { q: sq.slice(0, n), c: sc.slice(0, n) };
  const extra = [...sq.slice(n), ...sc.slice(n)];
  // In a person's name a short word or an initial stands for a whole name: Mir / Wali, W. / G. contradict as much as
  // two long names.
  // A different number (Fund 7 / Fund 8, Office 38 / Office 39) is a sibling in a series, a weaker contradiction
  // than a different word; numbers in names are also compared on their own in score.ts.
  for (const side of [conflicts.q, conflicts.c]) {
    for (const t of side) {
      const number = isNumber(t);
      const length = q.personal && !number ? Math.max(t.length, p.personConflictMinLength) : t.length;
      den += (length / 2) * (number ? p.numberConflictWeight : p.conflictWeight);
    }
  }
  // In a Korean name every syllable is part of the given name or the surname: none is a droppable middle name.
  const lenient = korean ? 1 : q.personal ? p.extraTokenWeight : p.extraOrgTokenWeight;
  const extraWeight = pairs.length >= p.lenientExtraAfter ? lenient : 1;
  for (const t of extra) den += t.length * extraWeight;
  const score = den > 0 ? num / den : 0;

  const out: NameComparison = { score, pairs, conflicts, extra };
  const joined = korean ? 0 : joinedSimilarity(q, c, p);
  if (joined > score) {
    out.joined = joined;
    out.score = joined;
  }
  const acronym = q.personal ? undefined : wholeAcronym(q, c) ?? wholeAcronym(c, q);
  if (acronym && p.acronymSimilarity > out.score) {
    out.acronym = acronym;
    out.score = p.acronymSimilarity;
  }
  return out;
}

/**
 * Both names written together without spaces, in their own order: catches split and merged words (RamiMakhlouf,
 * Van der Bilt). Only a slip of `joinedEdits` is allowed: beyond it, running words together hides real differences.
 */
function joinedSimilarity(q: NameForm, c: NameForm, p: ScreeningParams): number {
  if (q.tokens.length === c.tokens.length) return 0;
  const a = q.joined, b = c.joined;
  if (a === b) return 1;
  const d = levenshteinWithin(a, b, p.joinedEdits);
  return d <= p.joinedEdits ? 1 - d / Math.max(a.length, b.length) : 0;
}

interface Merge { pair: TokenPair; sim: number; w: number }

/**
 * Pairs an unpaired token of side `a` with a run of 2–3 adjacent unpaired tokens of side `b` written together
 * (within `joinedEdits`), or with a run of 2–6 adjacent tokens whose first letters it spells (an acronym or run-together
 * initials). Marks what it pairs as used.
 */
function merges(fa: NameForm, usedA: boolean[], fb: NameForm, usedB: boolean[], p: ScreeningParams, initialsOk: boolean, swap: boolean): Merge[] {
  const out: Merge[] = [];
  const a = fa.tokens, b = fb.tokens, personal = fa.personal;
  for (let i = 0; i < a.length; i++) {
    if (usedA[i] || fa.digit[i]) continue;
    const t = a[i];
    // A person's initials are written as initials (J.-C.) or as letters no word is made of (JC); Ali is a name.
    const initials = initialsOk && (!personal || fa.initials[i] || !/[aeiouy]/.test(t));
    let found: { s: number; len: number; sim: number; how: TokenPair['how'] } | undefined;
    for (let s = 0; s < b.length && !found; s++) {
      if (usedB[s]) continue;
      let joinedLength = b[s].length;
      for (let len = 2; s + len <= b.length && len <= 6; len++) {
        if (usedB[s + len - 1]) break;
        joinedLength += b[s + len - 1].length;
        if (len <= 3 && Math.abs(joinedLength - t.length) <= p.joinedEdits) {
          const joined = b.slice(s, s + len).join('');
          if (joined === t) { found = { s, len, sim: 1, how: 'split' }; break; }
          if (t.length >= 6) {
            const d = levenshteinWithin(t, joined, p.joinedEdits);
            if (d <= p.joinedEdits) { found = { s, len, sim: 1 - d / Math.max(t.length, joined.length), how: 'split' }; break; }
          }
        }
        if (initials && t.length === len) {
          let ok = true;
          for (let k = 0; k < len && ok; k++) ok = b[s + k][0] === t[k];
          if (ok) { found = { s, len, sim: personal ? p.initialSimilarity : p.acronymSimilarity, how: 'acronym' }; break; }
        }
      }
    }
    if (!found) continue;
    usedA[i] = true;
    for (let k = found.s; k < found.s + found.len; k++) usedB[k] = true;
    const run = b.slice(found.s, found.s + found.len);
    const text = run.join(' ');
    const w = (t.length + text.length - (found.len - 1)) / 2;
    out.push({ sim: found.sim, w, pair: swap ? { q: text, c: t, sim: found.sim, how: found.how } : { q: t, c: text, sim: found.sim, how: found.how } });
  }
  return out;
}

/**
 * An organization's name that is a single token spelling the first letters of the other name's words, stop words
 * left out and generic words such as Trade kept (FTB = Foreign Trade Bank): the words it abbreviates, or undefined.
 */
function wholeAcronym(a: NameForm, b: NameForm): string | undefined {
  if (a.tokens.length !== 1 || a.tokens[0].length < 2 || /\d/.test(a.tokens[0])) return undefined;
  const t = a.tokens[0];
  // The words without stop words first, then all the compared tokens; counted before any list is made (a hot path).
  let k = 0;
  for (const w of b.norm.tokens) if (!isStopword(w) && (k >= t.length || w[0] !== t[k++])) return spelled(b.tokens, t);
  return k === t.length ? b.norm.tokens.filter((x) => !isStopword(x)).join(' ') : spelled(b.tokens, t);
}

/** The words, joined, when their first letters spell `t`. */
function spelled(words: string[], t: string): string | undefined {
  return words.length === t.length && words.every((w, k) => w[0] === t[k]) ? words.join(' ') : undefined;
}

/** Keys of a run of adjacent tokens read as Chinese syllables: every token must read, at most 4 readings kept. */
function runKeys(run: string[]): string[] {
  let keys = [''];
  for (const t of run) {
    const ks = chineseKeys(t);
    if (!ks.length) return [];
    keys = keys.flatMap((k) => ks.map((x) => (k ? `${k}-${x}` : x))).slice(0, 8);
  }
  return keys;
}

/**
 * Pairs unpaired words (or runs of up to three adjacent unpaired words) of two persons' names that read as the same
 * Chinese syllables in Wade–Giles or pinyin (normalize/chinese.ts), shortest runs first.
 */
function chineseRomanizations(a: string[], usedA: boolean[], b: string[], usedB: boolean[], p: ScreeningParams): Merge[] {
  const out: Merge[] = [];
  const runs = (t: string[], used: boolean[]) => {
    const r: { s: number; len: number; keys: string[] }[] = [];
    for (let len = 1; len <= 3; len++) {
      for (let s = 0; s + len <= t.length; s++) {
        if (used.slice(s, s + len).some(Boolean)) continue;
        const keys = runKeys(t.slice(s, s + len));
        if (keys.length) r.push({ s, len, keys });
      }
    }
    return r;
  };
  const ra = runs(a, usedA), rb = runs(b, usedB);
  for (const x of ra) {
    if (usedA.slice(x.s, x.s + x.len).some(Boolean)) continue;
    for (const y of rb) {
      if (usedB.slice(y.s, y.s + y.len).some(Boolean)) continue;
      if (x.len === 1 && y.len === 1 && a[x.s] === b[y.s]) continue;
      if (!x.keys.some((k) => y.keys.includes(k))) continue;
      for (let k = x.s; k < x.s + x.len; k++) usedA[k] = true;
      for (let k = y.s; k < y.s + y.len; k++) usedB[k] = true;
      const qa = a.slice(x.s, x.s + x.len).join(' '), cb = b.slice(y.s, y.s + y.len).join(' ');
      const w = (qa.replace(/ /g, '').length + cb.replace(/ /g, '').length) / 2;
      out.push({ sim: p.romanizationSimilarity, w, pair: { q: qa, c: cb, sim: p.romanizationSimilarity, how: 'romanization' } });
      break;
    }
  }
  return out;
}
