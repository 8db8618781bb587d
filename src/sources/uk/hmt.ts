import { existsSync, readFileSync } from 'node:fs';
import { isUtf8 } from 'node:buffer';
import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import type { SanctionInfo, SourceRecord } from '../../model/types.js';
import type { SchemaName } from '../../model/schema.js';
import { SourceError, type ParseResult } from '../types.js';
import { RecordBuilder, WarningLog } from '../un/builder.js';
import { countryOf, dmyDate, joinParts, splitEnumerated } from '../un/values.js';
import { documentNumbers } from './documents.js';
import {
  HMT_ALIAS_TYPES, HMT_AUTHORITY, HMT_COLUMNS as C, HMT_FORMAT, HMT_GROUP_TYPES, HMT_REQUIRED, HMT_SUCCESSOR_COLUMNS as S,
} from './hmt-columns.js';
import { readNationality } from './nationalities.js';

/**
 * The old HM Treasury consolidated list CSV: one row per name variant, grouped by Group ID into one record.
 * The staged file is Windows-1252; a file that is valid UTF-8 (the successor format) is read as UTF-8.
 */

/** Decodes the file: UTF-8 when the bytes are valid UTF-8 (BOM allowed), else Windows-1252. */
export function decodeCsvBytes(file: string, bytes: Buffer): { text: string; encoding: 'utf-8' | 'windows-1252' } {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new SourceError(file, 1, `the file is UTF-16 encoded; the ${HMT_FORMAT} is Windows-1252 or UTF-8`);
  }
  if (isUtf8(bytes)) {
    const text = bytes.toString('utf8');
    return { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, encoding: 'utf-8' };
  }
  return { text: iconv.decode(bytes, 'win1252'), encoding: 'windows-1252' };
}

interface Row {
  line: number;
  cells: Record<string, string>;
}

const KNOWN_COLUMNS = new Set<string>([
  ...Object.values(C).flat(),
  ...Object.values(S),
]);

