/**
 * The entity schema, as data: a FollowTheMoney-compatible subset.
 * Code interprets these definitions (which properties a schema has, which hold names,
 * identifiers, countries or dates); nothing else in the code base hard-codes them.
 */

export type PropType = 'name' | 'string' | 'text' | 'date' | 'country' | 'identifier' | 'url' | 'email' | 'phone' | 'address' | 'gender' | 'number' | 'entity' | 'topic';

export interface PropDef {
  type: PropType;
  label: string;
  /** Identifier namespace used by the screening index, e.g. imo, mmsi, bic. */
  idKind?: string;
}

export interface SchemaDef {
  label: string;
  extends: SchemaName[];
  /** Properties defined on this schema itself (inherited ones come from `extends`). */
  properties: Record<string, PropDef>;
  /** Can be matched by screening (FtM "matchable"). */
  matchable: boolean;
  /** An edge-like schema: source and target properties. */
  edge?: { source: string; target: string };
}

export type SchemaName =
  | 'Thing' | 'LegalEntity' | 'Person' | 'Organization' | 'Company' | 'PublicBody'
  | 'Vessel' | 'Aircraft' | 'Address' | 'Sanction' | 'Identification'
  | 'Ownership' | 'Directorship' | 'UnknownLink';

const p = (type: PropType, label: string, idKind?: string): PropDef => (idKind ? { type, label, idKind } : { type, label });

export const SCHEMATA: Record<SchemaName, SchemaDef> = {
  Thing: {
    label: 'Thing', extends: [], matchable: false,
    properties: {
      name: p('name', 'Name'), alias: p('name', 'Other name'), weakAlias: p('name', 'Weak alias'),
      previousName: p('name', 'Previous name'), notes: p('text', 'Notes'), country: p('country', 'Country'),
      address: p('address', 'Address'), sourceUrl: p('url', 'Source link'), topics: p('topic', 'Topics'),
      program: p('string', 'Program'), keywords: p('string', 'Keywords'), createdAt: p('date', 'Created at'),
      modifiedAt: p('date', 'Modified on'),
    },
  },
  LegalEntity: {
    label: 'Legal entity', extends: ['Thing'], matchable: true,
    properties: {
      email: p('email', 'E-Mail'), phone: p('phone', 'Phone'), website: p('url', 'Website'),
      registrationNumber: p('identifier', 'Registration number', 'registration'),
      idNumber: p('identifier', 'ID number', 'national_id'), taxNumber: p('identifier', 'Tax number', 'tax'),
      swiftBic: p('identifier', 'SWIFT/BIC', 'bic'), imoNumber: p('identifier', 'IMO number', 'imo'),
      jurisdiction: p('country', 'Jurisdiction'), mainCountry: p('country', 'Country of origin'),
      incorporationDate: p('date', 'Incorporation date'), legalForm: p('string', 'Legal form'),
      status: p('string', 'Status'), sector: p('string', 'Sector'),
    },
  },
  Person: {
    label: 'Person', extends: ['LegalEntity'], matchable: true,
    properties: {
      firstName: p('name', 'First name'), lastName: p('name', 'Last name'), middleName: p('name', 'Middle name'),
      title: p('string', 'Title'), position: p('string', 'Position'), birthDate: p('date', 'Birth date'),
      birthPlace: p('string', 'Place of birth'), birthCountry: p('country', 'Country of birth'),
      nationality: p('country', 'Nationality'), citizenship: p('country', 'Citizenship'), gender: p('gender', 'Gender'),
      passportNumber: p('identifier', 'Passport number', 'passport'), deathDate: p('date', 'Death date'),
    },
  },
  Organization: { label: 'Organization', extends: ['LegalEntity'], matchable: true, properties: {} },
  Company: { label: 'Company', extends: ['Organization'], matchable: true, properties: {} },
  PublicBody: { label: 'Public body', extends: ['Organization'], matchable: true, properties: {} },
  Vessel: {
    label: 'Vessel', extends: ['Thing'], matchable: true,
    properties: {
      imoNumber: p('identifier', 'IMO number', 'imo'), mmsi: p('identifier', 'MMSI', 'mmsi'),
      callSign: p('identifier', 'Call sign', 'callsign'), flag: p('country', 'Flag'), type: p('string', 'Vessel type'),
      tonnage: p('number', 'Tonnage'), grossRegisteredTonnage: p('number', 'Gross registered tonnage'),
      buildDate: p('date', 'Build date'), registrationNumber: p('identifier', 'Registration number', 'registration'),
      owner: p('entity', 'Owner'), operator: p('entity', 'Operator'), pastFlags: p('country', 'Past flags'),
    },
  },
  Aircraft: {
    label: 'Aircraft', extends: ['Thing'], matchable: true,
    properties: {
      registrationNumber: p('identifier', 'Registration number', 'registration'), serialNumber: p('identifier', 'Serial number', 'serial'),
      type: p('string', 'Aircraft type'), model: p('string', 'Model'), buildDate: p('date', 'Build date'),
      owner: p('entity', 'Owner'), operator: p('entity', 'Operator'), flag: p('country', 'Flag'),
    },
  },
  Address: {
    label: 'Address', extends: ['Thing'], matchable: false,
    properties: { full: p('address', 'Full address'), street: p('string', 'Street'), city: p('string', 'City'), postalCode: p('string', 'Postal code') },
  },
  Sanction: {
    label: 'Sanction', extends: ['Thing'], matchable: false,
    properties: {
      entity: p('entity', 'Entity'), authority: p('string', 'Authority'), authorityId: p('identifier', 'Authority-issued identifier'),
      unscId: p('identifier', 'UN SC identifier'), listingDate: p('date', 'Listing date'), startDate: p('date', 'Start date'),
      endDate: p('date', 'End date'), reason: p('text', 'Reason'), provisions: p('string', 'Scope of sanctions'),
    },
  },
  Identification: {
    label: 'Identification', extends: ['Thing'], matchable: false,
    properties: {
      holder: p('entity', 'Holder'), type: p('string', 'Type'), number: p('identifier', 'Document number'),
      authority: p('string', 'Authority'), issueDate: p('date', 'Issue date'), expiryDate: p('date', 'Expiry date'),
    },
  },
  Ownership: {
    label: 'Ownership', extends: ['Thing'], matchable: false, edge: { source: 'owner', target: 'asset' },
    properties: {
      owner: p('entity', 'Owner'), asset: p('entity', 'Asset'), percentage: p('number', 'Percentage held'),
      startDate: p('date', 'Start date'), endDate: p('date', 'End date'), role: p('string', 'Role'),
    },
  },
  Directorship: {
    label: 'Directorship', extends: ['Thing'], matchable: false, edge: { source: 'director', target: 'organization' },
    properties: {
      director: p('entity', 'Director'), organization: p('entity', 'Organization'), role: p('string', 'Role'),
      startDate: p('date', 'Start date'), endDate: p('date', 'End date'),
    },
  },
  UnknownLink: {
    label: 'Other link', extends: ['Thing'], matchable: false, edge: { source: 'subject', target: 'object' },
    properties: { subject: p('entity', 'Subject'), object: p('entity', 'Object'), role: p('string', 'Role') },
  },
};

