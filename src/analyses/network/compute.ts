/**
 * The network results from the imported datasets and the lists: which imported entities are listed ones (matches),
 * and which are blocked by ownership under the OFAC 50 % rule, seeded with every listed entity.
 */
import type { IndexedEntity, ScreeningIndex } from '../screening/index/build.js';
import type { BlockedRow, ImportedRow, MatchRow, NetworkResults } from '../../store/datasets.js';
import { blockedByOwnership, OFAC_50_PERCENT_RULE_CITATION, OFAC_50_PERCENT_RULE_THRESHOLD } from './ownership.js';
import { edgeOf, ownershipFromRows, type ImportedEdge } from './imported.js';
import { matchRow } from './match-listed.js';

export interface NetworkInput {
  /** A screening index holding the listed entities (it may hold imported ones too: `listed` tells them apart). */
  index: ScreeningIndex;
  listed: (e: IndexedEntity) => boolean;
  /** Every imported row of every dataset (entities and edges). */
  rows: readonly ImportedRow[];
  /** Listed referents (`ofac-9345`, `un-KPe.001`) -> entity id. */
  referents: ReadonlyMap<string, string>;
  /** Ids of the blocked persons: every listed entity. */
  blocked: Iterable<string>;
  versions: string[];
}

/** How an imported id stands in the ownership graph: the listed entity it references or was matched to, or itself. */
export function resolver(referents: ReadonlyMap<string, string>, matches: readonly MatchRow[]): (id: string) => string {
  const used = new Map<string, string>();
  for (const m of matches) if (m.used && !used.has(m.id)) used.set(m.id, m.entity_id);
  return (id) => referents.get(id) ?? used.get(id) ?? id;
}

export function computeNetwork(input: NetworkInput): NetworkResults {
  const matches: MatchRow[] = [];
  for (const r of input.rows) matches.push(...matchRow(input.index, r, input.listed));
  const resolve = resolver(input.referents, matches);
  const edges = input.rows.map(edgeOf).filter((e): e is ImportedEdge => !!e);
  const own = ownershipFromRows(edges, resolve);
  const rule = blockedByOwnership(input.blocked, own);
  const datasetOf = new Map(input.rows.map((r) => [r.id, r.dataset]));
  // Each hop's stake (the largest stated, as the rule counts it) to show what a path adds up to.
  const stake = new Map<string, number>();
  for (const e of own) {
    const k = `${e.owner}\u0000${e.asset}`;
    if (e.percentage > (stake.get(k) ?? -1)) stake.set(k, e.percentage);
  }
  const stated = new Map(edges.map((e) => [e.id, e.source]));
  const blocked: BlockedRow[] = rule.blocked.filter((b) => datasetOf.has(b.id)).map((b) => ({
    id: b.id, dataset: datasetOf.get(b.id)!, aggregate: b.aggregate, round: b.round,
    // The owner as the file states it, when it stands for a listed entity (matched or referenced).
    contributions: b.contributions.map((c) => (stated.get(c.edge) && stated.get(c.edge) !== c.owner ? { ...c, statedOwner: stated.get(c.edge)! } : c)),
    paths: b.paths.map((nodes) => ({ nodes, percentages: nodes.slice(1).map((v, i) => stake.get(`${nodes[i]}\u0000${v}`) ?? 0) })),
  }));
  return {
    matches, blocked,
    state: {
      versions: input.versions, datasets: [...new Set(input.rows.map((r) => r.dataset))].sort(),
      threshold: OFAC_50_PERCENT_RULE_THRESHOLD, citation: OFAC_50_PERCENT_RULE_CITATION,
    },
  };
}
