/**
 * Korean name keys: a name (Hangul or any romanization) → its syllable-key sequences.
 *
 *  - syllableKeys: the syllables' keys in written order, joined by '-' (Kim Jong Un → kim-cong-un); spacing and
 *    hyphenation do not count (Kim Jong-un, Kim Jongun give the same).
 *  - orderFreeKeys: surname + '|' + given name (kim|cong-un), so that Jong Un Kim and KIM, Jong-un meet too.
 *    The surname is an end group (first or last) that is a known surname; when both ends are, both splits
 *    are given, the preferred one first (see surnameGroups), so the preferred key of Kim Jong Un and
 *    Jong Un Kim is the same. A Hangul name without a known surname: the
 *    groups' keys sorted. A romanized name without one is not taken as Korean.
 * When a name mixes Hangul and Latin (Kim Jong Un (김정은)), only the Hangul is read.
 * Ambiguous spellings and segmentations give several keys (at most MAX_KEYS), the preferred one first:
 * two names are the same Korean name when their key sets intersect.
 */
import { cachedPartReadings, groupReadings } from './group-readings.js';
import { HANGUL_RUN, parseGroups, type Group } from './groups.js';
import { reading, type Reading } from './reading.js';
import { surnameRank, surnamesByKey, type SurnameCandidate } from './surname-index.js';

export type { SurnameCandidate } from './surname-index.js';

/** At most this many keys of each kind per name. */
export const MAX_KEYS = 16;

export interface KoreanName {
  /** The preferred reading's syllable keys, in written order. */
  syllables: string[];
  /** In-order keys ('-'-joined syllables), preferred first. */
  syllableKeys: string[];
  /** The preferred order-free key. */
  orderFreeKey: string;
  /** Every order-free key, preferred first. */
  orderFreeKeys: string[];
  /** The surnames the name can start or end with, preferred first (empty when none was found). */
  surnameCandidates: SurnameCandidate[];
}

/** Surnames of rank below this (김 이 박 최 정 강 조 윤 장 임) are common enough to outweigh the Korean order. */
const COMMON_SURNAMES = 10;

/**
 * The groups that can be the surname, best first: the end groups (first, last) that read as a known surname.
 * A first group followed by a comma (KIM, Jong-un) is the only one. Otherwise the first group comes first
 * (the Korean order: Thae Yong Ho, Min Byong Chun), unless the last is a more frequent surname and one of the
 * most common (Jong Un Kim → Kim, not Jong).
 */
function surnameGroups(groups: readonly Group[], readings: readonly Reading[][]): number[] {
  if (groups.length < 2) return [];
  const rankOf = (g: number) => {
    let best = Infinity;
    for (const r of readings[g]) if (r.syllables.length <= 2) best = Math.min(best, surnameRank(r));
    return best;
  };
  const last = groups.length - 1;
  const first = rankOf(0);
  const end = rankOf(last);
  if (groups[0].beforeComma && first < Infinity) return [0];
  const out: number[] = [];
  if (first < Infinity) out.push(0);
  if (end < Infinity) out.push(last);
  if (out.length === 2 && end < Math.min(first, COMMON_SURNAMES)) out.reverse();
  return out;
}

/** Every combination of one reading per group, preferred readings first, at most `limit`. */
function product(lists: readonly Reading[][], limit: number): Reading[][] {
  let out: Reading[][] = [[]];
  for (const list of lists) {
    if (list.length === 1) {
      for (const c of out) c.push(list[0]);
      continue;
    }
    const next: Reading[][] = [];
    for (const prefix of out) for (const r of list) if (next.length < limit) next.push([...prefix, r]);
    out = next;
  }
  return out;
}

function inOrderKey(c: readonly Reading[]): string {
  let k = c[0].key;
  for (let g = 1; g < c.length; g++) k += `-${c[g].key}`;
  return k;
}

/**
 * The order-free key of one combination of readings, `sur` being the surname group or -1. `oneWord`: the name
 * is a single unhyphenated word, which may be a surname alone (kim|) or start with one (Kimjongun → kim|cong-un).
 */
function orderFreeKey(c: readonly Reading[], sur: number, oneWord: boolean): string {
  if (sur < 0) {
    if (oneWord && surnameRank(c[0]) < Infinity) return `${c[0].key}|`;
    if (oneWord && c[0].syllables.length >= 2 && surnameRank(reading(c[0].syllables.slice(0, 1))) < Infinity) {
      return `${c[0].syllables[0]}|${c[0].syllables.slice(1).join('-')}`;
    }
    return c.map((r) => r.key).sort().join('|');
  }
  let given = '';
  for (let g = 0; g < c.length; g++) if (g !== sur) given += given ? `-${c[g].key}` : c[g].key;
  return `${c[sur].key}|${given}`;
}

function unique(xs: string[]): string[] {
  return xs.length < 2 ? xs : [...new Set(xs)];
}

/**
 * The Korean keys of a name, or undefined when it cannot be read as a Korean name: Hangul, or romanized
 * syllables with a known surname as the first or last word (or starting a one-word name).
 */
export function koreanName(raw: string): KoreanName | undefined {
  const groups = parseGroups(raw);
  if (!groups) return undefined;
  const readings = groups.map(groupReadings);
  for (const r of readings) if (r.length === 0) return undefined;

  const combos = product(readings, MAX_KEYS);
  const syllableKeys = unique(combos.map(inOrderKey));
  const surs = surnameGroups(groups, readings);
  const orderFree: string[] = [];
  const surnameKeys: string[] = [];
  const oneWord = groups.length === 1 && !groups[0].text.includes('-');
  if (surs.length === 0) {
    for (const c of combos) orderFree.push(orderFreeKey(c, -1, oneWord));
    if (oneWord) for (const k of orderFree) if (k.includes('|')) surnameKeys.push(k.slice(0, k.indexOf('|')));
  }
  for (const sur of surs) {
    // With `sur` as the surname group, only its surname readings count.
    const asSurname = readings.map((r, g) => (g === sur ? r.filter((x) => surnameRank(x) < Infinity) : r));
    for (const c of product(asSurname, MAX_KEYS)) orderFree.push(orderFreeKey(c, sur, false));
    for (const r of asSurname[sur]) surnameKeys.push(r.key);
  }
  // A romanized name is taken as Korean only with a known surname at one end: Korean given names alone, and
  // the many Burmese, Arabic or Chinese names that happen to read as Korean syllables, are left out.
  if (surnameKeys.length === 0 && !groups[0].hangul) return undefined;
  const orderFreeKeys = unique(orderFree).slice(0, MAX_KEYS);
  return {
    syllables: combos[0].flatMap((r) => r.syllables),
    syllableKeys,
    orderFreeKey: orderFreeKeys[0],
    orderFreeKeys,
    surnameCandidates: unique(surnameKeys).flatMap((k) => [...surnamesByKey(k)]),
  };
}

/** The keys to match a Korean name on (its order-free keys); [] when it is not readable as Korean. */
export function koreanKeys(name: string): string[] {
  return koreanName(name)?.orderFreeKeys ?? [];
}

/**
 * A heuristic: true when every token is Hangul, or reads as at most three Korean syllables
 * (RI, Yong-Gil, jongun, choeryonghae). Tokens are folded (lower-case); a hyphenated token counts per part.
 */
export function isLikelyKorean(tokens: readonly string[]): boolean {
  if (tokens.length === 0) return false;
  return tokens.every((t) => {
    if (HANGUL_RUN.test(t)) return true;
    const parts = t.split('-').filter(Boolean);
    return parts.length > 0 && parts.every((p) => cachedPartReadings(p).length > 0);
  });
}
