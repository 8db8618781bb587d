import { statedDates } from './dates.js';
import type { Observations, RecordDraft } from './draft.js';
import { countryOf, placeCode } from './places.js';

/**
 * Value readers for remark fields. A reader stores what it understands of a value and says how much:
 * 'full' (nothing lost), 'partial' (stored, but a qualifier such as a document's country or a `circa`
 * has no property: the clause is kept in notes too) or 'none' (not understood: the clause goes to notes).
 */

export type Outcome = 'full' | 'partial' | 'none';

export interface ReadContext {
  draft: RecordDraft;
  observations: Observations;
  /** The whole clause as written, e.g. `alt. Passport 123 (Korea, North)`. */
  clause: string;
}

export type Reader = (value: string, ctx: ReadContext) => Outcome;

/** Stores into the first of `props` the schema defines. */
function putFirst(ctx: ReadContext, props: string[], value: string): boolean {
  const prop = props.find((p) => ctx.draft.has(p));
  return prop !== undefined && ctx.draft.put(prop, value);
}

/** The value as is. */
export const text = (...props: string[]): Reader => (value, ctx) => (value && putFirst(ctx, props, value) ? 'full' : 'none');

/** A value that must match `shape`, e.g. nine digits for an MMSI. */
export const shaped = (shape: RegExp, ...props: string[]): Reader => (value, ctx) =>
  shape.test(value) && putFirst(ctx, props, value) ? 'full' : 'none';

/** A country name, stored as its ISO code. */
export const country = (...props: string[]): Reader => (value, ctx) => {
  const code = countryOf(value, ctx.observations);
  return code && putFirst(ctx, props, code) ? 'full' : 'none';
};

/** A date phrase: `07 Jan 1930`, `circa 1962`, `1962 to 1965`. */
export const dates = (...props: string[]): Reader => (value, ctx) => {
  const stated = statedDates(value);
  if (!stated) return 'none';
  if (!stated.dates.every((d) => putFirst(ctx, props, d))) return 'none';
  return stated.exact ? 'full' : 'partial';
};

/**
 * An identity or registration document: `<number> (<country>) issued <date> expires <date>`.
 * The number is stored (if it has the expected `shape`); country and dates have no property on the record,
 * so such a clause is 'partial'.
 */
export const documentNumber = (prop: string, shape: RegExp = /\d/): Reader => (value, ctx) => {
  const cut = /\s\(|,?\s+(?:issued|expires)\b|,\s/.exec(value);
  const number = (cut ? value.slice(0, cut.index) : value).trim();
  if (!shape.test(number) || !ctx.draft.put(prop, number)) return 'none';
  return cut ? 'partial' : 'full';
};

/** A reader whose label qualifies the value in a way no property keeps (`Previous ...`): stored, and noted. */
export const qualified = (read: Reader): Reader => (value, ctx) => (read(value, ctx) === 'none' ? 'none' : 'partial');

/** The second half of a country name OFAC writes inverted: `Korea, North`, `Congo, Democratic Republic of the`. */
const INVERTED_NAME_END = /^(?:North|South|The|British|.+ of(?: the)?)$/;

/**
 * A place of birth. Its country of birth is the end of the text when that names a country: the last
 * comma-separated part (`Culiacan, Sinaloa, Mexico`), or the last two for an inverted name (`Pyongyang, Korea, North`).
 */
export const birthPlace: Reader = (value, ctx) => {
  if (!ctx.draft.put('birthPlace', value)) return 'none';
  const parts = value.split(',').map((p) => p.trim());
  const last = parts[parts.length - 1];
  const code = parts.length >= 2 && INVERTED_NAME_END.test(last) ? placeCode(parts.slice(-2).join(', ')) : placeCode(last);
  if (code) ctx.draft.put('birthCountry', code);
  return 'full';
};

export const gender: Reader = (value, ctx) => {
  const g = value.toLowerCase();
  return (g === 'male' || g === 'female') && ctx.draft.put('gender', g) ? 'full' : 'none';
};

/** A name in single quotes, as OFAC writes weak aliases: `a.k.a. 'KOMID'`. */
export const quotedName = (prop: string): Reader => (value, ctx) => {
  const m = /^'(.*)'$/.exec(value);
  const name = (m ? m[1] : value).trim();
  return name && ctx.draft.put(prop, name) ? 'full' : 'none';
};

/** A relation to another party named in the remark, e.g. `Linked To: KOREA MINING DEVELOPMENT TRADING CORPORATION`. */
export const link = (type: string): Reader => (value, ctx) => {
  if (!value) return 'none';
  ctx.draft.link(type, value);
  return 'full';
};

/** A legal statement kept whole (label included) among the sanction's provisions. */
export const provision: Reader = (_value, ctx) => {
  ctx.draft.provision(ctx.clause);
  return 'full';
};
