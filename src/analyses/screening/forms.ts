import { doubleMetaphone } from 'double-metaphone';
import { chineseKeys } from './normalize/chinese.js';
import { hasNickname } from './normalize/nicknames.js';
import { normalizeName, type NormalizedName } from './normalize/index.js';
import { koreanWordReadings } from './korean-words.js';
import { expandAbbreviations, filiations, numberWords, personParts, romanNumerals, shortCountryNames } from './normalize/name-parts.js';
import { letterSet } from './similarity/letter-set.js';

/** A name prepared for comparison: its normalization plus per-token keys computed once (index build or query). */
export interface NameForm {
  raw: string;
  norm: NormalizedName;
  /** Tokens compared: core tokens for organizations, all tokens otherwise; initials run together (A.B.C. = ABC). */
  tokens: string[];
  /** Primary Double Metaphone code per token ('' for tokens with digits or too short to code). */
  phonetic: string[];
  /** Numbers written in the name ('2004', '1'; roman numerals and number words outside person names as digits), compared exactly. */
  numbers: string[];
  /** A person's name (extra tokens are middle names) rather than an organization's or a vessel's (extra tokens qualify). */
  personal: boolean;
  /** Vessel names read as Korean words, syllable by syllable (see korean-words.ts). */
  words: string[];
  /** Person names: every token in order, particles canonicalized (for the order around "bin"); else the tokens. */
  chain: string[];
  /** Person names: particles and titles set aside from comparison (al, bin, Shaikh ...). */
  ignored: string[];
  /** Person names: the (son, father) pairs "X bin Y" states (normalize/name-parts.ts). */
  filiations: [string, string][];
  /** Per token: it holds a digit. */
  digit: boolean[];
  /** Per token: a run of initials written together (A.B.C., J.-C.), compared letter for letter. */
  initials: boolean[];
  /** Per token: the spelling with transliteration variants made one (see variantSpelling). */
  variant: string[];
  /** Per token and per variant spelling: the letter set (similarity/letter-set.ts), a cheap bound before Levenshtein. */
  letters: number[];
  variantLetters: number[];
  /** Per token: doubled letters written once; and the same keeping 'oo' and 'ee' (Korean spellings of their own). */
  undoubled: string[];
  undoubledKorean: string[];
  /** Per token: 'f' / 'm' for feminine / masculine Slavic surname endings, '' otherwise. */
  gender: string[];
  /** Per token of a person's name: true when it is in the short-form table (normalize/nicknames.ts), else undefined. */
  nick: (true | undefined)[];
  /** A person's name whose every word reads as Chinese syllables (Wade–Giles or pinyin; normalize/chinese.ts). */
  chinese: boolean;
  /** The tokens written together (compared for split and merged words). */
  joined: string;
}

const phoneticCache = new Map<string, string>();

export function phoneticKey(token: string): string {
  let v = phoneticCache.get(token);
  if (v === undefined) {
    v = /\d/.test(token) || token.length < 2 ? '' : doubleMetaphone(token)[0];
    if (phoneticCache.size > 200_000) phoneticCache.clear();
    phoneticCache.set(token, v);
  }
  return v;
}

/**
 * Digits standing for letters inside a word ("Ig0r Sech1n"), a common way to slip past filters. Only a word of
 * letters with one or two such digits is read this way; numbers, and codes like "AHL1", stay as they are.
 */
const DIGIT_AS_LETTER: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '9': 'g' };

export function readLeet(token: string): string {
  const digits = token.replace(/\D/g, '');
  if (!digits.length || digits.length > 2) return token;
  // A word of letters with digits inside it; a trailing digit is a number or a code suffix ('AHL1', 'Storm 2').
  if (!/^[a-z]/.test(token) || !/[a-z]$/.test(token) || token.replace(/[^a-z]/g, '').length < 3) return token;
  if (![...digits].every((d) => d in DIGIT_AS_LETTER)) return token;
  return token.replace(/\d/g, (d) => DIGIT_AS_LETTER[d]);
}

/** Runs of single letters are one abbreviation: 'a b c company' → 'abc company'. */
export function joinInitials(tokens: string[]): string[] {
  return joinInitialsMarked(tokens).tokens;
}

