/**
 * The hand-written part of the DPRK screening test set: which designated targets it covers and the spellings an
 * analyst would type for them. The list ids and listed names come from the staged lists (OFAC 2024-05-03 sdn.csv,
 * UN consolidated.xml 2026-05-08); the Hangul, Revised Romanization and press spellings are the author's knowledge
 * of Korean (facts, not copied text). generate.ts turns this into persons.csv, organizations.csv and vessels.csv,
 * adding the mechanical variants (order swaps, joined given names, one-letter typos, IMO rows) deterministically.
 *
 * `ids`: the target's record ids, primary first. Where OFAC and the UN list the same target and the store keeps them
 * as two entities (they were not merged), both ids are given: a hit on either counts.
 */

export interface PersonTarget {
  ids: string[];
  /** The listed name of ids[0], exactly as the list writes it (checked against the list). */
  listed: string;
  /** Hangul spelling, only where the author is confident of it. */
  hangul?: string;
  /** South Korean Revised Romanization of the given name, with the surname as South Koreans write it (리 → Lee). */
  rr: string[];
  /** Spellings common in English-language press (Yonhap, NK News, wire services). */
  press: string[];
  note?: string;
}

export type OrgKind = 'legal-form' | 'abbreviation' | 'order' | 'spelling' | 'hangul';

export interface OrgTarget {
  ids: string[];
  listed: string;
  variants: [OrgKind, string, string?][];
}

export interface VesselTarget {
  id: string;
  listed: string;
  /** IMO number as the list states it in Remarks. */
  imo: string;
  /** Hangul name as the Korean press writes it, with 호 ("ship"; 금강3호 = Kumgang No. 3) (confident ones only). */
  hangul?: string;
  /** South Korean Revised Romanization spelling of the name. */
  rr?: string;
  note?: string;
}

