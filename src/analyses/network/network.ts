/**
 * The whole network: the listed entities with the relations the lists state and the attributes they share
 * (graph.ts), plus the imported datasets: their entities, their Ownership / Directorship / UnknownLink relations,
 * and `same_as` edges where an imported entity was matched to a listed one. Every edge names its type, the record
 * that states it, that record's list version (or imported dataset version) and the evidence.
 */
import type { Entity } from '../../model/entity.js';
import type { SchemaName } from '../../model/schema.js';
import type { DatasetRow, ImportedRow, MatchRow, BlockedRow } from '../../store/datasets.js';
import { buildGraph, type GraphEdge, type GraphNode } from './graph.js';
import { edgeOf, importedRecord, isEdgeRow, type ImportedEdge } from './imported.js';
import { importedEntity, LINKED_TOPIC } from './imported-entity.js';

export interface NetworkNode extends GraphNode {
  schema: SchemaName;
  datasets: string[];
  topics: string[];
  /** 'listed': an official list entity; 'imported': from an imported dataset (never a list entry). */
  kind: 'listed' | 'imported';
  /** Imported nodes: the dataset version (`<dataset>@<imported_at>`) their values come from. */
  version?: string;
}

export interface NetworkEdge extends GraphEdge {
  /** Stable id of the edge (the imported relation's id, or derived from type and ends). */
  id: string;
  /** The list version or imported dataset version of `evidence.record`. */
  version: string;
  /** Ownership: percent held. */
  percentage?: number;
  /** Shared attributes and matches hold in both directions. */
  directed: boolean;
}

export interface Network {
  nodes: Map<string, NetworkNode>;
  edges: NetworkEdge[];
  adjacency: Map<string, number[]>;
  /** Referents (`un-KPe.001`) -> node id. */
  referents: Map<string, string>;
  skipped: { type: string; normalized: string; entities: number }[];
  versions: string[];
  datasets: string[];
  blocked: Map<string, BlockedRow>;
}

export interface NetworkSources {
  listed: readonly Entity[];
  versions: string[];
  datasets: readonly DatasetRow[];
  rows: readonly ImportedRow[];
  matches: readonly MatchRow[];
  blocked: readonly BlockedRow[];
}

const UNDIRECTED = new Set(['shared_address', 'shared_phone', 'shared_email', 'shared_website', 'shared_identifier', 'same_as', 'possible_match']);

export function buildNetwork(src: NetworkSources): Network {
  const at = new Map(src.datasets.map((d) => [d.name, d.imported_at]));
  const blocked = new Map(src.blocked.map((b) => [b.id, b]));
  const importedEntities = src.rows.filter((r) => !isEdgeRow(r)).map((r) => importedEntity(r, at.get(r.dataset) ?? ''));
  for (const e of importedEntities) if (blocked.has(e.id)) e.topics = [LINKED_TOPIC];
  const all = [...src.listed, ...importedEntities];
  const g = buildGraph(all);
  const versionOf = new Map<string, string>();
  for (const e of all) for (const r of e.records) versionOf.set(r.id, r.version);
  const nodes = new Map<string, NetworkNode>();
  const referents = new Map<string, string>();
  for (const e of src.listed) {
    nodes.set(e.id, { id: e.id, schema: e.schema, caption: e.caption, datasets: e.datasets, topics: e.topics, kind: 'listed' });
    for (const r of e.referents) referents.set(r, e.id);
  }
  for (const e of importedEntities) nodes.set(e.id, { id: e.id, schema: e.schema, caption: e.caption, datasets: e.datasets, topics: e.topics, kind: 'imported', version: e.records[0]?.version ?? '' });
  const edges: NetworkEdge[] = g.edges.map((e, i) => ({
    ...e, id: `${e.type}:${e.source}:${e.target}:${i}`, version: versionOf.get(e.evidence.record) ?? '', directed: !UNDIRECTED.has(e.type),
  }));
  const resolve = (id: string) => (nodes.has(id) ? id : referents.get(id) ?? id);
  for (const r of src.rows) {
    const e: ImportedEdge | undefined = edgeOf(r);
    if (!e) continue;
    const source = resolve(e.source);
    const target = resolve(e.target);
    if (!nodes.has(source) || !nodes.has(target)) continue;
    const record = importedRecord(e.dataset, e.id);
    const value = e.schema === 'Ownership' ? `${e.percentage ?? '?'} %` : e.role ?? e.schema;
    edges.push({
      id: e.id, source, target, type: e.schema === 'UnknownLink' ? 'unknown_link' : e.schema.toLowerCase(), directed: true,
      evidence: { record, value }, version: `${e.dataset}@${at.get(e.dataset) ?? ''}`, ...(e.percentage !== undefined ? { percentage: e.percentage } : {}),
    });
  }
  for (const m of src.matches) {
    if (!nodes.has(m.id) || !nodes.has(m.entity_id)) continue;
    edges.push({
      id: `match:${m.id}:${m.entity_id}`, source: m.id, target: m.entity_id, type: m.used ? 'same_as' : 'possible_match', directed: false,
      evidence: { record: importedRecord(m.dataset, m.id), value: `${m.rule} (score ${m.score}): ${String(m.detail.reason ?? `${m.detail.kind}: ${m.detail.value}`)}` },
      version: `${m.dataset}@${at.get(m.dataset) ?? ''}`,
    });
  }
  const adjacency = new Map<string, number[]>();
  const add = (id: string, i: number) => {
    let l = adjacency.get(id);
    if (!l) adjacency.set(id, (l = []));
    l.push(i);
  };
  edges.forEach((ed, i) => { add(ed.source, i); if (ed.target !== ed.source) add(ed.target, i); });
  return {
    nodes, edges, adjacency, referents, skipped: g.skipped, versions: src.versions,
    datasets: src.datasets.map((d) => d.name), blocked,
  };
}

/** Hops and nodes a neighbourhood may span (a shared-attribute group can connect hundreds). */
export const NETWORK_LIMITS = { maxDepth: 3, defaultDepth: 1, maxNodes: 2000 } as const;

export interface Neighbourhood {
  root: string;
  depth: number;
  nodes: (NetworkNode & { distance: number })[];
  edges: NetworkEdge[];
  /** True when maxNodes cut the walk short. */
  truncated: boolean;
}

/** The nodes within `depth` hops of `id` (edges followed both ways) and every edge among them that was walked. */
export function neighbourhoodOf(net: Network, id: string, depth: number, maxNodes: number = NETWORK_LIMITS.maxNodes): Neighbourhood | undefined {
  const root = net.nodes.has(id) ? id : net.referents.get(id);
  if (!root) return undefined;
  const dist = new Map<string, number>([[root, 0]]);
  const used = new Set<number>();
  let frontier = [root];
  let truncated = false;
  for (let d = 0; d < depth && frontier.length && !truncated; d++) {
    const next: string[] = [];
    for (const u of frontier) {
      for (const i of net.adjacency.get(u) ?? []) {
        const e = net.edges[i];
        const v = e.source === u ? e.target : e.source;
        if (!dist.has(v)) {
          if (dist.size >= maxNodes) { truncated = true; continue; }
          dist.set(v, d + 1);
          next.push(v);
        }
        used.add(i);
      }
    }
    frontier = next;
  }
  return {
    root, depth, truncated,
    nodes: [...dist].map(([n, distance]) => ({ ...net.nodes.get(n)!, distance })),
    edges: [...used].sort((a, b) => a - b).map((i) => net.edges[i]),
  };
}
