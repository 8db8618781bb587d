import { hangulSyllableKey, latinSyllableKeys, segmentations } from './normalize/index.js';

/**
 * Korean names of things (DPRK vessels above all: CHON MA SAN, JANG JA SAN CHONG NYON HO) read syllable by
 * syllable, so that South Korean spellings (Cheonmasan, Jangjasan Cheongnyeon), run-together words and Hangul
 * (천마산) meet the list's spelling. Person names have their own key (normalize/korean); this is for words.
 */

/** 호 "ship, number": a suffix of DPRK vessel names that lists and press write or drop at will. */
export const VESSEL_SUFFIXES = new Set(['ho']);

const MAX_READINGS = 8;

function hangulReading(text: string): string | undefined {
  const keys: string[] = [];
  for (const ch of text) {
    if (/\s/.test(ch)) continue;
    const k = hangulSyllableKey(ch);
    if (!k) return undefined;
    keys.push(k);
  }
  if (keys.at(-1) === hangulSyllableKey('호')) keys.pop();
  return keys.length >= 2 ? keys.join('-') : undefined;
}

/** Syllable-key readings of a name made of romanized Korean words (or Hangul); [] when it is not one. */
export function koreanWordReadings(raw: string, tokens: string[]): string[] {
  if (/[\uac00-\ud7a3]/.test(raw)) {
    const h = hangulReading(raw.replace(/[^\uac00-\ud7a3\s]/g, ''));
    return h ? [h] : [];
  }
  const words = tokens.filter((t, i) => !(i === tokens.length - 1 && VESSEL_SUFFIXES.has(t)));
  if (!words.length || words.some((t) => !/^[a-z]+$/.test(t))) return [];
  let readings: string[][] = [[]];
  for (const w of words) {
    const segs = segmentations(w, 4);
    if (!segs.length) return [];
    const next: string[][] = [];
    for (const seg of segs) {
      const keys = seg.map((s) => latinSyllableKeys(s)[0]);
      if (keys.some((k) => k === undefined)) continue;
      for (const r of readings) next.push([...r, ...keys]);
    }
    if (!next.length) return [];
    readings = next.slice(0, MAX_READINGS);
  }
  const out = [...new Set(readings.filter((r) => r.length >= 2).map((r) => r.join('-')))];
  return out.slice(0, MAX_READINGS);
}