export const PERSONS: PersonTarget[] = [
  { ids: ['ofac-33936'], listed: 'RI, Yong Gil', hangul: '리영길', rr: ['Lee Yeong-gil'], press: ['Ri Yong-gil'], note: 'Minister of National Defence' },
  { ids: ['ofac-23213'], listed: 'CHOE, Ryong Hae', hangul: '최룡해', rr: ['Choi Ryong-hae'], press: ['Choe Ryong-hae'] },
  { ids: ['ofac-21444'], listed: 'KIM, Yo Jong', hangul: '김여정', rr: ['Kim Yeo-jeong'], press: ['Kim Yo-jong', 'Kim Yo-jung'] },
  { ids: ['ofac-20157'], listed: 'KIM, Jong Un', hangul: '김정은', rr: ['Kim Jeong-eun'], press: ['Kim Jong-un', 'Kim Jong-eun'] },
  { ids: ['ofac-21303', 'un-KPi.043'], listed: 'JO, Yong-Won', hangul: '조용원', rr: ['Cho Yong-won'], press: ['Jo Yong-won'] },
  { ids: ['ofac-23215', 'un-KPi.076'], listed: 'RI, Pyong Chol', hangul: '리병철', rr: ['Lee Byeong-cheol'], press: ['Ri Pyong-chol', 'Ri Byong-chol'] },
  { ids: ['ofac-21305', 'un-KPi.047'], listed: 'MIN, Byong Chol', hangul: '민병철', rr: ['Min Byeong-cheol'], press: ['Min Pyong-chol'] },
  { ids: ['ofac-21443'], listed: 'KIM, Won Hong', hangul: '김원홍', rr: ['Kim Won-hong'], press: [] },
  { ids: ['ofac-21306', 'un-KPi.042'], listed: 'CHOE, Hwi', hangul: '최휘', rr: ['Choi Hwi'], press: ["Ch'oe Hwi"] },
  { ids: ['ofac-20126'], listed: 'KIM, Ki Nam', hangul: '김기남', rr: ['Kim Gi-nam'], press: ['Kim Ki-nam'] },
  { ids: ['ofac-20127', 'un-KPi.051'], listed: 'RI, Jae Il', hangul: '리재일', rr: ['Lee Jae-il'], press: ['Ri Jae-il'] },
  { ids: ['ofac-20125', 'un-KPi.045'], listed: 'KIM, Kyong Ok', hangul: '김경옥', rr: ['Kim Gyeong-ok'], press: ['Kim Kyong-ok'] },
  { ids: ['ofac-20124', 'un-KPi.041'], listed: 'CHO, Yon Chun', hangul: '조연준', rr: ['Cho Yeon-jun'], press: ['Jo Yon-jun'] },
  { ids: ['ofac-19496'], listed: 'HWANG, Pyong So', hangul: '황병서', rr: ['Hwang Byeong-seo'], press: ['Hwang Pyong-so'] },
  { ids: ['ofac-19494', 'un-KPi.053'], listed: 'RI, Yong Mu', hangul: '리용무', rr: ['Lee Yong-mu'], press: [] },
  { ids: ['ofac-15771'], listed: 'O, Kuk-Ryol', hangul: '오극렬', rr: ['Oh Geuk-ryeol'], press: ['O Kuk-ryol'] },
  { ids: ['ofac-19491', 'un-KPi.026'], listed: 'RI, Man Gon', hangul: '리만건', rr: ['Lee Man-geon'], press: ['Ri Man-gon'] },
  { ids: ['ofac-19497', 'un-KPi.063'], listed: 'PAK, Yong Sik', hangul: '박영식', rr: ['Park Yeong-sik'], press: ['Pak Yong-sik'] },
  { ids: ['ofac-23212'], listed: 'JONG, Kyong Thaek', hangul: '정경택', rr: ['Jeong Gyeong-taek'], press: ['Jong Kyong-thaek', 'Jong Kyong-taek'] },
  { ids: ['ofac-23214', 'un-KPi.066'], listed: 'KIM, Jong Sik', hangul: '김정식', rr: ['Kim Jeong-sik'], press: ['Kim Jong-sik'] },
  { ids: ['ofac-26168'], listed: 'PAK, Kwang Ho', hangul: '박광호', rr: ['Park Gwang-ho'], press: ['Pak Kwang-ho'] },
  { ids: ['ofac-20120'], listed: 'CHOE, Pu Il', hangul: '최부일', rr: ['Choi Bu-il'], press: ['Choe Pu-il'] },
  { ids: ['ofac-23091'], listed: 'JONG, Yong Su', hangul: '정영수', rr: ['Jeong Yeong-su'], press: ['Jong Yong-su'] },
  { ids: ['ofac-39498'], listed: 'KIM, Su Gil', hangul: '김수길', rr: ['Kim Su-gil'], press: [] },
  { ids: ['ofac-39496'], listed: 'JON, Il Ho', hangul: '전일호', rr: ['Jeon Il-ho'], press: ['Jon Il-ho'] },
  { ids: ['ofac-12216', 'un-KPi.002'], listed: 'RI, Je-Son', hangul: '리제선', rr: ['Lee Je-seon'], press: [] },
  { ids: ['ofac-12217', 'un-KPi.004'], listed: 'RI, Hong-Sop', hangul: '리홍섭', rr: ['Lee Hong-seop'], press: [], note: 'OFAC and UN entries not merged in the store' },
  { ids: ['ofac-12218', 'un-KPi.001'], listed: 'YUN, Ho-Jin', hangul: '윤호진', rr: ['Yoon Ho-jin'], press: [] },
  { ids: ['ofac-15787', 'un-KPi.048'], listed: 'PAEK, Se-Bong', hangul: '백세봉', rr: ['Baek Se-bong'], press: [] },
  { ids: ['ofac-15769', 'un-KPi.050'], listed: 'PAK, To-Chun', hangul: '박도춘', rr: ['Park Do-chun'], press: [] },
  { ids: ['ofac-20575', 'un-KPi.037'], listed: 'CHANG, Chang-ha', hangul: '장창하', rr: ['Jang Chang-ha'], press: [] },
  { ids: ['ofac-20577', 'un-KPi.038'], listed: 'CHO, Chun-ryong', hangul: '조춘룡', rr: ['Jo Chun-ryong'], press: [] },
  { ids: ['ofac-19498', 'un-KPi.013'], listed: 'CHOE, Chun-sik', hangul: '최춘식', rr: ['Choi Chun-sik'], press: [] },
  { ids: ['ofac-24918'], listed: 'PARK, Jin Hyok', hangul: '박진혁', rr: ['Park Jin-hyeok'], press: ['Pak Jin-hyok', 'Park Jin-hyok'] },
  { ids: ['ofac-19609', 'un-KPi.033'], listed: 'RI, Won Ho', hangul: '리원호', rr: ['Lee Won-ho'], press: ['Ri Won-ho'] },
  { ids: ['ofac-21304'], listed: "KANG, P'il-Hun", hangul: '강필훈', rr: ['Kang Pil-hun'], press: ['Kang Phil-hun'] },
  { ids: ['ofac-19791', 'un-KPi.040'], listed: 'CHO, Il-U', hangul: '조일우', rr: ['Cho Il-u'], press: ['Jo Il-u'] },
  { ids: ['ofac-22326', 'un-KPi.077'], listed: 'RI, Song-hyok', hangul: '리성혁', rr: ['Lee Seong-hyeok'], press: [] },
  { ids: ['ofac-15668', 'un-KPi.007'], listed: 'CHANG, Myong-Chin', hangul: '장명진', rr: ['Jang Myeong-jin'], press: [] },
  { ids: ['ofac-15667', 'un-KPi.006'], listed: 'PAEK, Chang-Ho', hangul: '백창호', rr: ['Baek Chang-ho'], press: [] },
  { ids: ['ofac-16083', 'un-KPi.039'], listed: 'SON, Mun San', hangul: '손문산', rr: ['Son Mun-san'], press: [] },
  { ids: ['ofac-19488', 'un-KPi.028'], listed: 'YU, Chol U', hangul: '유철우', rr: ['Yoo Cheol-u'], press: ['Yu Chol-u'] },
  { ids: ['ofac-18559', 'un-KPi.018'], listed: 'JON, Myong Guk', hangul: '전명국', rr: ['Jeon Myeong-guk'], press: ['Jon Myong-guk'] },
  { ids: ['ofac-21744', 'un-KPi.058'], listed: 'JO, Chol Song', hangul: '조철성', rr: ['Cho Cheol-seong'], press: ['Jo Chol-song'] },
  { ids: ['ofac-23009'], listed: 'RI, Ho Nam', hangul: '리호남', rr: ['Lee Ho-nam'], press: ['Ri Ho-nam'] },
  { ids: ['ofac-19533', 'un-KPi.029'], listed: 'PAK, Chun Il', hangul: '박춘일', rr: ['Park Chun-il'], press: ['Pak Chun-il'] },
  { ids: ['ofac-22994', 'un-KPi.073'], listed: 'PAK, Bong Nam', hangul: '박봉남', rr: ['Park Bong-nam'], press: ['Pak Bong-nam'] },
  { ids: ['ofac-21745', 'un-KPi.060'], listed: 'KIM, Mun Chol', hangul: '김문철', rr: ['Kim Mun-cheol'], press: ['Kim Mun-chol'] },
  { ids: ['ofac-23017', 'un-KPi.070'], listed: 'KU, Ja Hyong', hangul: '구자형', rr: ['Koo Ja-hyeong'], press: ['Ku Ja-hyong'] },
  { ids: ['ofac-22990', 'un-KPi.069'], listed: 'KO, Chol Man', hangul: '고철만', rr: ['Ko Cheol-man'], press: ['Ko Chol-man'] },
  { ids: ['ofac-22997', 'un-KPi.071'], listed: 'MUN, Kyong Hwan', hangul: '문경환', rr: ['Moon Gyeong-hwan'], press: ['Mun Kyong-hwan'] },
  { ids: ['ofac-22987', 'un-KPi.072'], listed: 'PAE, Won Uk', hangul: '배원욱', rr: ['Bae Won-uk'], press: ['Pae Won-uk'] },
  { ids: ['un-KPi.005'], listed: 'HAN YU-RO', hangul: '한유로', rr: ['Han Yu-ro'], press: [] },
  { ids: ['un-KPi.003'], listed: 'HWANG SOK-HWA', hangul: '황석화', rr: ['Hwang Seok-hwa'], press: [] },
  { ids: ['ofac-21327'], listed: 'KIM, Il-Nam', hangul: '김일남', rr: ['Kim Il-nam'], press: [] },
];

