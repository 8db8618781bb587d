import { parse } from 'csv-parse/sync';
import { SourceError } from '../types.js';

/** One data row of a headed CSV file, by column name, with the line it starts on. */
export interface HeadedRow {
  cells: Record<string, string>;
  /** 1-based line of the row's first character in the file. */
  line: number;
}

interface CsvParseError extends Error {
  lines?: number;
}

/**
 * Parses a CSV file with a header row. Every column in `required` must be present in the header;
 * a row with a different number of fields than the header is refused with its line.
 */
export function parseHeadedCsv(text: string, file: string, required: readonly string[]): HeadedRow[] {
  let records: string[][];
  const starts: number[] = [];
  try {
    records = parse(text, {
      bom: true,
      relax_column_count: true,
      skip_empty_lines: true,
      on_record: (fields: string[], ctx: { lines: number }) => {
        starts.push(ctx.lines);
        return fields;
      },
    }) as string[][];
  } catch (err) {
    const e = err as CsvParseError;
    throw new SourceError(file, e.lines, `malformed CSV: ${e.message}`);
  }
  const header = records[0];
  if (!header) throw new SourceError(file, 1, 'empty file: no header row');
  const names = header.map((h) => h.trim());
  const missing = required.filter((c) => !names.includes(c));
  if (missing.length) throw new SourceError(file, 1, `missing column(s): ${missing.join(', ')} (header: ${names.join(', ')})`);

  const rows: HeadedRow[] = [];
  for (let i = 1; i < records.length; i++) {
    const fields = records[i];
    // csv-parse reports the line a record ends on; count the record's own newlines back to its start.
    const line = starts[i] - (fields.join(',').match(/\n/g)?.length ?? 0);
    if (fields.length !== names.length) {
      throw new SourceError(file, line, `expected ${names.length} fields as in the header, found ${fields.length}`);
    }
    const cells: Record<string, string> = {};
    names.forEach((n, j) => (cells[n] = fields[j]));
    rows.push({ cells, line });
  }
  return rows;
}
