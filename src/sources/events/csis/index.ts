import { SourceError } from '../../types.js';
import { parseHeadedCsv } from '../csv.js';
import { requireIsoDay } from '../dates.js';
import { readSourceText } from '../read.js';
import type { CsisEvent, CsisType } from '../types.js';

/** The CSIS Beyond Parallel "Database of North Korean Provocations" as scraped by stiles/north-korea-provocations. */

export const CSIS_FILE = 'events/csis-provocations/north_korea_provocations_1958_present.csv';

export const CSIS_COLUMNS = { date: 'date', type: 'type', event: 'event', description: 'description', resources: 'resources' } as const;

const TYPES: readonly CsisType[] = ['Missile Provocation', 'Nuclear Provocation', 'Other Provocation'];

/**
 * Parses the CSV. Row ids are `csis:<date>#<n>`, n counting rows of the same date in file order: the file is
 * newest-first and grows at the top, so a plain row index would change with every scrape.
 */
export async function parseCsis(file: string): Promise<CsisEvent[]> {
  const rows = parseHeadedCsv(await readSourceText(file), file, Object.values(CSIS_COLUMNS));
  const perDay = new Map<string, number>();
  return rows.map(({ cells, line }) => {
    const date = requireIsoDay(cells[CSIS_COLUMNS.date], file, line, CSIS_COLUMNS.date);
    const type = cells[CSIS_COLUMNS.type].trim() as CsisType;
    if (!TYPES.includes(type)) throw new SourceError(file, line, `${CSIS_COLUMNS.type}: unknown provocation type "${type}"`);
    const n = (perDay.get(date) ?? 0) + 1;
    perDay.set(date, n);
    return {
      source: 'csis',
      rowId: `csis:${date}#${n}`,
      file,
      line,
      raw: { ...cells },
      date,
      type,
      label: cells[CSIS_COLUMNS.event].trim(),
      description: cells[CSIS_COLUMNS.description].trim(),
      url: cells[CSIS_COLUMNS.resources].trim(),
    };
  });
}
