import { countryCode } from '../../model/countries.js';

/**
 * Value clean-up shared by the UN, UK and EU parsers: dates as the lists write them, genders, addresses,
 * enumerated free text and country names. Pure functions, no list knowledge.
 */

const ISO = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/;

function validParts(y: string, m?: string, d?: string): string | undefined {
  const year = Number(y);
  if (year < 1800 || year > 2200) return undefined;
  if (m === undefined) return y;
  const month = Number(m);
  if (month < 1 || month > 12) return y;
  if (d === undefined) return `${y}-${m}`;
  const day = Number(d);
  if (day < 1 || day > 31) return `${y}-${m}`;
  return `${y}-${m}-${d}`;
}

/**
 * An ISO date as written ('2016-11-30', '2015-07-01-04:00', '2026-05-08T23:00:06.922Z', '1964', '1964-07')
 * as YYYY, YYYY-MM or YYYY-MM-DD (the date part as written; no time-zone shift). Undefined if not a date.
 */
export function isoDate(value: string | undefined | null): string | undefined {
  const v = (value ?? '').trim();
  const m = ISO.exec(v);
  if (!m) return undefined;
  // '1964-07-17' and '1964' are dates; '19641' is not.
  const rest = v.slice(m[0].length);
  if (rest && !/^(?:[T\s]|[-+]\d{2}:?\d{2}|Z)/.test(rest)) return undefined;
  return validParts(m[1], m[2], m[3]);
}

/**
 * A day/month/year date as the UK lists write it: '17/08/1957'; unknown parts as '00' or 'dd'/'mm'
 * ('00/00/1955', 'dd/mm/1962', 'dd/07/1978'). Gives YYYY, YYYY-MM or YYYY-MM-DD; undefined if not a date.
 */
export function dmyDate(value: string | undefined | null): string | undefined {
  const v = (value ?? '').trim();
  const m = /^(\d{1,2}|dd|DD)\/(\d{1,2}|mm|MM)\/(\d{4})$/.exec(v);
  if (!m) return isoDate(v);
  const [, d, mo, y] = m;
  const month = /^\d+$/.test(mo) && Number(mo) > 0 ? mo.padStart(2, '0') : undefined;
  const day = month && /^\d+$/.test(d) && Number(d) > 0 ? d.padStart(2, '0') : undefined;
  return validParts(y, month, day);
}

/** Every year from `from` to `to`, for 'born between' ranges; a range wider than `maxSpan` gives its two ends. */
export function yearRange(from: string, to: string, maxSpan = 30): string[] {
  const a = Number(from), b = Number(to);
  if (!Number.isInteger(a) || !Number.isInteger(b) || a < 1800 || b > 2200) return [];
  const [lo, hi] = a <= b ? [a, b] : [b, a];
  if (hi - lo > maxSpan) return [String(lo), String(hi)];
  const out: string[] = [];
  for (let y = lo; y <= hi; y++) out.push(String(y));
  return out;
}

/** Dates in a free date field: an ISO or d/m/y date, or a year range written '1980 - 1982'. */
export function datesIn(value: string | undefined | null): string[] {
  const v = (value ?? '').trim();
  const range = /^(\d{4})\s*(?:-|–|to)\s*(\d{4})$/.exec(v);
  if (range) return yearRange(range[1], range[2]);
  const d = dmyDate(v);
  return d ? [d] : [];
}

const GENDERS: Record<string, string> = { male: 'male', m: 'male', female: 'female', f: 'female' };

/** FtM gender ('male', 'female') from 'Male', 'MALE', 'M', 'f'...; undefined for 'Unknown' and the like. */
export function gender(value: string | undefined | null): string | undefined {
  return GENDERS[(value ?? '').trim().toLowerCase()];
}

/** Non-empty trimmed parts joined with ', ' (consecutive repeats dropped): a readable address or place. */
export function joinParts(parts: (string | undefined | null)[], sep = ', '): string {
  const out: string[] = [];
  for (const p of parts) {
    const v = (p ?? '').replace(/\s+/g, ' ').trim();
    if (v && out[out.length - 1]?.toLowerCase() !== v.toLowerCase()) out.push(v);
  }
  return out.join(sep);
}

/**
 * Splits UK-style enumerated free text: '(1) Somali (2) Swedish' -> ['Somali', 'Swedish'];
 * '(1)-(2) Tunisia (3) Libya' -> ['Tunisia', 'Libya']; text without markers -> [text].
 */
export function splitEnumerated(value: string | undefined | null): string[] {
  const v = (value ?? '').trim();
  if (!v) return [];
  if (!/\(\d+\)/.test(v)) return [v];
  return v
    .split(/\(\d+\)/)
    .map((s) => s.trim().replace(/^(?:-|–|to|and|,)\s*/i, '').replace(/[,;]\s*$/, '').trim())
    .filter(Boolean);
}

/** Text without parenthesised remarks: 'Pakistan (at time of listing)' -> 'Pakistan'. */
export function stripParens(value: string): string {
  return value.replace(/\([^)]*\)/g, ' ').replace(/\s+/g, ' ').trim();
}

/**
 * Country code for a country as lists write it, trying the text as is, then without parenthesised remarks and
 * trailing post codes ('Singapore 188425'). Undefined when unknown: callers keep the text.
 */
export function countryOf(value: string | undefined | null): string | undefined {
  const v = (value ?? '').trim();
  if (!v) return undefined;
  if (COUNTRY_MEMO.has(v)) return COUNTRY_MEMO.get(v);
  const code = countryCode(v) ?? countryCode(stripParens(v)) ?? countryCode(stripParens(v).replace(/[\s\d-]+$/, ''));
  COUNTRY_MEMO.set(v, code);
  return code;
}

/** Lists repeat a few hundred country spellings thousands of times: remembered as written. */
const COUNTRY_MEMO = new Map<string, string | undefined>();

/** Removes one pair of quotes around a whole value: '"KOMID"' -> 'KOMID'. Inner quotes are kept. */
export function stripQuotes(value: string): string {
  const v = value.trim();
  const m = /^(["“”«'‘’])(.+)(["“”»'‘’])$/.exec(v);
  if (!m) return v;
  const pairs: Record<string, string> = { '"': '"', '“': '”', '”': '”', '«': '»', "'": "'", '‘': '’', '’': '’' };
  if (pairs[m[1]] !== m[3] && !(m[1] === '"' && m[3] === '"')) return v;
  if (/["“”«»]/.test(m[2]) || (m[1] === "'" && m[2].includes("'"))) return v;
  return m[2].trim();
}
