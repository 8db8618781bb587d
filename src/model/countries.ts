import countries from 'i18n-iso-countries';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
countries.registerLocale(require('i18n-iso-countries/langs/en.json'));

/** Spellings used by sanctions lists that the ISO name tables do not know. Keys are folded (see fold). */
const LIST_SPELLINGS: Record<string, string> = {
  'korea north': 'kp', 'north korea': 'kp', 'dprk': 'kp', "democratic people's republic of korea": 'kp',
  'democratic peoples republic of korea': 'kp', 'korea dprk': 'kp', "korea democratic people's republic of": 'kp',
  'korea south': 'kr', 'south korea': 'kr', 'republic of korea': 'kr', 'korea republic of': 'kr',
  'russia': 'ru', 'russian federation': 'ru', 'iran': 'ir', 'syria': 'sy', 'burma': 'mm', 'laos': 'la',
  'vietnam': 'vn', 'viet nam': 'vn', 'taiwan': 'tw', 'hong kong': 'hk', 'macau': 'mo', 'macao': 'mo',
  'china': 'cn', "people's republic of china": 'cn', 'united kingdom': 'gb', 'uk': 'gb',
  'united states': 'us', 'usa': 'us', 'united arab emirates': 'ae', 'uae': 'ae', 'bolivia': 'bo',
  'venezuela': 've', 'tanzania': 'tz', 'moldova': 'md', 'czech republic': 'cz', 'czechia': 'cz',
  'congo democratic republic of the': 'cd', 'democratic republic of the congo': 'cd', 'congo republic of the': 'cg',
  'cote d ivoire': 'ci', "cote d'ivoire": 'ci', 'west bank': 'ps', 'gaza': 'ps', 'palestinian': 'ps',
  'kosovo': 'xk', 'micronesia federated states of': 'fm', 'saint kitts and nevis': 'kn', 'st kitts and nevis': 'kn',
  'the gambia': 'gm', 'gambia the': 'gm', 'bahamas the': 'bs', 'the bahamas': 'bs', 'region crimea': 'ua-cri',
  'turkey': 'tr', 'turkiye': 'tr', 'brunei': 'bn', 'cape verde': 'cv', 'swaziland': 'sz', 'eswatini': 'sz',
  'macedonia': 'mk', 'north macedonia': 'mk', 'netherlands antilles': 'an', 'sierra leone': 'sl',
  // OFAC spellings (sdn.csv Vess_flag, add.csv country, remarks nationality and POB).
  'north macedonia the republic of': 'mk', 'macedonia the former yugoslav republic of': 'mk', 'cabo verde': 'cv',
  'st vincent and the grenadines': 'vc', 'st kitts & nevis': 'kn', 'british virgin islands': 'vg', 'man isle of': 'im',
  'bosnia-herzegovina': 'ba', 'gaza strip': 'ps', 'the philippines': 'ph',
  // UN, UK HMT and FCDO spellings (long official forms, and misspellings exactly as the UK HMT list writes them).
  'united kingdom of great britain and northern ireland': 'gb', 'china hong kong special administrative region': 'hk',
  'china macao special administrative region': 'mo', 'libyan arab jamahiriya': 'ly', 'libyan arab jamahirya': 'ly',
  'palestinian territories': 'ps', 'occupied palestinian territory': 'ps', 'republic of armenia': 'am',
  'republic of belarus': 'by', 'republic of djibouti': 'dj', 'republic of montenegro': 'me', 'republic of serbia': 'rs',
  'union of the comoros': 'km', 'kingdom of saudi arabia': 'sa', 'united kingom': 'gb', 'aghanistan': 'af',
};

function fold(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’`]/g, "'")
    .replace(/[.,()]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const cache = new Map<string, string | undefined>();

/** ISO 3166-1 alpha-2 code, lower case, for a country name or code as lists write it; undefined if unknown. */
export function countryCode(name: string | undefined | null): string | undefined {
  if (!name) return undefined;
  const key = fold(name);
  if (!key) return undefined;
  if (cache.has(key)) return cache.get(key);
  let code: string | undefined = LIST_SPELLINGS[key] ?? LIST_SPELLINGS[key.replace(/'/g, '')];
  if (!code && /^[a-z]{2}$/.test(key) && countries.isValid(key.toUpperCase())) code = key;
  if (!code && /^[a-z]{3}$/.test(key)) code = countries.alpha3ToAlpha2(key.toUpperCase())?.toLowerCase();
  if (!code) code = countries.getAlpha2Code(name.trim(), 'en')?.toLowerCase();
  if (!code) code = countries.getAlpha2Code(key, 'en')?.toLowerCase();
  cache.set(key, code);
  return code;
}

/** English country name for a code ('kp' -> "North Korea"). */
export function countryName(code: string): string {
  if (code === 'kp') return 'North Korea';
  if (code === 'kr') return 'South Korea';
  return countries.getName(code.toUpperCase(), 'en', { select: 'official' }) ?? code.toUpperCase();
}

export const DPRK = 'kp';
