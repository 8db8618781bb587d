/**
 * OFAC date phrases -> ISO dates at the precision stated: `07 Jan 1930` -> 1930-01-07, `Jan 1962` -> 1962-01,
 * `1962` -> 1962. Phrases: a date, `circa <date>`, `<date> to <date>`, `circa 1979-1982`.
 */

const MONTHS: Record<string, string> = {
  jan: '01', feb: '02', mar: '03', apr: '04', may: '05', jun: '06',
  jul: '07', aug: '08', sep: '09', oct: '10', nov: '11', dec: '12',
};

const DAY_MONTH_YEAR = /^(\d{1,2}) ([A-Za-z]{3})[a-z]* (\d{4})$/;
const MONTH_YEAR = /^([A-Za-z]{3})[a-z]* (\d{4})$/;
const YEAR = /^(\d{4})$/;

/** One OFAC date, or undefined when the text is not one. */
export function isoDate(text: string): string | undefined {
  const t = text.trim();
  let m = DAY_MONTH_YEAR.exec(t);
  if (m) {
    const month = MONTHS[m[2].toLowerCase()];
    const day = Number(m[1]);
    return month && day >= 1 && day <= 31 ? `${m[3]}-${month}-${m[1].padStart(2, '0')}` : undefined;
  }
  m = MONTH_YEAR.exec(t);
  if (m) {
    const month = MONTHS[m[1].toLowerCase()];
    return month ? `${m[2]}-${month}` : undefined;
  }
  m = YEAR.exec(t);
  return m ? m[1] : undefined;
}

export interface StatedDates {
  /** Every date the phrase states: one, or both ends of a range. */
  dates: string[];
  /** True for a plain date; false for `circa` or a range, whose meaning the ISO values alone do not keep. */
  exact: boolean;
}

/** A date phrase; undefined when any part of it is not a date. */
export function statedDates(text: string): StatedDates | undefined {
  let t = text.trim();
  let exact = true;
  const circa = /^circa\s+/i.exec(t);
  if (circa) {
    t = t.slice(circa[0].length);
    exact = false;
  }
  const parts = t.split(/\s+to\s+|(?<=^\d{4})-(?=\d{4}$)/);
  if (parts.length > 2) return undefined;
  if (parts.length === 2) exact = false;
  const dates: string[] = [];
  for (const part of parts) {
    const d = isoDate(part);
    if (!d) return undefined;
    dates.push(d);
  }
  return { dates, exact };
}
