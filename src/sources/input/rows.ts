import { SCHEMATA, isSchemaName, type SchemaName } from '../../model/schema.js';
import { countryCode } from '../../model/countries.js';
import type { ColumnMapping, InputField } from './columns.js';
import { parseDate, type DateOrder } from './dates.js';
import type { TableRow } from './table.js';

/** One row of the user's table as a screening query, or the reason it cannot be one. */
export interface InputRow {
  /** 1-based line (CSV) or row (sheet) number in the input. */
  line: number;
  /** The row's own id/reference column, as given. */
  ref: string;
  /** The name screened, as given (for the output and for suppressions). */
  name: string;
  schema: SchemaName;
  properties: Record<string, string[]>;
  /** Set when the row is malformed: it is reported, not screened. */
  error?: string;
  /** Values left out of the query (an unknown country …); the row is still screened. */
  warnings: string[];
  /** Progress through the input (bytes of a CSV, rows of a sheet), for a progress bar. */
  position: number;
}

export interface RowOptions {
  /** Schema of rows without a schema column or with an empty cell (default Thing: any kind of entity). */
  schema?: SchemaName;
  dateOrder?: DateOrder;
}

/** Longest name screened: the matcher reads no further (prepared.ts), so a longer cell is an input error. */
export const MAX_NAME_LENGTH = 500;

/** Words customer files use for the kind of party, and the schema each means. */
const SCHEMA_WORDS: Record<string, SchemaName> = {
  individual: 'Person', person: 'Person', naturalperson: 'Person', people: 'Person', indiv: 'Person',
  entity: 'Organization', organisation: 'Organization', organization: 'Organization', org: 'Organization', business: 'Organization',
  company: 'Company', corporation: 'Company', firm: 'Company', legalentity: 'LegalEntity', legalperson: 'LegalEntity',
  vessel: 'Vessel', ship: 'Vessel', aircraft: 'Aircraft', publicbody: 'PublicBody', any: 'Thing', thing: 'Thing',
};

/** The schemas a query may name: those screening can match, and Thing for "any". */
export const QUERY_SCHEMAS = (Object.keys(SCHEMATA) as SchemaName[]).filter((s) => SCHEMATA[s].matchable || s === 'Thing');

/** A schema name or a common word for one (`individual`, `vessel`); undefined when neither. */
export function schemaOf(text: string): SchemaName | undefined {
  const t = text.trim();
  if (isSchemaName(t) && QUERY_SCHEMAS.includes(t)) return t;
  const s = SCHEMA_WORDS[t.toLowerCase().replace(/[^a-z]/g, '')];
  return s;
}

const NAME_FIELDS: InputField[] = ['name', 'alias', 'firstName', 'lastName'];
const ID_FIELDS: InputField[] = ['imoNumber', 'mmsi', 'passportNumber', 'idNumber', 'registrationNumber', 'swiftBic'];
const COUNTRY_FIELDS: InputField[] = ['nationality', 'country'];

/** Turns one table row into a query: maps columns, checks names, dates, schema and countries. */
export function toInputRow(row: TableRow, headers: string[], mapping: ColumnMapping, opts: RowOptions = {}): InputRow {
  const values = (f: InputField) => (mapping[f] ?? []).map((c) => (row.cells[c] ?? '').trim()).filter((v) => v !== '');
  const ref = values('id')[0] ?? '';
  const first = values('firstName')[0], last = values('lastName')[0];
  const name = values('name')[0] ?? values('alias')[0] ?? [first, last].filter(Boolean).join(' ');
  const out: InputRow = { line: row.line, ref, name, schema: opts.schema ?? 'Thing', properties: {}, warnings: [], position: row.position };
  const fail = (error: string) => ({ ...out, error });
  if (row.error) return fail(row.error);
  if (row.cells.length > headers.length && row.cells.slice(headers.length).some((c) => c.trim() !== '')) {
    return fail(`${row.cells.length} fields where the header has ${headers.length} (an unquoted delimiter in a value?)`);
  }
  const schemaCell = values('schema')[0];
  if (schemaCell !== undefined) {
    const s = schemaOf(schemaCell);
    if (!s) return fail(`unknown schema "${schemaCell}" (one of ${QUERY_SCHEMAS.join(', ')}, or individual, entity, vessel …)`);
    out.schema = s;
  }
  for (const f of NAME_FIELDS) {
    const long = values(f).find((v) => v.length > MAX_NAME_LENGTH);
    if (long) return fail(`name too long (${long.length} characters; at most ${MAX_NAME_LENGTH})`);
  }
  const props = out.properties;
  for (const f of [...NAME_FIELDS, ...ID_FIELDS, 'gender' as const]) if (values(f).length) props[f] = values(f);
  if (!name && !ID_FIELDS.some((f) => props[f])) return fail('empty name');
  for (const raw of values('birthDate')) {
    const d = parseDate(raw, opts.dateOrder);
    if (!d) return fail(`unparseable date "${raw}" (write YYYY-MM-DD, YYYY-MM or YYYY)`);
    (props.birthDate ??= []).push(d);
  }
  for (const f of COUNTRY_FIELDS) {
    for (const raw of values(f)) {
      const code = countryCode(raw);
      if (code) (props[f] ??= []).push(code);
      else out.warnings.push(`unknown country "${raw}" left out`);
    }
  }
  return out;
}
