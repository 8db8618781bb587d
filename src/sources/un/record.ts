import type { SanctionInfo, SourceRecord } from '../../model/types.js';
import type { SchemaName } from '../../model/schema.js';
import { SourceError } from '../types.js';
import { RecordBuilder, type WarningLog } from './builder.js';
import {
  UN_ADDRESS_PARTS, UN_ALIAS_QUALITY, UN_AUTHORITY, UN_DOCUMENT_TYPES, UN_ELEMENTS, UN_GROUP_CHILDREN,
  UN_KP_INDIVIDUAL, UN_NAME_PARTS, type UnElementKind,
} from './fields.js';
import { imoCompanyNote, imoCompanyNumbers, referenceMentions, withoutReferences } from './mentions.js';
import { datesIn, gender, isoDate, joinParts, stripQuotes, yearRange } from './values.js';
import { allText, text, type XmlNode } from './xml.js';

/**
 * One INDIVIDUAL or ENTITY of the UN consolidated list -> SourceRecord.
 *
 * NAMES. `name` is FIRST_NAME ... FOURTH_NAME joined by spaces, in the UN's order, for everyone. The UN fields
 * are positions, not meanings: for most lists FIRST_NAME is a given name, but the 1718 Committee writes Korean
 * names family name first (FIRST_NAME 'RI', SECOND_NAME 'WON HO'). So firstName/lastName are set only where the
 * convention is known: for DPRK individuals (KPi.*), lastName = FIRST_NAME and firstName = the remaining parts.
 * Elsewhere they are left unset rather than guessed. NAME_ORIGINAL_SCRIPT is kept as an alias.
 */

export interface UnRecordContext {
  file: string;
  warnings: WarningLog;
}

type Parts = Record<string, string>;

/** The text of each known child of a compound element; unknown children are reported and noted. */
function groupParts(el: XmlNode, kind: UnElementKind, b: RecordBuilder, ctx: UnRecordContext): Parts {
  const known = UN_GROUP_CHILDREN[kind] ?? [];
  const parts: Parts = {};
  for (const c of el.children) {
    const v = text(c);
    if (known.includes(c.name)) {
      if (v) parts[c.name] = parts[c.name] ? `${parts[c.name]}; ${v}` : v;
      continue;
    }
    ctx.warnings.tally(`unknown:${el.name}/${c.name}`, (n) => `unknown element <${el.name}>/<${c.name}> (${n} times); its text is kept in notes`);
    b.note(allText(c), `${el.name}/${c.name}`);
  }
  return parts;
}

function aliasProp(quality: string, ctx: UnRecordContext): 'alias' | 'weakAlias' | 'previousName' {
  const prop = UN_ALIAS_QUALITY[quality.toLowerCase()];
  if (prop) return prop;
  ctx.warnings.tally(`quality:${quality}`, (n) => `unknown alias QUALITY "${quality}" (${n} times), read as a plain alias`);
  return 'alias';
}

function addBirthDates(b: RecordBuilder, p: Parts): void {
  const type = (p.TYPE_OF_DATE ?? '').toUpperCase();
  const values: string[] = [];
  if (p.DATE) values.push(...datesIn(p.DATE));
  if (p.YEAR) values.push(...datesIn(p.YEAR));
  if (p.FROM_YEAR || p.TO_YEAR) values.push(...yearRange(p.FROM_YEAR ?? p.TO_YEAR, p.TO_YEAR ?? p.FROM_YEAR));
  for (const v of values) b.put('birthDate', v, 'Date of birth');
  for (const raw of [p.DATE, p.YEAR]) if (raw && !datesIn(raw).length && raw.toLowerCase() !== 'null') b.note(raw, 'Date of birth (as written)');
  if (type === 'APPROXIMATELY' && values.length) b.note(`approximately ${values.join(', ')}`, 'Date of birth');
  if (type === 'BETWEEN' && p.FROM_YEAR && p.TO_YEAR) b.note(`between ${p.FROM_YEAR} and ${p.TO_YEAR}`, 'Date of birth');
  if (p.NOTE) b.note(p.NOTE, 'Date of birth');
}

