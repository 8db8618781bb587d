import type { SourceRecord } from '../../model/types.js';
import { propertyOf } from '../../model/schema.js';

const DATE = /^\d{4}(?:-\d{2}(?:-\d{2})?)?$/;
const COUNTRY = /^[a-z]{2}(?:-[a-z]{2,3})?$/;

/**
 * What is wrong with a parsed record, if anything: a property its schema does not define, a date or country
 * value in the wrong form, an empty value, a missing caption. Used by the parser tests; cheap enough to run
 * on every import.
 */
export function recordProblems(r: SourceRecord): string[] {
  const out: string[] = [];
  if (!r.caption) out.push(`${r.id}: no caption`);
  if (r.id !== `${r.id.split('-')[0]}-${r.recordId}`) out.push(`${r.id}: id does not end with the record id ${r.recordId}`);
  for (const [prop, values] of Object.entries(r.properties)) {
    const def = propertyOf(r.schema, prop);
    if (!def) {
      out.push(`${r.id}: ${r.schema} has no property "${prop}"`);
      continue;
    }
    for (const v of values) {
      if (!v || v !== v.trim()) out.push(`${r.id}: ${prop} value "${v}" is empty or untrimmed`);
      if (def.type === 'date' && !DATE.test(v)) out.push(`${r.id}: ${prop} "${v}" is not YYYY[-MM[-DD]]`);
      if (def.type === 'country' && !COUNTRY.test(v)) out.push(`${r.id}: ${prop} "${v}" is not a lower-case country code`);
    }
  }
  for (const s of r.sanctions) {
    if (s.listingDate && !DATE.test(s.listingDate)) out.push(`${r.id}: listingDate "${s.listingDate}"`);
  }
  return out;
}
