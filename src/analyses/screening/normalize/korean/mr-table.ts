/**
 * Jamo → Latin tables for the two North-oriented systems, indexed like jamo.ts.
 *
 * MR: McCune–Reischauer (McCune & Reischauer, 1939). Plain stops are unvoiced (k t p ch) at the start of a
 *   word and voiced (g d b j) between voiced sounds; aspirates carry an apostrophe (k' t' p' ch'); ㅓ ŏ, ㅡ ŭ
 *   carry a breve; ㅅ is "sh" before ㅣ and ㅟ.
 * DPRK: the DPRK national romanization (1992) as written in DPRK's own English-language publications and on
 *   the sanctions lists: MR without breves or apostrophes, ㅈ always "j", aspirates kh / th / ph, ㅊ "ch";
 *   plain stops voiced between voiced sounds inside a given name (Ri Yong Gil, Jon Myong Guk).
 */

export interface InitialSpelling {
  plain: string;
  /** Between voiced sounds (after a vowel, or a final ㄴ ㄹ ㅁ ㅇ); the plain form when the system does not voice. */
  voiced: string;
}

const i = (plain: string, voiced = plain): InitialSpelling => ({ plain, voiced });

// ㄱ ㄲ ㄴ ㄷ ㄸ ㄹ ㅁ ㅂ ㅃ ㅅ ㅆ ㅇ ㅈ ㅉ ㅊ ㅋ ㅌ ㅍ ㅎ
export const MR_INITIALS: readonly InitialSpelling[] = [
  i('k', 'g'), i('kk'), i('n'), i('t', 'd'), i('tt'), i('r'), i('m'), i('p', 'b'), i('pp'), i('s'), i('ss'), i(''),
  i('ch', 'j'), i('tch'), i("ch'"), i("k'"), i("t'"), i("p'"), i('h'),
];

export const DPRK_INITIALS: readonly InitialSpelling[] = [
  i('k', 'g'), i('kk'), i('n'), i('t', 'd'), i('tt'), i('r'), i('m'), i('p', 'b'), i('pp'), i('s'), i('ss'), i(''),
  i('j'), i('jj'), i('ch'), i('kh'), i('th'), i('ph'), i('h'),
];

// ㅏ ㅐ ㅑ ㅒ ㅓ ㅔ ㅕ ㅖ ㅗ ㅘ ㅙ ㅚ ㅛ ㅜ ㅝ ㅞ ㅟ ㅠ ㅡ ㅢ ㅣ
export const MR_MEDIALS: readonly string[] = [
  'a', 'ae', 'ya', 'yae', 'ŏ', 'e', 'yŏ', 'ye', 'o', 'wa', 'wae', 'oe', 'yo', 'u', 'wŏ', 'we', 'wi', 'yu', 'ŭ', 'ŭi', 'i',
];

export const DPRK_MEDIALS: readonly string[] = [
  'a', 'ae', 'ya', 'yae', 'o', 'e', 'yo', 'ye', 'o', 'wa', 'wae', 'oe', 'yo', 'u', 'wo', 'we', 'wi', 'yu', 'u', 'ui', 'i',
];

// (none) ㄱ ㄲ ㄳ ㄴ ㄵ ㄶ ㄷ ㄹ ㄺ ㄻ ㄼ ㄽ ㄾ ㄿ ㅀ ㅁ ㅂ ㅄ ㅅ ㅆ ㅇ ㅈ ㅊ ㅋ ㅌ ㅍ ㅎ — both systems write the
// representative sound of the final (syllable-final neutralisation).
export const FINAL_SPELLINGS: readonly string[] = [
  '', 'k', 'k', 'k', 'n', 'n', 'n', 't', 'l', 'k', 'm', 'l', 'l', 'l', 'p', 'l', 'm', 'p', 'p', 't', 't',
  'ng', 't', 't', 'k', 't', 'p', 't',
];

/** Finals after which a following plain stop is voiced: none (a vowel), ㄴ ㄵ ㄶ ㄹ ㄻ ㄼ ㄽ ㄾ ㅀ ㅁ ㅇ. */
export const VOICING_FINALS: ReadonlySet<number> = new Set([0, 4, 5, 6, 8, 10, 11, 12, 13, 15, 16, 21]);

/** Medial indices of ㅣ and ㅟ, before which MR writes ㅅ as "sh". */
export const MR_SH_MEDIALS: ReadonlySet<number> = new Set([20, 16]);
