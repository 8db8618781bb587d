import { isSchemaName, propertyOf, type SchemaName } from '../../model/schema.js';
import { countryCode } from '../../model/countries.js';
import { identifierKeys, type IdentifierKey } from './identifiers.js';
import { nameForm, type NameForm } from './forms.js';

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
  names: PreparedName[];
  ids: IdentifierKey[];
  birthDates: string[];
  countries: string[];
  genders: string[];
}

/** Cost limits: a name is cut at this many characters and tokens; a record contributes at most this many names. */
export const MAX_NAME_LENGTH = 500;
/** A short bracketed part of a name: an acronym or a former short name. */
const BRACKETED = /\(([^()]{2,40})\)/;
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
      if (inner && schema !== 'Person') {
        pushName(prop, inner[1]);
        pushName(prop, v.replace(BRACKETED, ' '));
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
    schema, names, ids: identifierKeys(schema, properties),
    birthDates: (properties.birthDate ?? []).map((d) => d.trim()).filter((d) => /^\d{4}/.test(d)),
    countries: [...countries],
    genders: (properties.gender ?? []).map((g) => g.toLowerCase()),
  };
}

/** Schema a query may name; unknown ones are an input error. */
export function parseSchema(name: string | undefined): SchemaName {
  const s = name ?? 'Thing';
  if (!isSchemaName(s)) throw new Error(`unknown schema "${s}"`);
  return s;
}

export function hasProperty(schema: SchemaName, prop: string): boolean {
  return !!propertyOf(schema, prop);
}
