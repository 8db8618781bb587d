/**
 * yente's `GET /entities/{id}/adjacent` shape: `{entity, adjacent: {<property>: {results, total, limit, offset}}}`,
 * where each property is the FtM reverse property linking the entity to a relation (ownershipOwner: the Ownerships it
 * holds; ownershipAsset: those held in it; directorshipDirector / directorshipOrganization; unknownLinkSubject /
 * unknownLinkObject; sanctions). Each result is the relation as an EntityResponse whose other end is nested as an
 * EntityResponse and whose end pointing back at the entity is its id, as yente nests adjacent entities.
 * Relations that are not FtM relations (shared attributes, matches) are given as UnknownLink with the kind as role.
 */
import type { Entity } from '../../../model/entity.js';
import { toFtm } from '../../../model/ftm.js';
import type { Network, NetworkEdge, NetworkNode } from '../../../analyses/network/network.js';

type Nested = ReturnType<typeof nodeResponse>;
export interface AdjacentResult {
  id: string; caption: string; schema: string; properties: Record<string, (string | Nested)[]>; datasets: string[]; referents: string[];
  target: boolean; first_seen: null; last_seen: null;
}

export function nodeResponse(n: NetworkNode) {
  return {
    id: n.id, caption: n.caption, schema: n.schema as string, properties: { name: [n.caption], topics: n.topics } as Record<string, string[]>,
    datasets: n.datasets, referents: [] as string[], target: n.topics.includes('sanction'), first_seen: null, last_seen: null,
  };
}

/** The FtM relation schema and the (source, target) property names of a network edge. */
function relationOf(e: NetworkEdge): { schema: string; src: string; tgt: string; reverse: [string, string] } {
  if (e.type === 'ownership') return { schema: 'Ownership', src: 'owner', tgt: 'asset', reverse: ['ownershipOwner', 'ownershipAsset'] };
  if (e.type === 'directorship') return { schema: 'Directorship', src: 'director', tgt: 'organization', reverse: ['directorshipDirector', 'directorshipOrganization'] };
  return { schema: 'UnknownLink', src: 'subject', tgt: 'object', reverse: ['unknownLinkSubject', 'unknownLinkObject'] };
}

function edgeResult(net: Network, e: NetworkEdge, root: string): { prop: string; result: AdjacentResult } {
  const r = relationOf(e);
  const outgoing = e.source === root;
  const other = net.nodes.get(outgoing ? e.target : e.source)!;
  const props: AdjacentResult['properties'] = {
    [r.src]: [outgoing ? root : nodeResponse(other)],
    [r.tgt]: [outgoing ? nodeResponse(other) : root],
  };
  if (e.percentage !== undefined) props.percentage = [String(e.percentage)];
  if (r.schema === 'UnknownLink') props.role = [e.type === 'linked_to' ? 'Linked To' : e.type];
  props.notes = [`${e.evidence.value}${e.evidence.normalized ? ` (normalized: ${e.evidence.normalized})` : ''}; record ${e.evidence.record}${e.evidence.targetRecord ? ` and ${e.evidence.targetRecord}` : ''}; version ${e.version}`];
  return {
    prop: outgoing ? r.reverse[0] : r.reverse[1],
    result: { id: e.id, caption: e.type, schema: r.schema, properties: props, datasets: [e.version.split('@')[0]].filter(Boolean), referents: [], target: false, first_seen: null, last_seen: null },
  };
}

/** Every adjacent relation of `root`, grouped by reverse property (all of them; pagination is applied by the route). */
export function adjacentOf(net: Network, root: string, entity?: Entity): Map<string, AdjacentResult[]> {
  const out = new Map<string, AdjacentResult[]>();
  const push = (k: string, v: AdjacentResult) => { const l = out.get(k); if (l) l.push(v); else out.set(k, [v]); };
  if (entity) {
    for (const f of toFtm(entity)) {
      if (f.schema !== 'Sanction') continue;
      push('sanctions', { id: f.id, caption: f.properties.authority?.[0] ?? 'Sanction', schema: 'Sanction', properties: { ...f.properties, entity: [root] }, datasets: f.datasets ?? [], referents: [], target: false, first_seen: null, last_seen: null });
    }
  }
  for (const i of net.adjacency.get(root) ?? []) {
    const e = net.edges[i];
    if (e.source === e.target) continue;
    const { prop, result } = edgeResult(net, e, root);
    push(prop, result);
  }
  return out;
}

/** The FtM reverse properties an adjacent request may name. */
export const ADJACENT_PROPERTIES = ['sanctions', 'ownershipOwner', 'ownershipAsset', 'directorshipDirector', 'directorshipOrganization', 'unknownLinkSubject', 'unknownLinkObject'];
