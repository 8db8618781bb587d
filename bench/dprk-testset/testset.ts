/**
 * The DPRK screening test set: building its CSV files from targets.ts and the staged lists (generate.ts writes
 * them), and reading them back (the benchmark and the test). See README.md beside this file.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { packageRoot } from '../../src/config/paths.js';
import { keyCollision, listedPersonKeys, listsMirror, newestLists, type ListedRecord } from './lists.js';
import { candidateNames, NEGATIVE_SEED } from './negatives.js';
import { COMPANIES, ORGANIZATIONS, PERSONS, PUBLIC_PEOPLE, VESSELS } from './targets.js';
import { fold, givenFirst, hoVessel, joinedGiven, joinedVessel, splitPersonName, titleCase, titleWord, typoName } from './variants.js';

export const TESTSET_DIR = join(packageRoot(), 'bench', 'dprk-testset');

export const POSITIVE_COLUMNS = ['list_id', 'listed_name', 'query', 'kind', 'note'] as const;
export const NEGATIVE_COLUMNS = ['query', 'schema', 'kind', 'note'] as const;
export const EXCLUDED_COLUMNS = ['query', 'kind', 'collides_with', 'note'] as const;

export const KINDS = {
  persons: ['hangul', 'rr', 'press', 'order', 'joined', 'typo'],
  organizations: ['legal-form', 'abbreviation', 'order', 'spelling', 'hangul', 'typo'],
  vessels: ['joined', 'ho', 'rr', 'hangul', 'typo', 'imo'],
  negatives: ['generated-rr', 'generated-mr', 'generated-popular', 'generated-hangul', 'public', 'company'],
} as const;

export type PositiveFile = 'persons' | 'organizations' | 'vessels';
export const POSITIVE_FILES: PositiveFile[] = ['persons', 'organizations', 'vessels'];

/** The schema each positive file is screened as. */
export const FILE_SCHEMA: Record<PositiveFile, 'Person' | 'Organization' | 'Vessel'> = { persons: 'Person', organizations: 'Organization', vessels: 'Vessel' };

/** How many Korean-looking generated negatives the file holds. */
export const GENERATED_NEGATIVES = 200;

export interface PositiveRow {
  file: PositiveFile;
  list_id: string;
  listed_name: string;
  query: string;
  kind: string;
  note: string;
}

export interface NegativeRow {
  query: string;
  schema: string;
  kind: string;
  note: string;
}

export interface TestSet {
  positives: PositiveRow[];
  negatives: NegativeRow[];
}

/** The ids a positive row accepts (`ofac-12217|un-KPi.004`: either). */
export const expectedIds = (r: Pick<PositiveRow, 'list_id'>): string[] => r.list_id.split('|');

/** The query properties of a row: IMO rows screen the number alone, every other row the name. */
export function queryProperties(r: PositiveRow): Record<string, string[]> {
  return r.kind === 'imo' ? { imoNumber: [r.query] } : { name: [r.query] };
}

function readCsv<T>(path: string, columns: readonly string[]): T[] {
  const text = readFileSync(path, 'utf8');
  const header = text.slice(0, text.indexOf('\n')).trim();
  if (header !== columns.join(',')) throw new Error(`${path}: header is "${header}", expected "${columns.join(',')}"`);
  return parse(text, { columns: true, skip_empty_lines: true }) as T[];
}

/** Reads the committed test set. */
export function loadTestSet(dir = TESTSET_DIR): TestSet {
  const positives: PositiveRow[] = [];
  for (const file of POSITIVE_FILES) {
    for (const r of readCsv<Omit<PositiveRow, 'file'>>(join(dir, `${file}.csv`), POSITIVE_COLUMNS)) positives.push({ file, ...r });
  }
  const negatives = readCsv<NegativeRow>(join(dir, 'negatives.csv'), NEGATIVE_COLUMNS);
  return { positives, negatives };
}

