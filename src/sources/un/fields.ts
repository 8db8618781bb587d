/**
 * The UN Security Council consolidated list format, as data: element names and what each becomes.
 * Schema: https://scsanctions.un.org/resources/xml/en/consolidated.xsd (sc-sanctions.xsd); checked against the
 * staged files of 2018-10-29 to 2026-05-08. Elements not named here are reported (once per name) and their text
 * is kept in the record's notes.
 */

export const UN_FORMAT = 'UN consolidated list';
export const UN_ROOT = 'CONSOLIDATED_LIST';
/** Root attribute holding the generation time: the publication's stated date. */
export const UN_DATE_ATTR = 'dateGenerated';
/** Record elements and their schema. */
export const UN_RECORDS = { INDIVIDUAL: 'Person', ENTITY: 'Organization' } as const;

export type UnElementKind =
  | 'admin' | 'namePart' | 'program' | 'reference' | 'listedOn' | 'comments' | 'originalScriptName'
  | 'gender' | 'submittedBy' | 'submittedOn' | 'position' | 'title' | 'nationality' | 'lastUpdated'
  | 'alias' | 'address' | 'birthDate' | 'birthPlace' | 'document' | 'url';

/** Children of INDIVIDUAL / ENTITY. 'admin' elements carry no facts about the target (ids of the UN database). */
export const UN_ELEMENTS: Record<string, UnElementKind> = {
  DATAID: 'admin',
  VERSIONNUM: 'admin',
  SORT_KEY: 'admin',
  SORT_KEY_LAST_MOD: 'admin',
  LIST_TYPE: 'admin', // always 'UN List'
  HAS_INTERPOL_LINK: 'admin', // YES/NO, added in 2026; the link itself follows
  INTERPOL_LINK: 'url', // an INTERPOL-UN Security Council Special Notice page, when one exists
  FIRST_NAME: 'namePart',
  SECOND_NAME: 'namePart',
  THIRD_NAME: 'namePart',
  FOURTH_NAME: 'namePart',
  UN_LIST_TYPE: 'program',
  REFERENCE_NUMBER: 'reference',
  LISTED_ON: 'listedOn',
  COMMENTS1: 'comments',
  NAME_ORIGINAL_SCRIPT: 'originalScriptName',
  GENDER: 'gender',
  SUBMITTED_BY: 'submittedBy',
  SUBMITTED_ON: 'submittedOn',
  DESIGNATION: 'position',
  TITLE: 'title',
  NATIONALITY: 'nationality',
  LAST_DAY_UPDATED: 'lastUpdated',
  INDIVIDUAL_ALIAS: 'alias',
  ENTITY_ALIAS: 'alias',
  INDIVIDUAL_ADDRESS: 'address',
  ENTITY_ADDRESS: 'address',
  INDIVIDUAL_DATE_OF_BIRTH: 'birthDate',
  INDIVIDUAL_PLACE_OF_BIRTH: 'birthPlace',
  INDIVIDUAL_DOCUMENT: 'document',
};

/** Name parts in the order the UN writes them. */
export const UN_NAME_PARTS = ['FIRST_NAME', 'SECOND_NAME', 'THIRD_NAME', 'FOURTH_NAME'];

/** The known children of each compound element (anything else is reported and kept in notes). */
export const UN_GROUP_CHILDREN: Partial<Record<UnElementKind, readonly string[]>> = {
  position: ['VALUE'],
  title: ['VALUE'],
  nationality: ['VALUE'],
  lastUpdated: ['VALUE'],
  alias: ['QUALITY', 'ALIAS_NAME', 'NOTE', 'DATE_OF_BIRTH', 'CITY_OF_BIRTH', 'COUNTRY_OF_BIRTH'],
  address: ['STREET', 'CITY', 'STATE_PROVINCE', 'ZIP_CODE', 'COUNTRY', 'NOTE'],
  birthDate: ['TYPE_OF_DATE', 'DATE', 'YEAR', 'FROM_YEAR', 'TO_YEAR', 'NOTE'],
  birthPlace: ['STREET', 'CITY', 'STATE_PROVINCE', 'ZIP_CODE', 'COUNTRY', 'NOTE'],
  document: ['TYPE_OF_DOCUMENT', 'TYPE_OF_DOCUMENT2', 'NUMBER', 'ISSUING_COUNTRY', 'DATE_OF_ISSUE', 'DATE_OF_EXPIRY', 'CITY_OF_ISSUE', 'COUNTRY_OF_ISSUE', 'NOTE'],
};

/** Address parts in reading order. */
export const UN_ADDRESS_PARTS = ['STREET', 'CITY', 'STATE_PROVINCE', 'ZIP_CODE', 'COUNTRY'];

/**
 * Alias QUALITY -> name property. Individuals use Good/Low, entities a.k.a./f.k.a.; an empty QUALITY is
 * treated as a plain alias. Unknown qualities become aliases and are reported.
 */
export const UN_ALIAS_QUALITY: Record<string, 'alias' | 'weakAlias' | 'previousName'> = {
  good: 'alias',
  'a.k.a.': 'alias',
  '': 'alias',
  low: 'weakAlias',
  weak: 'weakAlias',
  'f.k.a.': 'previousName',
};

/** TYPE_OF_DOCUMENT (or TYPE_OF_DOCUMENT2 when the first is empty) -> identifier property, first match wins. */
export const UN_DOCUMENT_TYPES: { match: RegExp; prop: 'passportNumber' | 'idNumber' }[] = [
  { match: /passport|passeport|pasaporte/i, prop: 'passportNumber' },
  { match: /./, prop: 'idNumber' },
];

/** Authority written on every UN sanction. */
export const UN_AUTHORITY = 'UN Security Council';

/** UN reference numbers ('KPe.001', 'QDi.115'), as records cite each other in comments and alias names. */
export const UN_REFERENCE_IN_TEXT = /\b([A-Z]{2})([ie])\.(\d{3})\b/gi;

/** DPRK reference numbers: the 1718 Committee writes family names first in FIRST_NAME (see record.ts). */
export const UN_KP_INDIVIDUAL = /^KPi\./;
