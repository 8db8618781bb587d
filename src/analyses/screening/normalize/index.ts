/**
 * Name normalization for screening: one raw name → the folded forms the matchers use.
 *
 *   normalizeName('Korea Ryonbong General Corporation', 'Company')
 *     → tokens [korea, ryonbong, general, corporation], legalForms [gen, corp], coreTokens [korea, ryonbong]
 *   normalizeName('리영길', 'Person')
 *     → ascii 'ri yong gil', korean { orderFreeKey 'i|yong-kil', ... }
 */
import { isA, isSchemaName } from '../../../model/schema.js';
import { hasHangul } from './korean/jamo.js';
import { koreanName, type KoreanName } from './korean/name-keys.js';
import { splitHangulLegalSuffixes, splitLegalForms } from './legal-forms.js';
import { detectScripts } from './scripts.js';
import { isStopword } from './stopwords.js';
import { transliterate, type HangulMode } from './translit.js';
import { foldAscii, foldText, isAscii } from './unicode.js';

export interface NormalizedName {
  original: string;
  /** Folded Latin form: transliterated, lower-case, no diacritics or punctuation, single spaces. */
  ascii: string;
  tokens: string[];
  /** Organisations: tokens without legal forms and stop words; others: the tokens. */
  coreTokens: string[];
  /** Canonical legal-form tokens found (organisations and unknown non-Korean names only). */
  legalForms: string[];
  /** Present when the name reads as a Korean personal name. */
  korean?: KoreanName;
  /** Writing systems used, in order of appearance (e.g. ['Latin', 'Hangul']). */
  scripts: string[];
}

type Kind = 'person' | 'organization' | 'other' | 'unknown';

function kindOf(schema: string | undefined): Kind {
  if (!schema || !isSchemaName(schema)) return 'unknown';
  if (isA(schema, 'Person')) return 'person';
  if (isA(schema, 'Organization')) return 'organization';
  if (schema === 'LegalEntity' || schema === 'Thing') return 'unknown';
  return 'other';
}

function tokensOf(folded: string): string[] {
  return folded ? folded.split(' ') : [];
}

/**
 * Normalize one name. `schema` is the entity schema (Person, Company, Organization, Vessel ...); without it
 * a name that reads as Korean is treated as a person, anything else as a possible organisation.
 */
export function normalizeName(raw: string, schema?: string): NormalizedName {
  const kind = kindOf(schema);
  const scripts = detectScripts(raw);
  const korean = kind === 'person' || kind === 'unknown' ? koreanName(raw) : undefined;
  const personLike = kind === 'person' || (kind === 'unknown' && korean !== undefined);

  let ascii: string;
  if (isAscii(raw)) {
    ascii = foldAscii(raw);
  } else {
    const mode: HangulMode = personLike ? 'name' : 'word';
    const prepared = !personLike && hasHangul(raw) ? splitHangulLegalSuffixes(raw) : raw;
    ascii = foldText(transliterate(prepared, mode));
  }
  const tokens = tokensOf(ascii);

  let coreTokens = tokens;
  let legalForms: string[] = [];
  if (kind === 'organization' || (kind === 'unknown' && !personLike)) {
    const split = splitLegalForms(tokens);
    legalForms = split.legalForms;
    const core = split.rest.filter((t) => !isStopword(t));
    coreTokens = core.length ? core : tokens;
  }

  const out: NormalizedName = { original: raw, ascii, tokens, coreTokens, legalForms, scripts };
  if (korean) out.korean = korean;
  return out;
}

export { foldText, foldAscii } from './unicode.js';
export { transliterate, type HangulMode } from './translit.js';
export { LEGAL_FORMS, canonicalizeLegalForms, coreName, splitLegalForms, type LegalFormSplit } from './legal-forms.js';
export { ORG_STOPWORDS, isStopword } from './stopwords.js';
export { detectScripts } from './scripts.js';
export * from './korean/index.js';