export function readRows<T>(dir: string, name: string, columns: readonly string[]): T[] {
  return readCsv<T>(join(dir, name), columns);
}

// ---------------------------------------------------------------------------------------------------------------
// Building

type Row = Record<string, string>;

function csv(columns: readonly string[], rows: Row[]): string {
  return stringify(rows, { header: true, columns: [...columns], record_delimiter: '\n' });
}

/** Checks a target against the newest lists: every id listed, the listed name the primary id's caption. */
function checkTarget(ids: string[], listedName: string, lists: Map<string, ListedRecord>, schema: string): void {
  for (const id of ids) if (!lists.has(id)) throw new Error(`${id} (${listedName}) is not in the newest staged lists`);
  const primary = lists.get(ids[0])!;
  if (primary.caption !== listedName) throw new Error(`${ids[0]}: listed name is "${primary.caption}", targets.ts says "${listedName}"`);
  if (primary.schema !== schema) throw new Error(`${ids[0]} is a ${primary.schema}, expected ${schema}`);
}

/** Adds a row unless the same query (case-insensitive) is already there for this target or is the listed name. */
function adder(rows: Row[], listId: string, listedName: string) {
  const seen = new Set([listedName.toLowerCase()]);
  return (query: string, kind: string, note = '') => {
    const q = query.trim();
    if (!q || seen.has(q.toLowerCase())) return;
    seen.add(q.toLowerCase());
    rows.push({ list_id: listId, listed_name: listedName, query: q, kind, note });
  };
}

function personRows(lists: Map<string, ListedRecord>): Row[] {
  const rows: Row[] = [];
  for (const t of PERSONS) {
    checkTarget(t.ids, t.listed, lists, 'Person');
    const add = adder(rows, t.ids.join('|'), t.listed);
    if (t.hangul) add(t.hangul, 'hangul', t.note ?? '');
    for (const q of t.rr) add(q, 'rr', /^Lee /.test(q) ? '리 written 이 (Lee) as in South Korea' : '');
    for (const q of t.press) add(q, 'press', 'hyphenated given name');
    add(givenFirst(t.listed), 'order', 'given name first');
    add(joinedGiven(t.listed), 'joined', 'lower case, given name as one word');
    // The typo goes into the listed spelling (not into another variant), so that the row measures the typo alone.
    const { surname, given } = splitPersonName(t.listed);
    const typo = typoName(`${titleWord(surname)} ${titleCase(given)}`, `person:${t.ids[0]}`, (_w, i) => i > 0);
    if (typo) add(typo.query, 'typo', typo.note);
  }
  return rows;
}

/** Words too common in DPRK entity names to carry a typo that tells anything. */
const GENERIC = new Set(['korea', 'korean', 'corporation', 'company', 'limited', 'trading', 'general', 'bank', 'banking', 'department',
  'international', 'the', 'of', 'and', 'for', 'dprk', 'democratic', "people's", 'republic', 'shipping']);

function orgRows(lists: Map<string, ListedRecord>): Row[] {
  const rows: Row[] = [];
  for (const t of ORGANIZATIONS) {
    checkTarget(t.ids, t.listed, lists, 'Organization');
    const add = adder(rows, t.ids.join('|'), t.listed);
    for (const [kind, q, note] of t.variants) add(q, kind, note ?? '');
    const base = titleCase(t.listed.replace(/\s*\([^)]*\)\s*$/, '').replace(/’/g, "'"));
    const typo = typoName(base, `org:${t.ids[0]}`, (w) => !GENERIC.has(w.toLowerCase())) ?? typoName(base, `org:${t.ids[0]}`);
    if (typo) add(typo.query, 'typo', typo.note);
  }
  return rows;
}

