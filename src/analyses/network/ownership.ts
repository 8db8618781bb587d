/**
 * The OFAC 50 % rule as a pure function.
 *
 * OFAC, "Revised Guidance on Entities Owned by Persons Whose Property and Interests in Property Are Blocked",
 * August 13, 2014: an entity owned 50 % or more in the aggregate, directly or indirectly, by one or more blocked
 * persons is itself blocked. Indirect ownership counts only through entities that are themselves blocked: a
 * blocked person's 40 % of an unblocked B does not make B's 100 % of C a blocked holding.
 *
 * Percentages are numbers in percent (0..100), as FtM's Ownership.percentage holds them: '50' is fifty percent,
 * '0.5' is half of one percent (see parsePercentage).
 *
 * Algorithm: a work-list fixed point over a CSR adjacency (owner -> asset edges in typed arrays). Each entity is
 * blocked at most once and each owner's out-edges are scanned once, when the owner becomes blocked, so the run is
 * O(entities + edges) and terminates on cycles. Duplicate edges for one owner/asset pair (the same stake stated by
 * two records) count once, at their largest percentage.
 */

/** OFAC's threshold, as a fraction, inclusive ("50 percent or more"). Source: OFAC Revised Guidance, 13 Aug 2014. */
export const OFAC_50_PERCENT_RULE_THRESHOLD = 0.5;
export const OFAC_50_PERCENT_RULE_CITATION =
  'OFAC, "Revised Guidance on Entities Owned by Persons Whose Property and Interests in Property Are Blocked", August 13, 2014';

/** Float tolerance on percent sums (33.33 + 16.67 must reach 50). */
const EPS = 1e-9;

export interface OwnershipEdge {
  /** Id of the Ownership statement/edge. */
  id: string;
  owner: string;
  asset: string;
  /** In percent, 0..100. */
  percentage: number;
  /** Where the edge comes from: a record id or dataset. */
  source: string;
}

/** A blocked owner's stake counted into an entity's aggregate. */
export interface Contribution {
  owner: string;
  percentage: number;
  edge: string;
  source: string;
}

export interface BlockedByOwnership {
  id: string;
  /** Aggregate percentage held by blocked owners once the fixed point is reached (may exceed what made it blocked). */
  aggregate: number;
  /** Propagation round in which it became blocked (1 = directly owned by seeds). */
  round: number;
  /** Every blocked owner's direct stake in it. */
  contributions: Contribution[];
  /**
   * Ownership paths from a seed (blocked person) to this entity, each a list of entity ids seed-first,
   * through owners blocked in earlier rounds only (so paths are acyclic). Capped at `maxPaths`.
   */
  paths: string[][];
}

export interface OwnershipOptions {
  /** Fraction, inclusive. Default OFAC_50_PERCENT_RULE_THRESHOLD. */
  threshold?: number;
  /** Paths to keep per entity (default 20); 0 skips path explanation. */
  maxPaths?: number;
}

export interface OwnershipResult {
  threshold: number;
  citation: string;
  /** Entities blocked by ownership (seeds excluded), in the order they became blocked. */
  blocked: BlockedByOwnership[];
}

/** Low-level result over dense indexes (for the benchmark and for callers that already hold indexes). */
export interface IndexedOwnershipResult {
  /** 0 not blocked, 1 seed, r+1 blocked by ownership in round r. */
  state: Int32Array;
  /** Aggregate blocked percentage per node. */
  aggregate: Float64Array;
  /** Nodes blocked by ownership, in blocking order. */
  order: Int32Array;
}

/**
 * The fixed point over dense indexes: nodes 0..n-1; edge k goes owner[k] -> asset[k] with pct[k] percent.
 * Seeds are the blocked persons.
 */
export function propagateIndexed(
  n: number, owner: Int32Array, asset: Int32Array, pct: Float64Array, seeds: ArrayLike<number>, threshold = OFAC_50_PERCENT_RULE_THRESHOLD,
): IndexedOwnershipResult {
  const m = owner.length;
  const limit = threshold * 100 - EPS;
  // CSR by owner.
  const start = new Int32Array(n + 1);
  for (let k = 0; k < m; k++) start[owner[k] + 1]++;
  for (let i = 0; i < n; i++) start[i + 1] += start[i];
  const fill = start.slice(0, n);
  const adjAsset = new Int32Array(m);
  const adjPct = new Float64Array(m);
  for (let k = 0; k < m; k++) {
    const p = fill[owner[k]]++;
    adjAsset[p] = asset[k];
    adjPct[p] = pct[k];
  }
  const state = new Int32Array(n);
  const aggregate = new Float64Array(n);
  const scratch = new Float64Array(n).fill(-1);
  const queue = new Int32Array(n);
  let head = 0;
  let tail = 0;
  for (let i = 0; i < seeds.length; i++) {
    const s = seeds[i];
    if (state[s] === 0) { state[s] = 1; queue[tail++] = s; }
  }
  const orderStart = tail;
  // Rounds: process the queue level by level so `state` records the round.
  let round = 1;
  while (head < tail) {
    const levelEnd = tail;
    for (; head < levelEnd; head++) {
      const u = queue[head];
      const a = start[u];
      const b = start[u + 1];
      // Largest stake per asset from this owner (duplicates count once).
      for (let e = a; e < b; e++) {
        const v = adjAsset[e];
        if (adjPct[e] > scratch[v]) scratch[v] = adjPct[e];
      }
      for (let e = a; e < b; e++) {
        const v = adjAsset[e];
        const s = scratch[v];
        if (s < 0) continue;
        scratch[v] = -1;
        if (v === u) continue; // self-ownership adds nothing
        aggregate[v] += s;
        if (state[v] === 0 && aggregate[v] >= limit) {
          state[v] = round + 1;
          queue[tail++] = v;
        }
      }
    }
    round++;
  }
  return { state, aggregate, order: queue.slice(orderStart, tail) };
}