function joinInitialsMarked(tokens: string[]): { tokens: string[]; initials: boolean[] } {
  const out: string[] = [];
  const initials: boolean[] = [];
  let run = '';
  const flush = () => {
    if (!run) return;
    out.push(run);
    initials.push(run.length > 1);
    run = '';
  };
  for (const t of tokens) {
    if (t.length === 1 && /[a-z]/.test(t)) {
      run += t;
      continue;
    }
    flush();
    out.push(t);
    initials.push(false);
  }
  flush();
  return { tokens: out, initials };
}

/**
 * Slavic surnames have a feminine form one letter apart (Ivanov / Ivanova, Barkov / Barkova, Gorsky / Gorskaya):
 * 'f' for the feminine endings, 'm' for the masculine, '' for other words and words under five letters.
 */
export function slavicGender(t: string): string {
  if (t.length < 5) return '';
  if (/(ova|eva|ina|yna|skaya|skaia)$/.test(t)) return 'f';
  if (/(ov|ev|in|yn|sky|skiy|skii|ski)$/.test(t)) return 'm';
  return '';
}

/**
 * Letters and digraphs that transliterations of one name write differently, made one: German and Slavic j / English
 * y (Sergej, Jurij), w / v (Wolodymyr), ph / f, ks / x, French ou and English oo / u (Abdoul, Nooristani), ee / i,
 * q / k (Qasim / Kasim), German sch / sh. Used for the typo distance only, never as a key.
 */
const VARIANTS: readonly [RegExp, string][] = [[/sch/g, 'sh'], [/ph/g, 'f'], [/ks/g, 'x'], [/ou|oo/g, 'u'], [/ee/g, 'i'], [/w/g, 'v'], [/j/g, 'y'], [/q/g, 'k']];
const variantCache = new Map<string, string>();

export function variantSpelling(token: string): string {
  let v = variantCache.get(token);
  if (v === undefined) {
    v = token;
    for (const [re, to] of VARIANTS) v = v.replace(re, to);
    if (variantCache.size > 200_000) variantCache.clear();
    variantCache.set(token, v);
  }
  return v;
}

const personal = (schema?: string) => schema === 'Person';

export function nameForm(raw: string, schema?: string): NameForm {
  const norm = normalizeName(raw, schema);
  let base = norm.coreTokens.length ? norm.coreTokens : norm.tokens;
  let chain = base, ignored: string[] = [];
  if (personal(schema)) {
    // Korean names have no particles; a Korean syllable may look like one (An, Ul).
    if (!norm.korean) ({ tokens: base, chain, ignored } = personParts(base));
  } else {
    base = shortCountryNames(expandAbbreviations(numberWords(base)));
  }
  const marked = joinInitialsMarked(base.map(readLeet));
  const { initials } = marked;
  // Roman numerals become numbers after initials are joined (L.X.C. is letters, Fund X is ten).
  const tokens = personal(schema) ? marked.tokens : romanNumerals(marked.tokens, initials);
  const variant = tokens.map(variantSpelling);
  return {
    raw, norm, tokens, personal: personal(schema), chain, ignored, initials, filiations: personal(schema) ? filiations(chain) : [],
    digit: tokens.map((t) => /\d/.test(t)), variant, letters: tokens.map(letterSet), variantLetters: variant.map(letterSet),
    undoubled: tokens.map((t) => t.replace(/([a-z])\1+/g, '$1')),
    undoubledKorean: tokens.map((t) => t.replace(/([a-df-np-z])\1+/g, '$1')),
    gender: tokens.map(slavicGender),
    nick: tokens.map((t) => (personal(schema) && hasNickname(t) ? true : undefined)),
    chinese: personal(schema) && !norm.korean && tokens.length > 0 && tokens.every((t) => chineseKeys(t).length > 0),
    words: schema !== 'Person' ? koreanWordReadings(raw, norm.tokens) : [],
    phonetic: tokens.map(phoneticKey),
    numbers: tokens.filter((t) => /\d/.test(t)),
    joined: tokens.join(''),
  };
}
