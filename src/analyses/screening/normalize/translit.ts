/**
 * Any script → Latin. Hangul goes through the Korean module (DPRK official spelling, the spelling the
 * sanctions lists use for DPRK names); Han characters are transliterated one by one (any-ascii's Mandarin
 * pinyin) with a space between them, so that the same characters always give the same tokens; everything
 * else (Cyrillic, Greek, Latin with diacritics, kana ...) through any-ascii.
 */
import anyAscii from 'any-ascii';
import { isAscii } from './unicode.js';
import { hangulSurnameOf } from './korean/surnames.js';
import { romanizeHangulName, romanizeHangulWord, romanizeSyllables } from './korean/romanize.js';
import { decomposeAll } from './korean/jamo.js';

/**
 * How a run of Hangul is written: 'name' — a personal name in the DPRK style, one word per syllable after
 * the surname (리영길 → Ri Yong Gil); 'word' — one word (조선 → Joson).
 */
export type HangulMode = 'name' | 'word';

const HAN = /\p{Script=Han}/u;

function isHangulSyllableCode(c: number): boolean {
  return c >= 0xac00 && c <= 0xd7a3;
}

function hangulRun(run: string, mode: HangulMode, firstRun: boolean): string {
  if (mode === 'word') return romanizeHangulWord(run, 'dprk');
  if (firstRun && run.length >= 2 && hangulSurnameOf(run)) return romanizeHangulName(run).dprk;
  return romanizeSyllables(decomposeAll(run), 'dprk').join(' ');
}

export function transliterate(s: string, mode: HangulMode = 'word'): string {
  if (isAscii(s)) return s;
  let out = '';
  let other = '';
  let hangulRuns = 0;
  const flush = () => {
    if (other) out += anyAscii(other);
    other = '';
  };
  for (let k = 0; k < s.length; ) {
    const c = s.charCodeAt(k);
    if (isHangulSyllableCode(c)) {
      let e = k + 1;
      while (e < s.length && isHangulSyllableCode(s.charCodeAt(e))) e++;
      flush();
      out += ` ${hangulRun(s.slice(k, e), mode, hangulRuns++ === 0)} `;
      k = e;
      continue;
    }
    const ch = String.fromCodePoint(s.codePointAt(k)!);
    k += ch.length;
    if (c <= 0x7f) {
      flush();
      out += ch;
    } else if (HAN.test(ch)) {
      flush();
      out += ` ${anyAscii(ch)} `;
    } else {
      other += ch;
    }
  }
  flush();
  return out;
}
