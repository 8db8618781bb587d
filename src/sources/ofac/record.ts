import type { SchemaName } from '../../model/schema.js';
import type { SanctionInfo, SourceRecord } from '../../model/types.js';
import { cell, type CsvRow } from './csv.js';
import { Observations, RecordDraft } from './draft.js';
import { countryOf } from './places.js';
import { readRemarks } from './remarks.js';

/** Columns of the primary file (sdn.csv, cons_prim.csv). */
export const PRIMARY_COLUMNS = [
  'ent_num', 'SDN_Name', 'SDN_Type', 'Program', 'Title', 'Call_Sign',
  'Vess_type', 'Tonnage', 'GRT', 'Vess_flag', 'Vess_owner', 'Remarks',
] as const;
/** Columns of add.csv: ent_num, add_num, address, city/state/postal, country, remarks. */
export const ADDRESS_COLUMNS = 6;
/** Columns of alt.csv: ent_num, alt_num, alt_type, alt_name, remarks. */
export const ALIAS_COLUMNS = 5;
/** Columns of sdn_comments.csv: ent_num, continuation of Remarks. */
export const COMMENT_COLUMNS = 2;

const SCHEMA_OF_TYPE: Record<string, SchemaName> = { individual: 'Person', vessel: 'Vessel', aircraft: 'Aircraft' };

/** alt.csv alt_type -> property. OFAC's strong aliases: a.k.a., f.k.a. (formerly), n.k.a. (now). */
const ALIAS_PROPERTY: Record<string, string> = { aka: 'alias', fka: 'previousName', nka: 'alias' };

/** Everything the companion files say about one entry. */
export interface Companions {
  addresses: CsvRow[];
  aliases: CsvRow[];
  /** sdn_comments.csv text continuing the Remarks beyond 1000 characters, in file order. */
  continuation?: string;
}

export interface RecordContext {
  source: string;
  prefix: string;
  observations: Observations;
  /** A warning about this entry (an unknown alias type ...); the message names the entry and line. */
  warn(message: string): void;
}

/** `NPWMD] [DPRK2` (or `[NPWMD] [DPRK2]`) -> ['NPWMD', 'DPRK2']. */
export function programTags(program: string | undefined): string[] {
  if (!program) return [];
  const tags: string[] = [];
  for (const tag of program.split('] [')) {
    const t = tag.replace(/^\s*\[|\]\s*$/g, '').trim();
    if (t) tags.push(t);
  }
  return tags;
}

/** A number as the list writes it (`318,000`) -> `318000`; undefined when it is not a number. */
function plainNumber(value: string | undefined): string | undefined {
  const v = value?.replace(/,/g, '');
  return v && /^\d+(?:\.\d+)?$/.test(v) ? v : undefined;
}

/** `KIM, Yong Chol` -> last name KIM, first name Yong Chol. */
function personNames(draft: RecordDraft, name: string): void {
  const comma = name.indexOf(',');
  if (comma <= 0) return;
  draft.put('lastName', name.slice(0, comma));
  draft.put('firstName', name.slice(comma + 1));
}

/** Call_Sign .. Vess_owner: filled for vessels (and aircraft, which only use some of them). */
const VESSEL_COLUMNS = { first: 5, last: 10 };

function hasVesselColumns(f: readonly string[]): boolean {
  for (let i = VESSEL_COLUMNS.first; i <= VESSEL_COLUMNS.last; i++) if (cell(f[i])) return true;
  return false;
}

/** The vessel columns; a value the schema has no property for (an aircraft's tonnage) is kept as a note. */
function vesselColumns(draft: RecordDraft, f: readonly string[], observations: Observations): void {
  const store = (label: string, prop: string, value: string | undefined, stored?: string) => {
    if (value && !(stored && draft.put(prop, stored))) draft.note(`${label}: ${value}`);
  };
  const callSign = cell(f[5]);
  const type = cell(f[6]);
  const tonnage = cell(f[7]);
  const grt = cell(f[8]);
  const flag = cell(f[9]);
  store('Call sign', 'callSign', callSign, callSign);
  store('Vessel type', 'type', type, type);
  store('Tonnage', 'tonnage', tonnage, plainNumber(tonnage));
  store('GRT', 'grossRegisteredTonnage', grt, plainNumber(grt));
  store('Vessel flag', 'flag', flag, flag && countryOf(flag, observations));
  const owner = cell(f[10]);
  if (owner) draft.link('owner', owner);
}

function addresses(draft: RecordDraft, rows: CsvRow[], observations: Observations): void {
  for (const { fields } of rows) {
    const street = cell(fields[2]);
    const city = cell(fields[3]);
    const countryName = cell(fields[4]);
    const remark = cell(fields[5]);
    if (street || city) draft.put('address', [street, city, countryName].filter(Boolean).join(', '));
    if (countryName) draft.put('country', countryOf(countryName, observations));
    if (remark) draft.note(`Address remark: ${remark}`);
  }
}

function aliases(draft: RecordDraft, rows: CsvRow[], ctx: RecordContext, entNum: string): void {
  for (const { fields, line } of rows) {
    const type = cell(fields[2])?.toLowerCase() ?? '';
    const name = cell(fields[3]);
    const remark = cell(fields[4]);
    const prop = ALIAS_PROPERTY[type];
    if (!prop) ctx.warn(`ent_num ${entNum}: alias type "${fields[2]}" (alias file, line ${line}) unknown, read as a.k.a.`);
    draft.put(prop ?? 'alias', name);
    if (remark) draft.note(`Alias remark (${name}): ${remark}`);
  }
}

/** Builds the SourceRecord of one primary-file row and its companion rows. ent_num is checked by the caller. */
export function buildRecord(row: CsvRow, companions: Companions, ctx: RecordContext): SourceRecord {
  const f = row.fields;
  const entNum = f[0].trim();
  const name = f[1].trim();
  const typeCell = cell(f[2])?.toLowerCase();
  const schema: SchemaName = (typeCell && SCHEMA_OF_TYPE[typeCell]) || 'Organization';
  if (typeCell && !SCHEMA_OF_TYPE[typeCell]) ctx.warn(`line ${row.line}: SDN_Type "${f[2]}" unknown for ent_num ${entNum}, read as an entity`);

  const draft = new RecordDraft(schema);
  draft.put('name', name);
  if (schema === 'Person') personNames(draft, name);

  const title = cell(f[4]);
  if (title && !draft.put('title', title)) draft.note(`Title: ${title}`);
  if (hasVesselColumns(f)) vesselColumns(draft, f, ctx.observations);

  const remarks = (cell(f[11]) === undefined ? '' : f[11]) + (companions.continuation ?? '');
  if (remarks.trim()) readRemarks(remarks, draft, ctx.observations, title);

  addresses(draft, companions.addresses, ctx.observations);
  aliases(draft, companions.aliases, ctx, entNum);

  const sanction: SanctionInfo = { authority: 'OFAC', programs: programTags(cell(f[3])) };
  if (draft.provisions.length) sanction.provisions = draft.provisions;
  return {
    id: `${ctx.prefix}-${entNum}`,
    source: ctx.source,
    recordId: entNum,
    schema,
    caption: name,
    properties: draft.properties,
    sanctions: [sanction],
    links: draft.links,
    line: row.line,
  };
}
