/**
 * How each jamo is spelled in Latin, as data for the inverse table of syllable-key.ts.
 *
 * `std`: the spellings of the standard systems — Revised Romanization (2000), McCune–Reischauer (1939) with
 *   breves and apostrophes dropped (ŏ → o, ŭ → u, ch' → ch), and the DPRK national romanization (1992:
 *   kh / th / ph for aspirates, j for ㅈ).
 * `cust`: customary spellings found in passports and the press (Lee, Choi, Young, Kyung, Chul, Woo, Joo ...).
 *   A key reached only through a customary spelling is ranked after the standard readings.
 * Flags on vowels: `closed` — the spelling only stands for that vowel before a final consonant (customary "u"
 *   for ㅓ: Chul 철, Sung 성, Kyung 경, Hyun 현); `bare` — only with no initial consonant (Woo 우, Yi 이).
 * Only representative finals are listed: every other final is neutralised to one of them in speech and in all
 * the systems, and the key depends on the sound class only.
 */

export interface VowelSpelling {
  text: string;
  closed?: boolean;
  bare?: boolean;
}

export interface JamoSpellings<T> {
  std: readonly T[];
  cust: readonly T[];
}

const c = (std: string, cust = ''): JamoSpellings<string> => ({ std: words(std), cust: words(cust) });
const words = (s: string): string[] => (s === '' ? [] : s.split(' '));

/** Initials in jamo index order: ㄱ ㄲ ㄴ ㄷ ㄸ ㄹ ㅁ ㅂ ㅃ ㅅ ㅆ ㅇ ㅈ ㅉ ㅊ ㅋ ㅌ ㅍ ㅎ. ㅇ is the empty spelling. */
export const INITIAL_SPELLINGS: readonly JamoSpellings<string>[] = [
  c('k g'), c('kk gg'), c('n'), c('t d'), c('tt dd'), c('r l', 'rh'), c('m'), c('p b'), c('pp bb'), c('s sh'), c('ss'),
  { std: [''], cust: [] }, c('ch j'), c('tch jj'), c('ch'), c('k kh'), c('t th'), c('p ph'), c('h'),
];

const v = (std: string, cust: VowelSpelling[] = []): JamoSpellings<VowelSpelling> => ({
  std: words(std).map((text) => ({ text })),
  cust,
});

/** Vowels in jamo index order. */
export const MEDIAL_SPELLINGS: readonly JamoSpellings<VowelSpelling>[] = [
  v('a'), // ㅏ
  v('ae', [{ text: 'ai' }]), // ㅐ  (Paik, Pai)
  v('ya'), // ㅑ
  v('yae'), // ㅒ
  v('eo o', [{ text: 'u', closed: true }]), // ㅓ  (Chul, Sung, Jung)
  v('e'), // ㅔ
  v('yeo yo', [{ text: 'you' }, { text: 'yu', closed: true }]), // ㅕ  (Young, Kyung, Hyun)
  v('ye'), // ㅖ
  v('o'), // ㅗ
  v('wa'), // ㅘ
  v('wae'), // ㅙ
  v('oe', [{ text: 'oi' }]), // ㅚ  (Choi)
  v('yo'), // ㅛ
  v('u', [{ text: 'oo' }, { text: 'woo', bare: true }, { text: 'wu', bare: true }]), // ㅜ  (Joo, Moon, Woo)
  v('wo', [{ text: 'weo' }]), // ㅝ  (Weon)
  v('we'), // ㅞ
  v('wi', [{ text: 'wee' }]), // ㅟ
  v('yu', [{ text: 'yoo' }, { text: 'you' }]), // ㅠ  (Yoo, You)
  v('eu u'), // ㅡ
  v('ui', [{ text: 'eui' }]), // ㅢ
  v('i', [{ text: 'ee' }, { text: 'yi', bare: true }]), // ㅣ  (Lee, Hee, Yi)
];

/** Representative finals (jamo index → spellings): none, ㄱ, ㄴ, ㄷ, ㄹ, ㅁ, ㅂ, ㅇ. */
export const FINAL_SPELLINGS_BY_INDEX: ReadonlyMap<number, JamoSpellings<string>> = new Map([
  [0, { std: [''], cust: [] }],
  [1, c('k', 'ck')],
  [4, c('n')],
  [7, c('t')],
  [8, c('l')],
  [16, c('m')],
  [17, c('p', 'b')],
  [21, c('ng')],
]);
