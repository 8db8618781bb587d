/**
 * The 50 % rule's result in words: the figure, and each ownership path with its stakes, so a reader can add the
 * direct stakes of blocked owners up to the aggregate.
 */
import type { BlockedRow } from '../../store/datasets.js';
import { OFAC_50_PERCENT_RULE_CITATION, OFAC_50_PERCENT_RULE_THRESHOLD } from './ownership.js';

export interface OwnershipExplanation {
  rule: 'ofac_50_percent';
  threshold: number;
  citation: string;
  /** Percent held in the aggregate by blocked owners. */
  aggregate: number;
  /** Propagation round (1 = owned directly by listed entities). */
  round: number;
  /** Each blocked owner's direct stake: these add up to `aggregate`. */
  contributions: (BlockedRow['contributions'][number] & { caption: string })[];
  paths: { nodes: { id: string; caption: string }[]; percentages: number[]; text: string }[];
  summary: string;
}

const pct = (n: number) => `${Math.round(n * 100) / 100} %`;

export function explainBlocked(b: BlockedRow, caption: (id: string) => string | undefined): OwnershipExplanation {
  const cap = (id: string) => caption(id) ?? id;
  const contributions = b.contributions.map((c) => ({ ...c, caption: cap(c.owner) }));
  const paths = b.paths.map((p) => ({
    nodes: p.nodes.map((id) => ({ id, caption: cap(id) })),
    percentages: p.percentages,
    text: p.nodes.map((id, i) => (i === 0 ? `${cap(id)} (${id})` : ` -[${pct(p.percentages[i - 1])}]-> ${cap(id)} (${id})`)).join(''),
  }));
  const sum = contributions.map((c) => `${pct(c.percentage)} by ${c.caption} (${c.owner}${c.statedOwner ? `, stated as ${c.statedOwner}` : ''})`).join(' + ');
  return {
    rule: 'ofac_50_percent', threshold: OFAC_50_PERCENT_RULE_THRESHOLD, citation: OFAC_50_PERCENT_RULE_CITATION,
    aggregate: b.aggregate, round: b.round, contributions, paths,
    summary: `Blocked by ownership (OFAC 50 % rule): owned ${pct(b.aggregate)} in the aggregate by blocked persons: ${sum}. `
      + `Paths: ${paths.map((p) => p.text).join('; ')}.`,
  };
}
