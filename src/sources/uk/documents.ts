import { splitEnumerated } from '../un/values.js';

/**
 * Document numbers in the HM Treasury list's free-text 'Passport Details' and 'NI Number' columns, e.g.
 * 'G827238 (Tunisian). Issued on 1 June 1996. Expired on 31 May 2001', '(1) 660105-01-5297 (2) Driver licence
 * no D2161572', 'Syrian passport # 002680351 (issued 25/04/2007, expires 24/04/2013)'.
 *
 * Rule: in each enumerated part, the first token of letters, digits and - / . that holds at least 4 digits and is
 * not a date. Anything else in the text (issuing country, dates, the holder's other name) is not parsed: the whole
 * column text is always kept in the record's notes as well.
 */
const TOKEN = /[A-Z0-9][A-Z0-9./-]*[A-Z0-9]/gi;
const DATE_LIKE = /^\d{1,2}[./-]\d{1,2}[./-]\d{2,4}$/;

export function documentNumbers(raw: string): string[] {
  const out: string[] = [];
  for (const part of splitEnumerated(raw)) {
    for (const m of part.matchAll(TOKEN)) {
      const token = m[0];
      const digits = token.replace(/\D/g, '').length;
      if (digits < 4 || DATE_LIKE.test(token) || /^(?:19|20)\d{2}$/.test(token)) continue;
      if (!out.includes(token)) out.push(token);
      break;
    }
  }
  return out;
}
