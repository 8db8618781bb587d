/** The Korean module: Hangul jamo arithmetic, romanization, surnames and the canonical syllable key. */
export { compose, decompose, decomposeAll, hasHangul, isHangulSyllable, jamoLetters, type Jamo } from './jamo.js';
export { romanizeHangulName, romanizeHangulWord, romanizeSyllables, type HangulNameRomanization, type NorthSystem } from './romanize.js';
export { SURNAMES, SURNAME_RANK, hangulSurnameOf, type SurnameEntry } from './surnames.js';
export { hangulSyllableKey, jamoKey, latinSyllableKeys, spellingTable } from './syllable-key.js';
export { segmentations } from './segment.js';
export { MAX_KEYS, isLikelyKorean, koreanKeys, koreanName, type KoreanName, type SurnameCandidate } from './name-keys.js';
