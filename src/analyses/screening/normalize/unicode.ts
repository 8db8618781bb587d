/**
 * Unicode folding for matching keys: compatibility normalisation (NFKC), case folding, diacritics stripped
 * (the McCune–Reischauer breves included: ŏ → o, ŭ → u, so ŏ/o and ŭ/u collapse in every key),
 * apostrophes deleted (MR aspiration marks and the lists' breve stand-ins: Ch'ŏl, CH'O'L → chol), every other
 * punctuation mark turned into a space, runs of space collapsed.
 */

/** Apostrophe-like marks, deleted without a trace (’ ‘ ' ` ´ ʹ ʻ ʼ ʽ ′ ‛ and the full-width one). */
export const APOSTROPHES = /['’‘`´ʹʻʼʽ′‛＇]/g;

const HYPHENS = /[‐‑‒–—―−﹣－]/g;

/** Letters that do not decompose under NFD but have a conventional Latin fold. */
const SPECIAL_LETTERS: Record<string, string> = {
  ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', đ: 'd', ð: 'd', ł: 'l', ı: 'i', þ: 'th', ŀ: 'l', ħ: 'h', ŧ: 't',
};
const SPECIAL_RE = new RegExp(`[${Object.keys(SPECIAL_LETTERS).join('')}]`, 'g');

export function isAscii(s: string): boolean {
  for (let k = 0; k < s.length; k++) if (s.charCodeAt(k) > 0x7f) return false;
  return true;
}

export function nfkc(s: string): string {
  return isAscii(s) ? s : s.normalize('NFKC');
}

export function removeApostrophes(s: string): string {
  return s.replace(APOSTROPHES, '');
}

/** Lower case, with the few letters whose full case fold differs from toLowerCase (ß → ss). */
export function foldCase(s: string): string {
  return s.toLowerCase().replace(SPECIAL_RE, (ch) => SPECIAL_LETTERS[ch]);
}

/** Remove combining marks (accents, breves, cedillas); Hangul is untouched (it recomposes under NFC). */
export function stripDiacritics(s: string): string {
  if (isAscii(s)) return s;
  return s.normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC');
}

/** Every hyphen or dash variant → ASCII '-'. */
export function normalizeHyphens(s: string): string {
  return s.replace(HYPHENS, '-');
}

/** '&' → ' and ', and everything that is neither a letter nor a digit → a space. */
export function punctuationToSpace(s: string): string {
  return s.replace(/&/g, ' and ').replace(/[^\p{L}\p{N}]+/gu, ' ');
}

export function collapseWhitespace(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/** The full fold for text in any script: letters of other scripts are kept (transliteration is elsewhere). */
export function foldText(s: string): string {
  if (isAscii(s)) return foldAscii(s);
  return collapseWhitespace(punctuationToSpace(stripDiacritics(foldCase(nfkc(removeApostrophes(s))))));
}

/**
 * The same fold for pure-ASCII input in a single pass (the hot path: most list and query names are ASCII).
 * Apostrophes and backticks vanish, '&' becomes "and", letters are lower-cased, the rest separates tokens.
 */
export function foldAscii(s: string): string {
  let out = '';
  let pendingSpace = false;
  for (let k = 0; k < s.length; k++) {
    let c = s.charCodeAt(k);
    if (c === 39 || c === 96) continue; // ' `
    if (c >= 65 && c <= 90) c += 32;
    const keep = (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
    if (keep) {
      if (pendingSpace && out.length > 0) out += ' ';
      pendingSpace = false;
      out += String.fromCharCode(c);
    } else if (c === 38) {
      if (out.length > 0) out += ' ';
      out += 'and';
      pendingSpace = true;
    } else {
      pendingSpace = true;
    }
  }
  return out;
}
