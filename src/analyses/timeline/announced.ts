import { relativeFiles } from './launches.js';
import { join } from 'node:path';
import { SourceError } from '../../sources/types.js';
import { parseHeadedCsv } from '../../sources/events/csv.js';
import { requireIsoDay } from '../../sources/events/dates.js';
import { readSourceText } from '../../sources/events/read.js';
import { parseUnsc, UNSC_FILE } from '../../sources/events/unsc/index.js';
import type { IsoDay, UnscResolution } from '../../sources/events/types.js';

/**
 * Pressure series that do not come from list versions, each kept apart and labelled:
 * - 'ofac_announced': OFAC North Korea designation actions compiled by hand from Treasury press releases and news
 *   (`actions/ofac-dprk-actions-compiled.csv`, 9 actions 2016-2022). A SEED, not a complete series: it is shown
 *   and counted on its own, never mixed into designation actions or lags.
 * - 'unsc': UN Security Council resolutions on the DPRK (`un/unsc-dprk-resolutions-compiled.csv`).
 * (The parser of the compiled OFAC file lives here until it gets a folder under src/sources/events/.)
 */

/** How each series is labelled in the output's coverage. */
export const SERIES_NOTES = {
  ofac_announced: 'compiled by hand from Treasury press releases and news: a seed of OFAC actions, not a complete series; counted apart',
  unsc: 'UN Security Council DPRK resolutions compiled by hand (2356 of 2017-06-02, listings only, is not in the file)',
} as const;

export const OFAC_ACTIONS_FILE = 'actions/ofac-dprk-actions-compiled.csv';

export const OFAC_ACTIONS_COLUMNS = {
  date: 'action_date',
  authority: 'authority_notes',
  individuals: 'individuals_designated',
  entities: 'entities_designated',
  vessels: 'vessels_designated_or_identified',
  other: 'other',
  summary: 'summary',
  urls: 'source_urls',
  verification: 'verification',
} as const;

const URL_SEPARATOR = /\s*\|\s*/;

export interface AnnouncedAction {
  series: 'ofac_announced';
  rowId: string;
  file: string;
  line: number;
  date: IsoDay;
  authority_notes: string;
  /** Counts as the compiled sources state them; null when they give none. */
  individuals: number | null;
  entities: number | null;
  vessels: number | null;
  other: string;
  summary: string;
  urls: string[];
  verification: string;
}

function count(value: string, file: string, line: number, column: string): number | null {
  const v = value.trim();
  if (v === '') return null;
  if (!/^\d+$/.test(v)) throw new SourceError(file, line, `${column}: not a whole number: "${value}"`);
  return Number(v);
}

export async function parseAnnouncedActions(file: string): Promise<AnnouncedAction[]> {
  const C = OFAC_ACTIONS_COLUMNS;
  const rows = parseHeadedCsv(await readSourceText(file), file, Object.values(C));
  return rows.map(({ cells, line }) => {
    const date = requireIsoDay(cells[C.date], file, line, C.date);
    return {
      series: 'ofac_announced',
      rowId: `ofac-announced:${date}`,
      file,
      line,
      date,
      authority_notes: cells[C.authority].trim(),
      individuals: count(cells[C.individuals], file, line, C.individuals),
      entities: count(cells[C.entities], file, line, C.entities),
      vessels: count(cells[C.vessels], file, line, C.vessels),
      other: cells[C.other].trim(),
      summary: cells[C.summary].trim(),
      urls: cells[C.urls].split(URL_SEPARATOR).map((u) => u.trim()).filter((u) => u !== ''),
      verification: cells[C.verification].trim(),
    };
  });
}

export interface SeriesData {
  announced: AnnouncedAction[];
  resolutions: UnscResolution[];
}

/** Reads both series under the shared data folder. A missing or malformed file is a SourceError naming it. */
export async function loadSeries(dataDir: string): Promise<SeriesData> {
  const [announced, resolutions] = await Promise.all([parseAnnouncedActions(join(dataDir, OFAC_ACTIONS_FILE)), parseUnsc(join(dataDir, UNSC_FILE))]);
  return { announced: relativeFiles(announced, dataDir), resolutions: relativeFiles(resolutions, dataDir) };
}
