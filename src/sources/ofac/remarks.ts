import type { Observations, RecordDraft } from './draft.js';
import {
  birthPlace, country, dates, documentNumber, gender, link, provision, qualified, quotedName, shaped, text,
  type Outcome, type ReadContext, type Reader,
} from './readers.js';

/**
 * The Remarks column: clauses separated by `; `, closed by a period. Each clause is a labelled field
 * (`DOB 07 Jan 1930`, `Passport 563410081 (Korea, North)`), optionally prefixed `alt. ` for a further value,
 * or free text. The labels OFAC uses are the table below; a clause no entry understands is kept verbatim
 * in `notes`, so no text is lost.
 */

export interface RemarkField {
  /** The label at the start of the clause (after any `alt. `), without groups that capture; the value is the rest. */
  label: RegExp;
  read: Reader;
}

/** Labels whose value is a registration number of a company, vessel or aircraft (as OFAC writes them). */
const REGISTRATION_LABELS = [
  'Registration Number', 'Registration ID', 'Company Number', 'UK Company Number', 'Business Registration Number',
  'Business Registration Document #', 'Business Number', 'Enterprise Number', 'Branch Unit Number',
  'Commercial Registry Number', 'Public Registration Number', 'Certificate of Incorporation Number',
  'Chamber of Commerce Number', 'Istanbul Chamber of Comm. No.', 'Dubai Chamber of Commerce Membership No.',
  'Trade License No.', 'License', 'Permit Number', 'File Number', 'C.R. No.', 'Folio Mercantil No.',
  'Matricula Mercantil No', 'Government Gazette Number', 'Unified Social Credit Code (USCC)',
  'United Social Credit Code Certificate (USCCC)', 'Organization Code', 'Legal Entity Number',
  'Central Registration System Number', 'Economic Register Number (CBLS)', 'D-U-N-S Number',
  'Registered Charity No.', 'Vessel Registration Identification',
];

/** Labels whose value is a tax number. */
const TAX_LABELS = ['Tax ID No.', 'V.A.T. Number', 'NIT #', 'RUC #', 'RIF #', 'R.F.C.', 'C.U.I.T.', 'US FEIN', 'RTN'];

/** Labels whose value is a personal identity number other than a passport. */
const ID_LABELS = [
  'National ID No.', 'Identification Number', 'Personal ID Card', "Citizen's Card Number", 'Cedula No.', 'D.N.I.',
  'C.U.I.', 'C.U.R.P.', 'I.F.E.', 'Credencial electoral', 'Electoral Registry No.', 'LE Number', 'Numero de Identidad',
  'Birth Certificate Number', 'National Foreign ID Number', "Driver's License No.", 'SSN', 'Residency Number',
  'Kenyan ID No.', 'Turkish Identification Number', 'Refugee ID Card', 'Stateless Person ID Card',
  'Cartilla de Servicio Militar Nacional', 'VisaNumberID',
];

/** One of the labels, written literally, followed by white space. */
const anyOf = (labels: string[]) =>
  new RegExp(`(?:${labels.map((l) => l.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})\\s+`);

