import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { romanize as koromanize } from 'koroman';
import { sharedDataDir } from '../../src/config/paths.js';
import { foldAscii, foldCase, foldText, removeApostrophes, stripDiacritics } from '../../src/analyses/screening/normalize/unicode.js';
import {
  SURNAMES,
  canonicalizeLegalForms,
  compose,
  coreName,
  decompose,
  detectScripts,
  hangulSyllableKey,
  isLikelyKorean,
  jamoKey,
  jamoLetters,
  koreanKeys,
  koreanName,
  latinSyllableKeys,
  normalizeName,
  romanizeHangulName,
  romanizeHangulWord,
  romanizeSyllables,
  segmentations,
  splitLegalForms,
  transliterate,
} from '../../src/analyses/screening/normalize/index.js';
import { splitHangulLegalSuffixes } from '../../src/analyses/screening/normalize/legal-forms.js';

/** Two names are the same Korean name when their key sets intersect. */
function meet(a: string, b: string): boolean {
  const kb = new Set(koreanKeys(b));
  return koreanKeys(a).some((k) => kb.has(k));
}

function assertSame(names: string[]): void {
  const first = koreanName(names[0]);
  assert.ok(first, `${names[0]} reads as Korean`);
  for (const n of names.slice(1)) {
    assert.ok(meet(names[0], n), `${names[0]} ≡ ${n}: ${koreanKeys(names[0])} / ${koreanKeys(n)}`);
    assert.equal(koreanName(n)?.orderFreeKey, first.orderFreeKey, `preferred key of ${n}`);
  }
}

/** Meeting through any key: for customary spellings whose first reading differs (Kyung reads ㅠ first, ㅕ second). */
function assertMeets(a: string, ...others: string[]): void {
  for (const b of others) assert.ok(meet(a, b), `${a} ≡ ${b}: ${koreanKeys(a)} / ${koreanKeys(b)}`);
}

function assertDifferent(a: string, b: string): void {
  assert.ok(!meet(a, b), `${a} ≢ ${b}: ${koreanKeys(a)} / ${koreanKeys(b)}`);
}

// --- unicode.ts ----------------------------------------------------------------------------------------------

test('unicode: McCune–Reischauer breves and apostrophes fold away', () => {
  assert.equal(foldText("Ch'ŏl"), 'chol');
  assert.equal(foldText('Ŭn'), 'un');
  assert.equal(foldText('Kim Chŏng-ŭn'), 'kim chong un');
  assert.equal(foldText('CH’O’L-SO’NG'), 'chol song');
  assert.equal(foldText('Ch`oe Chʼun'), 'choe chun');
  assert.equal(foldText('Ch´oe'), 'choe');
  // ŏ/o and ŭ/u collapse in a key
  assert.equal(foldText('ŏ ŭ'), foldText('o u'));
});

test('unicode: NFKC, case folding, diacritics, punctuation and whitespace', () => {
  assert.equal(foldText('ＫＩＭ　Ｊｏｎｇ'), 'kim jong');
  assert.equal(foldText('ﬁnance'), 'finance');
  assert.equal(foldText('Straße'), 'strasse');
  assert.equal(foldCase('ÆGIR'), 'aegir');
  assert.equal(foldText('Société Générale'), 'societe generale');
  assert.equal(foldText('  RI,   Yong-Gil. '), 'ri yong gil');
  assert.equal(foldText('Land & Sea'), 'land and sea');
  assert.equal(removeApostrophes("O'Brien"), 'OBrien');
  assert.equal(stripDiacritics('리영길 Ŏ'), '리영길 O', 'Hangul survives diacritic stripping');
});

