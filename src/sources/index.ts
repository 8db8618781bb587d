import type { ListSource } from './types.js';
import { ofacSdn, ofacCons } from './ofac/index.js';
import { unSc } from './un/index.js';
import { ukHmt, ukFcdo } from './uk/index.js';
import { euFsf } from './eu/index.js';

/** Every sanctions list Chokepoint ingests, in import order. */
export const LIST_SOURCES: ListSource[] = [ofacSdn, ofacCons, unSc, ukHmt, ukFcdo, euFsf];

export function sourceByName(name: string): ListSource | undefined {
  return LIST_SOURCES.find((s) => s.name === name);
}