/** Every understood remark field, first match wins (specific labels before general ones). */
export const REMARK_FIELDS: RemarkField[] = [
  // Legal statements: kept whole as provisions of the sanction.
  { label: /Secondary sanctions risk:/, read: provision },
  { label: /Transactions Prohibited For Persons Owned or Controlled By U\.S\. Financial Institutions:/, read: provision },
  { label: /Additional Sanctions Information -/, read: provision },
  { label: /Executive Order \d+ /, read: provision },
  { label: /CAATSA Section \d+ Information:/, read: provision },
  { label: /IFCA Determination -/, read: provision },
  { label: /(?:Listing|Effective|Purchase\/Sales For Divestment) Date \([^)]*\)/, read: provision },
  { label: /[Ff]or more information\b/, read: provision },

  // Relations and names.
  { label: /Linked To:\s*/, read: link('linked_to') },
  { label: /Aircraft Operator\s+/, read: link('operator') },
  { label: /a\.k\.a\.?\s+/, read: quotedName('weakAlias') },
  { label: /n\.k\.a\.?\s+/, read: quotedName('weakAlias') },
  { label: /f\.k\.a\.?\s+/, read: quotedName('previousName') },

  // Persons.
  { label: /DOB:?\s+/, read: dates('birthDate') },
  { label: /POB:?\s+/, read: birthPlace },
  { label: /nationality:?\s+/, read: country('nationality') },
  { label: /citizen\s+/, read: country('citizenship') },
  { label: /Gender\s+/, read: gender },
  { label: /(?:(?:Diplomatic |Official |Service )?Passport(?: Booklet:)?|Travel Document Number)\s+/, read: documentNumber('passportNumber') },

  // IMO numbers: ships (`Vessel Registration Identification IMO`) and companies (`Company Number IMO`).
  { label: /[A-Za-z ]*\bIMO\s+(?=\d{7}\b)/, read: documentNumber('imoNumber', /^\d{7}$/) },

  // Vessels.
  { label: /MMSI\s+/, read: shaped(/^\d{9}$/, 'mmsi') },
  { label: /Vessel Year of Build\s+/, read: dates('buildDate') },
  { label: /(?:Other|Former) Vessel Flag\s+/, read: country('pastFlags') },
  { label: /Other Vessel Call Sign\s+/, read: text('callSign') },
  { label: /(?:Other )?Vessel Type\s+/, read: text('type') },
  { label: /Nationality of Registration\s+/, read: country('flag', 'jurisdiction') },

  // Aircraft.
  { label: /Aircraft Model\s+/, read: text('model') },
  { label: /Aircraft Manufacture Date\s+/, read: dates('buildDate') },
  { label: /Aircraft Manufacturer's Serial Number \(MSN\)\s+/, read: text('serialNumber') },
  { label: /Aircraft Construction Number \(also called L\/N or S\/N or F\/N\)\s+/, read: text('serialNumber') },
  { label: /Aircraft Serial Identification\s+/, read: text('serialNumber') },
  { label: /Aircraft Tail Number\s+/, read: text('registrationNumber') },
  { label: /Previous Aircraft Tail Number\s+/, read: qualified(text('registrationNumber')) },

  // Contact.
  { label: /SWIFT\/BIC\s+/, read: text('swiftBic') },
  { label: /Website(?::\s*|\s+)/, read: text('website') },
  { label: /(?:Email Address|Email|EMAIL)(?::\s*|\s+)/, read: text('email') },
  { label: /(?:Phone|PHONE|Telephone|Fax|FAX)(?: Number)?:?\s+/, read: text('phone') },

  // Organisations.
  { label: /Organization Established Date\s+/, read: dates('incorporationDate') },
  { label: /Organization Type:\s+/, read: text('sector') },
  { label: /Target Type\s+/, read: text('legalForm') },

  // Numbers of documents and registers.
  { label: anyOf(TAX_LABELS), read: documentNumber('taxNumber') },
  { label: anyOf(REGISTRATION_LABELS), read: documentNumber('registrationNumber') },
  { label: anyOf(ID_LABELS), read: documentNumber('idNumber') },
];

/** Splits remarks into clauses, dropping the closing period (an initialism such as `S.A.` keeps its own). */
export function remarkClauses(remarks: string): string[] {
  let t = remarks.trim();
  if (t.endsWith('.') && !/(?:^|[\s,])(?:[A-Za-z]\.){2,}$/.test(t)) t = t.slice(0, -1);
  return t.split(/;\s+/);
}

/**
 * All labels in one expression, each in its own group: one match per clause instead of one per label.
 * Alternatives are tried in table order, so the first matching entry wins.
 */
const CLAUSE = new RegExp(`^(?:[Aa]lt\\.\\s+)?(?:${REMARK_FIELDS.map((f) => `(${f.label.source})`).join('|')})`);

/** Reads one clause into the draft; how much of it was understood. */
function readClause(clause: string, ctx: ReadContext): Outcome {
  const m = CLAUSE.exec(clause);
  if (!m) return 'none';
  let group = 1;
  while (m[group] === undefined) group++;
  return REMARK_FIELDS[group - 1].read(clause.slice(m[0].length).trim(), ctx);
}

/**
 * Reads remarks into the draft. `title` is the entry's Title column: OFAC repeats it as a remark clause,
 * which is then already stored.
 */
export function readRemarks(remarks: string, draft: RecordDraft, observations: Observations, title?: string): void {
  const ctx: ReadContext = { draft, observations, clause: '' };
  for (const raw of remarkClauses(remarks)) {
    const clause = raw.trim();
    if (!clause || clause === title) continue;
    ctx.clause = clause;
    if (readClause(clause, ctx) !== 'full') draft.note(clause);
  }
}
