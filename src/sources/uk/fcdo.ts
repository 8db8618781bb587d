import type { SanctionInfo, SourceRecord } from '../../model/types.js';
import type { SchemaName } from '../../model/schema.js';
import { SourceError, type ParseResult } from '../types.js';
import { RecordBuilder, UniqueIds, WarningLog } from '../un/builder.js';
import { dmyDate, gender, joinParts } from '../un/values.js';
import { allText, childText, readXmlRecords, text, type XmlNode } from '../un/xml.js';
import {
  FCDO_AUTHORITY, FCDO_FIELDS as F, FCDO_FORMAT, FCDO_GENERATED, FCDO_GROUPS as G, FCDO_LEAVES, FCDO_NAME_TYPES,
  FCDO_RECORD, FCDO_ROOT, FCDO_TYPES, type FcdoLeafRule,
} from './fcdo-fields.js';

/**
 * The FCDO UK Sanctions List XML -> SourceRecords, one per Designation (record id = UniqueID, e.g. 'DPR0075').
 * Element names are in fcdo-fields.ts and are NOT verified against a real file (none is staged).
 */

const FIELD_NAMES = new Set<string>(Object.values(F));
const GROUP_OF = new Map<string, keyof typeof G>([
  [G.name.element, 'name'],
  [G.nonLatinName.element, 'nonLatinName'],
  [G.address.element, 'address'],
  ...G.passport.elements.map((e) => [e, 'passport'] as [string, keyof typeof G]),
  ...G.nationalId.elements.map((e) => [e, 'nationalId'] as [string, keyof typeof G]),
  [G.birthLocation.element, 'birthLocation'],
]);
const GROUP_CHILDREN: Record<keyof typeof G, string[]> = {
  name: [...G.name.parts, G.name.last, G.name.type, G.name.strength],
  nonLatinName: [G.nonLatinName.name, G.nonLatinName.script, G.nonLatinName.language],
  address: [...G.address.lines, G.address.postCode, G.address.country],
  passport: [G.passport.number, G.passport.info],
  nationalId: [G.nationalId.number, G.nationalId.info],
  birthLocation: [G.birthLocation.town, G.birthLocation.country],
};

interface Ctx {
  file: string;
  warnings: WarningLog;
}

function unknown(ctx: Ctx, b: RecordBuilder, path: string, node: XmlNode): void {
  const value = allText(node);
  if (!value) return;
  ctx.warnings.tally(`unknown:${path}`, (n) => `unknown element <${path}> (${n} times); its text is kept in notes`);
  b.note(value, node.name);
}

/** Texts of a group's known children; unknown children are reported and kept. */
function groupParts(ctx: Ctx, b: RecordBuilder, kind: keyof typeof G, node: XmlNode): Record<string, string> {
  const known = GROUP_CHILDREN[kind];
  const parts: Record<string, string> = {};
  for (const c of node.children) {
    if (known.includes(c.name)) {
      const v = text(c);
      if (v) parts[c.name] = v;
    } else unknown(ctx, b, `${node.name}/${c.name}`, c);
  }
  return parts;
}

function applyGroup(ctx: Ctx, b: RecordBuilder, kind: keyof typeof G, node: XmlNode): void {
  const p = groupParts(ctx, b, kind, node);
  const person = b.schema === 'Person';
  switch (kind) {
    case 'name': {
      const given = G.name.parts.map((k) => p[k]).filter(Boolean);
      const full = joinParts([...given, p[G.name.last]], ' ');
      if (!full) return;
      const type = (p[G.name.type] ?? '').trim();
      let prop = FCDO_NAME_TYPES[type.toLowerCase()];
      if (!prop) {
        ctx.warnings.tally(`nametype:${type}`, (n) => `unknown NameType "${type}" (${n} times), read as an alias`);
        prop = 'alias';
      }
      if (prop === 'alias' && /low/i.test(p[G.name.strength] ?? '')) b.put('weakAlias', full);
      else b.put(prop, full);
      if (prop === 'name' && person) {
        b.put('firstName', given[0]);
        b.put('middleName', given.slice(1).join(' '));
        b.put('lastName', p[G.name.last]);
      }
      return;
    }
    case 'nonLatinName': {
      const name = p[G.nonLatinName.name];
      b.put('alias', name);
      const meta = joinParts([p[G.nonLatinName.language], p[G.nonLatinName.script]]);
      if (name && meta) b.note(`${name} (${meta})`, 'Non-Latin name');
      return;
    }
    case 'address': {
      const country = p[G.address.country];
      b.put('address', joinParts([...G.address.lines.map((k) => p[k]), p[G.address.postCode], country]));
      if (country) b.putCountry('country', country, 'Country');
      return;
    }
    case 'passport':
    case 'nationalId': {
      const g = kind === 'passport' ? G.passport : G.nationalId;
      const number = p[g.number];
      const label = kind === 'passport' ? 'Passport' : 'National identifier';
      b.put(kind === 'passport' && person ? 'passportNumber' : 'idNumber', number, label);
      if (p[g.info]) b.note(number ? `${number}: ${p[g.info]}` : p[g.info], label);
      return;
    }
    case 'birthLocation': {
      b.put('birthPlace', joinParts([p[G.birthLocation.town], p[G.birthLocation.country]]), 'Place of birth');
      if (p[G.birthLocation.country]) b.putCountry('birthCountry', p[G.birthLocation.country], 'Country of birth');
      return;
    }
  }
}

