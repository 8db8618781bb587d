/**
 * Front-company candidates: unlisted (imported) organisations ranked by their ties to designated parties, each tie
 * with its evidence (the edge, its record and version, the designated party), scored by front-company-rules.ts.
 *
 * Designated = a listed entity, or an imported entity matched to one (`same_as`). Candidates already blocked by
 * ownership are not candidates (the 50 % rule decides them); they are counted apart.
 */
import type { SchemaName } from '../../model/schema.js';
import type { ImportedRow } from '../../store/datasets.js';
import { normalizeText } from './graph.js';
import type { Network, NetworkEdge, NetworkNode } from './network.js';
import { combineTies, FRONT_COMPANY_RULES, type TieKind } from './front-company-rules.js';

/** A maritime event as far as the ranking needs it (the pinned JSON Lines record, or a stored event). */
export interface MaritimeEventRef {
  id: string;
  type: string;
  mmsi: number[];
  imo: number[];
  start: string;
}

export interface Tie {
  kind: TieKind;
  weight: number;
  /** Whether it counted (at most `max` ties of a kind count). */
  counted: boolean;
  designated?: { id: string; caption: string };
  /** The party the tie runs through: the officer, the vessel. */
  via?: { id: string; caption: string };
  evidence: { type: string; record: string; version: string; value: string; event?: MaritimeEventRef };
}

export interface FrontCompanyCandidate {
  id: string;
  caption: string;
  schema: string;
  dataset: string;
  score: number;
  ties: Tie[];
}

export interface FrontCompanyRanking {
  rules: { version: number; combine: string; minScore: number; weights: Record<string, number> };
  candidates: FrontCompanyCandidate[];
  /** Organisations considered, and those left out because the 50 % rule already blocks them. */
  considered: number;
  blockedByOwnership: string[];
}

export interface FrontCompanyOptions {
  /** Imported rows (properties: previous names, vessel identifiers). */
  rows: readonly ImportedRow[];
  /** Designated names: a previous name -> the designated entity it is, or undefined (screening engine or exact). */
  designatedName?: (name: string, schema: SchemaName) => { id: string; score: number } | undefined;
  events?: readonly MaritimeEventRef[];
  rules?: typeof FRONT_COMPANY_RULES;
}

const SHARED: Record<string, TieKind> = {
  shared_address: 'shared_address', shared_phone: 'shared_phone', shared_email: 'shared_email',
  shared_website: 'shared_website', shared_identifier: 'shared_identifier',
};

/** Exact designated names (normalized) -> entity id: the fallback for `designatedName`. */
export function exactNames(names: Iterable<[string, string]>): (name: string) => { id: string; score: number } | undefined {
  const m = new Map<string, string>();
  for (const [name, id] of names) { const k = normalizeText(name); if (k && !m.has(k)) m.set(k, id); }
  return (name) => {
    const id = m.get(normalizeText(name));
    return id ? { id, score: 1 } : undefined;
  };
}

