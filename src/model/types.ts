import type { SchemaName } from './schema.js';

/** Property values keyed by FtM property name. Countries are ISO 3166-1 alpha-2 in lower case ('kp'). */
export type Properties = Record<string, string[]>;

/** A sanction programme entry as the list states it. */
export interface SanctionInfo {
  authority: string;          // 'OFAC', 'UN Security Council', 'HM Treasury', 'EU' ...
  programs: string[];         // 'DPRK3', 'NPWMD', 'DPRK' (UN list type) ...
  listingDate?: string;       // YYYY-MM-DD when the list states it (UN LISTED_ON)
  reason?: string;
  /** Free-text notes that matter legally, e.g. OFAC secondary-sanctions risk statements. */
  provisions?: string[];
}

/** A relation a source record states to another party, resolved to an entity later. */
export interface StatedLink {
  /** 'linked_to' (OFAC Linked To:), 'owner', 'operator', 'associate', ... */
  type: string;
  /** The target as written in the list (a name), and its record id when the list gives one. */
  targetName?: string;
  targetRecordId?: string;
  note?: string;
}

/**
 * One record of one list version, as the source states it. Stable id = `${prefix}-${recordId}`
 * (`ofac-17069`, `un-KPe.001`). Provenance of every value is the record itself: source, version, recordId.
 */
export interface SourceRecord {
  id: string;
  source: string;
  recordId: string;
  schema: SchemaName;
  caption: string;
  properties: Properties;
  sanctions: SanctionInfo[];
  links: StatedLink[];
  /** Where the record starts in the primary file (1-based), for error messages and evidence. */
  line?: number;
}

export interface Provenance {
  source: string;
  version: string;
  recordId: string;
}

/** Adds a value to a multi-valued property, skipping empties and duplicates. */
export function addValue(props: Properties, prop: string, value: string | undefined | null): void {
  if (value === undefined || value === null) return;
  const v = value.replace(/\s+/g, ' ').trim();
  if (!v) return;
  const list = props[prop] ?? (props[prop] = []);
  if (!list.includes(v)) list.push(v);
}
