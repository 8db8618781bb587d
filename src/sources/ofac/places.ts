import { countryCode } from '../../model/countries.js';
import type { Observations } from './draft.js';

/** What OFAC writes where no country is known: not a country, and not worth a warning. */
const UNSTATED = /^(?:undetermined|none identified|unknown)$/i;

/**
 * The ISO code of a country as OFAC writes it. Areas come as `Region: Gaza`: the whole phrase is tried,
 * then the area's own name.
 */
export function placeCode(name: string): string | undefined {
  if (known.has(name)) return known.get(name);
  const code = countryCode(name) ?? countryCode(name.replace(/:/g, '')) ?? countryCode(name.replace(/^Region:\s*/i, ''));
  known.set(name, code);
  return code;
}

/** Answers by the name as written: the same few hundred spellings recur thousands of times. */
const known = new Map<string, string | undefined>();

/** placeCode, recording a name the country table does not know (so the table can be extended). */
export function countryOf(name: string, observations: Observations): string | undefined {
  const code = placeCode(name);
  if (!code && !UNSTATED.test(name.trim())) observations.unknownCountry(name);
  return code;
}
