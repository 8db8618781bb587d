import type { Db } from '../../store/db.js';
import { findVersion, recordsOf, type StoredRecord, type VersionRow } from '../../store/versions.js';

export interface PropertyChange {
  prop: string;
  removed: string[];
  added: string[];
}

export interface RecordRef {
  id: string;
  schema: string;
  caption: string;
}

export interface VersionDelta {
  from: { source: string; version: string; published: string };
  to: { source: string; version: string; published: string };
  added: RecordRef[];
  removed: RecordRef[];
  changed: (RecordRef & { changes: PropertyChange[] })[];
  unchanged: number;
}

/** Parses 'ofac@2024-05-03' or 'ofac/2024-05-03'. */
export function parseVersionRef(ref: string): { source: string; version: string } {
  const m = /^([a-z][a-z0-9-]*)[@/](.+)$/.exec(ref.trim());
  if (!m) throw new Error(`"${ref}" is not a version: write SOURCE@VERSION, e.g. ofac@2024-05-03 (see \`chokepoint lists\`)`);
  return { source: m[1], version: m[2] };
}

function valuesOf(r: StoredRecord): Map<string, string[]> {
  const m = new Map<string, string[]>(Object.entries(r.properties));
  m.set('$schema', [r.schema]);
  m.set('$caption', [r.caption]);
  m.set('$programs', r.sanctions.flatMap((s) => s.programs));
  m.set('$links', r.links.map((l) => `${l.type}:${l.targetName ?? l.targetRecordId ?? ''}`));
  return m;
}

/** What changed in each property of a record between two versions. */
export function recordChanges(a: StoredRecord, b: StoredRecord): PropertyChange[] {
  const va = valuesOf(a), vb = valuesOf(b);
  const out: PropertyChange[] = [];
  for (const prop of [...new Set([...va.keys(), ...vb.keys()])].sort()) {
    const x = va.get(prop) ?? [], y = vb.get(prop) ?? [];
    const removed = x.filter((v) => !y.includes(v));
    const added = y.filter((v) => !x.includes(v));
    if (removed.length || added.length) out.push({ prop: prop.replace(/^\$/, ''), removed, added });
  }
  return out;
}

const ref = (r: StoredRecord): RecordRef => ({ id: r.id, schema: r.schema, caption: r.caption });

/** Pure delta of two record sets. */
export function deltaOf(a: StoredRecord[], b: StoredRecord[]): Pick<VersionDelta, 'added' | 'removed' | 'changed' | 'unchanged'> {
  const before = new Map(a.map((r) => [r.id, r]));
  const after = new Map(b.map((r) => [r.id, r]));
  const added: RecordRef[] = [], removed: RecordRef[] = [];
  const changed: VersionDelta['changed'] = [];
  let unchanged = 0;
  for (const [id, r] of after) {
    const old = before.get(id);
    if (!old) added.push(ref(r));
    else if (old.hash === r.hash) unchanged++;
    else {
      const changes = recordChanges(old, r);
      if (changes.length) changed.push({ ...ref(r), changes });
      else unchanged++;
    }
  }
  for (const [id, r] of before) if (!after.has(id)) removed.push(ref(r));
  return { added, removed, changed, unchanged };
}

async function load(db: Db, refText: string): Promise<{ v: VersionRow; records: StoredRecord[] }> {
  const { source, version } = parseVersionRef(refText);
  const v = await findVersion(db, source, version);
  if (!v) throw new Error(`no stored version ${source}@${version} (see \`chokepoint lists\`)`);
  return { v, records: await recordsOf(db, v.id, v.source) };
}

/** Delta between two stored versions (of one source, or of two sources that share record ids). */
export async function diffVersions(db: Db, refA: string, refB: string): Promise<VersionDelta> {
  const a = await load(db, refA);
  const b = await load(db, refB);
  const d = deltaOf(a.records, b.records);
  const side = (x: VersionRow) => ({ source: x.source, version: x.version, published: x.published });
  return { from: side(a.v), to: side(b.v), ...d };
}