test('unicode: the ASCII fast path equals the general fold', () => {
  for (const s of ['KIM, Jong-un', "Ch'oe  Ryong-hae", 'A&B Co., Ltd.', '  x  ', '', 'OOO "Gefest-M"', 'Pak To`-Chun']) {
    assert.equal(foldAscii(s), foldText(s), s);
    assert.equal(foldAscii(s), collapse(s), s);
  }
  function collapse(s: string): string {
    return s.replace(/['`]/g, '').toLowerCase().replace(/&/g, ' and ').replace(/[^a-z0-9]+/g, ' ').trim();
  }
});

// --- scripts.ts / translit.ts --------------------------------------------------------------------------------

test('scripts: writing systems in order of appearance', () => {
  assert.deepEqual(detectScripts('Kim Jong Un'), ['Latin']);
  assert.deepEqual(detectScripts('Kim Jong Un (김정은)'), ['Latin', 'Hangul']);
  assert.deepEqual(detectScripts('ООО Гефест-М'), ['Cyrillic']);
  assert.deepEqual(detectScripts('大连富华贸易有限公司'), ['Han']);
  assert.deepEqual(detectScripts('株式会社 トヨタ'), ['Han', 'Katakana']);
  assert.deepEqual(detectScripts('12345'), []);
});

test('translit: Cyrillic, Han and Latin diacritics through any-ascii', () => {
  assert.equal(foldText(transliterate('ООО Гефест-М')), 'ooo gefest m');
  assert.equal(foldText(transliterate('Łódź Şahin')), 'lodz sahin');
  // Han: one token per character, so the same characters always give the same tokens
  assert.equal(foldText(transliterate('大连富华')), 'da lian fu hua');
  assert.equal(foldText(transliterate('Kim 金铁三')), 'kim jin tie san');
});

test('translit: Hangul goes through the Korean module (DPRK official spelling)', () => {
  assert.equal(foldText(transliterate('리영길', 'name')), 'ri yong gil');
  assert.equal(foldText(transliterate('김정은', 'name')), 'kim jong un');
  assert.equal(foldText(transliterate('리 영길', 'name')), 'ri yong gil');
  assert.equal(foldText(transliterate('조선', 'word')), 'joson');
  assert.equal(foldText(transliterate('련봉', 'word')), 'ryonbong');
});

// --- korean/jamo.ts ------------------------------------------------------------------------------------------

test('jamo: decomposition by Unicode arithmetic', () => {
  assert.deepEqual(decompose('길'), { initial: 0, medial: 20, final: 8 });
  assert.deepEqual(decompose('가'), { initial: 0, medial: 0, final: 0 });
  assert.deepEqual(decompose('힣'), { initial: 18, medial: 20, final: 27 });
  assert.equal(decompose('A'), undefined);
  assert.deepEqual(jamoLetters('룡'), ['ㄹ', 'ㅛ', 'ㅇ']);
  assert.deepEqual(jamoLetters('최'), ['ㅊ', 'ㅚ']);
  for (let cp = 0xac00; cp <= 0xd7a3; cp++) {
    const ch = String.fromCharCode(cp);
    assert.equal(compose(decompose(ch)!), ch);
  }
});

// --- korean/romanize.ts --------------------------------------------------------------------------------------

test('romanize: RR, McCune–Reischauer and DPRK official forms of names', () => {
  assert.deepEqual(romanizeHangulName('리영길'), { surname: '리', given: '영길', rr: 'Ri Yeong-gil', mr: 'Ri Yŏng-gil', dprk: 'Ri Yong Gil' });
  assert.deepEqual(romanizeHangulName('김정은'), { surname: '김', given: '정은', rr: 'Gim Jeong-eun', mr: 'Kim Chŏng-ŭn', dprk: 'Kim Jong Un' });
  const choe = romanizeHangulName('최룡해');
  assert.equal(choe.mr, "Ch'oe Ryong-hae");
  assert.equal(choe.dprk, 'Choe Ryong Hae');
  assert.equal(romanizeHangulName('박봉주').dprk, 'Pak Pong Ju');
  assert.equal(romanizeHangulName('박봉주').mr, 'Pak Pong-ju');
  assert.equal(romanizeHangulName('리병철').mr, "Ri Pyŏng-ch'ŏl");
  assert.equal(romanizeHangulName('전명국').dprk, 'Jon Myong Guk', 'ㄱ voiced after ng');
  assert.equal(romanizeHangulName('김경희').dprk, 'Kim Kyong Hui');
  assert.equal(romanizeHangulName('태영호').dprk, 'Thae Yong Ho', 'DPRK aspirate th');
  assert.equal(romanizeHangulName('남궁민').dprk, 'Namgung Min', 'compound surname');
  assert.equal(romanizeHangulName('김 정은').dprk, 'Kim Jong Un');
});

test('romanize: words and syllables', () => {
  assert.equal(romanizeHangulWord('조선', 'mr'), 'chosŏn');
  assert.equal(romanizeHangulWord('조선', 'dprk'), 'joson');
  assert.equal(romanizeHangulWord('조선', 'rr'), 'joseon');
  assert.deepEqual(romanizeSyllables([decompose('시')!], 'mr'), ['shi']);
  assert.deepEqual(romanizeSyllables([decompose('철')!, decompose('룡')!], 'mr'), ["ch'ŏl", 'lyong']);
});

// --- korean/syllable-key.ts ----------------------------------------------------------------------------------

test('syllable key: Hangul classes (what collapses)', () => {
  const k = (s: string) => hangulSyllableKey(s);
  assert.equal(k('리'), 'i');
  assert.equal(k('이'), 'i');
  assert.equal(k('니'), 'i');
  assert.equal(k('룡'), k('용'));
  assert.equal(k('로'), k('노'));
  assert.equal(k('류'), k('유'));
  assert.equal(k('림'), k('임'));
  assert.equal(k('량'), k('양'));
  assert.equal(k('정'), k('종'), 'ㅓ/ㅗ');
  assert.equal(k('은'), k('운'), 'ㅡ/ㅜ');
  assert.equal(k('영'), k('용'), 'ㅕ/ㅛ');
  assert.equal(k('해'), k('헤'), 'ㅐ/ㅔ');
  assert.equal(k('최'), k('쵀'), 'ㅚ/ㅙ');
  assert.equal(k('희'), k('히'), 'ㅢ/ㅣ');
  assert.equal(k('박'), k('팍'), 'ㅂ/ㅍ');
  assert.equal(k('길'), k('킬'));
  assert.equal(k('장'), k('창'));
  assert.notEqual(k('정'), k('전'));
  assert.notEqual(k('은'), k('일'));
  assert.notEqual(k('박'), k('백'));
  assert.equal(k('x'), undefined);
});

test('syllable key: romanized syllables read to keys, standard readings first', () => {
  assert.deepEqual(latinSyllableKeys('jong'), ['cong']);
  assert.deepEqual(latinSyllableKeys('chul'), ['cul', 'col'], 'customary u for ㅓ comes second');
  assert.deepEqual(latinSyllableKeys('young'), ['yong', 'yung']);
  assert.deepEqual(latinSyllableKeys('lee'), ['i']);
  assert.deepEqual(latinSyllableKeys('woo'), ['u']);
  assert.deepEqual(latinSyllableKeys('su'), ['su'], 'u stands for ㅓ only before a final');
  assert.deepEqual(latinSyllableKeys('smith'), []);
});

test('syllable key: every syllable read back from its RR, MR and DPRK spelling (all 11,172)', () => {
  const fold = (s: string) => foldText(s).replace(/ /g, '');
  for (let cp = 0xac00; cp <= 0xd7a3; cp++) {
    const ch = String.fromCharCode(cp);
    const j = decompose(ch)!;
    const key = jamoKey(j);
    const spellings = [
      fold(koromanize(ch)),
      fold(romanizeSyllables([j], 'mr')[0]),
      fold(romanizeSyllables([j], 'dprk')[0]),
    ];
    for (const s of spellings) assert.ok(latinSyllableKeys(s).includes(key), `${ch} ${s} → ${key}`);
  }
});

// --- korean/segment.ts ---------------------------------------------------------------------------------------

test('segment: unspaced romanized names into the fewest syllables, best first', () => {
  assert.deepEqual(segmentations('jongun')[0], ['jong', 'un']);
  assert.deepEqual(segmentations('jongun')[1], ['jon', 'gun']);
  assert.deepEqual(segmentations('yongkil'), [['yong', 'kil']]);
  assert.deepEqual(segmentations('choeryonghae')[0], ['choe', 'ryong', 'hae']);
  assert.deepEqual(segmentations('kimjongun')[0], ['kim', 'jong', 'un']);
  assert.deepEqual(segmentations('smith'), []);
  assert.deepEqual(segmentations('Kim'), [], 'input must be folded');
});

// --- korean/surnames.ts --------------------------------------------------------------------------------------

test('surnames: every Hangul form shares a key, and every listed spelling reads to it', () => {
  for (const entry of SURNAMES) {
    const key = [...entry.hangul[0]].map((ch) => hangulSyllableKey(ch)).join('-');
    for (const h of entry.hangul) assert.equal([...h].map((ch) => hangulSyllableKey(ch)).join('-'), key, h);
    for (const spelling of entry.latin) {
      assert.ok(koreanName(spelling)?.syllableKeys.includes(key), `${spelling} → ${entry.hangul[0]} (${key})`);
    }
  }
});

// --- korean/name-keys.ts -------------------------------------------------------------------------------------

test('name keys: Ri Yong Gil across scripts and romanizations', () => {
  assertSame(['Ri Yong Gil', 'Lee Young-kil', 'Yi Yeong Gil', '리영길', 'RI, Yong-Gil', 'Rhee Yong-kil', 'RI YONG GIL', 'Ri Yŏng-gil']);
  assert.equal(koreanName('리영길')?.orderFreeKey, 'i|yong-kil');
  assert.deepEqual(koreanName('Ri Yong Gil')?.syllables, ['i', 'yong', 'kil']);
});

test('name keys: Kim Jong Un in every spacing and order', () => {
  assertSame(['Kim Jong Un', 'Kim Jong-un', 'Kim Jongun', '김정은', 'Jong Un Kim', 'KIM, Jong-un', 'Kim Chŏng-ŭn', 'Kimjongun', '김 정은']);
  assert.equal(koreanName('Kim Jong Un')?.orderFreeKey, 'kim|cong-un');
  assert.equal(koreanName('Jong Un Kim')?.surnameCandidates[0].hangul[0], '김');
  assert.deepEqual(koreanName('Kim Jong-un')?.syllableKeys[0], koreanName('Kim Jongun')?.syllableKeys[0]);
});

test('name keys: Choe Ryong Hae, Pak Pong Ju, Choe Hwi', () => {
  assertSame(['Choe Ryong Hae', 'Choi Ryong-hae', '최룡해', "Ch'oe Ryong-hae", 'Choe Yong Hae']);
  assertSame(['Pak Pong Ju', 'Park Bong-joo', '박봉주', 'Bak Bong-ju']);
  assertSame(["Ch'oe Hwi", 'Choe Hwi', '최휘']);
  assertSame(['Jo Yong Won', 'Cho Yongwon', '조용원']);
  assertSame(['Hyon Song Wol', 'Hyun Song-wol', '현송월']);
  assertSame(['Kim Kyong Hui', 'Kim Kyong-hee', '김경희']);
  assertMeets('Kim Kyong Hui', 'Kim Kyung-hee', 'Kim Kyeong-hui');
  assertSame(['Chang-Su Han', 'HAN JANG SU', '한장수']);
  assertSame(['Kim Yo Jong', 'Kim Yo-jong', '김여정', 'Kim Yeo-jeong']);
  assertSame(['Kim Il Song', '김일성', 'Kim Il-song']);
  assertMeets('김일성', 'Kim Il Sung', 'Kim Ilsung', 'Kim Il-sung');
  assertSame(['Thae Yong Ho', 'Tae Young-ho', '태영호']);
  assertSame(['Choe Son Hui', '최선희', 'Choi Seon-hui']);
  assertMeets('최선희', 'Choe Sun-hee', 'Choi Sun Hee');
  assertSame(['Pak Ui Chun', '박의춘', 'Park Eui-chun']);
  assertSame(['Namgung Min', '남궁민', 'Namkung Min']);
});

test('name keys: the surname is found at either end', () => {
  assert.equal(koreanName('Jong Un Kim')?.orderFreeKey, 'kim|cong-un', 'a common surname last wins');
  assert.equal(koreanName('Thae Yong Ho')?.orderFreeKey, 'te|yong-ho', 'otherwise the Korean order');
  assert.equal(koreanName('Min Byong Chol')?.orderFreeKey, 'min|pyong-col');
  assert.equal(koreanName('KIM, Jong-un')?.orderFreeKeys.length, 2, 'a comma fixes the surname: Un is not tried');
  assert.ok(koreanKeys('Thae Yong Ho').includes('ho|te-yong'), 'the other end is kept as a second key');
});

test('name keys: different names stay apart', () => {
  assertDifferent('Kim Jong Un', 'Kim Jong Il');
  assertDifferent('Kim Jong Un', 'Kim Jong Nam');
  assertDifferent('Kim Jong Il', 'Kim Jong Nam');
  assertDifferent('Ri Yong Gil', 'Ri Yong Ho');
  assertDifferent('Pak Pong Ju', 'Paek Pong Ju');
  assertDifferent('Choe Ryong Hae', 'Choe Ryong Su');
  assertDifferent('Kim Yo Jong', 'Kim Jong Un');
  assertDifferent('김정은', '김정일');
});

test('name keys: not Korean', () => {
  assert.equal(koreanName('John Smith'), undefined);
  assert.equal(koreanName('Korea Ryonbong General Corporation'), undefined);
  assert.equal(koreanName('Vessel 123'), undefined);
  assert.deepEqual(koreanKeys('Gefest-M LLC'), []);
  // Romanized syllables without a known surname at an end are not taken as a Korean name
  assert.equal(koreanName('Young-Chul'), undefined);
  assert.equal(koreanName('IBRAHIM, Ali'), undefined);
  assert.equal(koreanName('Kim')?.orderFreeKey, 'kim|');
});

test('isLikelyKorean: tokens of ≤ 3 Korean syllables, or Hangul', () => {
  assert.ok(isLikelyKorean(['ri', 'yong', 'gil']));
  assert.ok(isLikelyKorean(['kim', 'jong-un']));
  assert.ok(isLikelyKorean(['choeryonghae']));
  assert.ok(isLikelyKorean(['리영길']));
  assert.ok(!isLikelyKorean(['john', 'smith']));
  assert.ok(!isLikelyKorean(['kimjongunkimjongil']), 'more than three syllables');
  assert.ok(!isLikelyKorean([]));
});

// --- legal-forms.ts / stopwords.ts ---------------------------------------------------------------------------

test('legal forms: canonical tokens across spellings and scripts', () => {
  const a = normalizeName('Korea Ryonbong General Corporation', 'Company');
  const b = normalizeName('KOREA RYONBONG GENERAL CORP.', 'Company');
  assert.deepEqual(a.legalForms, ['gen', 'corp']);
  assert.deepEqual(a.legalForms, b.legalForms);
  assert.deepEqual(a.coreTokens, ['korea', 'ryonbong']);
  assert.deepEqual(a.coreTokens, b.coreTokens);

  const o = normalizeName('OOO Gefest-M', 'Company');
  const c = normalizeName('ООО Гефест-М', 'Company');
  assert.deepEqual(o.legalForms, ['llc']);
  assert.deepEqual(o.coreTokens, c.coreTokens);
  assert.equal(o.ascii, c.ascii);
  assert.deepEqual(normalizeName('Gefest-M GmbH', 'Company').legalForms, ['llc']);

  assert.deepEqual(splitLegalForms(['acme', 'co', 'ltd']), { legalForms: ['co', 'ltd'], rest: ['acme'] });
  assert.deepEqual(splitLegalForms(['acme', 'company', 'limited']).legalForms, ['co', 'ltd']);
  assert.deepEqual(splitLegalForms(['acme', 'pte', 'ltd']).legalForms, ['pte', 'ltd']);
  assert.deepEqual(splitLegalForms(['acme', 'inc']).legalForms, ['inc']);
  assert.deepEqual(splitLegalForms(['acme', 'pjsc']).legalForms, ['jsc']);
  assert.deepEqual(splitLegalForms(['acme', 's', 'a']).legalForms, ['sa']);
  assert.deepEqual(splitLegalForms(['acme', 'l', 'l', 'c']).legalForms, ['llc']);
  assert.deepEqual(canonicalizeLegalForms(['korea', 'ryonbong', 'general', 'corporation']), ['korea', 'ryonbong', 'gen', 'corp']);
  assert.deepEqual(normalizeName('株式会社 東京', 'Company').legalForms, ['jsc']);
});

test('legal forms: core name without legal forms and stop words', () => {
  assert.deepEqual(coreName(['the', 'bank', 'of', 'east', 'land', 'and', 'sea', 'ltd']), ['bank', 'east', 'land', 'sea']);
  assert.deepEqual(coreName(['the', 'trading', 'company']), ['the', 'trading', 'company'], 'nothing but forms: kept');
  assert.deepEqual(normalizeName('Namchongang Trading Corporation', 'Company').coreTokens, ['namchongang']);
});

test('legal forms: Hangul suffixes are split off before transliteration', () => {
  assert.equal(splitHangulLegalSuffixes('조선련봉총회사'), '조선련봉 총회사');
  assert.equal(splitHangulLegalSuffixes('련봉무역회사'), '련봉 무역 회사');
  assert.equal(splitHangulLegalSuffixes('회사'), '회사');
  const n = normalizeName('조선련봉총회사', 'Company');
  assert.deepEqual(n.legalForms, ['gen', 'corp']);
  assert.deepEqual(n.coreTokens, ['josonryonbong']);
});

// --- index.ts ------------------------------------------------------------------------------------------------

test('normalizeName: Chinese company name gets a Latin transliteration and its legal forms', () => {
  const n = normalizeName('大连富华贸易有限公司', 'Company');
  assert.equal(n.ascii, 'da lian fu hua mao yi you xian gong si');
  assert.deepEqual(n.legalForms, ['trading', 'co', 'ltd']);
  assert.deepEqual(n.coreTokens, ['da', 'lian', 'fu', 'hua']);
  assert.deepEqual(n.scripts, ['Han']);
  assert.deepEqual(n.legalForms, normalizeName('Dalian Fuhua Trading Co., Ltd.', 'Company').legalForms);
});

test('normalizeName: a Hangul person', () => {
  const n = normalizeName('리영길', 'Person');
  assert.equal(n.original, '리영길');
  assert.equal(n.ascii, 'ri yong gil');
  assert.deepEqual(n.tokens, ['ri', 'yong', 'gil']);
  assert.deepEqual(n.coreTokens, n.tokens);
  assert.deepEqual(n.legalForms, []);
  assert.deepEqual(n.scripts, ['Hangul']);
  assert.equal(n.korean?.orderFreeKey, 'i|yong-kil');
  assert.equal(n.korean?.surnameCandidates[0].hangul[0], '리');
});

test('normalizeName: schema decides what applies', () => {
  const person = normalizeName('Lee Young-kil', 'Person');
  assert.equal(person.ascii, 'lee young kil');
  assert.equal(person.korean?.orderFreeKey, 'i|yong-kil');
  // A Korean-looking name without a schema is read as a person: no legal forms
  assert.ok(normalizeName('Pak Sa Ryong').korean);
  assert.deepEqual(normalizeName('Pak Sa Ryong').legalForms, []);
  // Organisations get no Korean keys; persons no legal forms
  assert.equal(normalizeName('Kim Trading Co', 'Company').korean, undefined);
  assert.deepEqual(normalizeName('Kim Trading Co', 'Company').legalForms, ['trading', 'co']);
  assert.deepEqual(normalizeName('Ko Chol Man', 'Person').legalForms, []);
  // Unknown schema, not Korean: legal forms are looked for
  assert.deepEqual(normalizeName('Acme Holdings Inc').legalForms, ['holding', 'inc']);
  assert.deepEqual(normalizeName('', 'Person').tokens, []);
});

// --- the UN list: a name and its listed romanization aliases -------------------------------------------------

/**
 * Aliases on the UN list's DPRK entries (KPi) that are not romanizations of the primary name, and so must not
 * meet it: other names the person used, Chinese readings, a given name alone, a different surname (Pak/Paek)
 * or a different syllable (SOK-HWA / SOK HA, BYONG CHOL / Byong Chun).
 */
const UN_DIFFERENT_NAMES = new Set([
  'KPi.040 Cho Ch’o’l', 'KPi.040 Jo Chol', 'KPi.003 HWANG SOK HA', 'KPi.016 Jang Hyon U', 'KPi.018 Jon Yong Sang',
  'KPi.019 Jiang Wen-ji', 'KPi.019 Jian Wenji', 'KPi.023 Kim Chin-So’k', 'KPi.023 Kim Jin-Sok', 'KPi.023 Kim Hyok-Chol',
  'KPi.023 Kim Hyok Chol', 'KPi.024 Young-Chul', 'KPi.030 Kim Hak Song', 'KPi.035 Jin Tiesan (金铁三)',
  'KPi.025 Kim Myong Gi', 'KPi.047 Min Byong Chun', 'KPi.006 Pak Chang-Ho', 'KPi.049 Kang Myong Chol',
  'KPi.073 Lui Wai Ming', 'KPi.008 Chang Myong Ho', 'KPi.008 Chang Myo’ng-Ho', 'KPi.008 Chang Myong-Ho',
  'KPi.077 Li Cheng He', 'KPi.031 Son Min', 'KPi.080 Neil Tsang', 'KPi.080 Yun Yuan Tsang',
]);

test('UN list: DPRK names meet their listed romanization aliases', (t) => {
  const file = join(sharedDataDir(), 'lists', 'un', '2026-05-08', 'consolidated.xml');
  if (!existsSync(file)) {
    t.skip(`no UN list at ${file}`);
    return;
  }
  const xml = readFileSync(file, 'utf8');
  const field = (block: string, tag: string) => new RegExp(`<${tag}>([^<]*)</${tag}>`).exec(block)?.[1] ?? '';
  let pairs = 0;
  let met = 0;
  const missed: string[] = [];
  for (const block of xml.split('<INDIVIDUAL>').slice(1)) {
    const ref = field(block, 'REFERENCE_NUMBER');
    if (!ref.startsWith('KPi.')) continue;
    const primary = [field(block, 'FIRST_NAME'), field(block, 'SECOND_NAME'), field(block, 'THIRD_NAME')].filter(Boolean).join(' ');
    for (const [, alias] of block.matchAll(/<ALIAS_NAME>([^<]*)<\/ALIAS_NAME>/g)) {
      pairs++;
      const id = `${ref} ${alias}`;
      if (meet(primary, alias)) {
        met++;
        assert.ok(!UN_DIFFERENT_NAMES.has(id), `${primary} must not meet ${alias}`);
      } else {
        missed.push(id);
        assert.ok(UN_DIFFERENT_NAMES.has(id), `${primary} ≡ ${alias}: ${koreanKeys(primary)} / ${koreanKeys(alias)}`);
      }
    }
  }
  t.diagnostic(`${met} of ${pairs} primary–alias pairs meet; the other ${missed.length} are different names`);
  assert.equal(pairs, 83);
  assert.equal(met, 57);
});

// --- speed ---------------------------------------------------------------------------------------------------

test('speed: short Latin names normalize fast (loose floor; see the report for the measured figure)', (t) => {
  const names: string[] = [];
  const syl = ['kim', 'ri', 'pak', 'choe', 'jong', 'un', 'il', 'yong', 'gil', 'chol', 'song', 'hyok', 'myong'];
  for (let i = 0; i < 20_000; i++) names.push(`${syl[i % 13]} ${syl[(i * 7) % 13]} ${syl[(i * 11) % 13]}`, `John Smith ${i}`);
  for (const n of names) normalizeName(n, 'Person'); // warm-up: JIT and caches
  const t0 = performance.now();
  for (const n of names) normalizeName(n, 'Person');
  const perSecond = (names.length / (performance.now() - t0)) * 1000;
  t.diagnostic(`${Math.round(perSecond)} names/s`);
  assert.ok(perSecond > 20_000, `${perSecond} names/s`);
});
