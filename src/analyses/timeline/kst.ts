import type { CatalogueTest, IsoDay } from '../../sources/events/types.js';

/**
 * Korea Standard Time is UTC+9 all year (no daylight saving since 1988; the sources' pre-1988 rows carry no times).
 * Launch days are KST calendar days.
 */
export const KST_OFFSET_MINUTES = 9 * 60;
const MINUTES_PER_DAY = 24 * 60;
const MS_PER_DAY = 86_400_000;

/**
 * How a KST day was obtained, best first (the precedence used when sources disagree by a day):
 * - 'utc-time': a catalogue row's UTC date and launch time, shifted by +9 h;
 * - 'salvo-time': an untimed catalogue row of a salvo whose other rows (same source, date and missile) are timed;
 * - 'description-date': the day a CSIS description states when it differs from the date column (an opening
 *   'On March 9, 2020', or a weekday: 'fired two SRBMs on Wednesday');
 * - 'local-date': a CSIS row's date column (already a local day);
 * - 'untimed-date': a catalogue date without a launch time (UTC or local: the source does not say).
 */
export type DayBasis = 'utc-time' | 'salvo-time' | 'description-date' | 'local-date' | 'untimed-date';
export const DAY_BASIS_PRECEDENCE: readonly DayBasis[] = ['utc-time', 'salvo-time', 'description-date', 'local-date', 'untimed-date'];

export interface KstDay {
  day: IsoDay;
  basis: DayBasis;
}

export function addDays(day: IsoDay, n: number): IsoDay {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Whole days from a to b. */
export function daysBetween(a: IsoDay, b: IsoDay): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / MS_PER_DAY);
}

/** The KST day of a UTC date and 'HH:MM' time: 15:00 UTC and later is the next KST day. */
export function kstDayOfUtc(dateUtc: IsoDay, timeUtc: string): IsoDay {
  const [hh, mm] = timeUtc.split(':').map(Number);
  const minutes = hh * 60 + mm + KST_OFFSET_MINUTES;
  return addDays(dateUtc, Math.floor(minutes / MINUTES_PER_DAY));
}

/** The KST day of a catalogue (CNS / nagix) row on its own: shifted when it has a launch time, its date otherwise. */
export function catalogueKstDay(test: CatalogueTest): KstDay {
  return test.timeUtc ? { day: kstDayOfUtc(test.date, test.timeUtc), basis: 'utc-time' } : { day: test.date, basis: 'untimed-date' };
}

function salvoKey(t: CatalogueTest): string {
  return `${t.source}|${t.date}|${t.missileName}`;
}

/**
 * KST days of catalogue rows, in order. An untimed row takes the day of its salvo: the timed rows of the same
 * source, date and missile (e.g. CNS rows 133-135, 2019-09-09 21:53 and 22:12 UTC plus an untimed failure,
 * are all 2019-09-10 KST). The latest such time is used.
 */
export function catalogueKstDays(tests: CatalogueTest[]): KstDay[] {
  const salvoTime = new Map<string, string>();
  for (const t of tests) {
    const key = salvoKey(t);
    if (t.timeUtc && (salvoTime.get(key) ?? '') < t.timeUtc) salvoTime.set(key, t.timeUtc);
  }
  return tests.map((t) => {
    const time = salvoTime.get(salvoKey(t));
    return t.timeUtc || !time ? catalogueKstDay(t) : { day: kstDayOfUtc(t.date, time), basis: 'salvo-time' };
  });
}
