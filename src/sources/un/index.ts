import type { SourceRecord } from '../../model/types.js';
import { SourceError, type ListSource, type ParseResult, type PublicationFiles } from '../types.js';
import { WarningLog } from './builder.js';
import { UN_DATE_ATTR, UN_FORMAT, UN_RECORDS, UN_ROOT } from './fields.js';
import { unRecord } from './record.js';
import { isoDate } from './values.js';
import { readXmlRecords } from './xml.js';

export const UN_FILE = 'consolidated.xml';

/**
 * Parses one UN consolidated.xml (streamed with saxes). Records cite each other by reference number; those
 * citations become 'linked_to' StatedLinks, named after the cited record when it is in the same file.
 */
export async function parseUnConsolidated(path: string): Promise<ParseResult> {
  const warnings = new WarningLog();
  const records: SourceRecord[] = [];
  const byRef = new Map<string, SourceRecord>();
  let statedDate: string | undefined;
  const ctx = { file: path, warnings };

  await readXmlRecords(path, {
    format: UN_FORMAT,
    roots: [UN_ROOT],
    records: new Set(Object.keys(UN_RECORDS)),
    onRoot: (attrs) => {
      statedDate = isoDate(attrs[UN_DATE_ATTR]);
      if (!statedDate) warnings.add(`the root element has no usable ${UN_DATE_ATTR} attribute ("${attrs[UN_DATE_ATTR] ?? ''}")`);
    },
    onRecord: (node) => {
      const r = unRecord(node, ctx);
      if (byRef.has(r.recordId)) throw new SourceError(path, node.line, `REFERENCE_NUMBER ${r.recordId} appears twice (first on line ${byRef.get(r.recordId)!.line})`);
      byRef.set(r.recordId, r);
      records.push(r);
    },
  });

  for (const r of records) {
    for (const l of r.links) {
      if (!l.targetRecordId) continue;
      const target = byRef.get(l.targetRecordId);
      if (target) l.targetName = target.caption;
      else warnings.tally('missing-ref', (n) => `${n} citation(s) of reference numbers not on this list (kept as links without a name)`);
    }
  }
  return { records, statedDate, warnings: warnings.list() };
}

export const unSc: ListSource = {
  name: 'un',
  dataset: 'un_sc_sanctions',
  title: 'UN Security Council Consolidated List',
  prefix: 'un',
  mirrorDir: 'un',
  folderPattern: /^\d{4}-\d{2}-\d{2}$/,
  files: [{ name: UN_FILE, url: 'https://scsanctions.un.org/resources/xml/en/consolidated.xml', required: true }],
  async parse(files: PublicationFiles): Promise<ParseResult> {
    const path = files[UN_FILE];
    if (!path) throw new SourceError(UN_FILE, undefined, 'the publication has no consolidated.xml');
    return parseUnConsolidated(path);
  },
};
