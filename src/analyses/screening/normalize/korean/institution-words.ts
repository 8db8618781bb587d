/**
 * Sino-Korean words of DPRK institution names and their customary English renderings, as the sanctions lists and
 * DPRK English-language media translate them (조선 → Korea, 은행 → Bank, 총국 → General Bureau, 위원회 → Committee).
 * An organization's name in Hangul is matched against a listed English name through these: the known words are
 * translated, the rest (proper names: 단천, 남천강, 고려) is romanized as before. General vocabulary of state, trade,
 * finance, industry and military bodies; not a list of particular names.
 */
const WORDS: Record<string, string> = {
  조선: 'Korea', 인민: "People's", 민주주의: 'Democratic', 공화국: 'Republic', 중앙: 'Central', 국가: 'State', 민족: 'National',
  국제: 'International', 해외: 'Overseas', 대외: 'External', 통일: 'Unification', 연합: 'United',
  은행: 'Bank', 금융: 'Finance', 신용: 'Credit', 보험: 'Insurance', 투자: 'Investment', 상업: 'Commercial', 무역: 'Trading',
  수출입: 'Import Export', 합영: 'Joint Venture', 합작: 'Joint Venture', 개발: 'Development', 발전: 'Development',
  회사: 'Company', 총회사: 'General Corporation', 공사: 'Corporation', 기업소: 'Enterprise', 련합기업소: 'Complex', 공장: 'Factory',
  총국: 'General Bureau', 관리국: 'Administration', 위원회: 'Committee', 협회: 'Association', 연구소: 'Research Institute', 연구원: 'Academy',
  대학: 'University', 센터: 'Center', 쎈터: 'Center', 호실: 'Office',
  경제: 'Economic', 광업: 'Mining', 광산: 'Mine', 공업: 'Industry', 산업: 'Industry', 기계: 'Machine', 설비: 'Equipment', 건설: 'Construction',
  기술: 'Technology', 과학: 'Science', 콤퓨터: 'Computer', 컴퓨터: 'Computer', 원자력: 'Atomic Energy', 우주: 'Space',
  해운: 'Shipping', 원양: 'Ocean', 선박: 'Ship', 항공: 'Air', 철도: 'Railway', 관리: 'Management', 수산: 'Fisheries',
  보위: 'Security', 안전: 'Security', 정찰: 'Reconnaissance', 전략: 'Strategic', 로케트: 'Rocket', 군수: 'Munitions', 인민군: "People's Army",
  조직: 'Organization', 지도: 'Guidance', 선전: 'Propaganda', 선동: 'Agitation', 총정치국: 'General Political Bureau',
};
/**
 * One-syllable words, only as the last syllable of a run that already holds a known word (국가보위성 → State Security
 * Ministry); 국 inside 국제, or after a proper name as in 한국, 중국, 미국 (country names), is not "Bureau".
 */
const FINAL_WORDS: Record<string, string> = { 국: 'Bureau', 부: 'Department', 성: 'Ministry', 군: 'Force' };

const longest = Math.max(...Object.keys(WORDS).map((w) => w.length));

/**
 * An organization's Hangul name with its known institution words in English: 조선광업개발무역회사 → "Korea Mining
 * Development Trading Company", 단천상업은행 → "단천 Commercial Bank" (proper names stay Hangul, for the romanizer);
 * 제2 (the ordinal prefix) → 2. Undefined when no word is known.
 */
export function translateInstitutionWords(name: string): string | undefined {
  let found = false;
  const out = name.replace(/제(?=\d)/g, () => {
    found = true;
    return ' ';
  }).replace(/[\uac00-\ud7a3]+/g, (run) => {
    const parts: string[] = [];
    let pending = '';
    let known = false;
    for (let k = 0; k < run.length; ) {
      let hit: string | undefined;
      for (let n = Math.min(longest, run.length - k); n >= 2 && !hit; n--) if (WORDS[run.slice(k, k + n)]) hit = run.slice(k, k + n);
      if (!hit && k === run.length - 1 && known && FINAL_WORDS[run[k]]) {
        if (pending) parts.push(pending);
        parts.push(FINAL_WORDS[run[k]]);
        pending = '';
        found = true;
        k++;
        continue;
      }
      if (hit) {
        if (pending) parts.push(pending);
        pending = '';
        parts.push(WORDS[hit]);
        found = known = true;
        k += hit.length;
      } else {
        pending += run[k];
        k++;
      }
    }
    if (pending) parts.push(pending);
    return ` ${parts.join(' ')} `;
  });
  if (!found) return undefined;
  return out.replace(/(\d)(?=[^\d\s])/g, '$1 ').replace(/\s+/g, ' ').trim();
}
