/**
 * Romanization of Hangul names in the three systems a screener meets:
 *  - rr:   Revised Romanization (South Korea, 2000), through `koroman`. Names are romanized syllable by
 *          syllable (final neutralisation only, no assimilation between syllables, as RR prescribes for
 *          personal names): family name, space, given name with the optional hyphen (Ri Yeong-gil);
 *  - mr:   McCune–Reischauer (1939) from our jamo table, with the sound changes names usually get: plain stops
 *          voiced between voiced sounds inside the given name, ㅅ → sh before ㅣ/ㅟ, ㄹ → l after a final ㄹ
 *          (Ri Yŏng-gil, Ch'oe Ryong-hae);
 *  - dprk: the DPRK's official spelling (Ri Yong Gil, Choe Ryong Hae, Pak Pong Ju): given-name syllables
 *          written as separate capitalised words.
 */
import { romanize as koromanize } from 'koroman';
import { decomposeAll, type Jamo } from './jamo.js';
import { DPRK_INITIALS, DPRK_MEDIALS, FINAL_SPELLINGS, MR_INITIALS, MR_MEDIALS, MR_SH_MEDIALS, VOICING_FINALS } from './mr-table.js';
import { hangulSurnameOf } from './surnames.js';

export type NorthSystem = 'mr' | 'dprk';

const FINAL_RIEUL = 8;
const INITIAL_RIEUL = 5;
const INITIAL_SIOS = 9;

/**
 * Romanize syllables of one word (a given name, or a whole non-name word) in MR or DPRK spelling.
 * The first syllable is word-initial; later ones are voiced after a voiced final.
 */
export function romanizeSyllables(jamo: readonly Jamo[], system: NorthSystem): string[] {
  const initials = system === 'mr' ? MR_INITIALS : DPRK_INITIALS;
  const medials = system === 'mr' ? MR_MEDIALS : DPRK_MEDIALS;
  return jamo.map((j, k) => {
    const prevFinal = k === 0 ? undefined : jamo[k - 1].final;
    let initial = prevFinal !== undefined && VOICING_FINALS.has(prevFinal) ? initials[j.initial].voiced : initials[j.initial].plain;
    if (j.initial === INITIAL_RIEUL && prevFinal === FINAL_RIEUL && system === 'mr') initial = 'l';
    if (j.initial === INITIAL_SIOS && system === 'mr' && MR_SH_MEDIALS.has(j.medial)) initial = 'sh';
    return initial + medials[j.medial] + FINAL_SPELLINGS[j.final];
  });
}

function capitalize(s: string): string {
  return s ? s[0].toUpperCase() + s.slice(1) : s;
}

/** A Hangul word (no spaces) romanized as one word: MR/DPRK with inner voicing, RR through koroman. */
export function romanizeHangulWord(word: string, system: NorthSystem | 'rr'): string {
  if (system === 'rr') return koromanize(word, { useCustomDictionary: false });
  return romanizeSyllables(decomposeAll(word), system).join('');
}

export interface HangulNameRomanization {
  /** Hangul surname (1–2 syllables), or '' when the name does not start with a known surname. */
  surname: string;
  /** Hangul given name. */
  given: string;
  rr: string;
  mr: string;
  dprk: string;
}

/**
 * Romanize a Hangul personal name written in the Korean way (surname first, no space: 리영길) or with spaces
 * (리 영길). A name not starting with a known surname is romanized as given-name syllables only.
 */
export function romanizeHangulName(name: string): HangulNameRomanization {
  const compact = name.replace(/[^\uac00-\ud7a3]/g, '');
  const spaced = name.trim().split(/\s+/);
  const surname = spaced.length > 1 && hangulSurnameOf(spaced[0]) === spaced[0] ? spaced[0] : hangulSurnameOf(compact) ?? '';
  const given = compact.slice(surname.length);
  const sj = decomposeAll(surname);
  const gj = decomposeAll(given);

  const part = (system: NorthSystem) => ({ sur: capitalize(romanizeSyllables(sj, system).join('')), giv: romanizeSyllables(gj, system) });
  const mr = part('mr');
  const dprk = part('dprk');
  const rrSur = capitalize([...surname].map((ch) => romanizeHangulWord(ch, 'rr')).join(''));
  const rrGiv = capitalize([...given].map((ch) => romanizeHangulWord(ch, 'rr')).join('-'));

  const join = (a: string, b: string) => [a, b].filter(Boolean).join(' ');
  return {
    surname,
    given,
    rr: join(rrSur, rrGiv),
    mr: join(mr.sur, capitalize(mr.giv.join('-'))),
    dprk: join(dprk.sur, dprk.giv.map(capitalize).join(' ')),
  };
}