export function rankFrontCompanies(net: Network, opts: FrontCompanyOptions): FrontCompanyRanking {
  const rules = opts.rules ?? FRONT_COMPANY_RULES;
  const rows = new Map(opts.rows.map((r) => [r.id, r]));
  const sameAs = new Map<string, string>();
  for (const e of net.edges) if (e.type === 'same_as') sameAs.set(e.source, e.target);
  const designated = (id: string): string | undefined => (net.nodes.get(id)?.kind === 'listed' ? id : sameAs.get(id));
  const node = (id: string) => net.nodes.get(id);
  const ref = (id: string) => ({ id, caption: node(id)?.caption ?? id });
  const ev = (e: NetworkEdge) => ({ type: e.type, record: e.evidence.record, version: e.version, value: e.evidence.value });
  const other = (e: NetworkEdge, id: string) => (e.source === id ? e.target : e.source);
  const edgesOf = (id: string) => (net.adjacency.get(id) ?? []).map((i) => net.edges[i]);

  const eventsByVessel = (v: string): MaritimeEventRef[] => {
    const r = rows.get(v);
    if (!r || !opts.events?.length) return [];
    const imos = new Set((r.properties.imoNumber ?? []).map((x) => Number(x.replace(/\D/g, ''))).filter(Boolean));
    const mmsis = new Set((r.properties.mmsi ?? []).map((x) => Number(x.replace(/\D/g, ''))).filter(Boolean));
    return opts.events.filter((x) => x.imo.some((i) => imos.has(i)) || x.mmsi.some((m) => mmsis.has(m)));
  };

  const candidates: FrontCompanyCandidate[] = [];
  const blocked: string[] = [];
  let considered = 0;
  for (const n of net.nodes.values()) {
    if (n.kind !== 'imported' || !rules.schemata.includes(n.schema) || designated(n.id)) continue;
    considered++;
    if (net.blocked.has(n.id)) { blocked.push(n.id); continue; }
    const ties: Omit<Tie, 'weight' | 'counted'>[] = [];
    for (const e of edgesOf(n.id)) {
      const o = other(e, n.id);
      const d = designated(o);
      if (SHARED[e.type] && d) ties.push({ kind: SHARED[e.type], designated: ref(d), ...(o !== d ? { via: ref(o) } : {}), evidence: ev(e) });
      else if (e.type === 'ownership' && e.target === n.id && d) ties.push({ kind: 'minority_owned_by_designated', designated: ref(d), evidence: ev(e) });
      else if (e.type === 'unknown_link' && d && node(o)?.schema !== 'Vessel') ties.push({ kind: 'stated_link', designated: ref(d), ...(o !== d ? { via: ref(o) } : {}), evidence: ev(e) });
      else if (e.type === 'directorship' && e.target === n.id) {
        const officer = e.source;
        const od = designated(officer);
        if (od) { ties.push({ kind: 'designated_officer', designated: ref(od), via: ref(officer), evidence: ev(e) }); continue; }
        for (const e2 of edgesOf(officer)) {
          if (e2.type !== 'directorship' || e2.source !== officer || e2.target === n.id) continue;
          const d2 = designated(e2.target);
          if (d2) ties.push({ kind: 'common_officer', designated: ref(d2), via: ref(officer), evidence: { ...ev(e2), value: `${ref(officer).caption} is an officer of both (${e.evidence.record}, ${e2.evidence.record})` } });
        }
      }
      // Vessels it owns (Ownership to a Vessel) or manages/operates (a relation to a Vessel).
      if ((e.type === 'ownership' || e.type === 'unknown_link') && e.source === n.id && node(o)?.schema === 'Vessel') {
        if (d) ties.push({ kind: 'owns_designated_vessel', designated: ref(d), via: ref(o), evidence: ev(e) });
        for (const x of eventsByVessel(o)) ties.push({ kind: 'vessel_in_maritime_event', via: ref(o), evidence: { ...ev(e), value: `${x.type} from ${x.start} (event ${x.id})`, event: x } });
      }
    }
    const r = rows.get(n.id);
    for (const pn of r?.properties.previousName ?? []) {
      const hit = opts.designatedName?.(pn, n.schema);
      if (hit) ties.push({ kind: 'former_designated_name', designated: ref(hit.id), evidence: { type: 'previousName', record: `${n.datasets[0]}:${n.id}`, version: n.version ?? '', value: `former name "${pn}" = designated "${ref(hit.id).caption}" (score ${hit.score})` } });
    }
    if (!ties.length) continue;
    // Strongest first, so the ties that count are the strongest of each kind.
    ties.sort((a, b) => rules.ties[b.kind].weight - rules.ties[a.kind].weight || a.kind.localeCompare(b.kind));
    const perKind = new Map<TieKind, number>();
    const full: Tie[] = ties.map((t) => {
      const c = (perKind.get(t.kind) ?? 0) + 1;
      perKind.set(t.kind, c);
      return { ...t, weight: rules.ties[t.kind].weight, counted: c <= rules.ties[t.kind].max };
    });
    const score = combineTies(ties.map((t) => t.kind), rules);
    if (score < rules.minScore) continue;
    candidates.push({ id: n.id, caption: n.caption, schema: n.schema, dataset: n.datasets[0] ?? '', score, ties: full });
  }
  candidates.sort((a, b) => b.score - a.score || b.ties.length - a.ties.length || a.id.localeCompare(b.id));
  return {
    rules: { version: rules.version, combine: rules.combine, minScore: rules.minScore, weights: Object.fromEntries(Object.entries(rules.ties).map(([k, v]) => [k, v.weight])) },
    candidates, considered, blockedByOwnership: blocked.sort(),
  };
}

export type { NetworkNode };
