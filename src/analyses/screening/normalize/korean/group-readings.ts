/**
 * The readings of a group: Hangul has exactly one; a romanized word has one per way of segmenting it into the
 * fewest syllables (segment.ts) × the keys each syllable spelling can stand for (syllable-key.ts), plus the
 * surname it spells when it is a customary surname spelling (Park, Oh, Ahn, Joe), last. Preferred readings
 * come first.
 */
import type { Group } from './groups.js';
import { concat, hangulReading, reading, type Reading } from './reading.js';
import { segmentations } from './segment.js';
import { surnameKeysBySpelling } from './surname-index.js';
import { latinSyllableKeys } from './syllable-key.js';

export const MAX_READINGS_PER_GROUP = 6;
/** A romanized word of more syllables is not read as Korean (names are 1–3 syllables a word). */
export const MAX_SYLLABLES_PER_WORD = 3;

function pushUnique(list: Reading[], r: Reading): void {
  if (!list.some((x) => x.key === r.key)) list.push(r);
}

/** Readings of one romanized part (no hyphen inside), [] when it is not Korean. */
function partReadings(part: string): Reading[] {
  const out: Reading[] = [];
  for (const seg of segmentations(part)) {
    if (seg.length > MAX_SYLLABLES_PER_WORD) break;
    let partial: string[][] = [[]];
    for (const syllable of seg) {
      const next: string[][] = [];
      for (const prefix of partial) for (const key of latinSyllableKeys(syllable)) next.push([...prefix, key]);
      partial = next.slice(0, MAX_READINGS_PER_GROUP);
    }
    for (const r of partial) pushUnique(out, reading(r));
  }
  for (const key of surnameKeysBySpelling(part)) pushUnique(out, reading(key.split('-')));
  return out.slice(0, MAX_READINGS_PER_GROUP);
}

// Names share their words (Kim, Jong, Chol ...): part readings are memoised, the memo emptied when full.
const cache = new Map<string, Reading[]>();
const CACHE_LIMIT = 50_000;

export function cachedPartReadings(part: string): Reading[] {
  let r = cache.get(part);
  if (r === undefined) {
    if (cache.size >= CACHE_LIMIT) cache.clear();
    r = partReadings(part);
    cache.set(part, r);
  }
  return r;
}

/** Readings of a group: hyphenated parts read separately, then concatenated; [] when not Korean. */
export function groupReadings(group: Group): Reading[] {
  if (group.hangul) return [hangulReading(group.text)];
  if (group.text.indexOf('-') < 0) return cachedPartReadings(group.text);
  let partial: Reading[] = [reading([])];
  for (const part of group.text.split('-')) {
    if (!part) continue;
    const readings = cachedPartReadings(part);
    if (readings.length === 0) return [];
    const next: Reading[] = [];
    for (const prefix of partial) for (const r of readings) next.push(concat(prefix, r));
    partial = next.slice(0, MAX_READINGS_PER_GROUP);
  }
  return partial[0].syllables.length ? partial : [];
}
