/** A reading of a word: the keys of its syllables (syllable-key.ts), and those joined by '-'. */
import { decompose } from './jamo.js';
import { jamoKey } from './syllable-key.js';

export interface Reading {
  syllables: readonly string[];
  /** The syllables joined by '-', e.g. 'cong-un'. */
  key: string;
}

export const reading = (syllables: readonly string[]): Reading => ({ syllables, key: syllables.join('-') });

export function concat(a: Reading, b: Reading): Reading {
  if (a.syllables.length === 0) return b;
  return { syllables: [...a.syllables, ...b.syllables], key: `${a.key}-${b.key}` };
}

/** The one reading of a Hangul word (non-syllables skipped). */
export function hangulReading(word: string): Reading {
  const out: string[] = [];
  for (const ch of word) {
    const j = decompose(ch);
    if (j) out.push(jamoKey(j));
  }
  return reading(out);
}
