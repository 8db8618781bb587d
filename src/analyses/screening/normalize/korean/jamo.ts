/**
 * Hangul syllable (de)composition by Unicode arithmetic (Unicode 15, §3.12 "Conjoining Jamo Behavior"):
 * a precomposed syllable U+AC00..U+D7A3 is AC00 + (initial × 21 + medial) × 28 + final.
 * The jamo below are the compatibility letters, listed in the standard's index order, for readability.
 */

export const SYLLABLE_FIRST = 0xac00;
export const SYLLABLE_LAST = 0xd7a3;

/** The 19 initial consonants (choseong), index order. */
export const INITIALS = ['ㄱ', 'ㄲ', 'ㄴ', 'ㄷ', 'ㄸ', 'ㄹ', 'ㅁ', 'ㅂ', 'ㅃ', 'ㅅ', 'ㅆ', 'ㅇ', 'ㅈ', 'ㅉ', 'ㅊ', 'ㅋ', 'ㅌ', 'ㅍ', 'ㅎ'] as const;

/** The 21 vowels (jungseong), index order. */
export const MEDIALS = [
  'ㅏ', 'ㅐ', 'ㅑ', 'ㅒ', 'ㅓ', 'ㅔ', 'ㅕ', 'ㅖ', 'ㅗ', 'ㅘ', 'ㅙ', 'ㅚ', 'ㅛ', 'ㅜ', 'ㅝ', 'ㅞ', 'ㅟ', 'ㅠ', 'ㅡ', 'ㅢ', 'ㅣ',
] as const;

/** The 28 finals (jongseong), index order; index 0 is "no final". */
export const FINALS = [
  '', 'ㄱ', 'ㄲ', 'ㄳ', 'ㄴ', 'ㄵ', 'ㄶ', 'ㄷ', 'ㄹ', 'ㄺ', 'ㄻ', 'ㄼ', 'ㄽ', 'ㄾ', 'ㄿ', 'ㅀ', 'ㅁ', 'ㅂ', 'ㅄ', 'ㅅ', 'ㅆ',
  'ㅇ', 'ㅈ', 'ㅊ', 'ㅋ', 'ㅌ', 'ㅍ', 'ㅎ',
] as const;

export type Initial = (typeof INITIALS)[number];
export type Medial = (typeof MEDIALS)[number];
export type Final = (typeof FINALS)[number];

/** A decomposed syllable, as indices into INITIALS / MEDIALS / FINALS. */
export interface Jamo {
  initial: number;
  medial: number;
  final: number;
}

export function isHangulSyllable(cp: number): boolean {
  return cp >= SYLLABLE_FIRST && cp <= SYLLABLE_LAST;
}

/** True if the string holds at least one precomposed Hangul syllable or Hangul jamo. */
export function hasHangul(s: string): boolean {
  return /[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]/.test(s);
}

/** Decompose one precomposed syllable; undefined for anything else. */
export function decompose(syllable: string): Jamo | undefined {
  const cp = syllable.codePointAt(0);
  if (cp === undefined || !isHangulSyllable(cp)) return undefined;
  const offset = cp - SYLLABLE_FIRST;
  return { initial: Math.floor(offset / 588), medial: Math.floor((offset % 588) / 28), final: offset % 28 };
}

export function compose(j: Jamo): string {
  return String.fromCharCode(SYLLABLE_FIRST + (j.initial * 21 + j.medial) * 28 + j.final);
}

/** Decompose every syllable of a string; characters that are not syllables are skipped. */
export function decomposeAll(s: string): Jamo[] {
  const out: Jamo[] = [];
  for (const ch of s) {
    const j = decompose(ch);
    if (j) out.push(j);
  }
  return out;
}

/** The compatibility jamo letters of a syllable, e.g. 길 → ['ㄱ', 'ㅣ', 'ㄹ']. */
export function jamoLetters(syllable: string): string[] {
  const j = decompose(syllable);
  if (!j) return [];
  return [INITIALS[j.initial], MEDIALS[j.medial], FINALS[j.final]].filter(Boolean);
}