function addDocument(b: RecordBuilder, p: Parts, person: boolean): void {
  const type = p.TYPE_OF_DOCUMENT ?? p.TYPE_OF_DOCUMENT2 ?? '';
  const number = p.NUMBER?.trim();
  const rule = UN_DOCUMENT_TYPES.find((r) => r.match.test(type));
  const prop = person && rule ? rule.prop : 'idNumber';
  if (number) b.put(prop, number, type || 'Document');
  const details = joinParts([
    p.TYPE_OF_DOCUMENT2 && p.TYPE_OF_DOCUMENT ? p.TYPE_OF_DOCUMENT2 : undefined,
    p.ISSUING_COUNTRY && `issued by ${p.ISSUING_COUNTRY}`,
    p.CITY_OF_ISSUE && `in ${p.CITY_OF_ISSUE}`,
    p.COUNTRY_OF_ISSUE && p.COUNTRY_OF_ISSUE !== p.ISSUING_COUNTRY ? p.COUNTRY_OF_ISSUE : undefined,
    p.DATE_OF_ISSUE && `on ${p.DATE_OF_ISSUE}`,
    p.DATE_OF_EXPIRY && `expires ${p.DATE_OF_EXPIRY}`,
    p.NOTE,
  ]);
  if (details) b.note(`${joinParts([type, number], ' ')}: ${details}`, 'Document');
}

