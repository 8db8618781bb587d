/**
 * A graph of the merged entities: the relations the lists state (OFAC "Linked To:", owner, operator ...) that
 * resolved to an entity (`link.target`), plus shared attributes: a street-level address, phone, e-mail,
 * website or identifier that two entities both carry. Every edge carries its evidence: the record and the value.
 */
import type { Entity } from '../../model/entity.js';
import { propertyOf } from '../../model/schema.js';

export type SharedKind = 'shared_address' | 'shared_phone' | 'shared_email' | 'shared_website' | 'shared_identifier';

export interface GraphEdge {
  source: string;
  target: string;
  /** A stated link type ('linked_to', 'owner', 'operator', ...) or a SharedKind. */
  type: string;
  evidence: {
    /** The record that states the link, or (shared attributes) the source entity's record holding the value. */
    record: string;
    /** The value as written (link: the target's name; shared attribute: the source entity's value). */
    value: string;
    /** Shared attributes: the target entity's record holding the value. */
    targetRecord?: string;
    /** Shared attributes: the normalized form both values share. */
    normalized?: string;
  };
}

export interface GraphNode {
  id: string;
  schema: string;
  caption: string;
}

export interface EntityGraph {
  nodes: Map<string, GraphNode>;
  edges: GraphEdge[];
  /** Entity id -> indexes into `edges` (both directions). */
  adjacency: Map<string, number[]>;
  /** Shared values carried by more entities than `maxGroup`: not linked pairwise (not distinctive), reported here. */
  skipped: { type: SharedKind; normalized: string; entities: number }[];
}

export interface GraphOptions {
  /** Largest group of entities sharing one value that is still linked pairwise (default 50). */
  maxGroup?: number;
}

