import { countryOf, splitEnumerated, stripParens } from '../un/values.js';

/**
 * The old HM Treasury list writes nationality as an adjective ('Afghan', '(1) Somali (2) Swedish',
 * 'Kuwaiti citizenship withdrawn in 2002'). Demonym -> ISO code, as data; lower-case keys.
 */
export const DEMONYMS: Record<string, string> = {
  afghan: 'af', albanian: 'al', algerian: 'dz', american: 'us', angolan: 'ao', argentine: 'ar', armenian: 'am',
  australian: 'au', austrian: 'at', azerbaijani: 'az', bahraini: 'bh', bangladeshi: 'bd', belarusian: 'by',
  belarussian: 'by', belgian: 'be', bosnian: 'ba', british: 'gb', bulgarian: 'bg', burmese: 'mm', burundian: 'bi',
  cambodian: 'kh', cameroonian: 'cm', canadian: 'ca', chadian: 'td', chinese: 'cn', colombian: 'co', congolese: 'cd',
  croatian: 'hr', cuban: 'cu', cypriot: 'cy', czech: 'cz', danish: 'dk', djiboutian: 'dj', djibouti: 'dj', dutch: 'nl',
  egyptian: 'eg', emirati: 'ae', eritrean: 'er', ethiopian: 'et', filipino: 'ph', finnish: 'fi', french: 'fr',
  gambian: 'gm', georgian: 'ge', german: 'de', ghanaian: 'gh', greek: 'gr', guinean: 'gn', 'guinea-bissau': 'gw',
  'bissau-guinean': 'gw', haitian: 'ht', indian: 'in', indonesian: 'id', iranian: 'ir', iraqi: 'iq', irish: 'ie',
  israeli: 'il', italian: 'it', ivorian: 'ci', japanese: 'jp', jordanian: 'jo', kazakh: 'kz', kenyan: 'ke',
  kosovar: 'xk', kuwaiti: 'kw', kyrgyz: 'kg', lebanese: 'lb', liberian: 'lr', libyan: 'ly', malaysian: 'my',
  malian: 'ml', maldivian: 'mv', mauritanian: 'mr', moldovan: 'md', mongolian: 'mn', montenegrin: 'me',
  moroccan: 'ma', nepalese: 'np', nigerian: 'ng', nigerien: 'ne', 'north korean': 'kp', norwegian: 'no',
  omani: 'om', pakistani: 'pk', palestinian: 'ps', polish: 'pl', qatari: 'qa', romanian: 'ro', russian: 'ru',
  rwandan: 'rw', saudi: 'sa', 'saudi arabian': 'sa', senegalese: 'sn', serbian: 'rs', singaporean: 'sg',
  somali: 'so', 'south african': 'za', 'south korean': 'kr', 'south sudanese': 'ss', spanish: 'es',
  'sri lankan': 'lk', sudanese: 'sd', swedish: 'se', swiss: 'ch', syrian: 'sy', tajik: 'tj', tanzanian: 'tz',
  thai: 'th', tunisian: 'tn', turkish: 'tr', turkmen: 'tm', ugandan: 'ug', ukrainian: 'ua', uzbek: 'uz',
  venezuelan: 've', vietnamese: 'vn', yemeni: 'ye', zimbabwean: 'zw',
};

const WORDS = Object.keys(DEMONYMS).sort((a, b) => b.length - a.length);
const WORD_PATTERN = new RegExp(`\\b(${WORDS.map((w) => w.replace(/[-]/g, '\\-')).join('|')})\\b`, 'gi');

export interface NationalityReading {
  codes: string[];
  /** True when every part was a plain demonym or country name (nothing else in the text to keep). */
  exact: boolean;
}

/** Country codes in a nationality text: demonyms or country names, enumerated or in a sentence. */
export function readNationality(raw: string): NationalityReading {
  const codes: string[] = [];
  let exact = true;
  const add = (c: string | undefined) => {
    if (c && !codes.includes(c)) codes.push(c);
  };
  for (const part of splitEnumerated(raw)) {
    const plain = stripParens(part).replace(/[.;,]+$/, '').trim();
    const direct = DEMONYMS[plain.toLowerCase()] ?? countryOf(plain);
    if (direct) {
      add(direct);
      if (plain !== part.trim()) exact = false;
      continue;
    }
    exact = false;
    for (const m of part.matchAll(WORD_PATTERN)) add(DEMONYMS[m[1].toLowerCase()]);
  }
  return { codes, exact };
}
