import type { Db } from '../../store/db.js';
import type { Entity } from '../../model/entity.js';
import { buildEntities, type VersionedRecord } from '../../model/merge.js';
import { allEntities } from '../../store/entities.js';
import { currentVersions, findVersion, recordsOf } from '../../store/versions.js';
import { deltaOf, parseVersionRef } from '../deltas/diff.js';
import { buildIndex, type ScreeningIndex } from './index/build.js';

export type ChangeKind = 'added' | 'changed' | 'removed';

export interface SourceDelta {
  source: string;
  /** 'ofac@2023-12-28' */
  from: string;
  /** The version served now, 'ofac@2024-05-03'. */
  to: string;
  added: string[];
  changed: string[];
  removed: string[];
}

/** An index of only what list deltas can affect, and what happened to each of its entities. */
export interface DeltaIndex {
  index: ScreeningIndex;
  deltas: SourceDelta[];
  /** Entity id → `added ofac@2023-12-28..2024-05-03` (the strongest change among its records). */
  change: Map<string, string>;
  /** Every current entity and every removed record's entity: what suppressions may name. */
  known: { id: string; referents: string[] }[];
}

const RANK: Record<ChangeKind, number> = { added: 0, changed: 1, removed: 2 };

/**
 * Builds the re-screening index for `--since`: for each named version, the delta to the version of that source
 * served now (store/deltas deltaOf); the merged entities holding a record added or changed in it (with all their
 * current names, whichever list gives them); and each removed record as an entity of its own, as it stood in the
 * older version, so that rows which matched something since delisted are found too.
 */
export async function deltaIndex(db: Db, refs: string[]): Promise<DeltaIndex> {
  const current = new Map((await currentVersions(db)).map((v) => [v.source, v]));
  const deltas: SourceDelta[] = [];
  const removedItems: VersionedRecord[] = [];
  const kindOf = new Map<string, { kind: ChangeKind; delta: SourceDelta }>();
  const note = (id: string, kind: ChangeKind, delta: SourceDelta) => {
    const old = kindOf.get(id);
    if (!old || RANK[kind] < RANK[old.kind]) kindOf.set(id, { kind, delta });
  };
  for (const ref of refs) {
    const { source, version } = parseVersionRef(ref);
    if (deltas.some((d) => d.source === source)) throw new Error(`--since names ${source} twice`);
    const from = await findVersion(db, source, version);
    if (!from) throw new Error(`no stored version ${source}@${version} (see \`chokepoint lists\`)`);
    const to = current.get(source)!;
    if (from.published > to.published) throw new Error(`${source}@${version} is newer than the version served (${source}@${to.version})`);
    const before = await recordsOf(db, from.id, source);
    const d = from.id === to.id ? { added: [], changed: [], removed: [] } : deltaOf(before, await recordsOf(db, to.id, source));
    const delta: SourceDelta = {
      source, from: `${source}@${from.version}`, to: `${source}@${to.version}`,
      added: d.added.map((r) => r.id), changed: d.changed.map((r) => r.id), removed: d.removed.map((r) => r.id),
    };
    deltas.push(delta);
    for (const id of delta.added) note(id, 'added', delta);
    for (const id of delta.changed) note(id, 'changed', delta);
    for (const id of delta.removed) note(id, 'removed', delta);
    const removed = new Set(delta.removed);
    for (const record of before) {
      if (removed.has(record.id)) removedItems.push({ record, source, dataset: from.dataset, version: delta.from, versionId: from.id });
    }
  }
  const entities = await allEntities(db);
  const change = new Map<string, string>();
  const describe = (k: { kind: ChangeKind; delta: SourceDelta }) => `${k.kind} ${k.delta.from}..${k.delta.to.split('@')[1]}`;
  const affected = entities.filter((e) => {
    const k = e.referents.map((r) => kindOf.get(r)).filter((x) => x !== undefined).sort((a, b) => RANK[a.kind] - RANK[b.kind])[0];
    if (k) change.set(e.id, describe(k));
    return k !== undefined;
  });
  const removed: Entity[] = buildEntities(removedItems);
  for (const e of removed) change.set(e.id, describe(kindOf.get(e.referents.find((r) => kindOf.has(r)) ?? e.id)!));
  const versions = [...current.values()].map((v) => `${v.source}@${v.version}`).sort();
  return { index: buildIndex([...affected, ...removed], versions), deltas, change, known: [...entities, ...removed] };
}
