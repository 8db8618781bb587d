/**
 * Name linkage through the screening engine (analyses/screening): a broadcast AIS name is screened as a Vessel against
 * the designated Vessel entities of the in-memory index; candidates come back with the screening score, and linkage
 * keeps those at linkage.nameMinScore or above. Used by the API when its screening index is ready (the default
 * matcher compares identity keys exactly).
 */
import type { ScreeningIndex } from '../screening/index/build.js';
import { matchQuery } from '../screening/match.js';
import type { NameMatcher } from './linkage.js';

/** Candidates returned per name (the link keeps every one above the threshold). */
const CANDIDATES_PER_NAME = 5;

export function screeningNameMatcher(index: () => ScreeningIndex | undefined, minScore: number): NameMatcher {
  return (name) => {
    const ix = index();
    if (!ix || !name.trim()) return [];
    const out = matchQuery(ix, 'Vessel', { name: [name] }, { threshold: minScore, limit: CANDIDATES_PER_NAME, filter: (e) => e.schema === 'Vessel' });
    return out.results.filter((r) => r.score >= minScore).map((r) => ({ id: r.entity.id, score: r.score }));
  };
}
