import type { SourceRecord } from './types.js';
import { MERGE_RULES, type Entity, type EntityLink, type ListingDate, type MergeReason, type Statement } from './entity.js';
import { commonSchema, propertyOf, type SchemaName } from './schema.js';
import { recordDprkReasons, type DprkReason } from './dprk.js';
import { foldName } from './names.js';

/** A record of a served version, with the version's identity. */
export interface VersionedRecord {
  record: SourceRecord;
  source: string;
  dataset: string;
  version: string;
  versionId?: number;
}

/** Every value of the records with its provenance (record, dataset, version), for properties of `schema`. */
export function statementsOf(recs: VersionedRecord[], schema: SchemaName): Statement[] {
  const out: Statement[] = [];
  for (const { record, dataset, version } of recs) {
    for (const [prop, values] of Object.entries(record.properties)) {
      if (!propertyOf(schema, prop) && !propertyOf(record.schema, prop)) continue;
      for (const value of values) out.push({ prop, value, record: record.id, dataset, version });
    }
  }
  return out;
}

/** Sources in the order their record gives the merged entity its id and caption. */
export const SOURCE_PRIORITY = ['ofac', 'ofac-cons', 'un', 'uk-fcdo', 'uk', 'eu'];

/**
 * Identifier properties that, when equal, mean one target. Passport and national ID numbers are reused across
 * countries, so they also need a shared name token.
 */
export const MERGE_IDENTIFIERS: { prop: string; needsNameToken: boolean }[] = [
  { prop: 'imoNumber', needsNameToken: false },
  { prop: 'swiftBic', needsNameToken: false },
  { prop: 'passportNumber', needsNameToken: true },
  { prop: 'idNumber', needsNameToken: true },
];

/** UN reference numbers quoted by other lists ("UN Ref KPe.001"). */
const UN_REF_IN_TEXT = /\bUN\s*Ref(?:erence)?\.?\s*(?:No\.?\s*)?:?\s*([A-Z]{2}[ie]\.\d{3})/g;

export interface MergeContext {
  /** Listing dates known from version history and change logs, per record id. */
  listed?: Map<string, ListingDate[]>;
  /** First/last publication holding each record id. */
  spans?: Map<string, { first: string; last: string }>;
}

function nameKeys(r: SourceRecord): Set<string> {
  const out = new Set<string>();
  for (const prop of ['name', 'alias', 'previousName']) for (const v of r.properties[prop] ?? []) out.add(foldName(v));
  out.delete('');
  return out;
}

function tokens(keys: Set<string>): Set<string> {
  const out = new Set<string>();
  for (const k of keys) for (const t of k.split(' ')) if (t.length > 1) out.add(t);
  return out;
}

function priority(source: string): number {
  const i = SOURCE_PRIORITY.indexOf(source);
  return i < 0 ? SOURCE_PRIORITY.length : i;
}

/** Union-find over records; a cluster never holds two records of one list (they are distinct designations). */
class Clusters {
  private parent: number[];
  private sources: Set<string>[];
  constructor(items: VersionedRecord[]) {
    this.parent = items.map((_, i) => i);
    this.sources = items.map((x) => new Set([x.source]));
  }
  find(i: number): number {
    while (this.parent[i] !== i) i = this.parent[i] = this.parent[this.parent[i]];
    return i;
  }
  union(a: number, b: number): boolean {
    const ra = this.find(a), rb = this.find(b);
    if (ra === rb) return false;
    for (const s of this.sources[rb]) if (this.sources[ra].has(s)) return false;
    this.parent[rb] = ra;
    for (const s of this.sources[rb]) this.sources[ra].add(s);
    return true;
  }
}

