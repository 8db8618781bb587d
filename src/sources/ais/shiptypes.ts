/**
 * AIS "type of ship and cargo" codes (ITU-R M.1371, message 5 field 'Type of ship and cargo type') in plain words.
 * Only the category is given ('Tanker', not 'Tanker, hazardous category A'): the second digit of 20-29 and 40-99
 * tells the hazardous-cargo category, which the screening layers do not use.
 */

/** Codes with a name of their own (the 30s and 50s). */
const SPECIAL_TYPES: Readonly<Record<number, string>> = {
  30: 'Fishing',
  31: 'Towing',
  32: 'Towing (large)',
  33: 'Dredging or underwater operations',
  34: 'Diving operations',
  35: 'Military operations',
  36: 'Sailing',
  37: 'Pleasure craft',
  50: 'Pilot vessel',
  51: 'Search and rescue vessel',
  52: 'Tug',
  53: 'Port tender',
  54: 'Anti-pollution equipment',
  55: 'Law enforcement',
  56: 'Local vessel',
  57: 'Local vessel',
  58: 'Medical transport',
  59: 'Noncombatant ship (RR Resolution No. 18)',
};

/** Codes named by their first digit (20-29, 40-49, 60-99). */
const DECADE_TYPES: Readonly<Record<number, string>> = {
  2: 'Wing in ground',
  4: 'High-speed craft',
  6: 'Passenger',
  7: 'Cargo',
  8: 'Tanker',
  9: 'Other',
};

const NOT_AVAILABLE = 0;
const LAST_DEFINED_CODE = 99;
const DECADE = 10;

/** Plain words for a ship type code; undefined for 0 (not available); 'Reserved' for unallocated codes. */
export function shipTypeText(code: number): string | undefined {
  if (code === NOT_AVAILABLE) return undefined;
  if (code > LAST_DEFINED_CODE) return 'Reserved';
  return SPECIAL_TYPES[code] ?? DECADE_TYPES[Math.floor(code / DECADE)] ?? 'Reserved';
}
