import type { SanctionInfo, SourceRecord } from '../../model/types.js';
import type { SchemaName } from '../../model/schema.js';
import { SourceError, type ParseResult } from '../types.js';
import { RecordBuilder, UniqueIds, WarningLog } from '../un/builder.js';
import { countryOf, gender, isoDate, joinParts } from '../un/values.js';
import { allText, attrOrChild, readXmlRecords, text, type XmlNode } from '../un/xml.js';
import {
  EU_ADDRESS as A, EU_AUTHORITY, EU_BIRTH as BD, EU_CHILDREN as CH, EU_CONTACT_KEYS, EU_COUNTRY, EU_ENTITY as E,
  EU_FORMAT, EU_ID_TYPES, EU_IDENTIFICATION as ID, EU_NAME as N, EU_NO_COUNTRY, EU_RECORD, EU_REGULATION as R,
  EU_ROOT, EU_ROOT_DATE, EU_SUBJECT_TYPES,
} from './fields.js';

/**
 * The EU consolidated financial sanctions list (FSF XML 1.1) -> SourceRecords, one per sanctionEntity
 * (record id = logicalId). Element and attribute names are in fields.ts (not verified on a real file).
 */

interface Ctx {
  file: string;
  warnings: WarningLog;
}

const v = attrOrChild;
const UN_REF = /^[A-Z]{2}[ie]\.\d{3}$/;
/** Children of nameAlias/identification/address/... that carry no facts (the regulation that stated them). */
const ADMIN_CHILDREN = new Set(['regulationSummary']);

function unknownChild(ctx: Ctx, b: RecordBuilder, parent: XmlNode, c: XmlNode): void {
  const key = `${parent.name}/${c.name}`;
  ctx.warnings.tally(`unknown:${key}`, (n) => `unknown element <${key}> (${n} times); its text is kept in notes`);
  b.note(allText(c), c.name);
}

/** Remarks of a sub-element go to notes; administrative children are skipped; anything else is reported. */
function subChildren(ctx: Ctx, b: RecordBuilder, node: XmlNode, handled: string[] = []): void {
  for (const c of node.children) {
    if (ADMIN_CHILDREN.has(c.name) || handled.includes(c.name)) continue;
    if (c.name === CH.remark) b.note(text(c));
    else if (node.attrs[c.name] === undefined) unknownChild(ctx, b, node, c);
  }
}

/** ISO code of a citizenship/birthdate/identification/address: countryIso2Code, else the description. */
function countryOfNode(node: XmlNode): { code?: string; description?: string } {
  const iso = v(node, EU_COUNTRY.iso2).toLowerCase();
  const desc = v(node, EU_COUNTRY.description);
  const description = desc && desc.toUpperCase() !== 'UNKNOWN' ? desc : undefined;
  if (/^[a-z]{2}$/.test(iso) && !EU_NO_COUNTRY.has(iso)) return { code: iso, description };
  return { code: countryOf(description), description };
}

function addName(ctx: Ctx, b: RecordBuilder, node: XmlNode, state: { named: boolean }): void {
  const person = b.schema === 'Person';
  const first = v(node, N.firstName), middle = v(node, N.middleName), last = v(node, N.lastName);
  const whole = v(node, N.wholeName) || joinParts([first, middle, last], ' ');
  const weak = v(node, N.strong).toLowerCase() === 'false';
  if (whole) {
    if (weak) b.put('weakAlias', whole);
    else if (!state.named) {
      b.put('name', whole);
      state.named = true;
    } else b.put('alias', whole);
  }
  if (person && !weak) {
    b.put('firstName', first);
    b.put('middleName', middle);
    b.put('lastName', last);
  }
  const g = v(node, N.gender);
  if (g) {
    if (gender(g)) b.put('gender', gender(g), 'Gender');
    else b.note(g, 'Gender');
  }
  b.put('title', v(node, N.title), 'Title');
  b.put('position', v(node, N.function), 'Function');
  subChildren(ctx, b, node);
}

