/** The surname table (surnames.ts) indexed for name keys: by syllable key, and by customary spelling. */
import { hangulReading, type Reading } from './reading.js';
import { SURNAMES } from './surnames.js';

export interface SurnameCandidate {
  /** Hangul forms of the surname (DPRK first). */
  hangul: readonly string[];
  /** Its key, e.g. 'i' for 리/이, 'pak' for 박. */
  key: string;
  /** Frequency rank, 0 = most frequent. */
  rank: number;
}

interface SurnameIndex {
  byKey: Map<string, SurnameCandidate[]>;
  /** Customary spelling → the keys of the surnames it spells (Park → pak; Oh → o; Ahn → an). */
  bySpelling: Map<string, string[]>;
}

let index: SurnameIndex | undefined;

function surnameIndex(): SurnameIndex {
  if (index) return index;
  const byKey = new Map<string, SurnameCandidate[]>();
  const bySpelling = new Map<string, string[]>();
  SURNAMES.forEach((entry, rank) => {
    const key = hangulReading(entry.hangul[0]).key;
    const list = byKey.get(key) ?? [];
    list.push({ hangul: entry.hangul, key, rank });
    byKey.set(key, list);
    for (const spelling of entry.latin) {
      const keys = bySpelling.get(spelling) ?? [];
      if (!keys.includes(key)) keys.push(key);
      bySpelling.set(spelling, keys);
    }
  });
  return (index = { byKey, bySpelling });
}

/** The surnames a key stands for, most frequent first ([] if none). */
export function surnamesByKey(key: string): readonly SurnameCandidate[] {
  return surnameIndex().byKey.get(key) ?? [];
}

/** The surname keys a (folded) customary spelling stands for: park → [pak]. */
export function surnameKeysBySpelling(spelling: string): readonly string[] {
  return surnameIndex().bySpelling.get(spelling) ?? [];
}

/** The frequency rank of the most frequent surname a reading can be; Infinity when none. */
export function surnameRank(r: Reading): number {
  const found = surnameIndex().byKey.get(r.key);
  return found ? found[0].rank : Infinity;
}
