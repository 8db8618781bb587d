import type { SchemaName } from '../../model/schema.js';

/**
 * The FCDO "UK Sanctions List" XML (UK_Sanctions_List.xml), as data: every element name the parser reads.
 *
 * NOT VERIFIED AGAINST A REAL FILE: no copy is staged (every copy found is over 4 MiB and missing from
 * snapshots). The names below come from public parsers of the live file (OpenSanctions' gb_fcdo_sanctions
 * crawler, and test fixtures in other projects described as trimmed from the published list, 2024-2026).
 * Where those sources disagree, every spelling seen is listed (e.g. PassportDetails/Passport and
 * PassportDetails/PassportDetail; TonnageOfShip and Tonnage). Elements not named here are reported once and their
 * text kept in notes, so a renamed element loses no data; correcting a name is a one-line change here.
 *
 * Shape: <Designations><DateGenerated>dd/mm/yyyy</DateGenerated><Designation>...</Designation>...</Designations>.
 * A Designation holds single fields (below), repeated groups (Names/Name, Addresses/Address ...) and leaf lists
 * (Titles/Title, IndividualDetails/Individual/DOBs/DOB, ShipDetails/Ship/IMONumbers/IMONumber ...).
 */
export const FCDO_FORMAT = 'FCDO UK Sanctions List (XML)';
export const FCDO_ROOT = 'Designations';
export const FCDO_RECORD = 'Designation';
/** Sibling of the records: the list's generation date, dd/mm/yyyy. */
export const FCDO_GENERATED = 'DateGenerated';

/** Single-valued children of a Designation. */
export const FCDO_FIELDS = {
  uniqueId: 'UniqueID',
  ofsiGroupId: 'OFSIGroupID',
  unReference: 'UNReferenceNumber',
  type: 'IndividualEntityShip',
  regime: 'RegimeName',
  dateDesignated: 'DateDesignated',
  lastUpdated: 'LastUpdated',
  source: 'DesignationSource',
  sanctionsImposed: 'SanctionsImposed',
  indicators: 'SanctionsImposedIndicators',
  otherInformation: 'OtherInformation',
  reasons: 'UKStatementofReasons',
} as const;

/** Repeated groups, read as a unit (their children named here). */
export const FCDO_GROUPS = {
  name: { element: 'Name', parts: ['Name1', 'Name2', 'Name3', 'Name4', 'Name5'], last: 'Name6', type: 'NameType', strength: 'AliasStrength' },
  nonLatinName: { element: 'NonLatinName', name: 'NameNonLatinScript', script: 'NonLatinScriptType', language: 'NonLatinScriptLanguage' },
  address: {
    element: 'Address',
    lines: ['AddressLine1', 'AddressLine2', 'AddressLine3', 'AddressLine4', 'AddressLine5', 'AddressLine6'],
    postCode: 'AddressPostalCode',
    country: 'AddressCountry',
  },
  passport: { elements: ['Passport', 'PassportDetail'], number: 'PassportNumber', info: 'PassportAdditionalInformation' },
  nationalId: { elements: ['NationalIdentifier', 'NationalIdentifierDetail'], number: 'NationalIdentifierNumber', info: 'NationalIdentifierAdditionalInformation' },
  birthLocation: { element: 'Location', town: 'TownOfBirth', country: 'CountryOfBirth' },
} as const;

export type FcdoLeafRule =
  | { prop: string; label: string; country?: boolean; date?: 'year' | 'dmy'; strip?: RegExp }
  | { link: string; label: string }
  | { special: 'gender' | 'dob' }
  | { note: string };

/**
 * Leaf elements anywhere inside a Designation (their containers, e.g. Titles, DOBs, IMONumbers, are walked
 * through): element -> property, stated link, or labelled note. A property the record's schema lacks becomes a
 * labelled note (a Title on a ship, say).
 */
export const FCDO_LEAVES: Record<string, FcdoLeafRule> = {
  Title: { prop: 'title', label: 'Title' },
  DOB: { special: 'dob' },
  Nationality: { prop: 'nationality', label: 'Nationality', country: true },
  Position: { prop: 'position', label: 'Position' },
  Gender: { special: 'gender' },
  PhoneNumber: { prop: 'phone', label: 'Phone' },
  EmailAddress: { prop: 'email', label: 'Email' },
  Website: { prop: 'website', label: 'Website' },
  TypeOfEntity: { prop: 'sector', label: 'Type of entity' },
  BusinessRegistrationNumber: { prop: 'registrationNumber', label: 'Business registration number' },
  ParentCompany: { link: 'owner', label: 'parent company' },
  Subsidiary: { link: 'subsidiary', label: 'subsidiary' },
  // Ships. The list writes IMO numbers both as 'IMO9562233' and bare '9562233'; the prefix is dropped.
  IMONumber: { prop: 'imoNumber', label: 'IMO number', strip: /^\s*IMO\s*:?\s*/i },
  CurrentOwnerOperator: { link: 'owner_operator', label: 'current owner/operator' },
  PreviousOwnerOperator: { link: 'previous_owner_operator', label: 'previous owner/operator' },
  CurrentBelievedFlagOfShip: { prop: 'flag', label: 'Flag', country: true },
  PreviousFlag: { prop: 'pastFlags', label: 'Previous flag', country: true },
  TypeOfShip: { prop: 'type', label: 'Type of ship' },
  TonnageOfShip: { prop: 'tonnage', label: 'Tonnage' },
  Tonnage: { prop: 'tonnage', label: 'Tonnage' },
  YearBuilt: { prop: 'buildDate', label: 'Year built', date: 'year' },
  HullIdentificationNumber: { prop: 'registrationNumber', label: 'Hull identification number' },
  Length: { note: 'Length' },
  LengthOfShip: { note: 'Length' },
  CryptoWalletAddress: { note: 'Crypto wallet address' },
};

export const FCDO_TYPES: Record<string, SchemaName> = {
  individual: 'Person',
  entity: 'Organization',
  ship: 'Vessel',
  aircraft: 'Aircraft',
};

/** NameType (lower case) -> name property. 'ALias' is a spelling seen in the published file. */
export const FCDO_NAME_TYPES: Record<string, 'name' | 'alias' | 'previousName'> = {
  'primary name': 'name',
  'primary name variation': 'alias',
  alias: 'alias',
  'previous name': 'previousName',
  'formerly known as': 'previousName',
};

export const FCDO_AUTHORITY = 'FCDO';
