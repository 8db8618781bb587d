import type { SourceRecord } from '../model/types.js';

/** A parse failure that names the file and the line, so the user can find the bad input. */
export class SourceError extends Error {
  constructor(
    readonly file: string,
    readonly line: number | undefined,
    readonly reason: string,
  ) {
    super(`${file}${line !== undefined ? `:${line}` : ''}: ${reason}`);
    this.name = 'SourceError';
  }
}

/** One official file of a list publication. */
export interface OfficialFile {
  /** File name inside a mirror folder, e.g. 'sdn.csv'. */
  name: string;
  /** Official download address. */
  url: string;
  /** A publication is incomplete without it. */
  required: boolean;
}

/** The files of one publication found on disk: file name -> absolute path. */
export type PublicationFiles = Record<string, string>;

export interface ParseResult {
  records: SourceRecord[];
  /** The publication date the files state themselves (UN dateGenerated, UK 'Last Updated'), if any. */
  statedDate?: string;
  /** Non-fatal observations: orphans in companion files, unknown elements skipped ... */
  warnings: string[];
}

/**
 * A sanctions list: where it is published, how its mirror folders are named, how to parse a publication.
 * Sources never touch the database and never analyse: they turn files into SourceRecords.
 */
export interface ListSource {
  /** Short name used on the command line and in mirror folders' parent: 'ofac', 'un', 'uk', 'eu'. */
  name: string;
  /** Dataset name (yente-style), e.g. 'us_ofac_sdn'. */
  dataset: string;
  title: string;
  /** Prefix of record ids: `${prefix}-${recordId}`. */
  prefix: string;
  /** Folder under the mirror root holding `<date>/` publications, and a pattern the date folder must match. */
  mirrorDir: string;
  folderPattern: RegExp;
  files: OfficialFile[];
  parse(files: PublicationFiles): Promise<ParseResult>;
}
