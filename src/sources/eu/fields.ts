import type { SchemaName } from '../../model/schema.js';

/**
 * The EU consolidated financial sanctions list, XML 1.1 ("xmlFullSanctionsList_1_1"), as data.
 *
 * NOT VERIFIED AGAINST A REAL FILE: no copy is staged (every copy found is over 4 MiB and missing from snapshots).
 * Names follow the published format as public parsers read it (OpenSanctions' zavod.shed.fsf, and fixtures in
 * other projects): root <export generationDate="..."> in the namespace http://eu.europa.ec/fpi/fsd/export (that
 * spelling, 'europa.ec', is what the copies seen use; the parser matches local names, so the namespace does not
 * matter); records <sanctionEntity logicalId euReferenceNumber unitedNationId designationDate designationDetails>.
 * Most values are ATTRIBUTES (nameAlias@wholeName, address@city, identification@number ...); the parser also
 * accepts a child element of the same name, so either reading of the format works.
 */
export const EU_FORMAT = 'EU consolidated financial sanctions list (XML 1.1)';
export const EU_ROOT = 'export';
export const EU_RECORD = 'sanctionEntity';
export const EU_ROOT_DATE = 'generationDate';

export const EU_ENTITY = {
  logicalId: 'logicalId',
  euReference: 'euReferenceNumber',
  unId: 'unitedNationId',
  designationDate: 'designationDate',
  designationDetails: 'designationDetails',
} as const;

export const EU_CHILDREN = {
  regulation: 'regulation',
  subjectType: 'subjectType',
  nameAlias: 'nameAlias',
  citizenship: 'citizenship',
  birthdate: 'birthdate',
  identification: 'identification',
  address: 'address',
  remark: 'remark',
} as const;

export const EU_REGULATION = {
  programme: 'programme',
  type: 'regulationType',
  publicationDate: 'publicationDate',
  entryIntoForceDate: 'entryIntoForceDate',
  numberTitle: 'numberTitle',
  url: 'publicationUrl',
} as const;

export const EU_NAME = {
  wholeName: 'wholeName',
  firstName: 'firstName',
  middleName: 'middleName',
  lastName: 'lastName',
  gender: 'gender',
  function: 'function',
  title: 'title',
  language: 'nameLanguage',
  strong: 'strong',
} as const;

/** Attributes shared by citizenship, birthdate, identification and address. */
export const EU_COUNTRY = { iso2: 'countryIso2Code', description: 'countryDescription' } as const;

export const EU_BIRTH = {
  date: 'birthdate', year: 'year', month: 'monthOfYear', day: 'dayOfMonth', circa: 'circa',
  city: 'city', place: 'place', region: 'region', zipCode: 'zipCode',
} as const;

export const EU_IDENTIFICATION = {
  type: 'identificationTypeCode', typeDescription: 'identificationTypeDescription', number: 'number',
  latinNumber: 'latinNumber', issuedBy: 'issuedBy', issueDate: 'issueDate', nameOnDocument: 'nameOnDocument',
  /** Flags written 'true'/'false'; a true one is noted. */
  flags: ['diplomatic', 'knownExpired', 'knownFalse', 'reportedLost', 'revokedByIssuer'],
} as const;

export const EU_ADDRESS = {
  street: 'street', poBox: 'poBox', city: 'city', zipCode: 'zipCode', region: 'region', place: 'place',
  asAtListingTime: 'asAtListingTime', contactInfo: 'contactInfo', contactKey: 'key', contactValue: 'value',
} as const;

/** subjectType@code -> schema ('person', 'enterprise'; the others are guesses for codes not yet seen). */
export const EU_SUBJECT_TYPES: Record<string, SchemaName> = {
  person: 'Person',
  enterprise: 'Organization',
  vessel: 'Vessel',
  aircraft: 'Aircraft',
};

/** identification@identificationTypeCode -> property. Unknown codes -> idNumber (reported). */
export const EU_ID_TYPES: Record<string, string> = {
  passport: 'passportNumber',
  id: 'idNumber',
  other: 'idNumber',
  tradelic: 'idNumber',
  ssn: 'idNumber',
  birthcert: 'idNumber',
  nationcert: 'idNumber',
  travelcardid: 'idNumber',
  electionid: 'idNumber',
  residentperm: 'idNumber',
  drivinglicence: 'idNumber',
  nrn: 'idNumber',
  swiftbic: 'swiftBic',
  imo: 'imoNumber',
  regnumber: 'registrationNumber',
  fiscalcode: 'taxNumber',
};

/** address/contactInfo@key -> property. */
export const EU_CONTACT_KEYS: Record<string, string> = { PHONE: 'phone', FAX: 'phone', EMAIL: 'email', WEB: 'website' };

/** countryIso2Code values meaning 'unknown'. */
export const EU_NO_COUNTRY = new Set(['00', '']);

export const EU_AUTHORITY = 'EU';