export const ORGANIZATIONS: OrgTarget[] = [
  {
    ids: ['un-KPe.001'], listed: 'KOREA MINING DEVELOPMENT TRADING CORPORATION',
    variants: [
      ['legal-form', 'Korea Mining Development Trading Corp.'],
      ['abbreviation', 'KOMID', 'the acronym the lists and the press use'],
      ['spelling', 'Choson Mining Development Trading Corporation', 'Choson = Korea in the DPRK'],
      ['order', 'Mining Development Trading Corporation of Korea'],
      ['hangul', '조선광업개발무역회사'],
    ],
  },
  {
    ids: ['un-KPe.002', 'ofac-9347'], listed: 'KOREA RYONBONG GENERAL CORPORATION',
    variants: [
      ['legal-form', 'Korea Ryonbong General Corp.'],
      ['legal-form', 'Korea Ryonbong General Co., Ltd.'],
      ['spelling', 'Korea Ryeonbong General Corporation', 'Revised Romanization of 련봉'],
      ['spelling', 'Korea Lyonbong General Corporation', 'initial r written l'],
      ['abbreviation', 'Ryonbong General Corporation', 'without the country word'],
      ['hangul', '조선련봉총회사'],
    ],
  },
  {
    ids: ['un-KPe.047', 'ofac-15603'], listed: 'FOREIGN TRADE BANK (FTB)',
    variants: [
      ['abbreviation', 'Foreign Trade Bank of the DPRK'],
      ['order', 'DPRK Foreign Trade Bank'],
      ['order', 'North Korea Foreign Trade Bank'],
      ['spelling', 'Muyeok Bank', 'Revised Romanization of 무역은행 (listed as Mooyokbank)'],
      ['hangul', '조선무역은행'],
    ],
  },
  {
    ids: ['un-KPe.023', 'ofac-16085'], listed: 'DAEDONG CREDIT BANK (DCB)',
    variants: [
      ['legal-form', 'Daedong Credit Bank Ltd.'],
      ['abbreviation', 'DCB'],
      ['spelling', 'Tae-dong Credit Bank', 'McCune-Reischauer initial t'],
      ['hangul', '대동신용은행'],
    ],
  },
  {
    ids: ['un-KPe.025', 'ofac-11581'], listed: 'KOREA KWANGSON BANKING CORPORATION (KKBC)',
    variants: [
      ['legal-form', 'Korea Kwangson Banking Corp.'],
      ['legal-form', 'Korea Kwangson Banking Co.'],
      ['abbreviation', 'KKBC'],
      ['spelling', 'Korea Gwangseon Banking Corporation', 'Revised Romanization of 광선'],
      ['spelling', 'Korea Kwang Son Banking Corporation', 'syllables spaced'],
      ['hangul', '조선광선은행'],
    ],
  },
  {
    ids: ['un-KPe.020'], listed: 'OCEAN MARITIME MANAGEMENT COMPANY, LIMITED (OMM)',
    variants: [
      ['legal-form', 'Ocean Maritime Management Co., Ltd.'],
      ['legal-form', 'Ocean Maritime Management Company'],
      ['abbreviation', 'OMM'],
      ['hangul', '원양해운관리회사'],
    ],
  },
  {
    ids: ['un-KPe.031'], listed: 'RECONNAISSANCE GENERAL BUREAU',
    variants: [
      ['abbreviation', 'RGB'],
      ['order', 'General Reconnaissance Bureau', 'a frequent press word order'],
      ['order', 'KPA Reconnaissance General Bureau'],
      ['spelling', 'Jeongchal Chongguk', 'Revised Romanization of 정찰총국'],
      ['hangul', '정찰총국'],
    ],
  },
  {
    ids: ['un-KPe.028', 'ofac-12214'], listed: 'MUNITIONS INDUSTRY DEPARTMENT',
    variants: [
      ['abbreviation', 'MID'],
      ['abbreviation', 'Munitions Industry Dept.'],
      ['order', 'Department of Munitions Industry'],
      ['spelling', 'Munition Industry Department'],
      ['hangul', '군수공업부'],
    ],
  },
  {
    ids: ['un-KPe.035'], listed: 'KOREA DAESONG BANK',
    variants: [
      ['legal-form', 'Korea Daesong Bank Ltd.'],
      ['spelling', 'Korea Taesong Bank', 'McCune-Reischauer initial t'],
      ['spelling', 'Korea Daeseong Bank', 'Revised Romanization of 대성'],
      ['order', 'Daesong Bank of Korea'],
      ['hangul', '조선대성은행'],
    ],
  },
  {
    ids: ['un-KPe.003', 'ofac-9346'], listed: 'TANCHON COMMERCIAL BANK',
    variants: [
      ['legal-form', 'Tanchon Commercial Bank Ltd.'],
      ['spelling', 'Dancheon Commercial Bank', 'Revised Romanization of 단천'],
      ['spelling', 'Tan Chon Commercial Bank', 'syllables spaced'],
      ['hangul', '단천상업은행'],
    ],
  },
  {
    ids: ['un-KPe.033'], listed: 'KOREA UNITED DEVELOPMENT BANK',
    variants: [
      ['legal-form', 'Korea United Development Bank Ltd.'],
      ['order', 'United Development Bank of Korea'],
      ['hangul', '조선통일발전은행'],
    ],
  },
  {
    ids: ['un-KPe.034'], listed: 'ILSIM INTERNATIONAL BANK',
    variants: [
      ['legal-form', 'Ilsim International Bank Ltd.'],
      ['spelling', 'Il Sim International Bank', 'syllables spaced'],
      ['spelling', 'Ilshim International Bank', 'South Korean popular spelling of 심'],
      ['hangul', '일심국제은행'],
    ],
  },
  {
    ids: ['un-KPe.013'], listed: 'BANK OF EAST LAND',
    variants: [
      ['order', 'East Land Bank'],
      ['spelling', 'Dongbang Eunhaeng', 'Revised Romanization of 동방은행'],
      ['hangul', '동방은행'],
    ],
  },
  {
    ids: ['un-KPe.010'], listed: 'GREEN PINE ASSOCIATED CORPORATION',
    variants: [
      ['legal-form', 'Green Pine Associated Corp.'],
      ['abbreviation', 'Green Pine'],
      ['spelling', 'Cheongsong Yeonhap', 'Revised Romanization of 청송연합'],
      ['hangul', '청송연합'],
    ],
  },
  {
    ids: ['un-KPe.006', 'ofac-10012'], listed: 'KOREA HYOKSIN TRADING CORPORATION',
    variants: [
      ['legal-form', 'Korea Hyoksin Trading Corp.'],
      ['spelling', 'Korea Hyeoksin Trading Corporation', 'Revised Romanization of 혁신'],
      ['spelling', 'Korea Hyok Sin Trading Corporation', 'syllables spaced'],
    ],
  },
  {
    ids: ['un-KPe.004', 'ofac-11532'], listed: 'NAMCHONGANG TRADING CORPORATION',
    variants: [
      ['legal-form', 'Namchongang Trading Co.'],
      ['abbreviation', 'NCG'],
      ['spelling', 'Namcheongang Trading Corporation', 'Revised Romanization of 남천강'],
      ['spelling', 'Nam Chon Gang Trading Corporation', 'syllables spaced'],
      ['hangul', '남천강무역회사'],
    ],
  },
  {
    ids: ['un-KPe.008', 'ofac-11599'], listed: 'KOREAN TANGUN TRADING CORPORATION',
    variants: [
      ['legal-form', 'Korea Tangun Trading Corp.'],
      ['spelling', 'Korea Dangun Trading Corporation', 'Revised Romanization of 단군'],
    ],
  },
  {
    ids: ['un-KPe.032', 'ofac-12213'], listed: 'SECOND ECONOMIC COMMITTEE',
    variants: [
      ['spelling', '2nd Economic Committee'],
      ['order', 'DPRK Second Economic Committee'],
      ['hangul', '제2경제위원회'],
    ],
  },
  {
    ids: ['un-KPe.052', 'ofac-20123'], listed: 'ORGANIZATION AND GUIDANCE DEPARTMENT (OGD)',
    variants: [
      ['abbreviation', 'OGD'],
      ['spelling', 'Organisation and Guidance Department', 'British spelling'],
      ['order', "Workers' Party of Korea Organization and Guidance Department"],
      ['hangul', '조직지도부'],
    ],
  },
  {
    ids: ['un-KPe.053', 'ofac-19528'], listed: 'PROPAGANDA AND AGITATION DEPARTMENT (PAD)',
    variants: [
      ['abbreviation', 'PAD'],
      ['order', 'Agitation and Propaganda Department', 'a frequent press word order'],
      ['hangul', '선전선동부'],
    ],
  },
  {
    ids: ['un-KPe.030'], listed: 'OFFICE 39',
    variants: [
      ['spelling', 'Room 39', 'the usual press name'],
      ['spelling', 'Office No 39'],
      ['order', '39 Office'],
      ['hangul', '39호실'],
    ],
  },
  {
    ids: ['ofac-20520'], listed: 'AIR KORYO',
    variants: [
      ['spelling', 'Air Goryeo', 'Revised Romanization of 고려'],
      ['legal-form', 'Air Koryo Airlines'],
      ['hangul', '고려항공'],
    ],
  },
  {
    ids: ['ofac-20573', 'un-KPe.048'], listed: 'KOREA NATIONAL INSURANCE CORPORATION',
    variants: [
      ['abbreviation', 'KNIC'],
      ['legal-form', 'Korea National Insurance Corp.'],
      ['spelling', 'Korean National Insurance Company'],
      ['hangul', '조선민족보험총회사'],
    ],
  },
  {
    ids: ['ofac-22323'], listed: 'KOREA COMPUTER CENTER',
    variants: [
      ['spelling', 'Korea Computer Centre', 'British spelling'],
      ['hangul', '조선콤퓨터쎈터', 'DPRK spelling of computer centre'],
    ],
  },
  {
    ids: ['un-KPe.016', 'ofac-9527'], listed: 'KOREA RYONHA MACHINERY JOINT VENTURE CORPORATION',
    variants: [
      ['legal-form', 'Korea Ryonha Machinery JV Corp.'],
      ['abbreviation', 'Ryonha Machinery'],
      ['spelling', 'Korea Ryeonha Machinery Joint Venture Corporation', 'Revised Romanization of 련하'],
    ],
  },
  {
    ids: ['un-KPe.046', 'ofac-18568'], listed: 'STRATEGIC ROCKET FORCE OF THE KOREAN PEOPLE’S ARMY',
    variants: [
      ['abbreviation', 'KPA Strategic Rocket Force'],
      ['spelling', "Strategic Rocket Forces of the Korean People's Army"],
      ['hangul', '전략로케트군'],
    ],
  },
  {
    ids: ['un-KPe.012', 'ofac-15666'], listed: 'KOREAN COMMITTEE FOR SPACE TECHNOLOGY',
    variants: [
      ['abbreviation', 'KCST'],
      ['spelling', 'Korea Committee for Space Technology'],
      ['order', 'Space Technology Committee of Korea'],
    ],
  },
  {
    ids: ['un-KPe.029', 'ofac-19530'], listed: 'NATIONAL AEROSPACE TECHNOLOGY ADMINISTRATION',
    variants: [
      ['abbreviation', 'NATA'],
      ['abbreviation', 'NADA', 'acronym of the former name, National Aerospace Development Administration'],
      ['spelling', 'National Aerospace Development Administration', 'the former name'],
      ['hangul', '국가우주개발국', 'the former name (NADA)'],
    ],
  },
  {
    ids: ['un-KPe.042'], listed: 'KOREA DAESONG GENERAL TRADING CORPORATION',
    variants: [
      ['legal-form', 'Korea Daesong General Trading Corp.'],
      ['spelling', 'Korea Taesong General Trading Corporation', 'McCune-Reischauer initial t'],
    ],
  },
  {
    ids: ['un-KPe.045'], listed: 'KORYO BANK',
    variants: [
      ['spelling', 'Goryeo Bank', 'Revised Romanization of 고려'],
      ['legal-form', 'Koryo Bank Ltd.'],
      ['hangul', '고려은행'],
    ],
  },
  {
    ids: ['un-KPe.062'], listed: 'KOREA ANSAN SHIPPING COMPANY',
    variants: [
      ['legal-form', 'Korea Ansan Shipping Co., Ltd.'],
      ['abbreviation', 'Korea Ansan Shpg Co'],
    ],
  },
  {
    ids: ['un-KPe.022'], listed: 'CHONGCHONGANG SHIPPING COMPANY',
    variants: [
      ['legal-form', 'Chongchongang Shipping Co., Ltd.'],
      ['spelling', 'Cheongcheongang Shipping Company', 'Revised Romanization of 청천강'],
      ['spelling', 'Chong Chon Gang Shipping Company', 'syllables spaced'],
    ],
  },
  {
    ids: ['un-KPe.050'], listed: 'MANSUDAE OVERSEAS PROJECT GROUP OF COMPANIES',
    variants: [
      ['abbreviation', 'Mansudae Overseas Projects'],
      ['spelling', 'Mansudae Art Studio', 'the parent studio, listed as an alias'],
      ['hangul', '만수대창작사', 'Mansudae Art Studio'],
    ],
  },
  {
    ids: ['ofac-27307'], listed: 'LAZARUS GROUP',
    variants: [
      ['abbreviation', 'Lazarus'],
      ['legal-form', 'The Lazarus Group'],
    ],
  },
  {
    ids: ['ofac-20129'], listed: 'MINISTRY OF STATE SECURITY',
    variants: [
      ['order', 'State Security Ministry'],
      ['abbreviation', 'DPRK Ministry of State Security'],
      ['hangul', '국가보위성'],
    ],
  },
  {
    ids: ['ofac-23015'], listed: "CENTRAL BANK OF THE DEMOCRATIC PEOPLE'S REPUBLIC OF KOREA",
    variants: [
      ['abbreviation', 'Central Bank of the DPRK'],
      ['order', 'North Korea Central Bank'],
      ['hangul', '조선중앙은행'],
    ],
  },
  {
    ids: ['un-KPe.009', 'ofac-11647'], listed: 'AMROGGANG DEVELOPMENT BANKING CORPORATION',
    variants: [
      ['legal-form', 'Amroggang Development Banking Corp.'],
      ['spelling', 'Amnokgang Development Bank', 'Revised Romanization of 압록강'],
      ['hangul', '압록강개발은행'],
    ],
  },
  {
    ids: ['un-KPe.007', 'ofac-11598'], listed: 'GENERAL BUREAU OF ATOMIC ENERGY (GBAE)',
    variants: [
      ['abbreviation', 'GBAE'],
      ['order', 'Atomic Energy General Bureau'],
      ['hangul', '원자력총국'],
    ],
  },
];