/**
 * FtM percentage -> number in percent, or undefined when it is not one.
 * Accepted: '50', '50.5', '50%', ' 50 % ', '50,5' (decimal comma). '0.5' is 0.5 percent, not a half:
 * FtM states percentages in percent. Values outside 0..100 are refused.
 */
export function parsePercentage(value: string | number): number | undefined {
  let n: number;
  if (typeof value === 'number') n = value;
  else {
    const s = value.trim().replace(/\s*%$/, '').replace(/^(\d+),(\d+)$/, '$1.$2');
    if (!/^[+]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(s)) return undefined;
    n = Number(s);
  }
  if (!Number.isFinite(n) || n < 0 || n > 100) return undefined;
  return n;
}

/**
 * Ownership edges with their entity ids mapped to dense indexes: build once, run the rule for many seed sets.
 * (Mapping string ids is the dominant cost at scale: see bench/ownership.bench.ts.)
 */
export interface OwnershipIndex {
  ids: string[];
  index: Map<string, number>;
  edges: readonly OwnershipEdge[];
  owner: Int32Array;
  asset: Int32Array;
  /** Percent, clamped to 0..100 (non-numbers count as 0). */
  pct: Float64Array;
}

export function indexOwnership(edges: readonly OwnershipEdge[]): OwnershipIndex {
  const index = new Map<string, number>();
  const ids: string[] = [];
  const idx = (id: string) => {
    let i = index.get(id);
    if (i === undefined) { i = ids.length; index.set(id, i); ids.push(id); }
    return i;
  };
  const m = edges.length;
  const owner = new Int32Array(m);
  const asset = new Int32Array(m);
  const pct = new Float64Array(m);
  for (let k = 0; k < m; k++) {
    const e = edges[k];
    owner[k] = idx(e.owner);
    asset[k] = idx(e.asset);
    const p = e.percentage;
    pct[k] = Number.isFinite(p) && p > 0 ? Math.min(p, 100) : 0;
  }
  return { ids, index, edges, owner, asset, pct };
}

/**
 * The OFAC 50 % rule: every entity blocked by ownership, with its aggregate figure and the paths explaining it.
 * `edges` may be an OwnershipIndex built once with indexOwnership. Seeds absent from every edge are ignored.
 */
export function blockedByOwnership(
  blockedIds: Iterable<string>, edges: readonly OwnershipEdge[] | OwnershipIndex, opts: OwnershipOptions = {},
): OwnershipResult {
  const threshold = opts.threshold ?? OFAC_50_PERCENT_RULE_THRESHOLD;
  const maxPaths = opts.maxPaths ?? 20;
  const g = Array.isArray(edges) ? indexOwnership(edges as readonly OwnershipEdge[]) : (edges as OwnershipIndex);
  const { ids, owner, asset, pct } = g;
  const m = owner.length;
  const seeds: number[] = [];
  for (const id of blockedIds) {
    const i = g.index.get(id);
    if (i !== undefined) seeds.push(i);
  }
  const r = propagateIndexed(ids.length, owner, asset, pct, seeds, threshold);

  // Contributions: edges whose owner ended blocked, into assets blocked by ownership.
  const contrib = new Map<number, number[]>();
  for (let k = 0; k < m; k++) {
    if (r.state[owner[k]] === 0 || r.state[asset[k]] < 2 || owner[k] === asset[k] || pct[k] <= 0) continue;
    let l = contrib.get(asset[k]);
    if (!l) contrib.set(asset[k], (l = []));
    l.push(k);
  }
  const pathsOf = new Map<number, number[][]>();
  const paths = (v: number): number[][] => {
    if (r.state[v] === 1) return [[v]];
    const known = pathsOf.get(v);
    if (known) return known;
    const out: number[][] = [];
    // Through owners blocked in earlier rounds only: acyclic, and enough to reach the threshold.
    const ks = (contrib.get(v) ?? []).filter((k) => r.state[owner[k]] < r.state[v]).sort((a, b) => pct[b] - pct[a]);
    const seenOwner = new Set<number>();
    for (const k of ks) {
      if (seenOwner.has(owner[k])) continue;
      seenOwner.add(owner[k]);
      for (const p of paths(owner[k])) {
        if (out.length >= maxPaths) break;
        out.push([...p, v]);
      }
      if (out.length >= maxPaths) break;
    }
    pathsOf.set(v, out);
    return out;
  };

  const blocked: BlockedByOwnership[] = [];
  for (const v of r.order) {
    const contributions = (contrib.get(v) ?? []).map((k) => ({
      owner: ids[owner[k]], percentage: pct[k], edge: g.edges[k].id, source: g.edges[k].source,
    }));
    blocked.push({
      id: ids[v],
      aggregate: Math.round(r.aggregate[v] * 1e6) / 1e6,
      round: r.state[v] - 1,
      contributions,
      paths: maxPaths > 0 ? paths(v).map((p) => p.map((i) => ids[i])) : [],
    });
  }
  return { threshold, citation: OFAC_50_PERCENT_RULE_CITATION, blocked };
}