/** Finds pairs of records (of different lists) that name one target, with the rule that joined them. */
function findMerges(items: VersionedRecord[]): { i: number; j: number; reason: MergeReason }[] {
  const out: { i: number; j: number; reason: MergeReason }[] = [];
  const byKey = new Map<string, number[]>();
  const push = (key: string, i: number) => {
    const list = byKey.get(key);
    if (list) list.push(i);
    else byKey.set(key, [i]);
  };
  const names = items.map((x) => nameKeys(x.record));
  const dprkProgram = items.map((x) => recordDprkReasons(x.record).some((d) => d.strong));
  items.forEach((x, i) => {
    const p = x.record.properties;
    for (const { prop } of MERGE_IDENTIFIERS) for (const v of p[prop] ?? []) push(`id:${prop}:${v.replace(/\W/g, '').toUpperCase()}`, i);
    for (const n of names[i]) {
      for (const d of p.birthDate ?? []) push(`nd:${n}|${d}`, i);
      // Name alone never joins two people (many share a Korean name); for organizations and vessels, the same name
      // under a DPRK programme on two lists is one target.
      if (dprkProgram[i] && x.record.schema !== 'Person') push(`np:${n}`, i);
    }
    if (x.source === 'un') push(`un:${x.record.recordId}`, i);
    // One authority's lists share an id space (OFAC SDN and consolidated lists: ent_num).
    push(`rid:${x.record.id}`, i);
    for (const note of p.notes ?? []) for (const m of note.matchAll(UN_REF_IN_TEXT)) push(`un:${m[1]}`, i);
  });
  for (const [key, list] of byKey) {
    if (list.length < 2) continue;
    const [kind] = key.split(':', 1);
    for (let a = 0; a < list.length; a++) {
      for (let b = a + 1; b < list.length; b++) {
        const i = list[a], j = list[b];
        const ri = items[i], rj = items[j];
        if (ri.source === rj.source) continue;
        if (!commonSchema(ri.record.schema, rj.record.schema)) continue;
        let rule: MergeReason['rule'];
        if (kind === 'id') {
          const prop = key.split(':')[1];
          const needs = MERGE_IDENTIFIERS.find((m) => m.prop === prop)?.needsNameToken;
          if (needs) {
            const ti = tokens(names[i]);
            if (![...tokens(names[j])].some((t) => ti.has(t))) continue;
          }
          rule = 'shared_identifier';
        } else if (kind === 'rid') rule = 'same_record_id';
        else if (kind === 'un') rule = 'un_reference';
        else if (kind === 'nd') rule = 'name_and_birth_date';
        else rule = 'name_and_dprk_program';
        out.push({ i, j, reason: { a: ri.record.id, b: rj.record.id, rule, detail: key.slice(key.indexOf(':') + 1) } });
      }
    }
  }
  // Strongest evidence first, so a weaker rule cannot block a stronger one through the one-record-per-list constraint.
  const order: readonly MergeReason['rule'][] = MERGE_RULES;
  out.sort((x, y) => order.indexOf(x.reason.rule) - order.indexOf(y.reason.rule) || x.reason.detail.localeCompare(y.reason.detail));
  // One reason per pair of records: the strongest.
  const seen = new Set<string>();
  return out.filter((m) => {
    const key = m.i < m.j ? `${m.i}|${m.j}` : `${m.j}|${m.i}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Merges the records of every served version into entities, resolves stated links, explains DPRK-relatedness. */
export function buildEntities(items: VersionedRecord[], ctx: MergeContext = {}): Entity[] {
  const clusters = new Clusters(items);
  const reasons = new Map<number, MergeReason[]>();
  for (const m of findMerges(items)) {
    const ri = clusters.find(m.i), rj = clusters.find(m.j);
    if (ri === rj) {
      reasons.get(ri)?.push(m.reason);
      continue;
    }
    if (!clusters.union(m.i, m.j)) continue;
    const root = clusters.find(m.i);
    const merged = [...(reasons.get(ri) ?? []), ...(reasons.get(rj) ?? []), m.reason];
    reasons.delete(ri);
    reasons.delete(rj);
    reasons.set(root, merged);
  }
  const groups = new Map<number, number[]>();
  items.forEach((_, i) => {
    const root = clusters.find(i);
    const g = groups.get(root);
    if (g) g.push(i);
    else groups.set(root, [i]);
  });

  const entities: Entity[] = [];
  const entityOfRecord = new Map<string, Entity>();
  for (const [root, members] of groups) {
    const recs = members.map((i) => items[i]).sort((a, b) => priority(a.source) - priority(b.source) || a.record.id.localeCompare(b.record.id));
    const e = assemble(recs, reasons.get(root) ?? [], ctx);
    if (!e) continue;
    entities.push(e);
    for (const r of recs) entityOfRecord.set(`${r.source}|${r.record.id}`, e);
  }
  resolveLinks(items, entityOfRecord);
  addLinkedDprkReasons(entities);
  return entities.sort((a, b) => a.id.localeCompare(b.id));
}

/** What the merged records say: the union of their properties (for the entity's schema) and their sanctions. */
export function recordContent(recs: VersionedRecord[], schema: SchemaName): Pick<Entity, 'properties' | 'sanctions'> {
  const properties: Record<string, string[]> = {};
  for (const { record } of recs) {
    for (const [prop, values] of Object.entries(record.properties)) {
      if (!propertyOf(schema, prop) && !propertyOf(record.schema, prop)) continue;
      const list = properties[prop] ?? (properties[prop] = []);
      for (const value of values) if (!list.includes(value)) list.push(value);
    }
  }
  const sanctions = recs.flatMap((r) => r.record.sanctions.map((s) => ({ ...s, record: r.record.id, dataset: r.dataset, version: r.version })));
  return { properties, sanctions };
}

function assemble(recs: VersionedRecord[], merge: MergeReason[], ctx: MergeContext): Entity | undefined {
  let schema: SchemaName | undefined = recs[0].record.schema;
  for (const r of recs.slice(1)) schema = schema && commonSchema(schema, r.record.schema);
  schema ??= recs[0].record.schema;
  const { properties, sanctions } = recordContent(recs, schema);
  const referents = [...new Set(recs.map((r) => r.record.id))];
  const listed: ListingDate[] = [];
  for (const r of recs) {
    for (const s of r.record.sanctions) {
      if (s.listingDate) listed.push({ record: r.record.id, dataset: r.dataset, precision: 'exact', date: s.listingDate, basis: 'list_date' });
    }
    for (const l of ctx.listed?.get(r.record.id) ?? []) if (l.dataset === r.dataset) listed.push(l);
  }
  const spans = recs.map((r) => ctx.spans?.get(r.record.id)).filter((s): s is { first: string; last: string } => !!s);
  const e: Entity = {
    id: recs[0].record.id,
    schema,
    caption: recs[0].record.caption,
    referents,
    datasets: [...new Set(recs.map((r) => r.dataset))].sort(),
    topics: ['sanction'],
    properties,
    records: recs.map((r) => ({ id: r.record.id, source: r.source, dataset: r.dataset, version: r.version, ...(r.versionId !== undefined ? { versionId: r.versionId } : {}) })),
    sanctions,
    links: recs.flatMap((r) => r.record.links.map((l) => ({ ...l, record: r.record.id }))),
    dprk: recs.flatMap((r) => recordDprkReasons(r.record)),
    merge,
    listed,
    ...(spans.length ? { firstSeen: spans.map((s) => s.first).sort()[0], lastSeen: spans.map((s) => s.last).sort().at(-1) } : {}),
  };
  return e;
}

/** Resolves `Linked To:`-style names to entities: same list first, unambiguous matches only. */
function resolveLinks(items: VersionedRecord[], entityOfRecord: Map<string, Entity>): void {
  const byName = new Map<string, Set<Entity>>();
  for (const x of items) {
    const e = entityOfRecord.get(`${x.source}|${x.record.id}`);
    if (!e) continue;
    for (const n of nameKeys(x.record)) {
      const key = `${x.source}|${n}`;
      const set = byName.get(key) ?? new Set<Entity>();
      set.add(e);
      byName.set(key, set);
    }
  }
  const sourceOf = new Map(items.map((x) => [x.record.id, x.source]));
  const seenEntities = new Set<Entity>(entityOfRecord.values());
  for (const e of seenEntities) {
    for (const l of e.links as (EntityLink & { targetRecordId?: string })[]) {
      const source = sourceOf.get(l.record);
      if (!l.target && l.targetRecordId) {
        // The list names the target by its own record id (UN comments citing KPe.018): resolve that first.
        const prefix = l.record.slice(0, l.record.indexOf('-'));
        const t = entityOfRecord.get(`${source}|${prefix}-${l.targetRecordId}`);
        if (t && t !== e) l.target = t.id;
      }
      if (l.target || !l.targetName) continue;
      const hits = byName.get(`${source}|${foldName(l.targetName)}`);
      if (hits && hits.size === 1) {
        const [t] = hits;
        if (t !== e) l.target = t.id;
      }
    }
  }
}

/** One hop: an entity linked to an entity that carries a DPRK programme tag is DPRK-related through that link. */
function addLinkedDprkReasons(entities: Entity[]): void {
  const strong = new Set(entities.filter((e) => e.dprk.some((d) => d.strong)).map((e) => e.id));
  for (const e of entities) {
    for (const l of e.links) {
      if (l.target && strong.has(l.target) && !e.dprk.some((d) => d.kind === 'linked_to' && d.detail === l.target)) {
        const reason: DprkReason = { kind: 'linked_to', detail: l.target, record: l.record, strong: false };
        e.dprk.push(reason);
      }
    }
  }
}

/** Is the entity DPRK-related at all (any reason)? */
export function isDprkRelated(e: Entity): boolean {
  return e.dprk.length > 0;
}
