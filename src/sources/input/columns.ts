/**
 * Which column of the user's table holds which query field. Headers are recognised by common names
 * (`Customer Name`, `DOB`, `IMO No.` …); `--map field=Header` overrides or completes the guess.
 */

/** The query fields an input row can fill, and the header names each is recognised by (compared folded, see foldHeader). */
export const INPUT_FIELDS = {
  id: ['id', 'ref', 'reference', 'refno', 'referencenumber', 'customerid', 'customerref', 'customernumber', 'clientid', 'clientref',
    'accountid', 'accountnumber', 'recordid', 'key', 'uid', '고객번호'],
  name: ['name', 'fullname', 'customername', 'clientname', 'entityname', 'companyname', 'organizationname', 'organisationname',
    'vesselname', 'shipname', 'legalname', 'partyname', 'counterparty', 'counterpartyname', 'beneficiary', 'beneficiaryname', 'subject',
    '성명', '이름', '고객명', '상호', '선박명'],
  alias: ['alias', 'aka', 'othername', 'othernames', 'alsoknownas'],
  firstName: ['firstname', 'givenname', 'forename', 'givennames'],
  lastName: ['lastname', 'surname', 'familyname'],
  schema: ['schema', 'type', 'entitytype', 'partytype', 'customertype', 'recordtype', 'subjecttype'],
  birthDate: ['dob', 'dateofbirth', 'birthdate', 'born', 'birthday', '생년월일'],
  nationality: ['nationality', 'citizenship', '국적'],
  country: ['country', 'countrycode', 'residence', 'countryofresidence', 'jurisdiction', 'countryofincorporation', '국가'],
  imoNumber: ['imo', 'imonumber', 'imono', 'imo번호'],
  mmsi: ['mmsi'],
  passportNumber: ['passport', 'passportnumber', 'passportno', '여권번호'],
  idNumber: ['nationalid', 'idnumber', 'nationalidnumber'],
  registrationNumber: ['registrationnumber', 'companynumber', 'regno', 'registrationno'],
  swiftBic: ['swift', 'bic', 'swiftbic', 'swiftcode'],
  gender: ['gender', 'sex'],
} as const;

export type InputField = keyof typeof INPUT_FIELDS;

/** Field → the column indexes it is read from (several for a field like alias). */
export type ColumnMapping = Partial<Record<InputField, number[]>>;

export function isInputField(s: string): s is InputField {
  return Object.hasOwn(INPUT_FIELDS, s);
}

/** `Customer Name` → `customername`, `IMO No.` → `imono`, `Date of Birth` → `dateofbirth`; letters of any script kept. */
export function foldHeader(h: string): string {
  return h.normalize('NFKC').normalize('NFD').replace(/[\u0300-\u036f]/g, '').normalize('NFC').toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
}

const FOLDED: Record<string, string[]> = Object.fromEntries(Object.entries(INPUT_FIELDS).map(([f, names]) => [f, names.map(foldHeader)]));

/** Parses `--map field=Header` options (the header may contain `=`; only the first one splits). */
export function parseMapSpecs(specs: string[]): { field: InputField; header: string }[] {
  return specs.map((spec) => {
    const i = spec.indexOf('=');
    const field = i > 0 ? spec.slice(0, i).trim() : '';
    const header = i > 0 ? spec.slice(i + 1).trim() : '';
    if (!isInputField(field) || !header) {
      throw new Error(`--map "${spec}": write FIELD=HEADER, FIELD one of ${Object.keys(INPUT_FIELDS).join(', ')}`);
    }
    return { field, header };
  });
}

/** Recognises columns by header name; explicit specs win and may name a column several fields share. */
export function mapColumns(headers: string[], specs: { field: InputField; header: string }[] = []): ColumnMapping {
  const folded = headers.map(foldHeader);
  const mapping: ColumnMapping = {};
  const explicit = new Set<InputField>();
  for (const { field, header } of specs) {
    let col = headers.indexOf(header);
    if (col < 0) col = folded.indexOf(foldHeader(header));
    if (col < 0) throw new Error(`--map ${field}=${header}: no column "${header}" (columns: ${headers.join(', ')})`);
    mapping[field] = explicit.has(field) ? [...(mapping[field] ?? []), col] : [col];
    explicit.add(field);
  }
  const taken = new Set(Object.values(mapping).flat());
  for (const field of Object.keys(INPUT_FIELDS) as InputField[]) {
    if (explicit.has(field)) continue;
    const col = folded.findIndex((h, i) => !taken.has(i) && FOLDED[field].includes(h));
    if (col >= 0) {
      mapping[field] = [col];
      taken.add(col);
    }
  }
  const hasName = mapping.name || mapping.alias || (mapping.firstName && mapping.lastName);
  const hasIdentifier = mapping.imoNumber || mapping.mmsi || mapping.passportNumber || mapping.idNumber || mapping.registrationNumber || mapping.swiftBic;
  if (!hasName && !hasIdentifier) {
    throw new Error(`no name column among: ${headers.join(', ')} (name it with --map name=HEADER)`);
  }
  return mapping;
}

/** The mapping in words, for the run's report: `name ← "Customer Name", birthDate ← "DOB"`. */
export function describeMapping(headers: string[], mapping: ColumnMapping): string {
  return Object.entries(mapping).map(([f, cols]) => `${f} ← ${cols!.map((c) => JSON.stringify(headers[c])).join(' + ')}`).join(', ');
}
