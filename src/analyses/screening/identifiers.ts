import { propertyOf, type SchemaName } from '../../model/schema.js';

/**
 * Identifier keys for exact matching: `IMO 9134270` and `9134270` meet, `KKBCKPPY` and `KKBCKPPYXXX` meet.
 * The kind of an identifier comes from the schema (PropDef.idKind), so new identifier properties need no code.
 */
export function normalizeIdentifier(kind: string, raw: string): string | undefined {
  let v = raw.toUpperCase().replace(/[^A-Z0-9]/g, '');
  switch (kind) {
    case 'imo':
      v = v.replace(/^IMO/, '');
      return /^\d{7}$/.test(v) ? v : undefined;
    case 'mmsi':
      v = v.replace(/^MMSI/, '');
      return /^\d{9}$/.test(v) ? v : undefined;
    case 'bic':
      // BIC11 with the primary-office branch code XXX is the same institution as its BIC8.
      if (/^[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?$/.test(v)) return v.slice(0, 8) + (v.length === 11 && !v.endsWith('XXX') ? v.slice(8) : '');
      return undefined;
    default:
      return v.length >= 4 ? v : undefined;
  }
}

export interface IdentifierKey {
  kind: string;
  prop: string;
  value: string;
  raw: string;
}

/** IMO numbers carry a check digit: the sum of the first six digits times 7..2, mod 10, is the seventh. */
export function imoCheckDigitValid(digits: string): boolean {
  if (!/^\d{7}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 6; i++) sum += Number(digits[i]) * (7 - i);
  return sum % 10 === Number(digits[6]);
}

/** Every identifier a record's properties hold, as normalized keys. */
export function identifierKeys(schema: SchemaName, properties: Record<string, string[] | undefined>): IdentifierKey[] {
  const out: IdentifierKey[] = [];
  for (const [prop, values] of Object.entries(properties)) {
    const def = propertyOf(schema, prop) ?? propertyOf('Person', prop) ?? propertyOf('Vessel', prop);
    if (!def?.idKind || !values) continue;
    for (const raw of values) {
      const value = normalizeIdentifier(def.idKind, raw);
      if (value) out.push({ kind: def.idKind, prop, value, raw });
      // A vessel's registration number that is a valid IMO number (OFAC sometimes omits the "IMO" label).
      if (schema === 'Vessel' && def.idKind === 'registration' && value && imoCheckDigitValid(value)) out.push({ kind: 'imo', prop, value, raw });
    }
  }
  return out;
}

/** Identifier kinds strong enough to decide a match by themselves (globally unique registries). */
export const UNIQUE_IDENTIFIER_KINDS = new Set(['imo', 'mmsi', 'bic']);
