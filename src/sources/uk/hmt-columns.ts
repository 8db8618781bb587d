import type { SchemaName } from '../../model/schema.js';

/**
 * HM Treasury (OFSI) consolidated list CSV, as data. Staged: 2014-04-02/sanctionsconlist.csv (Windows-1252,
 * CRLF, line 1 'Last Updated,dd/mm/yyyy', line 2 the header, one row per name variant grouped by Group ID).
 * The successor 'ConList.csv' (2022 format) keeps these columns and adds a few; the ones named in
 * HMT_SUCCESSOR_COLUMNS are read too. Any other column is reported once and its values kept in notes.
 */
export const HMT_COLUMNS = {
  lastName: 'Name 6',
  givenNames: ['Name 1', 'Name 2', 'Name 3', 'Name 4', 'Name 5'],
  title: 'Title',
  dob: 'DOB',
  townOfBirth: 'Town of Birth',
  countryOfBirth: 'Country of Birth',
  nationality: 'Nationality',
  passport: 'Passport Details',
  niNumber: 'NI Number',
  position: 'Position',
  address: ['Address 1', 'Address 2', 'Address 3', 'Address 4', 'Address 5', 'Address 6'],
  postCode: 'Post/Zip Code',
  country: 'Country',
  otherInformation: 'Other Information',
  groupType: 'Group Type',
  aliasType: 'Alias Type',
  regime: 'Regime',
  listedOn: 'Listed On',
  lastUpdated: 'Last Updated',
  groupId: 'Group ID',
} as const;

/** Columns of the 2022-format ConList.csv beyond the 2014 ones (read when present; not verified on a real file). */
export const HMT_SUCCESSOR_COLUMNS = {
  nonLatinName: 'Name Non-Latin Script',
  nonLatinScriptType: 'Non-Latin Script Type',
  nonLatinScriptLanguage: 'Non-Latin Script Language',
  passportNumber: 'Passport Number',
  nationalIdNumber: 'National Identification Number',
  nationalIdDetails: 'National Identification Details',
  aliasQuality: 'Alias Quality',
  dateDesignated: 'UK Sanctions List Date Designated',
  ukSanctionsListRef: 'UK Sanctions List Ref',
} as const;

/** Columns without which a file is not this list. */
export const HMT_REQUIRED = [HMT_COLUMNS.lastName, HMT_COLUMNS.groupType, HMT_COLUMNS.aliasType, HMT_COLUMNS.regime, HMT_COLUMNS.groupId];

export const HMT_GROUP_TYPES: Record<string, SchemaName> = {
  individual: 'Person',
  entity: 'Organization',
  ship: 'Vessel',
};

export const HMT_ALIAS_TYPES: Record<string, 'name' | 'alias' | 'previousName'> = {
  'prime alias': 'name',
  aka: 'alias',
  fka: 'previousName',
};

export const HMT_AUTHORITY = 'HM Treasury';
export const HMT_FORMAT = 'HM Treasury consolidated list (CSV)';
