/**
 * `chokepoint import FILE --dataset NAME` and `POST /datasets/{name}/import`: an FtM JSON-lines file stored as a
 * separate dataset, replaced whole. The report says what was accepted, what was rejected and why, which imported
 * entities were matched to listed ones (and why), and which are blocked by ownership.
 *
 * Never confuses imported data with the lists: the dataset name may not be a list's or a collection's, an entity
 * line may not define an id a listed entity has (it may reference it: an edge to `ofac-9345` points at KOMID), and
 * an id another imported dataset holds is refused (ids are kept as given, so they must name one entity).
 * An import that accepts nothing is refused and the previous import of the dataset stays whole.
 */
import { createHash } from 'node:crypto';
import type { Db } from '../../store/db.js';
import { importedIds, importedRows, listedReferents, replaceDataset, type BlockedRow, type ImportedRow, type MatchRow } from '../../store/datasets.js';
import { readFtmLines, type FtmRejection } from '../../sources/ftm/index.js';
import { LIST_SOURCES } from '../../sources/index.js';
import { COLLECTIONS } from '../screening/datasets.js';
import { computeNetwork } from './compute.js';
import { listContext, type ListContext } from './list-context.js';
import { serialized } from './serial.js';

/** Dataset names: lower-case letters, digits, `_` and `-`, starting with a letter; never a list's or a collection's. */
export const DATASET_NAME = /^[a-z][a-z0-9_-]{0,62}$/;

export function datasetNameProblem(name: string): string | undefined {
  if (!DATASET_NAME.test(name)) return `dataset name "${name}" must be 1-63 lower-case letters, digits, _ or -, starting with a letter`;
  if (LIST_SOURCES.some((s) => s.dataset === name)) return `"${name}" is an official list's dataset: imported data gets its own name`;
  if (Object.hasOwn(COLLECTIONS, name)) return `"${name}" is a collection: imported data gets its own name`;
  return undefined;
}

export interface ImportReport {
  dataset: string;
  origin: string;
  sha256: string;
  outcome: 'imported' | 'refused';
  message: string;
  /** True when an earlier import of this dataset was replaced. */
  replaced: boolean;
  accepted: { entities: number; edges: number; bySchema: Record<string, number> };
  rejected: FtmRejection[];
  /** Edges that point at a listed entity by its id or referent. */
  references: { edge: string; prop: string; referent: string; entity: string }[];
  /** Imported entities matched to listed ones: `used` matches make the imported entity count as the listed one. */
  matches: MatchRow[];
  /** Entities of this dataset blocked by ownership, with the paths. */
  blocked: BlockedRow[];
}

export class ImportRefused extends Error {
  constructor(readonly report: ImportReport) {
    super(report.message);
  }
}

export interface ImportInput {
  name: string;
  /** Where the data came from: a file path or 'upload'. */
  origin: string;
  lines: AsyncIterable<string> | Iterable<string>;
  /** The list context when the caller has it (saves building a screening index). */
  context?: ListContext;
}

async function* hashing(lines: AsyncIterable<string> | Iterable<string>, h: ReturnType<typeof createHash>): AsyncIterable<string> {
  for await (const l of lines) { h.update(l).update('\n'); yield l; }
}

/** Imports one dataset. Throws ImportRefused (nothing stored) when the name is wrong or nothing is accepted. */
export function importDataset(db: Db, input: ImportInput): Promise<ImportReport> {
  return serialized(() => importOne(db, input));
}

async function importOne(db: Db, input: ImportInput): Promise<ImportReport> {
  const { name, origin } = input;
  const empty = (message: string, rejected: FtmRejection[] = [], sha256 = ''): ImportReport => ({
    dataset: name, origin, sha256, outcome: 'refused', message, replaced: false,
    accepted: { entities: 0, edges: 0, bySchema: {} }, rejected, references: [], matches: [], blocked: [],
  });
  const problem = datasetNameProblem(name);
  if (problem) throw new ImportRefused(empty(problem));
  const [referents, others, previous] = await Promise.all([listedReferents(db), importedIds(db, name), importedRows(db, [name])]);
  const h = createHash('sha256');
  const read = await readFtmLines(hashing(input.lines, h), {
    external: (id) => referents.has(id),
    reserved: (id) => referents.has(id)
      ? `id '${id}' is a listed entity's: an imported file may reference it, not redefine it`
      : others.has(id) ? `id '${id}' is already used by imported dataset '${others.get(id)}'` : undefined,
  });
  const sha256 = h.digest('hex');
  const accepted = read.entities.length + read.edges.length;
  if (!accepted) {
    const kept = previous.length ? `; the previous import of "${name}" (${previous.length} rows) stays` : '';
    throw new ImportRefused(empty(`nothing accepted: ${read.rejected.length} line(s) rejected${kept}`, read.rejected, sha256));
  }
  const rows: Omit<ImportedRow, 'dataset'>[] = [
    ...read.entities.map((e) => ({ id: e.id, schema: e.schema, caption: e.caption ?? e.id, properties: e.properties, line: e.line })),
    ...read.edges.map((e) => ({ id: e.id, schema: e.schema, caption: e.id, properties: e.properties, line: e.line })),
  ];
  const bySchema: Record<string, number> = {};
  for (const r of rows) bySchema[r.schema] = (bySchema[r.schema] ?? 0) + 1;
  const ctx = input.context ?? await listContext(db);
  const all = [...(await importedRows(db)).filter((r) => r.dataset !== name), ...rows.map((r) => ({ ...r, dataset: name }))];
  const results = computeNetwork({ ...ctx, referents, rows: all });
  const references = read.edges.flatMap((e) => {
    const out: ImportReport['references'] = [];
    const props = Object.entries(e.properties).filter(([p]) => ['owner', 'asset', 'director', 'organization', 'subject', 'object'].includes(p));
    for (const [prop, vals] of props) for (const v of vals) if (referents.has(v)) out.push({ edge: e.id, prop, referent: v, entity: referents.get(v)! });
    return out;
  });
  await replaceDataset(db, { name, origin, sha256, counts: { entities: read.entities.length, edges: read.edges.length, rejected: read.rejected.length, ...bySchema }, rejected: read.rejected }, rows, results);
  const matches = results.matches.filter((m) => m.dataset === name);
  const blocked = results.blocked.filter((b) => b.dataset === name);
  return {
    dataset: name, origin, sha256, outcome: 'imported', replaced: previous.length > 0,
    message: `imported ${read.entities.length} entities and ${read.edges.length} relations into "${name}"; rejected ${read.rejected.length} line(s); `
      + `${matches.filter((m) => m.used).length} matched to listed entities; ${blocked.length} blocked by ownership`,
    accepted: { entities: read.entities.length, edges: read.edges.length, bySchema }, rejected: read.rejected, references, matches, blocked,
  };
}
