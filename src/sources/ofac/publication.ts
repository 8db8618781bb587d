import { readFile } from 'node:fs/promises';
import type { SourceRecord } from '../../model/types.js';
import { SourceError, type ParseResult, type PublicationFiles } from '../types.js';
import { parseOfacCsv, type CsvRow, type CsvTable } from './csv.js';
import { Observations } from './draft.js';
import { ADDRESS_COLUMNS, ALIAS_COLUMNS, buildRecord, COMMENT_COLUMNS, PRIMARY_COLUMNS } from './record.js';

/**
 * One OFAC legacy-CSV publication: the primary file alone, or with all three companions
 * (addresses, aliases, remark continuations), joined by ent_num.
 */

/** File names of one publication kind (SDN or consolidated). */
export interface OfacFileNames {
  primary: string;
  addresses: string;
  aliases: string;
  comments: string;
}

export const SDN_FILE_NAMES: OfacFileNames = { primary: 'sdn.csv', addresses: 'add.csv', aliases: 'alt.csv', comments: 'sdn_comments.csv' };
export const CONS_FILE_NAMES: OfacFileNames = {
  primary: 'cons_prim.csv', addresses: 'cons_add.csv', aliases: 'cons_alt.csv', comments: 'cons_comments.csv',
};

export interface OfacPublicationOptions {
  names: OfacFileNames;
  /** SourceRecord.source, e.g. 'ofac'. */
  source: string;
  /** Record id prefix, e.g. 'ofac'. */
  prefix: string;
}

/** OFAC cuts Remarks at this length and continues them in the comments file. */
const REMARKS_LIMIT = 1000;
/** How many ent_nums a warning lists before it only counts. */
const LISTED = 20;

function checkFileSet(files: PublicationFiles, names: OfacFileNames): void {
  const companions = [names.addresses, names.aliases, names.comments];
  const present = Object.keys(files).filter((n) => n === names.primary || companions.includes(n));
  if (!files[names.primary]) {
    const found = present.length ? `found only ${present.join(', ')}` : 'no file found';
    throw new SourceError(names.primary, undefined, `missing: the publication has no ${names.primary} (${found}); its entries, types and programs cannot be read`);
  }
  const missing = companions.filter((n) => !files[n]);
  if (missing.length > 0 && missing.length < companions.length) {
    const have = companions.filter((n) => files[n]);
    throw new SourceError(
      missing[0],
      undefined,
      `missing: incomplete publication, ${have.join(', ')} present but ${missing.join(', ')} absent; ` +
        `a publication is ${names.primary} alone or ${names.primary} with ${companions.join(', ')}`,
    );
  }
}

/** Reads the ent_num of a row, which must be a whole number. */
function entNum(row: CsvRow, file: string): string {
  const v = row.fields[0].trim();
  if (!/^\d+$/.test(v)) throw new SourceError(file, row.line, `ent_num "${row.fields[0]}" is not a number`);
  return v;
}

/** Companion rows grouped by ent_num; rows for ent_nums absent from the primary file are counted in a warning. */
function groupByEntry(table: CsvTable | undefined, known: Set<string>, primary: string, warnings: string[]): Map<string, CsvRow[]> {
  const groups = new Map<string, CsvRow[]>();
  if (!table) return groups;
  const orphans: string[] = [];
  for (const row of table.rows) {
    const id = entNum(row, table.file);
    if (!known.has(id)) {
      orphans.push(`${id} (line ${row.line})`);
      continue;
    }
    const group = groups.get(id);
    if (group) group.push(row);
    else groups.set(id, [row]);
  }
  if (orphans.length) {
    const listed = orphans.slice(0, LISTED).join(', ') + (orphans.length > LISTED ? ', ...' : '');
    warnings.push(`${table.file}: ${orphans.length} row(s) for ent_nums not in ${primary}, skipped: ${listed}`);
  }
  return groups;
}

/** A stated link target is written with or without a final period, the remarks' closing one being dropped. */
function alignLinkTargets(records: SourceRecord[]): void {
  const names = new Set(records.map((r) => r.caption));
  for (const r of records) {
    for (const l of r.links) {
      if (l.targetName && !names.has(l.targetName) && names.has(`${l.targetName}.`)) l.targetName += '.';
    }
  }
}

async function readTable(path: string, file: string, columns: number, requireEndMark: boolean): Promise<CsvTable> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (err) {
    throw new SourceError(path, undefined, `cannot read ${file}: ${(err as Error).message}`);
  }
  return parseOfacCsv(bytes, path, { columns, requireEndMark });
}

/** Reads the publication's files; companions are all present or all absent (checked before). */
async function readTables(files: PublicationFiles, names: OfacFileNames) {
  const companion = (name: string, columns: number, requireEndMark: boolean) =>
    files[name] ? readTable(files[name], name, columns, requireEndMark) : Promise.resolve(undefined);
  const [primary, addresses, aliases, comments] = await Promise.all([
    readTable(files[names.primary], names.primary, PRIMARY_COLUMNS.length, true),
    companion(names.addresses, ADDRESS_COLUMNS, true),
    companion(names.aliases, ALIAS_COLUMNS, true),
    // OFAC's own comments file has been seen without the end byte (2021-07-07): a warning, not a refusal.
    companion(names.comments, COMMENT_COLUMNS, false),
  ]);
  return { primary, addresses, aliases, comments };
}

/** Parses one publication: files -> records, with warnings for what is odd but not fatal. */
export async function parseOfacPublication(files: PublicationFiles, options: OfacPublicationOptions): Promise<ParseResult> {
  const { names } = options;
  checkFileSet(files, names);
  const tables = await readTables(files, names);
  const { primary } = tables;
  const warnings: string[] = [];
  if (tables.comments && !tables.comments.endMark) warnings.push(`${tables.comments.file}: no 0x1A end-of-file byte; read as complete`);

  const known = new Set<string>();
  for (const row of primary.rows) {
    const id = entNum(row, primary.file);
    if (known.has(id)) throw new SourceError(primary.file, row.line, `ent_num ${id} appears twice`);
    known.add(id);
  }
  const addresses = groupByEntry(tables.addresses, known, names.primary, warnings);
  const aliases = groupByEntry(tables.aliases, known, names.primary, warnings);
  const continuations = new Map<string, string>();
  for (const [id, rows] of groupByEntry(tables.comments, known, names.primary, warnings)) {
    continuations.set(id, rows.map((r) => r.fields[1]).join(''));
  }

  const observations = new Observations();
  const context = {
    source: options.source,
    prefix: options.prefix,
    observations,
    warn: (message: string) => warnings.push(`${primary.file}: ${message}`),
  };
  const records: SourceRecord[] = [];
  let cutRemarks = 0;
  for (const row of primary.rows) {
    const id = row.fields[0].trim();
    if (!tables.comments && row.fields[11].length >= REMARKS_LIMIT) cutRemarks++;
    const companions = { addresses: addresses.get(id) ?? [], aliases: aliases.get(id) ?? [], continuation: continuations.get(id) };
    records.push(buildRecord(row, companions, context));
  }
  alignLinkTargets(records);

  if (cutRemarks) {
    warnings.push(
      `${primary.file}: ${cutRemarks} entr${cutRemarks === 1 ? 'y has' : 'ies have'} Remarks of ${REMARKS_LIMIT} characters, ` +
        `probably continued in ${names.comments}, which this publication lacks: their last remark may be cut`,
    );
  }
  warnings.push(...observations.warnings());
  return { records, warnings };
}
