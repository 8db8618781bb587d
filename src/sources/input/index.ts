import { mapColumns, parseMapSpecs, describeMapping, type ColumnMapping } from './columns.js';
import { toInputRow, type InputRow, type RowOptions } from './rows.js';
import { openTable, type Table, type TableOptions } from './table.js';

export { INPUT_FIELDS, foldHeader, mapColumns, parseMapSpecs, describeMapping, type ColumnMapping, type InputField } from './columns.js';
export { parseDate, type DateOrder } from './dates.js';
export { toInputRow, schemaOf, QUERY_SCHEMAS, MAX_NAME_LENGTH, type InputRow, type RowOptions } from './rows.js';
export { openTable, sniffDelimiter, type Table, type TableRow, type TableOptions } from './table.js';

export interface InputOptions extends TableOptions, RowOptions {
  /** `field=Header` column mappings (see columns.ts); unmapped fields are recognised by header name. */
  map?: string[];
}

export interface Input extends Omit<Table, 'rows'> {
  mapping: ColumnMapping;
  /** The mapping in words, for the run's report. */
  mappingText: string;
  rows: AsyncIterable<InputRow>;
}

/** Opens the user's CSV or XLSX table and reads it as screening queries, one row at a time. */
export async function readInput(path: string, opts: InputOptions = {}): Promise<Input> {
  const table = await openTable(path, opts);
  let mapping: ColumnMapping;
  try {
    mapping = mapColumns(table.headers, parseMapSpecs(opts.map ?? []));
  } catch (err) {
    table.close();
    throw err;
  }
  async function* rows(): AsyncIterable<InputRow> {
    for await (const row of table.rows) yield toInputRow(row, table.headers, mapping, opts);
  }
  return { ...table, mapping, mappingText: describeMapping(table.headers, mapping), rows: rows() };
}