export const VESSELS: VesselTarget[] = [
  { id: 'ofac-17069', listed: 'CHONG CHON GANG', imo: '7937317', hangul: '청천강호', rr: 'CHEONGCHEONGANG' },
  { id: 'ofac-17084', listed: 'AM NOK GANG', imo: '8132835', hangul: '압록강호', rr: 'AMNOKGANG' },
  { id: 'ofac-17085', listed: 'BAEK MA KANG', imo: '7944683', hangul: '백마강호', rr: 'BAEKMAGANG' },
  { id: 'ofac-17086', listed: 'DAI HONG DAN', imo: '7944695', hangul: '대홍단호', rr: 'DAEHONGDAN' },
  { id: 'ofac-17087', listed: 'HWANG GUM SAN 2', imo: '8405270', rr: 'HWANGGEUMSAN 2' },
  { id: 'ofac-17088', listed: 'HYOK SIN 2', imo: '8018900', rr: 'HYEOKSIN 2' },
  { id: 'ofac-17089', listed: 'JANG JA SAN CHONG NYON HO', imo: '8133530', rr: 'JANGJASAN CHEONGNYEON' },
  { id: 'ofac-17092', listed: 'MU DU BONG', imo: '8328197', hangul: '무두봉호', rr: 'MUDUBONG' },
  { id: 'ofac-17093', listed: 'O UN CHONG NYON HO', imo: '8330815', rr: 'OUN CHEONGNYEON' },
  { id: 'ofac-17094', listed: 'PO THONG GANG', imo: '8829555', rr: 'BOTONGGANG' },
  { id: 'ofac-17096', listed: 'PI RUY GANG', imo: '8829593', rr: 'BIRYUGANG' },
  { id: 'ofac-17104', listed: 'RYONG GUN BONG', imo: '8606173', rr: 'RYONGGUNBONG', note: 'the list writes the number without the IMO prefix' },
  { id: 'ofac-17105', listed: 'TAE DONG GANG', imo: '7738656', hangul: '대동강호', rr: 'DAEDONGGANG' },
  { id: 'ofac-19591', listed: 'HOE RYONG', imo: '9041552', rr: 'HOERYEONG' },
  { id: 'ofac-19592', listed: 'MI RIM', imo: '8713471' },
  { id: 'ofac-19597', listed: 'THAE PYONG SAN', imo: '9009085', rr: 'TAEPYEONGSAN' },
  { id: 'ofac-23150', listed: 'WON SAN 2', imo: '9159787' },
  { id: 'ofac-23155', listed: 'ZA RYOK 2', imo: '8898738', rr: 'JARYEOK 2' },
  { id: 'ofac-23157', listed: 'YU SONG 12', imo: '9096791', rr: 'YUSEONG 12' },
  { id: 'ofac-23160', listed: 'KUM SONG 3', imo: '8661850', rr: 'GEUMSEONG 3' },
  { id: 'ofac-23163', listed: 'KUM UN SAN 3', imo: '8705539', rr: 'GEUMUNSAN 3' },
  { id: 'ofac-23164', listed: 'RAK RANG', imo: '7506118', rr: 'NANGNANG', note: 'South Korean spelling 낙랑' },
  { id: 'ofac-23166', listed: 'RUNG RA DO', imo: '8989795', hangul: '릉라도호', rr: 'NEUNGNADO', note: 'South Korean spelling 능라도' },
  { id: 'ofac-23167', listed: 'YANG GAK DO', imo: '6401828', rr: 'YANGGAKDO' },
  { id: 'ofac-23186', listed: 'RYE SONG GANG 1', imo: '7389704', rr: 'YESEONGGANG 1', note: 'South Korean spelling 예성강' },
  { id: 'ofac-23187', listed: 'SO BAEK SAN', imo: '8658267', rr: 'SOBAEKSAN' },
  { id: 'ofac-23726', listed: 'CHON MYONG 1', imo: '8712362', rr: 'CHEONMYEONG 1' },
  { id: 'ofac-23728', listed: 'HAP JANG GANG 6', imo: '9066540', rr: 'HAPJANGGANG 6' },
  { id: 'ofac-23729', listed: 'CHON MA SAN', imo: '8660313', hangul: '천마산호', rr: 'CHEONMASAN' },
  { id: 'ofac-23730', listed: 'AN SAN 1', imo: '7303803' },
  { id: 'ofac-23731', listed: 'KUM GANG 3', imo: '8966535', hangul: '금강3호', rr: 'GEUMGANG 3' },
  { id: 'ofac-23737', listed: 'PAEK MA', imo: '9066978', rr: 'BAEKMA' },
  { id: 'ofac-23736', listed: 'YU JONG 2', imo: '8604917', rr: 'YUJEONG 2' },
  { id: 'ofac-19570', listed: 'EVER BRIGHT 88', imo: '8914934' },
  { id: 'ofac-24508', listed: 'PATRIOT', imo: '9003550' },
  { id: 'ofac-23522', listed: 'EVER GLORY', imo: '8909915' },
];

