import { doubleMetaphone } from 'double-metaphone';
import { normalizeName, type NormalizedName } from './normalize/index.js';

/** A name prepared for comparison: its normalization plus per-token keys computed once (index build or query). */
export interface NameForm {
  raw: string;
  norm: NormalizedName;
  /** Tokens compared: core tokens for organizations, all tokens otherwise. */
  tokens: string[];
  /** Primary Double Metaphone code per token ('' for tokens with digits or too short to code). */
  phonetic: string[];
  /** Numbers written in the name ('2004', '1'), compared exactly. */
  numbers: string[];
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

export function nameForm(raw: string, schema?: string): NameForm {
  const norm = normalizeName(raw, schema);
  const tokens = norm.coreTokens.length ? norm.coreTokens : norm.tokens;
  return {
    raw, norm, tokens,
    phonetic: tokens.map(phoneticKey),
    numbers: norm.tokens.filter((t) => /\d/.test(t)),
  };
}
