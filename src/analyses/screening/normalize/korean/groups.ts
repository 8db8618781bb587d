/**
 * A raw name → groups: its words, hyphenated parts kept together (Jong-un is one group), with a mark on a
 * word followed by a comma (KIM, Jong-un). A Hangul name written the Korean way (김정은) becomes surname +
 * given name. Apostrophes vanish (MR aspiration and breve stand-ins). When Hangul and Latin are mixed, only
 * the Hangul groups are kept.
 */
import { APOSTROPHES, foldCase, isAscii, normalizeHyphens, stripDiacritics } from '../unicode.js';
import { hangulSurnameOf } from './surnames.js';

export interface Group {
  /** Lower-case a–z letters and '-', or Hangul syllables. */
  text: string;
  hangul: boolean;
  /** Followed by a comma in the original. */
  beforeComma: boolean;
}

export const HANGUL_RUN = /^[\uac00-\ud7a3]+$/;
const LATIN_GROUP = /^[a-z]+(?:-+[a-z]+)*$/;

/** The groups of a name; undefined when it holds anything a Korean name cannot (digits, f q v x z ...). */
export function parseGroups(raw: string): Group[] | undefined {
  if (isAscii(raw)) return parseAsciiGroups(raw);
  const s = foldCase(stripDiacritics(normalizeHyphens(raw.replace(APOSTROPHES, '').normalize('NFKC'))));
  const groups: Group[] = [];
  for (const m of s.matchAll(/([^\s,;/()[\]."]+)|(,)/g)) {
    if (m[2]) {
      if (groups.length) groups[groups.length - 1].beforeComma = true;
      continue;
    }
    const text = m[1].replace(/^-+|-+$/g, '');
    if (text) groups.push({ text, hangul: HANGUL_RUN.test(text), beforeComma: false });
  }
  const hangul = groups.filter((g) => g.hangul);
  if (hangul.length) return splitCompactHangul(hangul);
  return groups.length && groups.every((g) => LATIN_GROUP.test(g.text)) ? groups : undefined;
}

// a b c d e f g h i j k l m n o p q r s t u v w x y z
const NOT_KOREAN_LETTER = [0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 1, 0, 1];

/** The same for ASCII input, in one pass (the hot path); rejected at the first letter no romanization uses. */
function parseAsciiGroups(raw: string): Group[] | undefined {
  const groups: Group[] = [];
  let text = '';
  const end = () => {
    const t = text.replace(/-+$/, '');
    if (t) groups.push({ text: t, hangul: false, beforeComma: false });
    text = '';
  };
  for (let k = 0; k < raw.length; k++) {
    let c = raw.charCodeAt(k);
    if (c >= 65 && c <= 90) c += 32;
    if (c >= 97 && c <= 122) {
      if (NOT_KOREAN_LETTER[c - 97]) return undefined;
      text += String.fromCharCode(c);
    } else if (c === 45) {
      if (text && text[text.length - 1] !== '-') text += '-';
    } else if (c === 39 || c === 96) {
      // apostrophe or backtick: deleted
    } else if (c === 44) {
      end();
      if (groups.length) groups[groups.length - 1].beforeComma = true;
    } else if (c === 32 || c === 9 || c === 46 || c === 59 || c === 47 || c === 40 || c === 41) {
      end(); // space, tab . ; / ( )
    } else {
      return undefined;
    }
  }
  end();
  return groups.length ? groups : undefined;
}

/** A lone Hangul name written the Korean way (김정은, 남궁민) → surname group + given-name group. */
function splitCompactHangul(groups: Group[]): Group[] {
  if (groups.length !== 1) return groups;
  const text = groups[0].text;
  const sur = hangulSurnameOf(text);
  if (!sur || sur.length === text.length) return groups;
  return [
    { text: sur, hangul: true, beforeComma: true },
    { text: text.slice(sur.length), hangul: true, beforeComma: false },
  ];
}
