import type { ListSource, OfficialFile, ParseResult, PublicationFiles } from '../types.js';
import { CONS_FILE_NAMES, parseOfacPublication, SDN_FILE_NAMES, type OfacFileNames } from './publication.js';

/**
 * OFAC's lists in the legacy CSV format: the SDN list and the Consolidated (non-SDN) list.
 * Both number their entries in one ent_num space, so both use the record id prefix 'ofac'.
 */

const DOWNLOADS = 'https://www.treasury.gov/ofac/downloads';

function officialFiles(names: OfacFileNames, base: string): OfficialFile[] {
  return [names.primary, names.addresses, names.aliases, names.comments].map((name) => ({
    name,
    url: `${base}/${name}`,
    required: name === names.primary,
  }));
}

export const ofacSdn: ListSource = {
  name: 'ofac',
  dataset: 'us_ofac_sdn',
  title: 'OFAC Specially Designated Nationals (SDN) List',
  prefix: 'ofac',
  mirrorDir: 'ofac',
  // `2025-12-24-partial`-style folders are found too, and refused by parse() when sdn.csv is missing.
  folderPattern: /^\d{4}-\d{2}-\d{2}(-partial)?$/,
  files: officialFiles(SDN_FILE_NAMES, DOWNLOADS),
  parse(files: PublicationFiles): Promise<ParseResult> {
    return parseOfacPublication(files, { names: SDN_FILE_NAMES, source: 'ofac', prefix: 'ofac' });
  },
};

export const ofacCons: ListSource = {
  name: 'ofac-cons',
  dataset: 'us_ofac_cons',
  title: 'OFAC Consolidated Sanctions List (non-SDN)',
  prefix: 'ofac',
  mirrorDir: 'ofac',
  folderPattern: /^consolidated-(\d{4}-\d{2}-\d{2})$/,
  files: officialFiles(CONS_FILE_NAMES, `${DOWNLOADS}/consolidated`),
  parse(files: PublicationFiles): Promise<ParseResult> {
    return parseOfacPublication(files, { names: CONS_FILE_NAMES, source: 'ofac-cons', prefix: 'ofac' });
  },
};

export { CONS_FILE_NAMES, SDN_FILE_NAMES, parseOfacPublication } from './publication.js';
export type { OfacFileNames, OfacPublicationOptions } from './publication.js';
export { programTags } from './record.js';
