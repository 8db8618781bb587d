/**
 * The canonical syllable key: one short ASCII string per Korean syllable, the same whether the syllable comes
 * as Hangul or in any romanization (RR, MR, DPRK official, customary), so that 리영길, Ri Yong Gil,
 * Lee Young-kil and Yi Yeong Gil all become i·yong·kil.
 *
 * Deliberate collapses (what the key cannot tell apart):
 *  - plain / tense / aspirated stops: ㄱㄲㅋ k, ㄷㄸㅌ t, ㅂㅃㅍ p, ㅈㅉㅊ c; ㅅㅆ s (Pak = Park = Bak, Jo = Cho);
 *  - the ㄹ/ㄴ initial-sound rule (두음법칙) applied everywhere: ㄹ or ㄴ before i / y is dropped, ㄹ elsewhere
 *    is ㄴ (Ri = Lee = Yi = I, Ryong = Yong, Ro = No, Ryu = Yu, Rim = Im, Ra = Na);
 *  - vowels: ㅓ/ㅗ → o (ŏ, eo, o), ㅕ/ㅛ → yo, ㅜ/ㅡ → u (u, ŭ, eu), ㅐ/ㅔ → e, ㅒ/ㅖ → ye,
 *    ㅙ/ㅚ/ㅞ → we (oe, oi, we, wae), ㅢ/ㅣ → i (ui, ŭi, eui, ee, i);
 *  - finals by sound class: k, n, t, l, m, p, ng.
 * Customary spellings that are ambiguous beyond these classes give several keys (Chul → cul | col) —
 * see spellings.ts; the matching rule is "two names meet when their key sets intersect".
 */
import { decompose, type Jamo } from './jamo.js';
import { FINAL_SPELLINGS_BY_INDEX, INITIAL_SPELLINGS, MEDIAL_SPELLINGS } from './spellings.js';

// ㄱ ㄲ ㄴ ㄷ ㄸ ㄹ ㅁ ㅂ ㅃ ㅅ ㅆ ㅇ ㅈ ㅉ ㅊ ㅋ ㅌ ㅍ ㅎ
const INITIAL_CLASS = ['k', 'k', 'n', 't', 't', 'r', 'm', 'p', 'p', 's', 's', '', 'c', 'c', 'c', 'k', 't', 'p', 'h'];
// ㅏ ㅐ ㅑ ㅒ ㅓ ㅔ ㅕ ㅖ ㅗ ㅘ ㅙ ㅚ ㅛ ㅜ ㅝ ㅞ ㅟ ㅠ ㅡ ㅢ ㅣ
const MEDIAL_CLASS = ['a', 'e', 'ya', 'ye', 'o', 'e', 'yo', 'ye', 'o', 'wa', 'we', 'we', 'yo', 'u', 'wo', 'we', 'wi', 'yu', 'u', 'i', 'i'];
// (none) ㄱ ㄲ ㄳ ㄴ ㄵ ㄶ ㄷ ㄹ ㄺ ㄻ ㄼ ㄽ ㄾ ㄿ ㅀ ㅁ ㅂ ㅄ ㅅ ㅆ ㅇ ㅈ ㅊ ㅋ ㅌ ㅍ ㅎ
const FINAL_CLASS = [
  '', 'k', 'k', 'k', 'n', 'n', 'n', 't', 'l', 'k', 'm', 'l', 'l', 'l', 'p', 'l', 'm', 'p', 'p', 't', 't',
  'ng', 't', 't', 'k', 't', 'p', 't',
];

/** The key of a decomposed syllable. */
export function jamoKey(j: Jamo): string {
  const medial = MEDIAL_CLASS[j.medial];
  let initial = INITIAL_CLASS[j.initial];
  if (initial === 'r' || initial === 'n') initial = medial[0] === 'i' || medial[0] === 'y' ? '' : 'n';
  return initial + medial + FINAL_CLASS[j.final];
}

/** The key of one Hangul syllable, or undefined if `ch` is not one. */
export function hangulSyllableKey(ch: string): string | undefined {
  const j = decompose(ch);
  return j && jamoKey(j);
}

let inverse: Map<string, string[]> | undefined;

/**
 * The inverse table: every Latin spelling of a syllable → its keys, standard readings first.
 * Built once from the jamo spelling tables (every initial × vowel × representative final).
 */
export function spellingTable(): ReadonlyMap<string, readonly string[]> {
  if (inverse) return inverse;
  const ranked = new Map<string, Map<string, number>>();
  const add = (spelling: string, key: string, rank: number) => {
    let keys = ranked.get(spelling);
    if (!keys) ranked.set(spelling, (keys = new Map()));
    const was = keys.get(key);
    if (was === undefined || rank < was) keys.set(key, rank);
  };
  INITIAL_SPELLINGS.forEach((ini, initial) => {
    const initials = [...ini.std.map((t) => [t, 0] as const), ...ini.cust.map((t) => [t, 1] as const)];
    MEDIAL_SPELLINGS.forEach((med, medial) => {
      const vowels = [...med.std.map((s) => [s, 0] as const), ...med.cust.map((s) => [s, 1] as const)];
      for (const [final, fin] of FINAL_SPELLINGS_BY_INDEX) {
        const finals = [...fin.std.map((t) => [t, 0] as const), ...fin.cust.map((t) => [t, 1] as const)];
        const key = jamoKey({ initial, medial, final });
        for (const [i, ir] of initials)
          for (const [vs, vr] of vowels) {
            if (vs.closed && final === 0) continue;
            if (vs.bare && i !== '') continue;
            for (const [f, fr] of finals) add(i + vs.text + f, key, Math.max(ir, vr, fr));
          }
      }
    });
  });
  inverse = new Map();
  for (const [spelling, keys] of ranked) {
    inverse.set(spelling, [...keys].sort((a, b) => a[1] - b[1]).map(([k]) => k));
  }
  return inverse;
}

/** The keys a romanized syllable can stand for (standard readings first); [] if it is not a Korean syllable. */
export function latinSyllableKeys(spelling: string): readonly string[] {
  return spellingTable().get(spelling) ?? [];
}