/** Lower-case, ASCII-folded where trivial, punctuation and whitespace folded to single spaces. */
export function normalizeText(s: string): string {
  return s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

// Words that make an address street-level: a street, a building, a unit; in English and romanized Korean/Chinese.
// Neighbourhood words (Korean -dong, -ri, district, village) are deliberately absent: not street-level.
const STREET_WORDS = /\b(street|st|road|rd|avenue|ave|lane|ln|boulevard|blvd|way|drive|dr|square|sq|highway|building|bldg|tower|plaza|floor|fl|room|rm|unit|suite|ste|office|house|block|blk|no|number|apartment|apt|gil|ro|lu|jie|dao|hutong|ulitsa|ul|prospekt|pr|pereulok|strasse|str|rue|via|calle|jalan|jl|soi|po box|pobox)\b/;

/**
 * The normalized address when it is street-level, else undefined. "Pyongyang, Democratic People's Republic of
 * Korea" or "Dandong, China" name a city and a country: thousands of unrelated parties share them, so they are
 * no address in common. Street-level = some part before the last comma-separated part (the country or city)
 * holds a number or a street/building word.
 */
export function streetAddress(value: string): string | undefined {
  const parts = value.split(/[,;\n]+/).map((p) => normalizeText(p)).filter(Boolean);
  if (parts.length < 2) {
    // A single part: street-level only if it holds both a number and a street word ("12 Sungri Street").
    const only = parts[0] ?? '';
    return /\d/.test(only) && STREET_WORDS.test(only) ? only : undefined;
  }
  // A numbered neighbourhood ("Kumsong 3-dong", "Jongno 2-ga") is not a street number.
  const head = parts.slice(0, -1).map((p) => p.replace(/\b\d+ (dong|ga|ri|gu)\b/g, ''));
  if (!head.some((p) => /\d/.test(p) || STREET_WORDS.test(p))) return undefined;
  return parts.join(' ');
}

function normalizePhone(v: string): string | undefined {
  const d = v.replace(/\D+/g, '');
  return d.length >= 6 ? d : undefined;
}

function normalizeWebsite(v: string): string | undefined {
  const s = v.trim().toLowerCase().replace(/^[a-z]+:\/\//, '').replace(/^www\./, '').replace(/\/+$/, '');
  return s.includes('.') ? s : undefined;
}

function normalizeEmail(v: string): string | undefined {
  const s = v.trim().toLowerCase();
  return /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(s) ? s : undefined;
}

/** Which shared-attribute kind a property contributes to, and how its values are normalized. */
function sharedKind(schema: Entity['schema'], prop: string): [SharedKind, (v: string) => string | undefined] | undefined {
  const def = propertyOf(schema, prop);
  if (!def) return undefined;
  if (def.type === 'address') return ['shared_address', streetAddress];
  if (def.type === 'phone') return ['shared_phone', normalizePhone];
  if (def.type === 'email') return ['shared_email', normalizeEmail];
  if (prop === 'website') return ['shared_website', normalizeWebsite];
  if (def.type === 'identifier') {
    const kind = def.idKind ?? prop;
    return ['shared_identifier', (v) => {
      const n = v.toUpperCase().replace(/[^A-Z0-9]+/g, '');
      return n.length >= 4 ? `${kind}:${n}` : undefined;
    }];
  }
  return undefined;
}

/** The record of `e` that holds `prop` = `value`, when statements say so; else the entity's first record. */
function recordOf(e: Entity, prop: string, value: string): string {
  return e.statements?.find((s) => s.prop === prop && s.value === value)?.record ?? e.records[0]?.id ?? e.id;
}

export function buildGraph(entities: readonly Entity[], opts: GraphOptions = {}): EntityGraph {
  const maxGroup = opts.maxGroup ?? 50;
  const nodes = new Map<string, GraphNode>();
  for (const e of entities) nodes.set(e.id, { id: e.id, schema: e.schema, caption: e.caption });
  const edges: GraphEdge[] = [];
  const skipped: EntityGraph['skipped'] = [];

  // Stated links that resolved.
  for (const e of entities) {
    const seen = new Set<string>();
    for (const l of e.links) {
      if (!l.target || l.target === e.id || !nodes.has(l.target)) continue;
      const key = `${l.type}\u0000${l.target}`;
      if (seen.has(key)) continue;
      seen.add(key);
      edges.push({ source: e.id, target: l.target, type: l.type, evidence: { record: l.record, value: l.targetName ?? l.target } });
    }
  }

  // Shared attributes: normalized value -> the entities carrying it (with the value and prop as written).
  const groups = new Map<string, { kind: SharedKind; normalized: string; members: Map<string, { prop: string; value: string }> }>();
  for (const e of entities) {
    for (const [prop, values] of Object.entries(e.properties)) {
      const k = sharedKind(e.schema, prop);
      if (!k) continue;
      for (const value of values) {
        const normalized = k[1](value);
        if (!normalized) continue;
        const key = `${k[0]}\u0000${normalized}`;
        let g = groups.get(key);
        if (!g) groups.set(key, (g = { kind: k[0], normalized, members: new Map() }));
        if (!g.members.has(e.id)) g.members.set(e.id, { prop, value });
      }
    }
  }
  const byId = new Map(entities.map((e) => [e.id, e]));
  for (const g of groups.values()) {
    if (g.members.size < 2) continue;
    if (g.members.size > maxGroup) { skipped.push({ type: g.kind, normalized: g.normalized, entities: g.members.size }); continue; }
    const ms = [...g.members.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    for (let i = 0; i < ms.length; i++) {
      for (let j = i + 1; j < ms.length; j++) {
        const [a, va] = ms[i];
        const [b, vb] = ms[j];
        edges.push({
          source: a, target: b, type: g.kind,
          evidence: { record: recordOf(byId.get(a)!, va.prop, va.value), value: va.value, targetRecord: recordOf(byId.get(b)!, vb.prop, vb.value), normalized: g.normalized },
        });
      }
    }
  }

  const adjacency = new Map<string, number[]>();
  const add = (id: string, i: number) => {
    let l = adjacency.get(id);
    if (!l) adjacency.set(id, (l = []));
    l.push(i);
  };
  edges.forEach((ed, i) => { add(ed.source, i); add(ed.target, i); });
  return { nodes, edges, adjacency, skipped };
}

/** The entities within `depth` hops of `id` (edges followed in both directions), and the edges traversed. */
export function neighbourhood(graph: EntityGraph, id: string, depth: number): { nodes: GraphNode[]; edges: GraphEdge[] } {
  if (!graph.nodes.has(id)) return { nodes: [], edges: [] };
  const dist = new Map<string, number>([[id, 0]]);
  const used = new Set<number>();
  let frontier = [id];
  for (let d = 0; d < depth && frontier.length; d++) {
    const next: string[] = [];
    for (const u of frontier) {
      for (const i of graph.adjacency.get(u) ?? []) {
        const e = graph.edges[i];
        const v = e.source === u ? e.target : e.source;
        used.add(i);
        if (!dist.has(v)) { dist.set(v, d + 1); next.push(v); }
      }
    }
    frontier = next;
  }
  return {
    nodes: [...dist.keys()].map((n) => graph.nodes.get(n)!).filter(Boolean),
    edges: [...used].sort((a, b) => a - b).map((i) => graph.edges[i]),
  };
}
