import type { Db } from '../../store/db.js';
import { changesOf, type ChangeRow } from '../../store/changes.js';
import { allEntities } from '../../store/entities.js';
import { listVersions, recordSpans, recordsOf, type StoredRecord, type VersionRow } from '../../store/versions.js';
import type { Entity } from '../../model/entity.js';
import type { SourceRecord } from '../../model/types.js';
import { Observations } from '../../sources/ofac/draft.js';
import { buildRecord, PRIMARY_COLUMNS } from '../../sources/ofac/record.js';
import type { DateRange, IsoDay } from '../../sources/events/types.js';
import {
  additionsOf, groupActions, type Addition, type ChangeLogAddition, type DesignationAction, type DesignationProblem,
  type HeldVersion, type InitialState, type RecordHistory,
} from './designation-actions.js';
import { listCoverage, type ListCoverage } from './list-coverage.js';
import { distinctReasons, reasonsOfRecord } from './relatedness.js';

/**
 * Reads the pressure side from the store: every held version of every list, the derived change logs and the merged
 * entities, into DPRK-related designation actions (rules in designation-actions.ts and docs/timeline.md).
 */

export interface ListPressure {
  actions: DesignationAction[];
  initialState: InitialState[];
  coverage: ListCoverage[];
  problems: DesignationProblem[];
}

/** The field each list states its listing day in (for evidence): UN consolidated.xml, UK HMT ConList. */
export const LIST_DATE_FIELD: Readonly<Record<string, string>> = { un: 'LISTED_ON', uk: 'Listed On' };
const DEFAULT_LIST_DATE_FIELD = 'listingDate';

/** Sources whose derived change-log rows are OFAC sdn.csv rows (columns PRIMARY_COLUMNS). */
const OFAC_ROW_SOURCES: ReadonlySet<string> = new Set(['ofac']);

interface Content {
  entity: string | null;
  caption: string;
  schema: string;
  programs: string[];
  reasons: RecordHistory['reasons'];
  listDate?: RecordHistory['listDate'];
}

function label(v: VersionRow): string {
  return `${v.source}@${v.version}`;
}

function contentOfEntity(e: Entity, recordId: string, source: string): Content {
  const own = e.sanctions.filter((s) => s.record === recordId);
  const dated = own.filter((s) => s.listingDate).sort((a, b) => (a.listingDate! < b.listingDate! ? -1 : 1))[0];
  return {
    entity: e.id,
    caption: e.caption,
    schema: e.schema,
    programs: [...new Set(own.flatMap((s) => s.programs))],
    reasons: distinctReasons(e.dprk),
    ...(dated?.listingDate ? { listDate: { value: dated.listingDate, field: LIST_DATE_FIELD[source] ?? DEFAULT_LIST_DATE_FIELD, version: dated.version } } : {}),
  };
}

function contentOfRecord(r: SourceRecord, version: string | null, source: string): Content {
  const dated = r.sanctions.find((s) => s.listingDate);
  return {
    entity: null,
    caption: r.caption,
    schema: r.schema,
    programs: [...new Set(r.sanctions.flatMap((s) => s.programs))],
    reasons: reasonsOfRecord(r),
    ...(dated?.listingDate && version ? { listDate: { value: dated.listingDate, field: LIST_DATE_FIELD[source] ?? DEFAULT_LIST_DATE_FIELD, version } } : {}),
  };
}

/** An OFAC change-log row read as the sdn.csv row it copies. */
function recordOfChangeRow(c: ChangeRow): SourceRecord {
  const fields = PRIMARY_COLUMNS.map((col) => c.row[col] ?? '');
  return buildRecord({ fields, line: 0 }, { addresses: [], aliases: [] }, { source: c.source, prefix: c.source, observations: new Observations(), warn: () => undefined });
}

function changeLogAddition(c: ChangeRow): ChangeLogAddition {
  return { origin: c.origin, date: c.date, previous_date: c.previous_date, change: c.change, name: c.row.SDN_Name ?? '', program: c.row.Program ?? '' };
}

function rangeOfChanges(rows: ChangeRow[]): DateRange | null {
  if (!rows.length) return null;
  const starts = rows.map((r) => r.previous_date ?? r.date).sort();
  const ends = rows.map((r) => r.date).sort();
  return { first: starts[0], last: ends.at(-1)! };
}

