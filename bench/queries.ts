/**
 * Query generators for screening benchmarks: names taken from the index and varied (typos, dropped or swapped
 * tokens), plus invented names that should not match. Deterministic for a seed.
 */
import type { ScreeningIndex } from '../src/analyses/screening/index/build.js';
import { prng } from './stats.js';

/** The benchmarks' deterministic PRNG, under the name the query generator uses. */
export const rng = prng;


const SYLLABLES = ['an', 'be', 'chen', 'dor', 'el', 'fa', 'gul', 'han', 'ivo', 'jo', 'kar', 'lin', 'mar', 'nov', 'ol', 'pet', 'ros', 'sun', 'tan', 'vik', 'wen', 'yan', 'zor'];

function typo(word: string, r: () => number): string {
  if (word.length < 4) return word;
  const i = 1 + Math.floor(r() * (word.length - 2));
  const kind = Math.floor(r() * 3);
  if (kind === 0) return word.slice(0, i) + word.slice(i + 1);
  if (kind === 1) return word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
  return word.slice(0, i) + 'aeiou'[Math.floor(r() * 5)] + word.slice(i + 1);
}

export interface BenchQuery {
  schema: 'Person' | 'Company' | 'Organization' | 'Vessel' | 'LegalEntity';
  name: string;
}

/** n queries: half variants of listed names, half invented names. */
export function generateQueries(index: ScreeningIndex, n: number, seed = 42): BenchQuery[] {
  const r = rng(seed);
  const out: BenchQuery[] = [];
  const listed = index.entities.filter((e) => e.prepared.names.length);
  for (let i = 0; i < n; i++) {
    if (i % 2 === 0) {
      const e = listed[Math.floor(r() * listed.length)];
      const names = e.prepared.names;
      const words = names[Math.floor(r() * names.length)].form.raw.split(/\s+/);
      const varied = words.map((w) => (r() < 0.3 ? typo(w, r) : w));
      if (varied.length > 2 && r() < 0.3) varied.reverse();
      const schema = e.schema === 'Person' || e.schema === 'Vessel' ? e.schema : 'LegalEntity';
      out.push({ schema, name: varied.join(' ') });
    } else {
      const words = Array.from({ length: 2 + Math.floor(r() * 2) }, () =>
        Array.from({ length: 1 + Math.floor(r() * 2) }, () => SYLLABLES[Math.floor(r() * SYLLABLES.length)]).join(''));
      out.push({ schema: r() < 0.6 ? 'Person' : 'Company', name: words.join(' ') });
    }
  }
  return out;
}
