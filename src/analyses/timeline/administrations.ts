import type { IsoDay } from '../../sources/events/types.js';
import { addDays } from './kst.js';

/**
 * U.S. presidential terms, as data. A term starts on its inauguration day (U.S. calendar) and ends when the
 * next one starts. The oath is taken at noon Eastern Time, which is 02:00 the next day in Korea, so on a KST
 * calendar the new administration starts one day later (see `administrationOn`).
 */

export interface Administration {
  president: string;
  party: 'Republican' | 'Democratic';
  /** Inauguration day (U.S. calendar). */
  start: IsoDay;
  /** Day the next term starts (exclusive); null for the current term's scheduled end when unknown. */
  end: IsoDay | null;
}

/** Scheduled end of the term that began 2025-01-20. */
const CURRENT_TERM_END: IsoDay = '2029-01-20';

const TERMS: readonly Omit<Administration, 'end'>[] = [
  { president: 'Ronald Reagan', party: 'Republican', start: '1981-01-20' },
  { president: 'George H. W. Bush', party: 'Republican', start: '1989-01-20' },
  { president: 'Bill Clinton', party: 'Democratic', start: '1993-01-20' },
  { president: 'George W. Bush', party: 'Republican', start: '2001-01-20' },
  { president: 'Barack Obama', party: 'Democratic', start: '2009-01-20' },
  { president: 'Donald Trump', party: 'Republican', start: '2017-01-20' },
  { president: 'Joe Biden', party: 'Democratic', start: '2021-01-20' },
  { president: 'Donald Trump', party: 'Republican', start: '2025-01-20' },
];

export const ADMINISTRATIONS: readonly Administration[] = TERMS.map((t, i) => ({ ...t, end: TERMS[i + 1]?.start ?? CURRENT_TERM_END }));

/** The calendar a date is written in: U.S. (Eastern) dates for U.S. actions, KST days for launches. */
export type Calendar = 'US' | 'KST';

/**
 * The administration in office on `date`, or null outside the table (before 1981-01-20 or after the
 * current term's scheduled end). On the KST calendar the inauguration day still belongs to the outgoing
 * president (the new one is sworn in at 02:00 KST the next day).
 */
export function administrationOn(date: IsoDay, calendar: Calendar = 'US'): Administration | null {
  const usDate = calendar === 'KST' ? addDays(date, -1) : date;
  return ADMINISTRATIONS.find((a) => a.start <= usDate && (a.end === null || usDate < a.end)) ?? null;
}
