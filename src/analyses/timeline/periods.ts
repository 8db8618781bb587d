import { isIsoDay } from '../../sources/events/dates.js';
import type { DateRange, IsoDay } from '../../sources/events/types.js';
import { addDays, daysBetween } from './kst.js';

/** Calendar periods the timeline counts by, and the date window a caller asks for. Pure. */

export type Granularity = 'day' | 'month' | 'quarter' | 'year';
export const GRANULARITIES: readonly Granularity[] = ['day', 'month', 'quarter', 'year'];

/** A bad window or date: the surfaces turn it into a usage error (CLI) or a 400 (HTTP). */
export class TimelineInputError extends Error {
  override name = 'TimelineInputError';
}

export interface Window {
  from?: IsoDay;
  to?: IsoDay;
}

/** Checks a user-given window: real YYYY-MM-DD days, and `from` not after `to`. */
export function checkWindow(w: Window): Window {
  for (const [name, value] of [['from', w.from], ['to', w.to]] as const) {
    if (value !== undefined && !isIsoDay(value)) throw new TimelineInputError(`--${name} ${JSON.stringify(value)}: not a valid YYYY-MM-DD date`);
  }
  if (w.from && w.to && w.from > w.to) throw new TimelineInputError(`--from ${w.from} is after --to ${w.to}`);
  return w;
}

export function inWindow(day: IsoDay, w: Window): boolean {
  return (w.from === undefined || day >= w.from) && (w.to === undefined || day <= w.to);
}

/** The key of the period holding `day`: '2022-01-12', '2022-01', '2022-Q1', '2022'. */
export function periodOf(day: IsoDay, g: Granularity): string {
  switch (g) {
    case 'day':
      return day;
    case 'month':
      return day.slice(0, 7);
    case 'quarter':
      return `${day.slice(0, 4)}-Q${Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1}`;
    case 'year':
      return day.slice(0, 4);
  }
}

/** First and last day of a period key. */
export function periodRange(key: string, g: Granularity): DateRange {
  const year = Number(key.slice(0, 4));
  const monthEnd = (y: number, m: number) => addDays(`${String(m === 12 ? y + 1 : y).padStart(4, '0')}-${String(m === 12 ? 1 : m + 1).padStart(2, '0')}-01`, -1);
  switch (g) {
    case 'day':
      return { first: key, last: key };
    case 'month': {
      const m = Number(key.slice(5, 7));
      return { first: `${key}-01`, last: monthEnd(year, m) };
    }
    case 'quarter': {
      const q = Number(key.slice(6));
      const m1 = (q - 1) * 3 + 1;
      return { first: `${key.slice(0, 4)}-${String(m1).padStart(2, '0')}-01`, last: monthEnd(year, m1 + 2) };
    }
    case 'year':
      return { first: `${key}-01-01`, last: `${key}-12-31` };
  }
}

/** Every period key from the one holding `first` to the one holding `last`, in order. */
export function periodsSpanning(range: DateRange, g: Granularity): string[] {
  const out: string[] = [];
  let day = range.first;
  while (day <= range.last) {
    const key = periodOf(day, g);
    out.push(key);
    day = addDays(periodRange(key, g).last, 1);
  }
  return out;
}

/** The overlap of two ranges, or null. */
export function intersect(a: DateRange, b: DateRange): DateRange | null {
  const first = a.first > b.first ? a.first : b.first;
  const last = a.last < b.last ? a.last : b.last;
  return first <= last ? { first, last } : null;
}

/** How much of `range` the `covered` range spans. */
export function coverageOf(range: DateRange, covered: DateRange | null): 'full' | 'partial' | 'none' {
  if (!covered) return 'none';
  const overlap = intersect(range, covered);
  if (!overlap) return 'none';
  return overlap.first === range.first && overlap.last === range.last ? 'full' : 'partial';
}

/** The window as a range, bounded by `fallback` where the caller left a side open. */
export function windowRange(w: Window, fallback: DateRange): DateRange {
  return { first: w.from ?? fallback.first, last: w.to ?? fallback.last };
}

export { addDays, daysBetween };

/** The median of numbers (mean of the middle two for an even count); null for none. */
export function median(values: readonly number[]): number | null {
  if (!values.length) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}
