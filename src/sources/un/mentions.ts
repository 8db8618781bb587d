import { UN_REFERENCE_IN_TEXT } from './fields.js';

/**
 * Facts the UN states inside free text: IMO company numbers and references to other listed records.
 *
 * IMO COMPANY NUMBERS. Sixteen DPRK entities (2024 on; three before) end their COMMENTS1 with 'IMO number:
 * 5342883' or 'Company Number IMO 5434358'. These are IMO *company* numbers (the IMO Unique Company and
 * Registered Owner Identification Number, issued to ship owners and managers), not ship numbers: the UN
 * consolidated list holds no vessels. They are stored as `imoNumber` on the Organization, deliberately:
 *   - the FtM-compatible schema defines `imoNumber` on LegalEntity for exactly this number (a ship's number is
 *     Vessel.imoNumber), so the schema of the record tells company and ship numbers apart;
 *   - its idKind is 'imo', so the screening index matches a query 'IMO 5342883' (as written in Equasis or a
 *     ship's registry papers for the registered owner) to the company, and merge.ts joins the company's records
 *     across lists on it (a Vessel never merges with an Organization: commonSchema refuses);
 *   - registrationNumber would file it with corporate-registry numbers under idKind 'registration', where an
 *     IMO search would not look.
 * A note on the record says what the number is. Caveat: the pattern cannot tell a company number from a ship's
 * number quoted in an entity's comments; every match in the staged files (2018-2026) is a company number.
 */
const IMO_IN_TEXT = /\bIMO\b\)?[^0-9.;]{0,16}?(\d{7})\b/gi;

export function imoCompanyNumbers(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(IMO_IN_TEXT)) if (!out.includes(m[1])) out.push(m[1]);
  return out;
}

export function imoCompanyNote(imo: string): string {
  return `IMO company number ${imo} (stated in the UN comments; the number of the company as registered ship owner or manager, not of a ship)`;
}

/** 'KPE.018' -> 'KPe.018': the UN's own spelling of reference numbers. */
export function normalizeReference(country: string, kind: string, num: string): string {
  return `${country.toUpperCase()}${kind.toLowerCase()}.${num}`;
}

export interface ReferenceMention {
  recordId: string;
  /** The sentence that cites it. */
  sentence: string;
}

/** Other records cited by reference number in `text` (not `self`), with the sentence around each. */
export function referenceMentions(text: string, self: string): ReferenceMention[] {
  const out: ReferenceMention[] = [];
  for (const m of text.matchAll(UN_REFERENCE_IN_TEXT)) {
    const recordId = normalizeReference(m[1], m[2], m[3]);
    if (recordId === self || out.some((o) => o.recordId === recordId)) continue;
    out.push({ recordId, sentence: sentenceAround(text, m.index ?? 0) });
  }
  return out;
}

function sentenceAround(text: string, at: number): string {
  // Sentence ends: '. ' followed by a capital, or a line end. Abbreviations ('No. 39') may cut a sentence short.
  let start = 0;
  for (const m of text.slice(0, at).matchAll(/[.;]\s+(?=[A-Z(])/g)) start = (m.index ?? 0) + m[0].length;
  const after = /[.;](?:\s|$)/.exec(text.slice(at));
  const end = after ? at + after.index + 1 : text.length;
  const s = text.slice(start, end).replace(/\s+/g, ' ').trim();
  return s.length > 300 ? `${s.slice(0, 297)}...` : s;
}

/** Removes '(KPE.018)'-style references from a name: the UN sometimes cites the related record in an alias. */
export function withoutReferences(name: string): string {
  return name.replace(/\s*\(\s*[A-Z]{2}[ie]\.\d{3}\s*\)/gi, '').trim();
}
