import { join } from 'node:path';
import { SourceError } from '../../types.js';
import { isIsoDay } from '../dates.js';
import { parseJsonText, readSourceText } from '../read.js';
import type { CatalogueTest, Facility, FieldValue, Outcome } from '../types.js';

/**
 * The nagix/nk-missile-tests JSON (a maintained copy of the CNS database, extended past 2019):
 * test.en.json holds {timeBins:[{year, data:[test...]}]}, one test per missile; missile and facility
 * are keys into missile.en.json and facility.en.json.
 */

export const NAGIX_DIR = 'events/nagix-nk-missile-tests';
export const NAGIX_FILES = { tests: 'test.en.json', missiles: 'missile.en.json', facilities: 'facility.en.json' } as const;

/** The key nagix uses for "not known" in both companion files; its facility coordinates are a placeholder. */
const UNKNOWN_KEY = 'unknown';
/** "22:34 (UTC)" */
const TIME_UTC = /^(\d{2}):(\d{2}) \(UTC\)$/;
/** nagix writes a test known only to the month as 'YYYY-MM'. */
const MONTH_ONLY = /^\d{4}-\d{2}$/;
const FIRST_OF_MONTH = '-01';
const OUTCOMES: Record<string, Outcome> = { success: 'success', failure: 'failure', unknown: 'unknown' };

interface MissileInfo {
  name: string;
  type: string;
}

type JsonObject = Record<string, unknown>;

function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function rawFields(test: JsonObject): Record<string, FieldValue> {
  const raw: Record<string, FieldValue> = {};
  for (const [k, v] of Object.entries(test)) {
    raw[k] = typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v === null ? v : JSON.stringify(v);
  }
  return raw;
}

async function readJson(path: string): Promise<{ data: unknown; text: string }> {
  const text = await readSourceText(path);
  return { data: parseJsonText(text, path), text };
}

function parseMissiles(data: unknown, file: string): Map<string, MissileInfo> {
  if (!isObject(data)) throw new SourceError(file, 1, 'expected an object of missile keys');
  const out = new Map<string, MissileInfo>();
  for (const [key, v] of Object.entries(data)) {
    if (!isObject(v) || typeof v.name !== 'string' || typeof v.type !== 'string') {
      throw new SourceError(file, undefined, `missile "${key}": expected {name, type}`);
    }
    out.set(key, { name: v.name, type: v.type });
  }
  return out;
}

function parseFacilities(data: unknown, file: string): Map<string, Facility> {
  if (!isObject(data) || !isObject(data.facilities)) throw new SourceError(file, 1, 'expected {facilities: {...}}');
  const out = new Map<string, Facility>();
  for (const [key, v] of Object.entries(data.facilities)) {
    if (!isObject(v) || typeof v.name !== 'string') throw new SourceError(file, undefined, `facility "${key}": expected {name, lat, lon}`);
    out.set(key, { name: v.name, lat: typeof v.lat === 'number' ? v.lat : null, lon: typeof v.lon === 'number' ? v.lon : null });
  }
  return out;
}

/** Line of the n-th (0-based) occurrence of `"date":` in the text: where the n-th test object starts. */
function testLines(text: string): number[] {
  const lines: number[] = [];
  let line = 1;
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) === 10) line++;
    else if (text.startsWith('"date"', i)) lines.push(line);
  }
  return lines;
}

/** Parses the three nagix files in `dir` and joins each test to its missile and facility. */
export async function parseNagix(dir: string): Promise<CatalogueTest[]> {
  const testsFile = join(dir, NAGIX_FILES.tests);
  const missilesFile = join(dir, NAGIX_FILES.missiles);
  const facilitiesFile = join(dir, NAGIX_FILES.facilities);
  const missiles = parseMissiles((await readJson(missilesFile)).data, missilesFile);
  const facilities = parseFacilities((await readJson(facilitiesFile)).data, facilitiesFile);
  const { data, text } = await readJson(testsFile);
  if (!isObject(data) || !Array.isArray(data.timeBins)) throw new SourceError(testsFile, 1, 'expected {timeBins: [...]}');

  const lines = testLines(text);
  const perDay = new Map<string, number>();
  const out: CatalogueTest[] = [];
  for (const bin of data.timeBins as unknown[]) {
    if (!isObject(bin) || !Array.isArray(bin.data)) throw new SourceError(testsFile, undefined, `time bin ${out.length}: expected {year, data: [...]}`);
    for (const t of bin.data as unknown[]) {
      const line = lines[out.length] ?? 1;
      if (!isObject(t)) throw new SourceError(testsFile, line, 'test: expected an object');
      const dateText = String(t.date ?? '');
      const monthOnly = MONTH_ONLY.test(dateText);
      const date = monthOnly ? dateText + FIRST_OF_MONTH : dateText;
      if (!isIsoDay(date)) throw new SourceError(testsFile, line, `date: expected YYYY-MM-DD or YYYY-MM, found "${dateText}"`);
      const timeText = String(t.time ?? '');
      const time = TIME_UTC.exec(timeText);
      if (!time && timeText !== UNKNOWN_KEY) throw new SourceError(testsFile, line, `time: expected "HH:MM (UTC)" or "unknown", found "${timeText}"`);
      const missileKey = String(t.missile ?? '');
      const missile = missiles.get(missileKey);
      if (!missile) throw new SourceError(testsFile, line, `missile "${missileKey}" is not a key of ${NAGIX_FILES.missiles}`);
      const facilityKey = String(t.facility ?? '');
      const facility = facilities.get(facilityKey);
      if (!facility) throw new SourceError(testsFile, line, `facility "${facilityKey}" is not a key of ${NAGIX_FILES.facilities}`);
      const outcome = OUTCOMES[String(t.outcome)];
      if (!outcome) throw new SourceError(testsFile, line, `outcome: expected success, failure or unknown, found "${String(t.outcome)}"`);

      const n = (perDay.get(date) ?? 0) + 1;
      perDay.set(date, n);
      out.push({
        source: 'nagix',
        rowId: `nagix:${date}#${n}`,
        file: testsFile,
        line,
        raw: rawFields(t),
        date,
        datePrecision: monthOnly ? 'month' : 'day',
        timeUtc: time ? `${time[1]}:${time[2]}` : null,
        missileName: missile.name,
        missileType: missile.type,
        facility: facilityKey === UNKNOWN_KEY ? null : facility,
        outcome,
        description: typeof t.description === 'string' ? t.description : '',
      });
    }
  }
  return out;
}
