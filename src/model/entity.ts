import type { SchemaName } from './schema.js';
import type { Properties, SanctionInfo } from './types.js';
import type { DprkReason } from './dprk.js';

/** One value of one property, with where it comes from: the provenance of every value. */
export interface Statement {
  prop: string;
  value: string;
  record: string;
  dataset: string;
  version: string;
}

export interface EntitySanction extends SanctionInfo {
  record: string;
  dataset: string;
  version: string;
}

export interface EntityRecord {
  id: string;
  source: string;
  dataset: string;
  /** 'ofac@2024-05-03' */
  version: string;
  versionId?: number;
}

/** A stated relation resolved (where possible) to an entity. */
export interface EntityLink {
  type: string;
  record: string;
  targetName?: string;
  /** Entity id the target resolved to, when it did unambiguously. */
  target?: string;
  note?: string;
}

/** Merge rules, strongest first (see model/merge.ts). */
export const MERGE_RULES = ['same_record_id', 'shared_identifier', 'un_reference', 'name_and_birth_date', 'name_and_dprk_program'] as const;

/** Why two records were merged into one entity. */
export interface MergeReason {
  a: string;
  b: string;
  rule: (typeof MERGE_RULES)[number];
  detail: string;
}

/** When a record was put on its list, as precisely as the evidence allows. */
export interface ListingDate {
  record: string;
  dataset: string;
  /** 'exact': the list states it; 'between': it changed between two versions; 'on_or_before': present in the first version held. */
  precision: 'exact' | 'between' | 'on_or_before';
  date: string;
  after?: string;
  /**
   * list_date: the list states it (UN LISTED_ON); first_version: present in the first version held;
   * between_versions: absent from one version, present in the next; change_log: a derived daily change log.
   */
  basis: 'list_date' | 'first_version' | 'between_versions' | 'change_log';
}

/** A listing date in words, e.g. "between 2022-01-10 and 2022-01-12 (absent from one version, present in the next)". */
export function describeListing(l: ListingDate): string {
  const when = l.precision === 'between' ? `between ${l.after ?? '?'} and ${l.date}` : l.precision === 'exact' ? `on ${l.date}` : `on or before ${l.date}`;
  const why = {
    list_date: 'the list states it', first_version: 'present in the first version held',
    between_versions: 'absent from one version, present in the next', change_log: 'derived daily change log',
  }[l.basis];
  return `${when} (${why})`;
}

/** A merged entity: one target, however many lists name it. */
export interface Entity {
  id: string;
  schema: SchemaName;
  caption: string;
  referents: string[];
  datasets: string[];
  topics: string[];
  properties: Properties;
  /** The source records merged into this entity, with the list version each comes from. */
  records: EntityRecord[];
  /** Every value with its provenance; filled when one entity is read in full (see store/entities getEntity). */
  statements?: Statement[];
  sanctions: EntitySanction[];
  links: EntityLink[];
  dprk: DprkReason[];
  merge: MergeReason[];
  listed: ListingDate[];
  firstSeen?: string;
  lastSeen?: string;
}