export function unRecord(node: XmlNode, ctx: UnRecordContext): SourceRecord {
  const schema: SchemaName = node.name === 'INDIVIDUAL' ? 'Person' : 'Organization';
  const person = schema === 'Person';
  const b = new RecordBuilder(schema);
  const names: Parts = {};
  let ref = '';
  let program = '';
  let listedOn: string | undefined;
  let comments = '';
  const aliasRefs: { alias: string; raw: string }[] = [];

  for (const el of node.children) {
    const kind = UN_ELEMENTS[el.name];
    const v = text(el);
    if (!kind) {
      ctx.warnings.tally(`unknown:${el.name}`, (n) => `unknown element <${el.name}> (${n} times); its text is kept in notes`);
      b.note(allText(el), el.name);
      continue;
    }
    switch (kind) {
      case 'admin':
        break;
      case 'url':
        b.put('sourceUrl', v);
        break;
      case 'namePart':
        if (v) names[el.name] = v;
        break;
      case 'program':
        program = v;
        break;
      case 'reference':
        ref = v;
        break;
      case 'listedOn':
        listedOn = isoDate(v);
        if (v && !listedOn) b.note(v, 'Listed on (as written)');
        break;
      case 'comments':
        comments = v;
        b.note(v);
        break;
      case 'originalScriptName':
        b.put('alias', v);
        break;
      case 'gender':
        if (gender(v)) b.put('gender', gender(v), 'Gender');
        else if (v && v.toLowerCase() !== 'unknown') b.note(v, 'Gender');
        break;
      case 'submittedBy':
        b.note(v, 'Submitted by');
        break;
      case 'submittedOn':
        b.note(v, 'Submitted on');
        break;
      case 'position':
      case 'title':
      case 'nationality':
      case 'lastUpdated': {
        groupParts(el, kind, b, ctx); // reports children other than VALUE
        for (const c of el.children) {
          if (c.name !== 'VALUE') continue;
          const value = text(c);
          if (!value) continue;
          if (kind === 'position') b.put('position', value, 'Designation');
          else if (kind === 'title') b.put('title', value, 'Title');
          else if (kind === 'nationality') b.putCountry('nationality', value, 'Nationality');
          else {
            const d = isoDate(value);
            if (d) b.put('modifiedAt', d);
            else b.note(value, 'Last updated (as written)');
          }
        }
        break;
      }
      case 'alias': {
        const p = groupParts(el, kind, b, ctx);
        const raw = p.ALIAS_NAME;
        if (raw) {
          const clean = stripQuotes(withoutReferences(raw));
          if (clean !== stripQuotes(raw)) aliasRefs.push({ alias: clean, raw });
          b.put(aliasProp(p.QUALITY ?? '', ctx), clean);
          if (p.NOTE) b.note(`${clean}: ${p.NOTE}`, 'Alias');
        } else if (p.NOTE) b.note(p.NOTE, 'Alias');
        for (const d of datesIn(p.DATE_OF_BIRTH)) b.put('birthDate', d, 'Date of birth');
        if (p.DATE_OF_BIRTH && !datesIn(p.DATE_OF_BIRTH).length && p.DATE_OF_BIRTH.toLowerCase() !== 'null') {
          b.note(p.DATE_OF_BIRTH, 'Alias date of birth (as written)');
        }
        if (p.CITY_OF_BIRTH || p.COUNTRY_OF_BIRTH) b.put('birthPlace', joinParts([p.CITY_OF_BIRTH, p.COUNTRY_OF_BIRTH]), 'Place of birth');
        if (p.COUNTRY_OF_BIRTH) b.putCountry('birthCountry', p.COUNTRY_OF_BIRTH, 'Country of birth');
        break;
      }
      case 'address': {
        const p = groupParts(el, kind, b, ctx);
        const addr = joinParts(UN_ADDRESS_PARTS.map((k) => p[k]));
        if (addr) b.put('address', p.NOTE ? `${addr} (${p.NOTE})` : addr);
        else if (p.NOTE) b.note(p.NOTE, 'Address');
        if (p.COUNTRY) b.putCountry('country', p.COUNTRY, 'Country');
        break;
      }
      case 'birthDate':
        addBirthDates(b, groupParts(el, kind, b, ctx));
        break;
      case 'birthPlace': {
        const p = groupParts(el, kind, b, ctx);
        const place = joinParts([p.STREET, p.CITY, p.STATE_PROVINCE, p.ZIP_CODE, p.COUNTRY]);
        if (place) b.put('birthPlace', p.NOTE ? `${place} (${p.NOTE})` : place, 'Place of birth');
        else if (p.NOTE) b.note(p.NOTE, 'Place of birth');
        if (p.COUNTRY) b.putCountry('birthCountry', p.COUNTRY, 'Country of birth');
        break;
      }
      case 'document':
        addDocument(b, groupParts(el, kind, b, ctx), person);
        break;
    }
  }

  if (!ref) throw new SourceError(ctx.file, node.line, `<${node.name}> without a REFERENCE_NUMBER: every UN entry has one`);
  const ordered = UN_NAME_PARTS.map((k) => names[k]).filter(Boolean);
  const fullName = ordered.join(' ');
  if (!fullName) throw new SourceError(ctx.file, node.line, `${ref}: no FIRST_NAME`);
  // `name` is set before everything else so the caption is the list's own name.
  b.props.name = [fullName.replace(/\s+/g, ' ')];
  if (person && UN_KP_INDIVIDUAL.test(ref) && ordered.length > 1) {
    b.put('lastName', ordered[0]);
    b.put('firstName', ordered.slice(1).join(' '));
  }

  for (const imo of imoCompanyNumbers(comments)) {
    b.put('imoNumber', imo);
    b.note(imoCompanyNote(imo));
  }
  for (const m of referenceMentions(comments, ref)) {
    b.link({ type: 'linked_to', targetRecordId: m.recordId, note: `UN comments cite ${m.recordId}: "${m.sentence}"` });
  }
  for (const { alias, raw } of aliasRefs) {
    for (const m of referenceMentions(raw, ref)) {
      b.link({ type: 'linked_to', targetRecordId: m.recordId, note: `UN alias "${raw}" cites ${m.recordId}; kept as the alias "${alias}"` });
    }
  }

  const sanction: SanctionInfo = { authority: UN_AUTHORITY, programs: program ? [program] : [], provisions: [] };
  if (listedOn) sanction.listingDate = listedOn;
  if (comments) sanction.reason = comments.replace(/\s+/g, ' ');
  return b.build({ prefix: 'un', source: 'un', recordId: ref, sanctions: [sanction], line: node.line });
}
