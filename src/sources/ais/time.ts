/**
 * Reading the timestamps AIS files carry, without regular expressions (this runs once per CSV row):
 *   - ISO 8601 / SQL style: '2021-07-01T00:00:00Z', '2021-07-01 00:00:00', '2021-09-19 20:06:56.000000 UTC',
 *     '2021-07-01T09:00:00+09:00', '2021-07-01' (midnight UTC). No zone means UTC.
 *   - compact: '20210701_185151', '20210701T185151Z'.
 *   - epoch numbers: seconds (may have a fraction) or milliseconds (12 digits or more before any fraction).
 * Every function returns epoch milliseconds UTC, or NaN when the text is not a time.
 */

const DIGIT_0 = 48;
const DIGIT_9 = 57;
const DOT = 46;
const MINUS = 45;
const PLUS = 43;
const COLON = 58;
const UNDERSCORE = 95;
const LETTER_T = 84;
/** Epoch values with at least this many integer digits are milliseconds (1e11 s would be the year 5138). */
const EPOCH_MS_MIN_DIGITS = 12;
const MS_PER_SECOND = 1000;
const MS_PER_MINUTE = 60_000;
const MINUTES_PER_HOUR = 60;
const MAX_MONTH = 12;
const MAX_DAY = 31;
const MAX_HOUR = 23;
const MAX_MINUTE = 59;
/** 60 allows a leap second, which Date.UTC rolls into the next minute. */
const MAX_SECOND = 60;
const ISO_DATE_LENGTH = 10; // 'YYYY-MM-DD'
const COMPACT_DATE_LENGTH = 8; // 'YYYYMMDD'

function isDigit(c: number): boolean {
  return c >= DIGIT_0 && c <= DIGIT_9;
}

/** The integer in s[from, from + len) if all digits, else -1. */
function digits(s: string, from: number, len: number): number {
  if (from + len > s.length) return -1;
  let v = 0;
  for (let i = from; i < from + len; i++) {
    const c = s.charCodeAt(i);
    if (!isDigit(c)) return -1;
    v = v * 10 + (c - DIGIT_0);
  }
  return v;
}

/** Epoch seconds or milliseconds, e.g. '1635731889', '1635731889.25', '1635731889250'. NaN if not a plain number. */
export function parseEpoch(s: string): number {
  let i = 0;
  let intDigits = 0;
  let value = 0;
  while (i < s.length && isDigit(s.charCodeAt(i))) {
    value = value * 10 + (s.charCodeAt(i) - DIGIT_0);
    i++;
    intDigits++;
  }
  if (intDigits === 0) return NaN;
  let fraction = 0;
  if (i < s.length && s.charCodeAt(i) === DOT) {
    let scale = 1;
    for (i++; i < s.length && isDigit(s.charCodeAt(i)); i++) {
      scale /= 10;
      fraction += (s.charCodeAt(i) - DIGIT_0) * scale;
    }
  }
  if (i !== s.length) return NaN;
  return intDigits >= EPOCH_MS_MIN_DIGITS ? value + fraction : Math.round((value + fraction) * MS_PER_SECOND);
}

/** Epoch ms of a calendar date and time, or NaN if a part is out of range. */
function utc(y: number, mo: number, d: number, h: number, mi: number, sec: number, ms: number): number {
  if (y < 0 || mo < 1 || mo > MAX_MONTH || d < 1 || d > MAX_DAY || h < 0 || h > MAX_HOUR || mi < 0 || mi > MAX_MINUTE
    || sec < 0 || sec > MAX_SECOND) return NaN;
  return Date.UTC(y, mo - 1, d, h, mi, sec, ms);
}

/** Milliseconds from a fraction of a second starting at s[i] === '.' ; returns [ms, index after the digits]. */
function fractionMs(s: string, i: number): [number, number] {
  let ms = 0;
  let scale = MS_PER_SECOND;
  for (i++; i < s.length && isDigit(s.charCodeAt(i)); i++) {
    scale /= 10;
    ms += (s.charCodeAt(i) - DIGIT_0) * scale;
  }
  return [Math.round(ms), i];
}

/** Zone suffix starting at s[i]: '', 'Z', ' UTC', '+09:00', '-0500'. Returns the offset in minutes or NaN. */
function zoneOffsetMinutes(s: string, i: number): number {
  const rest = s.slice(i).trim();
  if (rest === '' || rest === 'Z' || rest === 'z' || rest === 'UTC' || rest === 'GMT') return 0;
  const sign = rest.charCodeAt(0) === PLUS ? 1 : rest.charCodeAt(0) === MINUS ? -1 : 0;
  if (!sign) return NaN;
  const hh = digits(rest, 1, 2);
  const mm = rest.length === 3 ? 0 : digits(rest, rest.charCodeAt(3) === COLON ? 4 : 3, 2);
  if (hh < 0 || mm < 0) return NaN;
  return sign * (hh * MINUTES_PER_HOUR + mm);
}

/** Time of day from s[i] ('HH:MM[:SS[.fff]]' or compact 'HHMMSS'), then zone; added to the date's midnight. */
function timeOfDay(s: string, i: number, y: number, mo: number, d: number, compact: boolean): number {
  const h = digits(s, i, 2);
  const sep = compact ? 0 : 1;
  const mi = digits(s, i + 2 + sep, 2);
  if (h < 0 || mi < 0 || (!compact && s.charCodeAt(i + 2) !== COLON)) return NaN;
  i += 4 + sep;
  let sec = 0;
  if (compact || (i < s.length && s.charCodeAt(i) === COLON)) {
    sec = digits(s, i + sep, 2);
    if (sec < 0) return NaN;
    i += 2 + sep;
  }
  let ms = 0;
  if (i < s.length && s.charCodeAt(i) === DOT) [ms, i] = fractionMs(s, i);
  const offset = zoneOffsetMinutes(s, i);
  return utc(y, mo, d, h, mi, sec, ms) - offset * MS_PER_MINUTE;
}

/** Any of the forms in the file comment → epoch ms UTC, or NaN. */
export function parseTime(text: string): number {
  const s = text.trim();
  if (s.length >= ISO_DATE_LENGTH && s.charCodeAt(4) === MINUS && s.charCodeAt(7) === MINUS) {
    const y = digits(s, 0, 4);
    const mo = digits(s, 5, 2);
    const d = digits(s, 8, 2);
    if (y < 0 || mo < 0 || d < 0) return NaN;
    if (s.length === ISO_DATE_LENGTH) return utc(y, mo, d, 0, 0, 0, 0);
    return timeOfDay(s, ISO_DATE_LENGTH + 1, y, mo, d, false); // after 'T' or ' '
  }
  const compactSeparator = s.charCodeAt(COMPACT_DATE_LENGTH);
  if (s.length > COMPACT_DATE_LENGTH && (compactSeparator === UNDERSCORE || compactSeparator === LETTER_T)) {
    const y = digits(s, 0, 4);
    const mo = digits(s, 4, 2);
    const d = digits(s, 6, 2);
    if (y < 0 || mo < 0 || d < 0) return NaN;
    return timeOfDay(s, COMPACT_DATE_LENGTH + 1, y, mo, d, true); // after '_' or 'T'
  }
  return parseEpoch(s);
}