/** Records of held versions, loaded only when a record is no longer served and no change row copies it. */
class VersionCache {
  private loaded = new Map<number, Promise<Map<string, StoredRecord>>>();
  constructor(private readonly db: Db) {}
  get(v: VersionRow, id: string): Promise<StoredRecord | undefined> {
    let p = this.loaded.get(v.id);
    if (!p) {
      p = recordsOf(this.db, v.id, v.source).then((rs) => new Map(rs.map((r) => [r.id, r])));
      this.loaded.set(v.id, p);
    }
    return p.then((m) => m.get(id));
  }
}

async function contentOf(
  id: string, source: string, span: { last: string } | undefined, entityOf: Map<string, Entity>, changes: ChangeRow[],
  versions: VersionRow[], cache: VersionCache,
): Promise<Content | undefined> {
  const e = entityOf.get(id);
  if (e) return contentOfEntity(e, id, source);
  const lastChange = changes.at(-1);
  if (lastChange && OFAC_ROW_SOURCES.has(source) && (!span || lastChange.date >= span.last)) return contentOfRecord(recordOfChangeRow(lastChange), null, source);
  const v = span && versions.find((x) => x.published === span.last);
  const r = v && (await cache.get(v, id));
  return r && v ? contentOfRecord(r, label(v), source) : undefined;
}

/** One source's DPRK-related additions, coverage and problems. */
async function loadSource(db: Db, versions: VersionRow[], entityOf: Map<string, Entity>, changes: ChangeRow[], problems: DesignationProblem[]): Promise<{ additions: Addition[]; coverage: ListCoverage }> {
  const source = versions[0].source;
  const list = versions[0].dataset;
  // One held version per publication day (a re-import of a day gets a '+hash' label; recordSpans works by day).
  const held: HeldVersion[] = versions.filter((v, i) => versions.findIndex((x) => x.published === v.published) === i)
    .map((v) => ({ label: label(v), published: v.published }));
  const spans = await recordSpans(db, source);
  const changesById = new Map<string, ChangeRow[]>();
  for (const c of changes) changesById.set(c.id, [...(changesById.get(c.id) ?? []), c]);
  const cache = new VersionCache(db);
  const additions: Addition[] = [];
  let earliestListDate: IsoDay | null = null;
  for (const id of new Set([...spans.keys(), ...changesById.keys()])) {
    const span = spans.get(id);
    const rows = changesById.get(id) ?? [];
    const content = await contentOf(id, source, span, entityOf, rows, versions, cache);
    if (!content) continue;
    if (content.listDate && (!earliestListDate || content.listDate.value < earliestListDate)) earliestListDate = content.listDate.value;
    if (!content.reasons.length) continue;
    const history: RecordHistory = {
      list, source, record: id, ...content, span: span ? { first: span.first, last: span.last } : null,
      changeLog: rows.filter((c) => c.change === 'added').map(changeLogAddition),
    };
    additions.push(...additionsOf(history, held, problems));
  }
  const range = rangeOfChanges(changes);
  const coverage = listCoverage({
    list, source, versions: held, earliestListDate,
    changeLog: range ? { origin: [...new Set(changes.map((c) => c.origin))].join(', '), range, rows: changes.length } : null,
  });
  return { additions, coverage };
}

/** DPRK-related designation actions of every list held in the store. */
export async function loadDesignations(db: Db): Promise<ListPressure> {
  const [versions, entities, changes] = await Promise.all([listVersions(db), allEntities(db), changesOf(db)]);
  const entityOf = new Map<string, Entity>();
  for (const e of entities) for (const r of e.referents) entityOf.set(r, e);
  const bySource = new Map<string, VersionRow[]>();
  for (const v of versions) bySource.set(v.source, [...(bySource.get(v.source) ?? []), v]);
  const problems: DesignationProblem[] = [];
  const additions: Addition[] = [];
  const coverage: ListCoverage[] = [];
  const versionsByList = new Map<string, HeldVersion[]>();
  for (const [source, vs] of bySource) {
    const sorted = [...vs].sort((a, b) => (a.published < b.published ? -1 : a.published > b.published ? 1 : a.id - b.id));
    const r = await loadSource(db, sorted, entityOf, changes.filter((c) => c.source === source), problems);
    additions.push(...r.additions);
    coverage.push(r.coverage);
    versionsByList.set(r.coverage.list, r.coverage.versions);
  }
  const { actions, initialState } = groupActions(additions, versionsByList);
  return { actions, initialState, coverage: coverage.sort((a, b) => a.list.localeCompare(b.list)), problems };
}
