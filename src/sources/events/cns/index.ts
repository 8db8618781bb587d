import { join } from 'node:path';
import * as XLSX from 'xlsx';
import { SourceError } from '../../types.js';
import { readSourceFile } from '../read.js';
import type { CatalogueTest, Facility, FieldValue, Outcome } from '../types.js';
import { excelFractionToTime, excelSerialToIsoDay } from './excel.js';

/** The CNS North Korea Missile Test Database spreadsheet (James Martin CNS for NTI), one row per missile. */

export const CNS_FILE = 'events/cns-missile-test-database/north_korea_missile_test_database.xlsx';
export const CNS_SHEET = 'Missile Tests';

/** Columns this parser reads; all must be in the header row. */
export const CNS_COLUMNS = {
  id: 'F1',
  date: 'Date',
  time: 'Launch Time (UTC)',
  missileName: 'Missile Name',
  missileType: 'Missile Type',
  facilityName: 'Facility Name',
  lat: 'Facility Latitude',
  lon: 'Facility Longitude',
  outcome: 'Test Outcome',
  info: 'Additional Information',
} as const;

/** The sheet has an empty first row; the header is the first row holding these two names. */
const HEADER_MARKERS = [CNS_COLUMNS.id, CNS_COLUMNS.date];
const HEADER_SEARCH_ROWS = 10;
const UNKNOWN = 'Unknown';
const OUTCOMES: Record<string, Outcome> = { Success: 'success', Failure: 'failure', Unknown: 'unknown' };

type Cell = string | number | boolean | null;

function text(v: Cell): string {
  return v === null ? '' : String(v).trim();
}

function coordinate(v: Cell): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

function facilityOf(name: string, lat: Cell, lon: Cell): Facility | null {
  if (name === '' || name === UNKNOWN) return null;
  return { name, lat: coordinate(lat), lon: coordinate(lon) };
}

/** Parses the 'Missile Tests' sheet. `line` is the spreadsheet row number, as Excel shows it. */
export async function parseCns(file: string): Promise<CatalogueTest[]> {
  let book: XLSX.WorkBook;
  const bytes = await readSourceFile(file);
  try {
    book = XLSX.read(bytes, { type: 'buffer', cellDates: false });
  } catch (err) {
    throw new SourceError(file, undefined, `not a readable spreadsheet: ${(err as Error).message}`);
  }
  const sheet = book.Sheets[CNS_SHEET];
  if (!sheet) throw new SourceError(file, undefined, `no sheet named '${CNS_SHEET}' (sheets: ${book.SheetNames.join(', ')})`);
  const rows = XLSX.utils.sheet_to_json<Cell[]>(sheet, { header: 1, raw: true, defval: null, blankrows: true });
  // rows[0] is the first row of the sheet's used range, which need not be row 1.
  const firstRow = XLSX.utils.decode_range(sheet['!ref'] ?? 'A1').s.r + 1;
  const headerIndex = rows.slice(0, HEADER_SEARCH_ROWS).findIndex((r) => HEADER_MARKERS.every((m) => r.some((c) => text(c) === m)));
  if (headerIndex < 0) throw new SourceError(file, undefined, `sheet '${CNS_SHEET}': no header row with ${HEADER_MARKERS.join(' and ')}`);
  const header = rows[headerIndex].map(text);
  const missing = Object.values(CNS_COLUMNS).filter((c) => !header.includes(c));
  if (missing.length) throw new SourceError(file, firstRow + headerIndex, `sheet '${CNS_SHEET}': missing column(s): ${missing.join(', ')}`);
  const col = (name: string) => header.indexOf(name);

  const out: CatalogueTest[] = [];
  for (let i = headerIndex + 1; i < rows.length; i++) {
    const r = rows[i];
    const line = firstRow + i;
    if (r.every((c) => c === null || text(c) === '')) continue;
    const get = (name: string): Cell => r[col(name)] ?? null;

    const id = get(CNS_COLUMNS.id);
    if (typeof id !== 'number') throw new SourceError(file, line, `${CNS_COLUMNS.id}: expected a row number, found "${text(id)}"`);
    const serial = get(CNS_COLUMNS.date);
    const date = typeof serial === 'number' ? excelSerialToIsoDay(serial) : null;
    if (!date) throw new SourceError(file, line, `${CNS_COLUMNS.date}: not an Excel date serial: "${text(serial)}"`);
    const timeCell = get(CNS_COLUMNS.time);
    const timeUtc = timeCell === null ? null : typeof timeCell === 'number' ? excelFractionToTime(timeCell) : null;
    if (timeCell !== null && !timeUtc) throw new SourceError(file, line, `${CNS_COLUMNS.time}: not an Excel time of day: "${text(timeCell)}"`);
    const outcomeText = text(get(CNS_COLUMNS.outcome));
    const outcome = OUTCOMES[outcomeText];
    if (!outcome) throw new SourceError(file, line, `${CNS_COLUMNS.outcome}: expected Success, Failure or Unknown, found "${outcomeText}"`);

    const raw: Record<string, FieldValue> = {};
    header.forEach((h, j) => h !== '' && (raw[h] = r[j] ?? null));
    raw['Date (ISO)'] = date;
    if (timeUtc) raw['Launch Time (UTC, HH:MM)'] = timeUtc;
    out.push({
      source: 'cns',
      rowId: `cns:${id}`,
      file,
      line,
      raw,
      date,
      datePrecision: 'day',
      timeUtc,
      missileName: text(get(CNS_COLUMNS.missileName)),
      missileType: text(get(CNS_COLUMNS.missileType)) || UNKNOWN,
      facility: facilityOf(text(get(CNS_COLUMNS.facilityName)), get(CNS_COLUMNS.lat), get(CNS_COLUMNS.lon)),
      outcome,
      description: text(get(CNS_COLUMNS.info)),
    });
  }
  return out;
}
