import { SourceError } from '../types.js';
import type { IsoDay } from './types.js';

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar day written 'YYYY-MM-DD'. */
export function isIsoDay(value: string): boolean {
  const m = ISO_DAY.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === value;
}

/** The value as an ISO day, or a SourceError naming the file, line and column. */
export function requireIsoDay(value: string, file: string, line: number, column: string): IsoDay {
  const v = value.trim();
  if (!isIsoDay(v)) throw new SourceError(file, line, `${column}: not a valid YYYY-MM-DD date: "${value}"`);
  return v;
}
