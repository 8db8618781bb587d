import { doubleMetaphone } from 'double-metaphone';
import { normalizeName, type NormalizedName } from './normalize/index.js';
import { koreanWordReadings } from './korean-words.js';

/** A name prepared for comparison: its normalization plus per-token keys computed once (index build or query). */
export interface NameForm {
  raw: string;
  norm: NormalizedName;
  /** Tokens compared: core tokens for organizations, all tokens otherwise; initials run together (A.B.C. = ABC). */
  tokens: string[];
  /** Primary Double Metaphone code per token ('' for tokens with digits or too short to code). */
  phonetic: string[];
  /** Numbers written in the name ('2004', '1', roman 'viii' outside person names), compared exactly. */
  numbers: string[];
  /** A person's name (extra tokens are middle names) rather than an organization's or a vessel's (extra tokens qualify). */
  personal: boolean;
  /** Vessel names read as Korean words, syllable by syllable (see korean-words.ts). */
  words: string[];
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
  const out: string[] = [];
  let run = '';
  for (const t of tokens) {
    if (t.length === 1 && /[a-z]/.test(t)) {
      run += t;
      continue;
    }
    if (run) out.push(run);
    run = '';
    out.push(t);
  }
  if (run) out.push(run);
  return out;
}

/** Roman numerals from II to XXXIX: series and fund numbers in company and vessel names ('Fund VIII'). */
const ROMAN = /^(x{0,3})(ix|iv|v?i{0,3})$/;
const personal = (schema?: string) => schema === 'Person';

export function nameForm(raw: string, schema?: string): NameForm {
  const norm = normalizeName(raw, schema);
  const base = norm.coreTokens.length ? norm.coreTokens : norm.tokens;
  const tokens = joinInitials(base.map(readLeet));
  return {
    raw, norm, tokens, personal: personal(schema),
    words: schema !== 'Person' ? koreanWordReadings(raw, norm.tokens) : [],
    phonetic: tokens.map(phoneticKey),
    numbers: tokens.filter((t) => /\d/.test(t) || (!personal(schema) && ROMAN.test(t))),
  };
}