function readRows(file: string, text: string, warnings: WarningLog): { rows: Row[]; statedDate?: string; header: string[] } {
  // Line 1 may be 'Last Updated,dd/mm/yyyy' (2 fields before a 29-field table): it is split off by hand, so the
  // table itself can be parsed with a strict field count.
  let statedDate: string | undefined;
  let offset = 0;
  const firstLine = /^([^\r\n]*)\r?\n/.exec(text);
  if (firstLine && /^"?last updated"?\s*,/i.test(firstLine[1])) {
    const value = firstLine[1].split(',')[1]?.replace(/"/g, '').trim();
    statedDate = dmyDate(value);
    if (!statedDate) warnings.add(`line 1 states "${firstLine[1]}", not a date`);
    text = text.slice(firstLine[0].length);
    offset = 1;
  }
  let parsed: { record: string[]; info: { lines: number } }[];
  try {
    // relax_quotes: the 2014 file has unquoted fields holding doubled quotes (KGB ""Alpha"" unit), un-doubled below.
    parsed = parse(text, { relax_quotes: true, info: true, skip_empty_lines: true }) as unknown as typeof parsed;
  } catch (err) {
    const e = err as Error & { lines?: number };
    const reason = /Invalid Record Length/i.test(e.message) ? 'a row with a different number of fields than the header (broken or truncated row)' : 'malformed CSV';
    throw new SourceError(file, e.lines !== undefined ? e.lines + offset : undefined, `${reason}: ${e.message}`);
  }
  const headerRow = parsed[0];
  if (!headerRow) throw new SourceError(file, offset + 1, `no header row: the file is empty or not the ${HMT_FORMAT}`);
  const header = headerRow.record.map((h) => h.trim());
  for (const col of HMT_REQUIRED) {
    if (!header.includes(col)) throw new SourceError(file, headerRow.info.lines + offset, `no "${col}" column: this is not the ${HMT_FORMAT}`);
  }
  for (const col of header) {
    if (col && !KNOWN_COLUMNS.has(col)) warnings.add(`unknown column "${col}": its values are kept in notes`);
  }
  let lineOfPrevious = headerRow.info.lines;
  const rows: Row[] = [];
  for (let k = 1; k < parsed.length; k++) {
    const { record, info } = parsed[k];
    const line = lineOfPrevious + 1 + offset;
    lineOfPrevious = info.lines;
    const cells: Record<string, string> = {};
    for (let j = 0; j < header.length; j++) {
      const v = record[j];
      cells[header[j]] = v.includes('""') ? v.replace(/""/g, '"').trim() : v.trim();
    }
    rows.push({ line, cells });
  }
  return { rows, statedDate, header };
}

/** Columns that describe one name variant; every other column describes the target (and repeats across rows). */
const NAME_COLUMNS = new Set<string>([C.lastName, ...C.givenNames, C.aliasType, S.aliasQuality, S.nonLatinName, S.nonLatinScriptType, S.nonLatinScriptLanguage]);

/** One row's name variant. */
function addName(b: RecordBuilder, row: Row, warnings: WarningLog): void {
  const c = row.cells;
  const person = b.schema === 'Person';
  const given = C.givenNames.map((k) => c[k]).filter(Boolean);
  const full = joinParts([...given, c[C.lastName]], ' ');
  const aliasType = (c[C.aliasType] ?? '').toLowerCase();
  let prop = HMT_ALIAS_TYPES[aliasType];
  if (!prop) {
    warnings.tally(`alias:${aliasType}`, (n) => `unknown Alias Type "${c[C.aliasType]}" (${n} rows), read as an alias`);
    prop = 'alias';
  }
  if (prop === 'alias' && /^low/i.test(c[S.aliasQuality] ?? '')) b.put('weakAlias', full);
  else b.put(prop, full);
  if (prop === 'name' && person) {
    b.put('firstName', given[0]);
    b.put('middleName', given.slice(1).join(' '));
    b.put('lastName', c[C.lastName]);
  }
  b.put('alias', c[S.nonLatinName]);
  const script = joinParts([c[S.nonLatinScriptType], c[S.nonLatinScriptLanguage]]);
  if (script && c[S.nonLatinName]) b.note(`${c[S.nonLatinName]} (${script})`, 'Non-Latin name');
}

/** One row's facts about the target (called once per distinct set of them: rows of a group repeat them). */
function addFacts(b: RecordBuilder, row: Row, header: string[], sanctions: Map<string, string | undefined>): void {
  const c = row.cells;
  const person = b.schema === 'Person';
  b.put('title', c[C.title], 'Title');
  if (c[C.dob]) {
    const d = dmyDate(c[C.dob]);
    if (d) b.put('birthDate', d, 'DOB');
    else b.note(c[C.dob], 'DOB');
  }
  b.put('birthPlace', joinParts([c[C.townOfBirth], c[C.countryOfBirth]]), 'Place of birth');
  if (person) {
    for (const part of splitEnumerated(c[C.countryOfBirth])) {
      const code = countryOf(part);
      if (code) b.put('birthCountry', code);
    }
  }
  if (c[C.nationality]) {
    // Codes where they can be read; the text as well whenever it says more than a plain nationality.
    const n = person ? readNationality(c[C.nationality]) : { codes: [], exact: false };
    for (const code of n.codes) b.put('nationality', code);
    if (!n.exact || !n.codes.length) b.note(c[C.nationality], 'Nationality');
  }
  if (c[C.passport]) {
    b.note(c[C.passport], 'Passport details');
    for (const num of documentNumbers(c[C.passport])) b.put(person ? 'passportNumber' : 'idNumber', num);
  }
  b.put(person ? 'passportNumber' : 'idNumber', c[S.passportNumber]);
  if (c[C.niNumber]) {
    b.note(c[C.niNumber], 'NI number');
    for (const num of documentNumbers(c[C.niNumber])) b.put('idNumber', num);
  }
  b.put('idNumber', c[S.nationalIdNumber]);
  b.note(c[S.nationalIdDetails], 'National identification details');
  b.put('position', c[C.position], 'Position');

  const address = joinParts([...C.address.map((k) => c[k]), c[C.postCode], c[C.country]]);
  b.put('address', address);
  if (c[C.country]) {
    const code = countryOf(c[C.country]);
    if (code) b.put('country', code);
    else if (!address) b.note(c[C.country], 'Country');
  }
  b.note(c[C.otherInformation]);
  b.note(c[S.ukSanctionsListRef], 'UK Sanctions List ref');
  b.note(c[S.dateDesignated], 'UK Sanctions List date designated');

  const updated = dmyDate(c[C.lastUpdated]);
  if (updated) b.put('modifiedAt', updated);
  else b.note(c[C.lastUpdated], 'Last updated');

  const regime = c[C.regime];
  if (regime) {
    const listed = dmyDate(c[C.listedOn]);
    if (c[C.listedOn] && !listed) b.note(c[C.listedOn], 'Listed on');
    const prev = sanctions.get(regime);
    if (!sanctions.has(regime) || (listed && (!prev || listed < prev))) sanctions.set(regime, listed ?? prev);
  }
  for (const col of header) {
    if (col && !KNOWN_COLUMNS.has(col)) b.note(c[col], col);
  }
}

/** Parses the HM Treasury consolidated list CSV at `path`. */
export async function parseHmtCsv(path: string): Promise<ParseResult> {
  if (!existsSync(path)) throw new SourceError(path, undefined, 'file not found');
  const warnings = new WarningLog();
  const { text } = decodeCsvBytes(path, readFileSync(path));
  const { rows, statedDate, header } = readRows(path, text, warnings);

  const groups = new Map<string, Row[]>();
  for (const row of rows) {
    const id = row.cells[C.groupId];
    if (!id) throw new SourceError(path, row.line, 'row without a Group ID');
    const g = groups.get(id);
    if (g) g.push(row);
    else groups.set(id, [row]);
  }

  const records: SourceRecord[] = [];
  const factColumns = header.filter((h) => !NAME_COLUMNS.has(h));
  for (const [groupId, group] of groups) {
    const type = group[0].cells[C.groupType];
    let schema: SchemaName | undefined = HMT_GROUP_TYPES[type.toLowerCase()];
    if (!schema) {
      warnings.tally(`type:${type}`, (n) => `unknown Group Type "${type}" (${n} targets), read as a legal entity`);
      schema = 'LegalEntity';
    }
    const b = new RecordBuilder(schema);
    const sanctions = new Map<string, string | undefined>();
    const seenFacts = new Set<string>();
    for (const row of group) {
      addName(b, row, warnings);
      const key = factColumns.map((k) => row.cells[k]).join('\u0001');
      if (seenFacts.has(key)) continue;
      seenFacts.add(key);
      addFacts(b, row, header, sanctions);
    }
    if (!b.first('name')) warnings.tally('no-prime', (n) => `${n} target(s) without a 'Prime Alias' row (named by an alias)`);
    const infos: SanctionInfo[] = [...sanctions].map(([regime, listed]) => ({
      authority: HMT_AUTHORITY,
      programs: [regime],
      ...(listed ? { listingDate: listed } : {}),
      provisions: [],
    }));
    records.push(b.build({ prefix: 'uk', source: 'uk', recordId: groupId, sanctions: infos, line: group[0].line }));
  }
  return { records, statedDate, warnings: warnings.list() };
}
