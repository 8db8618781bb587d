import { closeSync, openSync, readSync, createReadStream, statSync } from 'node:fs';
import { extname } from 'node:path';
import { parse } from 'csv-parse';
import XLSX from 'xlsx';
import iconv from 'iconv-lite';

/** One data row of the user's table: its cells as text and where it is (1-based line or sheet row). */
export interface TableRow {
  line: number;
  cells: string[];
  /** Progress through the input in `Table.unit`s, for a progress bar. */
  position: number;
  /** Why the row could not be read (a broken quote …); its cells are then empty. */
  error?: string;
}

export interface Table {
  headers: string[];
  rows: AsyncIterable<TableRow>;
  /** Total for a progress bar: bytes of a CSV file, rows of a sheet. */
  total: number;
  unit: 'bytes' | 'rows';
  format: 'csv' | 'xlsx';
  /** The CSV field delimiter used, or the sheet read. */
  detail: string;
  /** Stops reading (when the run ends early). */
  close(): void;
}

export interface TableOptions {
  /** CSV field delimiter; guessed from the header line when not given. */
  delimiter?: string;
  /** XLSX sheet name; the first sheet when not given. */
  sheet?: string;
  /** CSV text encoding (default UTF-8), e.g. cp949 for CSV saved by Korean Excel, windows-1252. */
  encoding?: string;
}

const DELIMITERS = [',', ';', '\t', '|'];

/** The delimiter the header line uses most (outside quotes); a comma when it holds none. */
export function sniffDelimiter(firstLine: string): string {
  const counts = new Map(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (const c of firstLine) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && counts.has(c)) counts.set(c, counts.get(c)! + 1);
  }
  let best = ',';
  for (const [d, n] of counts) if (n > counts.get(best)!) best = d;
  return best;
}

function headBytes(path: string): Buffer {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(65536);
    return buf.subarray(0, readSync(fd, buf, 0, buf.length, 0));
  } finally {
    closeSync(fd);
  }
}

const isUtf8 = (b: Buffer) => {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(b, { stream: true });
    return true;
  } catch {
    return false;
  }
};

function delimiterOf(name: string): string {
  const named: Record<string, string> = { comma: ',', semicolon: ';', tab: '\t', '\\t': '\t', pipe: '|' };
  const d = named[name.toLowerCase()] ?? name;
  if (d.length !== 1) throw new Error(`--delimiter "${name}": give one character, or comma, semicolon, tab, pipe`);
  return d;
}

const newlines = (cells: string[]) => cells.reduce((n, c) => n + (c.match(/\n/g)?.length ?? 0), 0);

/** Streams a CSV file: the header first, then rows one at a time (a million-row file is never held in memory). */
async function openCsv(path: string, opts: TableOptions): Promise<Table> {
  const encoding = opts.encoding && !/^utf-?8$/i.test(opts.encoding) ? opts.encoding : undefined;
  if (encoding && !iconv.encodingExists(encoding)) throw new Error(`unknown encoding "${encoding}" (e.g. utf8, cp949, euc-kr, windows-1252)`);
  const head = headBytes(path);
  // Guessing would garble Hangul silently: a file that is not UTF-8 must say what it is.
  if (!encoding && !isUtf8(head)) throw new Error(`${path} is not UTF-8 text: give its encoding with --encoding (cp949 for Korean Excel, windows-1252 …)`);
  const text = encoding ? iconv.decode(head, encoding) : head.toString('utf8');
  const delimiter = opts.delimiter ? delimiterOf(opts.delimiter) : sniffDelimiter(text.replace(/^\uFEFF/, '').split(/\r?\n/)[0]);
  const broken: TableRow[] = [];
  const source = encoding ? createReadStream(path).pipe(iconv.decodeStream(encoding)) : createReadStream(path);
  const parser = source.pipe(parse({
    delimiter, bom: true, info: true, relax_column_count: true, skip_empty_lines: true, relax_quotes: true,
    skip_records_with_error: true,
    on_skip: (err) => {
      const line = (err as { lines?: number } | undefined)?.lines ?? 0;
      broken.push({ line, cells: [], position: 0, error: `unreadable CSV record: ${err?.message ?? 'malformed'}` });
      return undefined;
    },
  }));
  const it = parser[Symbol.asyncIterator]() as AsyncIterator<{ record: string[]; info: { lines: number; bytes: number } }>;
  const first = await it.next();
  if (first.done) {
    parser.destroy();
    throw new Error(`${path} is empty: the first line must name the columns`);
  }
  const headers = first.value.record.map((h) => h.trim());
  async function* rows(): AsyncIterable<TableRow> {
    for (let r = await it.next(); ; r = await it.next()) {
      yield* broken.splice(0);
      if (r.done) break;
      // info.lines is the line the record ends on; a quoted field may span lines.
      yield { line: r.value.info.lines - newlines(r.value.record), cells: r.value.record, position: r.value.info.bytes };
    }
  }
  return {
    headers, rows: rows(), total: statSync(path).size, unit: 'bytes', format: 'csv', detail: JSON.stringify(delimiter), close: () => parser.destroy(),
  };
}

/** A cell as text; date cells as ISO dates (Excel keeps dates as day numbers with a date format). */
function cellText(cell: XLSX.CellObject | undefined): string {
  if (!cell || cell.v === undefined || cell.v === null) return '';
  if (cell.t === 'd' && cell.v instanceof Date) return cell.v.toISOString().slice(0, 10);
  if (cell.t === 'n' && cell.z && XLSX.SSF.is_date(cell.z)) {
    const d = XLSX.SSF.parse_date_code(cell.v as number);
    return `${d.y}-${String(d.m).padStart(2, '0')}-${String(d.d).padStart(2, '0')}`;
  }
  return String(cell.v);
}

/** Reads a workbook sheet whole (XLSX files are small enough; the format cannot be streamed cheaply). */
async function openXlsx(path: string, opts: TableOptions): Promise<Table> {
  const wb = XLSX.readFile(path, { cellNF: true, cellDates: false, dense: false });
  const name = opts.sheet ?? wb.SheetNames[0];
  const sheet = wb.Sheets[name];
  if (!sheet) throw new Error(`${path} has no sheet "${name}" (sheets: ${wb.SheetNames.join(', ')})`);
  if (!sheet['!ref']) throw new Error(`sheet "${name}" of ${path} is empty: the first row must name the columns`);
  const range = XLSX.utils.decode_range(sheet['!ref']);
  const rowCells = (r: number) => {
    const out: string[] = [];
    for (let c = range.s.c; c <= range.e.c; c++) out.push(cellText(sheet[XLSX.utils.encode_cell({ r, c })]).trim());
    return out;
  };
  const headers = rowCells(range.s.r);
  async function* rows(): AsyncIterable<TableRow> {
    for (let r = range.s.r + 1; r <= range.e.r; r++) {
      const cells = rowCells(r);
      if (cells.every((c) => c === '')) continue;
      yield { line: r + 1, cells, position: r - range.s.r };
    }
  }
  return { headers, rows: rows(), total: range.e.r - range.s.r, unit: 'rows', format: 'xlsx', detail: name, close: () => {} };
}

/** Opens the user's input table: `.xlsx`/`.xls`/`.ods` through SheetJS, anything else as CSV. */
export function openTable(path: string, opts: TableOptions = {}): Promise<Table> {
  const ext = extname(path).toLowerCase();
  return ['.xlsx', '.xlsm', '.xls', '.ods'].includes(ext) ? openXlsx(path, opts) : openCsv(path, opts);
}
