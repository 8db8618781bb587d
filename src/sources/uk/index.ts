import { SourceError, type ListSource, type ParseResult, type PublicationFiles } from '../types.js';
import { parseFcdoXml } from './fcdo.js';
import { parseHmtCsv } from './hmt.js';

export { parseHmtCsv, decodeCsvBytes } from './hmt.js';
export { parseFcdoXml } from './fcdo.js';

export const HMT_FILE = 'sanctionsconlist.csv';
export const FCDO_FILE = 'UK_Sanctions_List.xml';

/**
 * The old HM Treasury (OFSI) consolidated list, CSV. The official address now serves the successor 2022-format
 * ConList.csv (OFSI froze it on 28 January 2026 when the FCDO list replaced it); the parser reads both layouts by
 * column name. The staged publication is 2014-04-02.
 */
export const ukHmt: ListSource = {
  name: 'uk',
  dataset: 'gb_hmt_sanctions',
  title: 'UK HM Treasury Consolidated List of Financial Sanctions Targets',
  prefix: 'uk',
  mirrorDir: 'uk',
  folderPattern: /^\d{4}-\d{2}-\d{2}$/,
  files: [{ name: HMT_FILE, url: 'https://ofsistorage.blob.core.windows.net/publishlive/2022format/ConList.csv', required: true }],
  async parse(files: PublicationFiles): Promise<ParseResult> {
    const path = files[HMT_FILE];
    if (!path) throw new SourceError(HMT_FILE, undefined, `the publication has no ${HMT_FILE}`);
    return parseHmtCsv(path);
  },
};

/** The FCDO UK Sanctions List (XML): every UK designation, individuals, entities and ships. */
export const ukFcdo: ListSource = {
  name: 'uk-fcdo',
  dataset: 'gb_fcdo_sanctions',
  title: 'UK Sanctions List (FCDO)',
  prefix: 'ukfcdo',
  mirrorDir: 'uk-fcdo',
  folderPattern: /^\d{4}-\d{2}-\d{2}$/,
  files: [{ name: FCDO_FILE, url: 'https://sanctionslist.fcdo.gov.uk/docs/UK-Sanctions-List.xml', required: true }],
  async parse(files: PublicationFiles): Promise<ParseResult> {
    const path = files[FCDO_FILE];
    if (!path) throw new SourceError(FCDO_FILE, undefined, `the publication has no ${FCDO_FILE}`);
    return parseFcdoXml(path);
  },
};
