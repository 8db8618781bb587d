/**
 * Korean-looking person names that are not listed: common surnames × given-name syllables, written in Hangul or in
 * one of three romanizations, in the layouts analysts meet. Deterministic: a fixed seed drives every choice.
 * The spellings are the author's knowledge of Korean (South Korean Revised Romanization, McCune–Reischauer as the
 * DPRK and the lists write it, and the popular South Korean passport spellings).
 */
import { hash32, pick, prng } from './variants.js';

export type System = 'rr' | 'mr' | 'popular';

/** A syllable: Hangul, and its spelling in each system. */
interface Syl {
  h: string;
  rr: string;
  mr: string;
  popular: string;
}

const syl = (h: string, rr: string, mr: string, popular = rr): Syl => ({ h, rr, mr, popular });

/** Common surnames (South Korean Hangul; 리 for the DPRK spelling of 이 is used by the MR system). */
export const SURNAMES: Syl[] = [
  syl('김', 'Kim', 'Kim'), syl('이', 'Lee', 'Ri', 'Lee'), syl('박', 'Park', 'Pak'), syl('최', 'Choi', 'Choe'),
  syl('정', 'Jeong', 'Jong', 'Jung'), syl('강', 'Kang', 'Kang'), syl('조', 'Cho', 'Jo'), syl('윤', 'Yoon', 'Yun'),
  syl('장', 'Jang', 'Chang'), syl('임', 'Lim', 'Rim', 'Lim'), syl('한', 'Han', 'Han'), syl('오', 'Oh', 'O'),
  syl('서', 'Seo', 'So', 'Suh'), syl('신', 'Shin', 'Sin'), syl('권', 'Kwon', 'Kwon'), syl('황', 'Hwang', 'Hwang'),
  syl('안', 'Ahn', 'An'), syl('송', 'Song', 'Song'), syl('전', 'Jeon', 'Jon', 'Jun'), syl('홍', 'Hong', 'Hong'),
  syl('유', 'Yoo', 'Yu'), syl('고', 'Ko', 'Ko'), syl('문', 'Moon', 'Mun'), syl('양', 'Yang', 'Ryang', 'Yang'),
  syl('손', 'Son', 'Son'), syl('배', 'Bae', 'Pae'), syl('백', 'Baek', 'Paek', 'Baik'), syl('허', 'Heo', 'Ho', 'Huh'),
  syl('남', 'Nam', 'Nam'), syl('노', 'Noh', 'No', 'Roh'), syl('하', 'Ha', 'Ha'), syl('곽', 'Kwak', 'Kwak'),
];

/** Given-name syllables: RR (as written word-initially), MR without diacritics, popular spelling. */
export const GIVEN: Syl[] = [
  syl('민', 'min', 'min'), syl('준', 'jun', 'jun', 'joon'), syl('서', 'seo', 'so', 'seo'), syl('현', 'hyeon', 'hyon', 'hyun'),
  syl('지', 'ji', 'ji'), syl('우', 'u', 'u', 'woo'), syl('예', 'ye', 'ye'), syl('도', 'do', 'do'), syl('하', 'ha', 'ha'),
  syl('윤', 'yun', 'yun', 'yoon'), syl('수', 'su', 'su', 'soo'), syl('진', 'jin', 'jin'), syl('영', 'yeong', 'yong', 'young'),
  syl('호', 'ho', 'ho'), syl('성', 'seong', 'song', 'sung'), syl('훈', 'hun', 'hun', 'hoon'), syl('재', 'jae', 'jae'),
  syl('혁', 'hyeok', 'hyok', 'hyuk'), syl('상', 'sang', 'sang'), syl('동', 'dong', 'dong'), syl('석', 'seok', 'sok', 'suk'),
  syl('태', 'tae', 'thae', 'tae'), syl('경', 'gyeong', 'kyong', 'kyung'), syl('은', 'eun', 'un', 'eun'),
  syl('희', 'hui', 'hui', 'hee'), syl('연', 'yeon', 'yon', 'yeon'), syl('미', 'mi', 'mi'), syl('나', 'na', 'na'),
  syl('아', 'a', 'a', 'ah'), syl('주', 'ju', 'ju', 'joo'), syl('원', 'won', 'won'), syl('규', 'gyu', 'kyu', 'kyu'),
  syl('범', 'beom', 'pom', 'bum'), syl('기', 'gi', 'ki', 'ki'), syl('용', 'yong', 'yong'), syl('광', 'gwang', 'kwang', 'kwang'),
  syl('명', 'myeong', 'myong', 'myung'), syl('남', 'nam', 'nam'), syl('일', 'il', 'il'), syl('순', 'sun', 'sun', 'soon'),
  syl('옥', 'ok', 'ok'), syl('길', 'gil', 'gil'), syl('봉', 'bong', 'bong'), syl('철', 'cheol', 'chol', 'chul'),
  syl('환', 'hwan', 'hwan'), syl('식', 'sik', 'sik'), syl('욱', 'uk', 'uk', 'wook'), syl('찬', 'chan', 'chan'),
  syl('빈', 'bin', 'bin'), syl('혜', 'hye', 'hye'), syl('정', 'jeong', 'jong', 'jung'), syl('인', 'in', 'in'),
];

export type Layout = 'surname-first-hyphen' | 'surname-first-spaced' | 'list-comma' | 'given-first' | 'joined' | 'lower';

export interface GeneratedName {
  query: string;
  /** 'hangul' or a romanization system. */
  system: System | 'hangul';
  layout?: Layout;
  hangul: string;
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function layoutName(sur: string, g1: string, g2: string, layout: Layout): string {
  switch (layout) {
    case 'surname-first-hyphen': return `${sur} ${cap(g1)}-${g2}`;
    case 'surname-first-spaced': return `${sur} ${cap(g1)} ${cap(g2)}`;
    case 'list-comma': return `${sur.toUpperCase()}, ${cap(g1)} ${cap(g2)}`;
    case 'given-first': return `${cap(g1)}-${g2} ${sur}`;
    case 'joined': return `${sur} ${cap(g1)}${g2}`;
    case 'lower': return `${sur.toLowerCase()} ${g1}${g2}`;
  }
}

const LAYOUTS: Layout[] = ['surname-first-hyphen', 'surname-first-spaced', 'list-comma', 'given-first', 'joined', 'lower'];
const SYSTEMS: (System | 'hangul')[] = ['rr', 'mr', 'popular', 'hangul'];

/**
 * An endless, deterministic stream of candidate names (seeded); the caller filters and stops. Two-syllable
 * given names with two different syllables, as most Korean given names are.
 */
export function* candidateNames(seed: number): Generator<GeneratedName> {
  const rand = prng(seed);
  for (;;) {
    const s = pick(rand, SURNAMES);
    const a = pick(rand, GIVEN);
    let b = pick(rand, GIVEN);
    while (b.h === a.h) b = pick(rand, GIVEN);
    const system = pick(rand, SYSTEMS);
    const layout = pick(rand, LAYOUTS);
    // The DPRK spelling of 이 is 리; Hangul names use it in about one case in four.
    const hangulSurname = s.h === '이' && rand() < 0.25 ? '리' : s.h;
    const hangul = hangulSurname + a.h + b.h;
    if (system === 'hangul') {
      yield { query: hangul, system, hangul };
      continue;
    }
    yield { query: layoutName(s[system], a[system], b[system], layout), system, layout, hangul };
  }
}

/** The seed of the negatives: fixed, so that the file is the same on every run. */
export const NEGATIVE_SEED = hash32('chokepoint-dprk-negatives-v1');
