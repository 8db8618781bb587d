import { isIsoDay } from '../dates.js';
import type { IsoDay } from '../types.js';

/** Facts read from CSIS description text (news summaries). Both readers are deliberately narrow. */

const NUMBER_WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17,
  eighteen: 18, nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50,
};
/** What is being counted. Shots and shells are not: artillery barrages are not missile counts. */
const COUNTED = '(?:missiles|projectiles|rockets|SRBMs|MRBMs|IRBMs|ICBMs|SLBMs|CRBMs|(?:missile\\s+)?launches)';
const SINGULAR = '(?:missile|projectile|rocket|SRBM|MRBM|IRBM|ICBM|SLBM|CRBM)';
/** Up to four words between the number and the noun: "two short-range ballistic missiles", "10 rounds of artillery rockets". */
const QUALIFIERS = '(?:(?!(?:fired|launched|and|the|to|for|further|North|Korea)\\b)[A-Za-z][\\w-]*\\s+){0,4}?';
const NUMBER = `(\\d{1,2}|${Object.keys(NUMBER_WORDS).join('|')})`;
const PLURAL_COUNT = new RegExp(`(?<![\\d:.,-])\\b${NUMBER}\\s+${QUALIFIERS}${COUNTED}\\b`, 'gi');
/** Text that reports a salvo without a number: a singular phrase in it ("a subsequent missile") is no count. */
const UNCOUNTED_SALVO = /\b(several|multiple|salvo|barrage|a number of|volley)\b/i;
const SINGLE_COUNT = new RegExp(`\\b(?:a|an|one)\\s+${QUALIFIERS}${SINGULAR}\\b(?!-)`, 'gi');

export interface TextCount {
  count: number;
  /** The words that gave it, for evidence. */
  phrase: string;
}

/**
 * The number of missiles a description reports: the largest "<number> ... missiles" phrase (numbers as digits
 * or words), else 1 for "a/an/one ... missile". Null when the text gives no count ("multiple", "several").
 */
export function missileCountInText(text: string): TextCount | null {
  let best: TextCount | null = null;
  for (const m of text.matchAll(PLURAL_COUNT)) {
    const word = m[1].toLowerCase();
    const count = NUMBER_WORDS[word] ?? Number(word);
    if (count > 0 && (!best || count > best.count)) best = { count, phrase: m[0] };
  }
  if (best) return best;
  if (UNCOUNTED_SALVO.test(text)) return null;
  const single = SINGLE_COUNT.exec(text);
  SINGLE_COUNT.lastIndex = 0;
  return single ? { count: 1, phrase: single[0] } : null;
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
/** "On March 9, 2020 at 7:36 a.m., North Korea launched ..." */
const OPENING_DATE = new RegExp(`^On\\s+(${MONTHS.join('|')})\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`, 'i');
const WEEKDAY = new RegExp(`\\b(${WEEKDAYS.join('|')})\\b`, 'i');
/** A weekday in a news summary means the nearest such day: at most this many days from the row's date. */
const MAX_WEEKDAY_SHIFT = 3;
const MS_PER_DAY = 86_400_000;

/** The date a description opens with ("On March 9, 2020, ..."), if it does. */
export function openingDate(description: string): IsoDay | null {
  const m = OPENING_DATE.exec(description.trim());
  if (!m) return null;
  const month = String(MONTHS.indexOf(m[1].toLowerCase()) + 1).padStart(2, '0');
  const day = `${m[3]}-${month}-${m[2].padStart(2, '0')}`;
  return isIsoDay(day) ? day : null;
}

export interface DescribedDay {
  day: IsoDay;
  /** The words that gave it. */
  phrase: string;
}

function shift(day: IsoDay, n: number): IsoDay {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * MS_PER_DAY).toISOString().slice(0, 10);
}

/**
 * The day a description says the event happened, when that differs from the row's date: an opening date
 * ("On March 9, 2020 ..."), else the first weekday named ("... fired two SRBMs on Wednesday ...") taken as the
 * nearest day with that weekday. Null when the text agrees with the row or says nothing.
 */
export function describedDay(description: string, rowDate: IsoDay): DescribedDay | null {
  const opening = openingDate(description);
  if (opening) return opening === rowDate ? null : { day: opening, phrase: OPENING_DATE.exec(description.trim())?.[0] ?? opening };
  const w = WEEKDAY.exec(description);
  if (!w) return null;
  const target = WEEKDAYS.indexOf(w[1].toLowerCase());
  for (let n = 1; n <= MAX_WEEKDAY_SHIFT; n++) {
    for (const candidate of [shift(rowDate, -n), shift(rowDate, n)]) {
      if (new Date(`${candidate}T00:00:00Z`).getUTCDay() === target) return { day: candidate, phrase: w[0] };
    }
  }
  return null;
}