/** Real, non-designated Korean public figures (romanized as they are usually written), for false positives. */
export const PUBLIC_PEOPLE: [string, string?][] = [
  ['Lee Jae-myung', 'President of South Korea'],
  ['Yoon Suk-yeol', 'former President of South Korea'],
  ['Moon Jae-in', 'former President of South Korea'],
  ['Park Geun-hye', 'former President of South Korea'],
  ['Lee Myung-bak', 'former President of South Korea'],
  ['Roh Moo-hyun', 'former President of South Korea'],
  ['Kim Dae-jung', 'former President of South Korea'],
  ['Kim Young-sam', 'former President of South Korea'],
  ['Han Duck-soo', 'former Prime Minister of South Korea'],
  ['Lee Nak-yon', 'former Prime Minister of South Korea'],
  ['Ahn Cheol-soo', 'South Korean politician'],
  ['Han Dong-hoon', 'South Korean politician'],
  ['Cho Kuk', 'South Korean politician'],
  ['Choo Mi-ae', 'South Korean politician'],
  ['Ban Ki-moon', 'former UN Secretary-General'],
  ['Kang Kyung-wha', 'former South Korean Foreign Minister'],
  ['Chung Eui-yong', 'former South Korean Foreign Minister'],
  ['Thae Yong-ho', 'South Korean politician, former DPRK diplomat (not designated)'],
  ['Son Heung-min', 'footballer'],
  ['Kim Yuna', 'figure skater'],
  ['Park Ji-sung', 'footballer'],
  ['Ryu Hyun-jin', 'baseball player'],
  ['Kim Min-jae', 'footballer'],
  ['Lee Kang-in', 'footballer'],
  ['Hwang Hee-chan', 'footballer'],
  ['Park Chan-ho', 'baseball player'],
  ['Lee Jae-yong', 'Samsung chairman'],
  ['Chung Eui-sun', 'Hyundai Motor Group chairman'],
  ['Chey Tae-won', 'SK Group chairman'],
  ['Koo Kwang-mo', 'LG Group chairman'],
  ['Shin Dong-bin', 'Lotte Group chairman'],
  ['Lee Kun-hee', 'late Samsung chairman'],
  ['Chung Ju-yung', 'Hyundai founder'],
  ['Bong Joon-ho', 'film director'],
  ['Park Chan-wook', 'film director'],
  ['Han Kang', 'novelist'],
  ['이재명', 'Lee Jae-myung in Hangul'],
  ['윤석열', 'Yoon Suk-yeol in Hangul'],
  ['문재인', 'Moon Jae-in in Hangul'],
  ['손흥민', 'Son Heung-min in Hangul'],
  ['김연아', 'Kim Yuna in Hangul'],
  ['이재용', 'Lee Jae-yong in Hangul'],
  ['반기문', 'Ban Ki-moon in Hangul'],
  ['봉준호', 'Bong Joon-ho in Hangul'],
];

