import type { IndexedEntity } from '../../analyses/screening/index/build.js';
import type { MatchResult } from '../../analyses/screening/match.js';
import type { Explanation } from '../../analyses/screening/score.js';
import type { Entity } from '../../model/entity.js';

/** yente's EntityResponse: the entity's FtM properties (plus topics), datasets, referents and dates. */
export function entityResponse(e: IndexedEntity | Entity) {
  return {
    id: e.id, caption: e.caption, schema: e.schema as string,
    properties: { ...e.properties, topics: e.topics }, datasets: e.datasets, referents: e.referents,
    target: e.topics.includes('sanction'), first_seen: e.firstSeen ?? null, last_seen: e.lastSeen ?? null,
  };
}

/** Feature scores by name, as yente's `features`. */
export function features(explanations: Record<string, Explanation>): Record<string, number> {
  return Object.fromEntries(Object.entries(explanations).map(([k, x]) => [k, x.score]));
}

/** One scored result: the entity, its score, the decision and the explanation of each feature. */
export function scoredResponse(r: MatchResult) {
  return { ...entityResponse(r.entity), score: r.score, match: r.match, explanations: r.explanations, features: features(r.explanations) };
}
