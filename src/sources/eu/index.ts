import { SourceError, type ListSource, type ParseResult, type PublicationFiles } from '../types.js';
import { parseEuFsf } from './fsf.js';

export { parseEuFsf } from './fsf.js';

export const EU_FILE = 'eu-fsf.xml';

/** The EU consolidated financial sanctions list (Financial Sanctions Files, XML 1.1). DPRK programme code: PRK. */
export const euFsf: ListSource = {
  name: 'eu',
  dataset: 'eu_fsf',
  title: 'EU Consolidated Financial Sanctions List',
  prefix: 'eu',
  mirrorDir: 'eu',
  folderPattern: /^\d{4}-\d{2}-\d{2}$/,
  files: [
    {
      name: EU_FILE,
      url: 'https://webgate.ec.europa.eu/fsd/fsf/public/files/xmlFullSanctionsList_1_1/content?token=dG9rZW4tMjAxNw',
      required: true,
    },
  ],
  async parse(files: PublicationFiles): Promise<ParseResult> {
    const path = files[EU_FILE];
    if (!path) throw new SourceError(EU_FILE, undefined, `the publication has no ${EU_FILE}`);
    return parseEuFsf(path);
  },
};
