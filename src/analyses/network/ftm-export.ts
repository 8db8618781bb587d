/**
 * A neighbourhood as FollowTheMoney JSON lines: each node as an entity (caption, schema, topics, datasets), each
 * edge as an FtM relation: Ownership (owner, asset, percentage), Directorship (director, organization), and
 * UnknownLink (subject, object, role) for stated links, shared attributes and matches. The evidence (value,
 * record, version) goes in `notes`: only properties src/model/schema.ts defines are written.
 */
import type { FtmEntity } from '../../model/ftm.js';
import type { Neighbourhood, NetworkEdge } from './network.js';

function edgeEntity(e: NetworkEdge): FtmEntity {
  const notes = [`${e.type}: ${e.evidence.value}${e.evidence.normalized ? ` (normalized: ${e.evidence.normalized})` : ''}`, `record ${e.evidence.record}${e.evidence.targetRecord ? ` and ${e.evidence.targetRecord}` : ''}, version ${e.version}`];
  const datasets = [e.version.split('@')[0]].filter(Boolean);
  if (e.type === 'ownership') {
    return { id: e.id, schema: 'Ownership', properties: { owner: [e.source], asset: [e.target], ...(e.percentage !== undefined ? { percentage: [String(e.percentage)] } : {}), notes }, datasets };
  }
  if (e.type === 'directorship') return { id: e.id, schema: 'Directorship', properties: { director: [e.source], organization: [e.target], notes }, datasets };
  return { id: e.id, schema: 'UnknownLink', properties: { subject: [e.source], object: [e.target], role: [e.type === 'linked_to' ? 'Linked To' : e.type], notes }, datasets };
}

export function toFtmLines(n: Neighbourhood): string {
  const out: FtmEntity[] = [];
  for (const v of n.nodes) out.push({ id: v.id, schema: v.schema, caption: v.caption, properties: { name: [v.caption], topics: v.topics }, datasets: v.datasets });
  for (const e of n.edges) out.push(edgeEntity(e));
  return out.map((x) => JSON.stringify(x)).join('\n') + (out.length ? '\n' : '');
}