function applyLeaf(ctx: Ctx, b: RecordBuilder, rule: FcdoLeafRule, value: string): void {
  if ('special' in rule) {
    if (rule.special === 'dob') {
      const d = dmyDate(value);
      if (d) b.put('birthDate', d, 'DOB');
      else b.note(value, 'DOB');
    } else {
      const g = gender(value);
      if (g) b.put('gender', g, 'Gender');
      else b.note(value, 'Gender');
    }
  } else if ('link' in rule) {
    b.link({ type: rule.link, targetName: value, note: `FCDO: ${rule.label}` });
  } else if ('note' in rule) {
    b.note(value, rule.note);
  } else {
    const v = rule.strip ? value.replace(rule.strip, '') : value;
    if (rule.country) b.putCountry(rule.prop, v, rule.label);
    else if (rule.date === 'year') {
      if (/^\d{4}$/.test(v)) b.put(rule.prop, v, rule.label);
      else b.note(v, rule.label);
    } else b.put(rule.prop, v, rule.label);
  }
}

/** Walks containers down to groups and leaves. */
function walk(ctx: Ctx, b: RecordBuilder, node: XmlNode, top: boolean): void {
  for (const c of node.children) {
    if (top && (FIELD_NAMES.has(c.name))) continue;
    const group = GROUP_OF.get(c.name);
    if (group) {
      applyGroup(ctx, b, group, c);
      continue;
    }
    if (c.children.length) {
      walk(ctx, b, c, false);
      continue;
    }
    const value = text(c);
    if (!value) continue;
    const rule = FCDO_LEAVES[c.name];
    if (rule) applyLeaf(ctx, b, rule, value);
    else unknown(ctx, b, `${node.name}/${c.name}`, c);
  }
}

/** 'ProhibitionOfPortEntry' -> 'Prohibition of port entry'. */
function indicatorLabel(name: string): string {
  const words = name.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function fcdoRecord(node: XmlNode, ctx: Ctx): SourceRecord {
  const field = (k: keyof typeof F) => childText(node, F[k]);
  const uniqueId = field('uniqueId');
  if (!uniqueId) throw new SourceError(ctx.file, node.line, `<${FCDO_RECORD}> without a ${F.uniqueId}`);
  const type = field('type');
  let schema: SchemaName | undefined = FCDO_TYPES[type.toLowerCase()];
  if (!schema) {
    ctx.warnings.tally(`type:${type}`, (n) => `unknown ${F.type} "${type}" (${n} designations), read as a legal entity`);
    schema = 'LegalEntity';
  }
  const b = new RecordBuilder(schema);
  walk(ctx, b, node, true);

  const updated = dmyDate(field('lastUpdated'));
  if (updated) b.put('modifiedAt', updated);
  else b.note(field('lastUpdated'), 'Last updated');
  b.note(field('otherInformation'));
  b.note(field('source'), 'Designation source');
  // 'UN Ref <ref>' is the form merge.ts recognises to join this record with the UN list's.
  if (field('unReference')) b.note(`UN Ref ${field('unReference')}`);
  b.note(field('ofsiGroupId'), 'OFSI Group ID');

  let provisions = field('sanctionsImposed').split('|').map((s) => s.trim()).filter(Boolean);
  const indicators = node.children.find((c) => c.name === F.indicators);
  if (!provisions.length && indicators) {
    provisions = indicators.children.filter((c) => text(c).toLowerCase() === 'true').map((c) => indicatorLabel(c.name));
  }
  const designated = dmyDate(field('dateDesignated'));
  if (field('dateDesignated') && !designated) b.note(field('dateDesignated'), 'Date designated');
  const sanction: SanctionInfo = { authority: FCDO_AUTHORITY, programs: field('regime') ? [field('regime')] : [], provisions };
  if (designated) sanction.listingDate = designated;
  if (field('reasons')) sanction.reason = field('reasons').replace(/\s+/g, ' ');
  if (!b.first('name')) ctx.warnings.tally('no-primary', (n) => `${n} designation(s) without a 'Primary Name' (named by an alias)`);
  return b.build({ prefix: 'ukfcdo', source: 'uk-fcdo', recordId: uniqueId, sanctions: [sanction], line: node.line });
}

/** Parses an FCDO UK Sanctions List XML file. */
export async function parseFcdoXml(path: string): Promise<ParseResult> {
  const warnings = new WarningLog();
  const ctx: Ctx = { file: path, warnings };
  const records: SourceRecord[] = [];
  const ids = new UniqueIds(path, F.uniqueId);
  let statedDate: string | undefined;
  await readXmlRecords(path, {
    format: FCDO_FORMAT,
    roots: [FCDO_ROOT],
    records: new Set([FCDO_RECORD, FCDO_GENERATED]),
    onRecord: (node) => {
      if (node.name === FCDO_GENERATED) {
        statedDate = dmyDate(text(node));
        if (!statedDate) warnings.add(`<${FCDO_GENERATED}> "${text(node)}" is not a date`);
        return;
      }
      const r = fcdoRecord(node, ctx);
      ids.add(r.recordId, node.line);
      records.push(r);
    },
  });
  return { records, statedDate, warnings: warnings.list() };
}