function addBirth(ctx: Ctx, b: RecordBuilder, node: XmlNode): void {
  const full = isoDate(v(node, BD.date));
  const year = v(node, BD.year), month = v(node, BD.month), day = v(node, BD.day);
  const parts = year ? isoDate(joinParts([year, month && month.padStart(2, '0'), month && day && day.padStart(2, '0')], '-')) : undefined;
  const date = full ?? parts;
  if (date) b.put('birthDate', date, 'Date of birth');
  else if (v(node, BD.date)) b.note(v(node, BD.date), 'Date of birth');
  if (date && v(node, BD.circa).toLowerCase() === 'true') b.note(`circa ${date}`, 'Date of birth');
  const { code, description } = countryOfNode(node);
  b.put('birthPlace', joinParts([v(node, BD.place), v(node, BD.city), v(node, BD.region), v(node, BD.zipCode), description]), 'Place of birth');
  if (code && b.accepts('birthCountry')) b.put('birthCountry', code);
  subChildren(ctx, b, node);
}

function addIdentification(ctx: Ctx, b: RecordBuilder, node: XmlNode): void {
  const code = v(node, ID.type);
  let prop = EU_ID_TYPES[code.toLowerCase()];
  if (!prop) {
    ctx.warnings.tally(`idtype:${code}`, (n) => `unknown identificationTypeCode "${code}" (${n} times), read as an ID number`);
    prop = 'idNumber';
  }
  if (prop === 'passportNumber' && b.schema !== 'Person') prop = 'idNumber';
  const number = v(node, ID.number), latin = v(node, ID.latinNumber);
  const description = v(node, ID.typeDescription) || code;
  b.put(prop, number || latin, description);
  if (latin && number && latin !== number) b.put(prop, latin, description);
  const { description: country } = countryOfNode(node);
  const flags = ID.flags.filter((f) => v(node, f).toLowerCase() === 'true');
  const details = joinParts([
    v(node, ID.issuedBy) && `issued by ${v(node, ID.issuedBy)}`,
    v(node, ID.issueDate) && `on ${v(node, ID.issueDate)}`,
    country,
    v(node, ID.nameOnDocument) && `in the name of ${v(node, ID.nameOnDocument)}`,
    ...flags,
  ]);
  if (details) b.note(`${joinParts([description, number || latin], ' ')}: ${details}`, 'Identification');
  subChildren(ctx, b, node);
}

function addAddress(ctx: Ctx, b: RecordBuilder, node: XmlNode): void {
  const { code, description } = countryOfNode(node);
  const addr = joinParts([v(node, A.street), v(node, A.poBox) && `PO Box ${v(node, A.poBox)}`, v(node, A.place), v(node, A.city), v(node, A.zipCode), v(node, A.region), description]);
  const atListing = v(node, A.asAtListingTime).toLowerCase() === 'true';
  if (addr) b.put('address', atListing ? `${addr} (at time of listing)` : addr);
  if (code) b.put('country', code);
  for (const c of node.children.filter((c) => c.name === A.contactInfo)) {
    const key = v(c, A.contactKey).toUpperCase();
    const value = v(c, A.contactValue);
    const prop = EU_CONTACT_KEYS[key];
    if (!value) continue;
    if (prop) for (const part of value.split(/[;,]\s*/)) b.put(prop, part, key);
    else b.note(value, key || 'Contact');
  }
  subChildren(ctx, b, node, [A.contactInfo]);
}

