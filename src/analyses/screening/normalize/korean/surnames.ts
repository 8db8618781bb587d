/**
 * Korean surnames: Hangul → every customary Latin spelling.
 *
 * Order is rough frequency (South Korean census of 2015), used to pick the surname when both ends of a name
 * could be one. Each entry lists the DPRK Hangul form first when it differs (리, 림, 류, 로, 량, 렴, 라, 려:
 * the DPRK keeps the initial ㄹ that the South drops by its 두음법칙 "initial-sound rule").
 * Spellings: DPRK official (1992) first, then McCune–Reischauer (1939, breves and apostrophes dropped),
 * Revised Romanization (2000), then the customary passport / press spellings (Lee, Park, Choi, Rhee ...).
 * Data only: the rules that use it are in name-keys.ts.
 */

export interface SurnameEntry {
  /** Hangul forms (DPRK first where it differs). */
  hangul: readonly string[];
  /** Latin spellings, lower-case ASCII. */
  latin: readonly string[];
}

const s = (hangul: string, latin: string): SurnameEntry => ({ hangul: hangul.split(' '), latin: latin.split(' ') });

export const SURNAMES: readonly SurnameEntry[] = [
  s('김', 'kim gim'),
  s('리 이', 'ri i yi lee rhee rhie li ree yee'),
  s('박', 'pak bak park bahk pahk'),
  s('최', 'choe chwe choi choy'),
  s('정', 'jong chong jeong jung chung cheong joung'),
  s('강', 'kang gang khang'),
  s('조', 'jo cho joe'),
  s('윤', 'yun yoon youn'),
  s('장', 'jang chang'),
  s('림 임', 'rim im lim yim leem'),
  s('한', 'han hahn'),
  s('오', 'o oh'),
  s('서', 'so seo suh'),
  s('신', 'sin shin shinn'),
  s('권', 'kwon gwon kweon'),
  s('황', 'hwang whang'),
  s('안', 'an ahn'),
  s('송', 'song'),
  s('전', 'jon chon jeon jun chun'),
  s('홍', 'hong'),
  s('류 유', 'ryu yu yoo rhyu lyu you'),
  s('고', 'ko go koh'),
  s('문', 'mun moon'),
  s('량 양', 'ryang yang'),
  s('손', 'son sohn'),
  s('배', 'pae bae pai bai'),
  s('백', 'paek baek paik baik'),
  s('허', 'ho heo huh hur'),
  s('남', 'nam'),
  s('심', 'sim shim'),
  s('로 노', 'ro no roh noh rho'),
  s('하', 'ha hah'),
  s('곽', 'kwak gwak'),
  s('성', 'song seong sung'),
  s('차', 'cha'),
  s('주', 'ju chu joo'),
  s('우', 'u woo wu'),
  s('구', 'ku gu koo'),
  s('민', 'min'),
  s('라 나', 'ra na rha nah'),
  s('진', 'jin chin'),
  s('지', 'ji chi'),
  s('렴 염', 'ryom yom yeom yum'),
  s('원', 'won weon'),
  s('천', 'chon cheon chun'),
  s('방', 'pang bang'),
  s('공', 'kong gong'),
  s('현', 'hyon hyeon hyun'),
  s('함', 'ham hahm'),
  s('변', 'pyon byeon byun pyun'),
  s('려 여', 'ryo yo yeo yuh'),
  s('추', 'chu choo'),
  s('도', 'to do'),
  s('소', 'so'),
  s('석', 'sok seok suk'),
  s('선', 'son seon sun'),
  s('설', 'sol seol sul'),
  s('마', 'ma'),
  s('길', 'kil gil'),
  s('연', 'yon yeon youn'),
  s('위', 'wi wee'),
  s('표', 'phyo pyo pyoh'),
  s('명', 'myong myeong myung'),
  s('기', 'ki gi'),
  s('반', 'pan ban'),
  s('왕', 'wang'),
  s('금', 'kum geum keum'),
  s('옥', 'ok'),
  s('육', 'yuk yook'),
  s('인', 'in'),
  s('맹', 'maeng'),
  s('제', 'je che'),
  s('모', 'mo'),
  s('탁', 'thak tak'),
  s('국', 'kuk guk kook'),
  s('어', 'o eo uh'),
  s('은', 'un eun'),
  s('편', 'phyon pyeon pyun'),
  s('용', 'yong'),
  s('예', 'ye'),
  s('경', 'kyong gyeong kyung'),
  s('봉', 'pong bong'),
  s('태', 'thae tae'),
  s('채', 'chae'),
  s('엄', 'om eom um'),
  s('계', 'kye gye'),
  s('동', 'tong dong'),
  s('두', 'tu du doo'),
  s('감', 'kam gam'),
  s('빈', 'pin bin'),
  s('시', 'si shi'),
  s('가', 'ka ga'),
  s('단', 'tan dan'),
  s('목', 'mok'),
  s('범', 'pom beom bum'),
  s('복', 'pok bok'),
  s('부', 'pu bu boo'),
  s('상', 'sang'),
  s('승', 'sung seung'),
  s('옹', 'ong'),
  s('팽', 'phaeng paeng'),
  s('평', 'phyong pyeong pyung'),
  s('필', 'phil pil'),
  s('형', 'hyong hyeong hyung'),
  s('화', 'hwa'),
  // Two-syllable (compound) surnames.
  s('남궁', 'namgung namkung namgoong'),
  s('황보', 'hwangbo'),
  s('제갈', 'jegal chegal'),
  s('선우', 'sonu seonu sunwoo'),
  s('독고', 'tokko dokgo'),
  s('사공', 'sagong sakong'),
  s('서문', 'somun seomun'),
];

/** The Hangul surname (one or two syllables) at the start of a Hangul full name, or undefined. */
export function hangulSurnameOf(name: string): string | undefined {
  if (name.length >= 3) {
    const two = name.slice(0, 2);
    if (SURNAME_RANK.has(two)) return two;
  }
  const one = name.slice(0, 1);
  return SURNAME_RANK.has(one) ? one : undefined;
}

/** Hangul surname → rank (0 = most frequent). */
export const SURNAME_RANK: ReadonlyMap<string, number> = new Map(
  SURNAMES.flatMap((e, rank) => e.hangul.map((h) => [h, rank] as const)),
);