export const SCHEMA_NAMES = Object.keys(SCHEMATA) as SchemaName[];

export function isSchemaName(s: string): s is SchemaName {
  return Object.prototype.hasOwnProperty.call(SCHEMATA, s);
}

/** Every ancestor of a schema, itself first. */
export function lineage(schema: SchemaName): SchemaName[] {
  const out: SchemaName[] = [];
  const visit = (s: SchemaName) => {
    if (out.includes(s)) return;
    out.push(s);
    for (const parent of SCHEMATA[s].extends) visit(parent);
  };
  visit(schema);
  return out;
}

/** The property definition of `prop` on `schema` (inherited included), or undefined. */
export function propertyOf(schema: SchemaName, prop: string): PropDef | undefined {
  for (const s of lineage(schema)) {
    const props = SCHEMATA[s].properties;
    if (Object.hasOwn(props, prop)) return props[prop];
  }
  return undefined;
}

const lineages = new Map<SchemaName, SchemaName[]>();

/** True if `a` is `b` or descends from it. */
export function isA(a: SchemaName, b: SchemaName): boolean {
  let l = lineages.get(a);
  if (!l) lineages.set(a, (l = lineage(a)));
  return l.includes(b);
}

/**
 * The most specific schema both records can be: used when merging records of one target.
 * Returns undefined when the schemata cannot describe the same thing (a Vessel is never a Person).
 */
export function commonSchema(a: SchemaName, b: SchemaName): SchemaName | undefined {
  if (isA(a, b)) return a;
  if (isA(b, a)) return b;
  // Siblings under LegalEntity/Organization: Company vs PublicBody -> Organization.
  const la = lineage(a);
  const shared = lineage(b).find((s) => la.includes(s) && SCHEMATA[s].matchable);
  return shared;
}