function vesselRows(lists: Map<string, ListedRecord>): Row[] {
  const rows: Row[] = [];
  for (const t of VESSELS) {
    checkTarget([t.id], t.listed, lists, 'Vessel');
    const rec = lists.get(t.id)!;
    if (!rec.imo.includes(t.imo)) throw new Error(`${t.id}: IMO ${t.imo} is not the list's (${rec.imo.join(', ') || 'none'})`);
    const add = adder(rows, t.id, t.listed);
    const isKorean = t.hangul !== undefined || t.rr !== undefined;
    const joined = joinedVessel(t.listed);
    if (joined) add(joined, 'joined', 'words run together');
    if (isKorean) {
      const ho = hoVessel(t.listed, `vessel:${t.id}`);
      add(ho.query, 'ho', ho.note);
    }
    if (t.rr) add(t.rr, 'rr', t.note ?? 'Revised Romanization');
    if (t.hangul) add(t.hangul, 'hangul', '');
    const typo = typoName(titleCase(t.listed), `vessel:${t.id}`);
    if (typo) add(typo.query, 'typo', typo.note);
    add(`IMO ${t.imo}`, 'imo', t.note ?? 'IMO number alone');
    add(t.imo, 'imo', t.note ? `bare digits; ${t.note}` : 'bare digits');
  }
  return rows;
}

interface NegativesBuild {
  negatives: Row[];
  excluded: Row[];
}

async function negativeRows(lists: Map<string, ListedRecord>, mirror: string): Promise<NegativesBuild> {
  const keys = await listedPersonKeys(mirror);
  const negatives: Row[] = [];
  const excluded: Row[] = [];
  const seen = new Set<string>();
  const owner = (o: { id: string; name: string; dprk: boolean }) => `${o.id} ${o.name}${o.dprk ? ' (DPRK)' : ''}`;

  let made = 0;
  for (const c of candidateNames(NEGATIVE_SEED)) {
    if (made >= GENERATED_NEGATIVES) break;
    // One spelling per Hangul name: the same person written twice would count twice.
    if (seen.has(c.hangul)) continue;
    seen.add(c.hangul);
    const kind = `generated-${c.system}`;
    const hit = keyCollision(c.query, keys);
    const note = c.system === 'hangul' ? '' : `${c.hangul}; ${c.layout}`;
    if (hit) {
      excluded.push({ query: c.query, kind, collides_with: owner(hit), note });
      continue;
    }
    negatives.push({ query: c.query, schema: 'Person', kind, note });
    made++;
  }

  for (const [q, note] of PUBLIC_PEOPLE) {
    const hit = keyCollision(q, keys);
    if (hit) excluded.push({ query: q, kind: 'public', collides_with: owner(hit), note: note ?? '' });
    else negatives.push({ query: q, schema: 'Person', kind: 'public', note: note ?? '' });
  }

  const orgNames = new Map<string, string>();
  for (const r of lists.values()) if (r.schema !== 'Person') for (const n of r.names) orgNames.set(fold(n), `${r.id} ${n}`);
  for (const [q, note] of COMPANIES) {
    const same = orgNames.get(fold(q));
    if (same) excluded.push({ query: q, kind: 'company', collides_with: same, note: note ?? '' });
    else negatives.push({ query: q, schema: 'Organization', kind: 'company', note: note ?? '' });
  }
  return { negatives, excluded };
}

/** Builds every file of the test set: name → CSV text. */
export async function buildTestSet(mirror = listsMirror()): Promise<Map<string, string>> {
  const lists = await newestLists(mirror);
  const { negatives, excluded } = await negativeRows(lists, mirror);
  return new Map([
    ['persons.csv', csv(POSITIVE_COLUMNS, personRows(lists))],
    ['organizations.csv', csv(POSITIVE_COLUMNS, orgRows(lists))],
    ['vessels.csv', csv(POSITIVE_COLUMNS, vesselRows(lists))],
    ['negatives.csv', csv(NEGATIVE_COLUMNS, negatives)],
    ['excluded.csv', csv(EXCLUDED_COLUMNS, excluded)],
  ]);
}
