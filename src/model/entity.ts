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

/** A stated relation resolved (where possible) to an entity. */
export interface EntityLink {
  type: string;
  record: string;
  targetName?: string;
  /** Entity id the target resolved to, when it did unambiguously. */
  target?: string;
  note?: string;
}

/** Why two records were merged into one entity. */
export interface MergeReason {
  a: string;
  b: string;
  rule: 'shared_identifier' | 'un_reference' | 'name_and_birth_date' | 'name_and_dprk_program';
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
  basis: string;
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
  statements: Statement[];
  sanctions: EntitySanction[];
  links: EntityLink[];
  dprk: DprkReason[];
  merge: MergeReason[];
  listed: ListingDate[];
  firstSeen?: string;
  lastSeen?: string;
}