export function euRecord(node: XmlNode, ctx: Ctx): SourceRecord {
  const logicalId = v(node, E.logicalId);
  if (!logicalId) throw new SourceError(ctx.file, node.line, `<${EU_RECORD}> without a ${E.logicalId}`);
  const subject = node.children.find((c) => c.name === CH.subjectType);
  const code = subject ? v(subject, 'code') : '';
  let schema: SchemaName | undefined = EU_SUBJECT_TYPES[code.toLowerCase()];
  if (!schema) {
    ctx.warnings.tally(`subject:${code}`, (n) => `unknown subjectType "${code}" (${n} entries), read as a legal entity`);
    schema = 'LegalEntity';
  }
  const b = new RecordBuilder(schema);
  const programs: string[] = [];
  const published: string[] = [];
  const names = { named: false };

  for (const c of node.children) {
    switch (c.name) {
      case CH.subjectType:
        break;
      case CH.regulation: {
        const programme = v(c, R.programme);
        if (programme && !programs.includes(programme)) programs.push(programme);
        const pub = isoDate(v(c, R.publicationDate));
        if (pub) published.push(pub);
        if (pub && v(c, R.type).toLowerCase() === 'amendment') b.put('modifiedAt', pub);
        b.note(
          joinParts([
            v(c, R.numberTitle) || 'regulation',
            v(c, R.type) && `(${v(c, R.type)})`,
            programme && `programme ${programme}`,
            v(c, R.publicationDate) && `published ${v(c, R.publicationDate)}`,
            v(c, R.entryIntoForceDate) && `in force ${v(c, R.entryIntoForceDate)}`,
          ]),
          'EU regulation',
        );
        b.put('sourceUrl', v(c, R.url));
        subChildren(ctx, b, c, [R.url]);
        break;
      }
      case CH.nameAlias:
        addName(ctx, b, c, names);
        break;
      case CH.citizenship: {
        const { code: cc, description } = countryOfNode(c);
        const prop = b.accepts('nationality') ? 'nationality' : 'country';
        if (cc) b.put(prop, cc);
        else if (description) b.note(description, 'Citizenship');
        subChildren(ctx, b, c);
        break;
      }
      case CH.birthdate:
        addBirth(ctx, b, c);
        break;
      case CH.identification:
        addIdentification(ctx, b, c);
        break;
      case CH.address:
        addAddress(ctx, b, c);
        break;
      case CH.remark:
        b.note(text(c));
        break;
      default:
        if (node.attrs[c.name] === undefined) unknownChild(ctx, b, node, c);
    }
  }

  const euRef = v(node, E.euReference);
  b.note(euRef, 'EU reference number');
  const unId = v(node, E.unId);
  // 'UN Ref <ref>' is the form merge.ts recognises to join this record with the UN list's.
  if (unId) b.note(UN_REF.test(unId) ? `UN Ref ${unId}` : unId, UN_REF.test(unId) ? undefined : 'UN id');
  const designated = isoDate(v(node, E.designationDate)) ?? published.sort()[0];
  const sanction: SanctionInfo = { authority: EU_AUTHORITY, programs, provisions: [] };
  if (designated) sanction.listingDate = designated;
  const details = v(node, E.designationDetails);
  if (details) sanction.reason = details;
  if (!b.first('name')) ctx.warnings.tally('no-name', (n) => `${n} entr(y/ies) without a strong name (named by a weak alias)`);
  return b.build({ prefix: 'eu', source: 'eu', recordId: logicalId, sanctions: [sanction], line: node.line });
}

/** Parses an EU FSF XML 1.1 file. */
export async function parseEuFsf(path: string): Promise<ParseResult> {
  const warnings = new WarningLog();
  const ctx: Ctx = { file: path, warnings };
  const records: SourceRecord[] = [];
  const ids = new UniqueIds(path, E.logicalId);
  let statedDate: string | undefined;
  await readXmlRecords(path, {
    format: EU_FORMAT,
    roots: [EU_ROOT],
    records: new Set([EU_RECORD]),
    onRoot: (attrs) => {
      statedDate = isoDate(attrs[EU_ROOT_DATE]);
      if (!statedDate) warnings.add(`the root element has no usable ${EU_ROOT_DATE} attribute ("${attrs[EU_ROOT_DATE] ?? ''}")`);
    },
    onRecord: (node) => {
      const r = euRecord(node, ctx);
      ids.add(r.recordId, node.line);
      records.push(r);
    },
  });
  return { records, statedDate, warnings: warnings.list() };
}