/** South Korean companies (not designated); several share words with listed DPRK entities on purpose. */
export const COMPANIES: [string, string?][] = [
  ['Samsung Electronics Co., Ltd.'],
  ['Hyundai Merchant Marine Co., Ltd.'],
  ['Korea Electric Power Corporation'],
  ['Korea Gas Corporation'],
  ['Korea Zinc Company, Ltd.', 'shares words with KOREA ZINC INDUSTRIAL GROUP (DPRK)'],
  ['Korea Development Bank', 'shares words with KOREA UNITED DEVELOPMENT BANK (DPRK)'],
  ['Industrial Bank of Korea'],
  ['Korean Air Lines Co., Ltd.', 'shares a word with AIR KORYO (DPRK)'],
  ['Korea National Oil Corporation', 'shares words with KOREA OIL EXPLORATION CORPORATION (DPRK)'],
  ['Hana Bank', 'shares a word with HANA BANKING CORPORATION LTD (DPRK)'],
  ['Korean Reinsurance Company', 'shares words with KOREA NATIONAL INSURANCE CORPORATION (DPRK)'],
  ['Korea Shipbuilding & Offshore Engineering'],
  ['Pan Ocean Co., Ltd.'],
  ['SK Hynix Inc.'],
  ['POSCO Holdings Inc.'],
  ['Kookmin Bank'],
  ['Shinhan Bank'],
  ['Korea Aerospace Industries, Ltd.', 'shares a word with NATIONAL AEROSPACE DEVELOPMENT ADMINISTRATION (DPRK)'],
  ['Daesung Industrial Co., Ltd.', 'sounds like Daesong (DPRK banks and trading companies)'],
  ['Korea Trade Insurance Corporation'],
  ['Korea Exchange Bank'],
  ['Korea Line Corporation'],
];
