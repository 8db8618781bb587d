import { isSchemaName, propertyOf, SCHEMA_NAMES, type SchemaName } from '../../model/schema.js';
import { countryCode } from '../../model/countries.js';
import { identifierKeys, type IdentifierKey } from './identifiers.js';
import { nameForm, type NameForm } from './forms.js';
import { translateInstitutionWords } from './normalize/korean/institution-words.js';

/** Name properties and how strong a name each is. */
export const NAME_PROPS: Record<string, { weak: boolean }> = {
  name: { weak: false }, alias: { weak: false }, previousName: { weak: false }, weakAlias: { weak: true },
};
/** Properties that place an entity in a country (all compared as one set). */
export const COUNTRY_PROPS = ['nationality', 'citizenship', 'country', 'jurisdiction', 'mainCountry', 'flag', 'birthCountry'];

export interface PreparedName {
  prop: string;
  weak: boolean;
  form: NameForm;
}

/** A query or an indexed entity, prepared once for scoring. */
export interface Prepared {
  schema: SchemaName;
  /** The schema's position in SCHEMA_NAMES: compared through a table on the hot path (score.ts). */
  schemaCode: number;
  names: PreparedName[];
  ids: IdentifierKey[];
  birthDates: string[];
  countries: string[];
  genders: string[];
}

/** Cost limits: a name is cut at this many characters and tokens; a record contributes at most this many names. */
export const MAX_NAME_LENGTH = 500;
/** A short bracketed part of a name: an acronym or a former short name, or a qualifier (a place, a branch). */
const BRACKETED = /\(([^()]{2,40})\)/;
/**
 * Regions and cities that qualify organization names as branches or subsidiaries (Bank of China (Hong Kong),
 * ICBC (Asia)); countries are recognized by countryCode. A bracketed place is part of the name, not an alias.
 */
const PLACE_WORDS = new Set([
  'asia', 'europe', 'africa', 'america', 'americas', 'oceania', 'middle east', 'far east', 'asia pacific', 'latin america',
  'north america', 'south america', 'east asia', 'southeast asia', 'london', 'paris', 'new york', 'dubai', 'shanghai', 'beijing',
  'moscow', 'tokyo', 'frankfurt', 'zurich', 'geneva', 'pyongyang', 'seoul', 'dandong', 'shenyang', 'vladivostok', 'macau', 'macao',
  'hong kong', 'hongkong', 'taipei', 'istanbul', 'tehran', 'damascus', 'beirut', 'abu dhabi', 'sharjah', 'kuala lumpur',
]);

/** Is the bracketed text an alias (an acronym or one-word short name) rather than a qualifier of the name? */
function bracketIsAlias(inner: string): boolean {
  const t = inner.trim();
  if (/\s/.test(t)) return false;
  const folded = t.toLowerCase().replace(/[^\p{L}\p{N} ]+/gu, ' ').trim();
  if (PLACE_WORDS.has(folded)) return false;
  return !(folded.length >= 4 && countryCode(folded));
}

/** Alternative names written in one field with a slash: "Al-Qa'ida/Islamic Army" (not "A/S"). */
function slashAlternatives(v: string): string[] {
  if (!v.includes('/')) return [];
  const parts = v.split('/').map((x) => x.trim());
  return parts.length > 1 && parts.every((x) => /\p{L}{3,}/u.test(x)) ? parts : [];
}
export const MAX_NAME_TOKENS = 24;
export const MAX_NAMES = 64;

/** Person names also come as first/last name parts: join them into a full name when no name is given. */
function composedNames(properties: Record<string, string[] | undefined>): string[] {
  const first = properties.firstName ?? [], last = properties.lastName ?? [];
  const out: string[] = [];
  for (const f of first) for (const l of last) out.push(`${f} ${l}`);
  return out;
}

export function prepare(schema: SchemaName, properties: Record<string, string[] | undefined>): Prepared {
  const names: PreparedName[] = [];
  const seen = new Set<string>();
  const pushName = (prop: string, raw: string) => {
    if (names.length >= MAX_NAMES) return;
    const text = raw.slice(0, MAX_NAME_LENGTH).split(/\s+/).slice(0, MAX_NAME_TOKENS).join(' ');
    const form = nameForm(text, schema);
    if (!form.tokens.length && !form.norm.korean) return;
    const key = `${NAME_PROPS[prop]?.weak ? 'w' : 's'}:${form.norm.ascii}`;
    if (seen.has(key)) return;
    seen.add(key);
    names.push({ prop, weak: NAME_PROPS[prop]?.weak ?? false, form });
  };
  for (const prop of Object.keys(NAME_PROPS)) {
    for (const v of properties[prop] ?? []) {
      pushName(prop, v);
      // Lists put an acronym or a short form in brackets: OCEAN MARITIME MANAGEMENT COMPANY, LIMITED (OMM).
      const inner = BRACKETED.exec(v);
      if (inner && schema !== 'Person' && bracketIsAlias(inner[1])) {
        pushName(prop, inner[1]);
        pushName(prop, v.replace(BRACKETED, ' '));
      }
      for (const alt of slashAlternatives(v)) pushName(prop, alt);
      // An organization named in Hangul: also with its institution words in English (조선무역은행 → Korea Trading Bank).
      if (schema !== 'Person' && schema !== 'Vessel' && /[\uac00-\ud7a3]/.test(v)) {
        const translated = translateInstitutionWords(v);
        if (translated) pushName(prop, translated);
      }
    }
  }
  if (!names.length) for (const v of composedNames(properties)) pushName('name', v);
  const countries = new Set<string>();
  for (const prop of COUNTRY_PROPS) {
    for (const v of properties[prop] ?? []) {
      const code = countryCode(v);
      if (code) countries.add(code);
    }
  }
  return {
    schema, schemaCode: SCHEMA_NAMES.indexOf(schema), names, ids: identifierKeys(schema, properties),
    birthDates: (properties.birthDate ?? []).map((d) => d.trim()).filter((d) => /^\d{4}/.test(d)),
    countries: [...countries],
    genders: (properties.gender ?? []).map((g) => g.toLowerCase()),
  };
}

/** A query can be screened when it has a name that normalizes to something or a valid identifier. */
export const usable = (q: Prepared): boolean => q.names.length > 0 || q.ids.length > 0;

/** Schema a query may name; unknown ones are an input error. */
export function parseSchema(name: string | undefined): SchemaName {
  const s = name ?? 'Thing';
  if (!isSchemaName(s)) throw new Error(`unknown schema "${s}"`);
  return s;
}

export function hasProperty(schema: SchemaName, prop: string): boolean {
  return !!propertyOf(schema, prop);
}
