/**
 * Excel serial numbers: days since 1899-12-30 (the 1900 date system, whose day 60 is the fictitious
 * 1900-02-29; every date in the CNS file is far later, so the plain epoch is exact), and times of day
 * as fractions of a day.
 */

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const MS_PER_DAY = 86_400_000;
const MINUTES_PER_DAY = 1_440;
/** Serials before 1900-03-01 are affected by the 1900 leap-year bug; refuse them. */
const FIRST_SAFE_SERIAL = 61;
/** 9999-12-31 */
const LAST_SERIAL = 2_958_465;

/** ISO day of a whole-day Excel serial, or null if the value is not one. */
export function excelSerialToIsoDay(serial: number): string | null {
  if (!Number.isInteger(serial) || serial < FIRST_SAFE_SERIAL || serial > LAST_SERIAL) return null;
  return new Date(EXCEL_EPOCH_MS + serial * MS_PER_DAY).toISOString().slice(0, 10);
}

/** 'HH:MM' of an Excel time-of-day fraction (0 <= f < 1), rounded to the minute, or null if not one. */
export function excelFractionToTime(fraction: number): string | null {
  if (!Number.isFinite(fraction) || fraction < 0 || fraction >= 1) return null;
  const minutes = Math.round(fraction * MINUTES_PER_DAY) % MINUTES_PER_DAY;
  const hh = String(Math.floor(minutes / 60)).padStart(2, '0');
  const mm = String(minutes % 60).padStart(2, '0');
  return `${hh}:${mm}`;
}
