import { SourceError } from '../../types.js';
import { parseHeadedCsv } from '../csv.js';
import { requireIsoDay } from '../dates.js';
import { readSourceText } from '../read.js';
import type { UnscResolution } from '../types.js';

/** UN Security Council resolutions on the DPRK, compiled by hand with sources per row. */

export const UNSC_FILE = 'un/unsc-dprk-resolutions-compiled.csv';

export const UNSC_COLUMNS = {
  resolution: 'resolution',
  adoptionDate: 'adoption_date',
  triggerEvents: 'trigger_events',
  triggerEventDates: 'trigger_event_dates',
  keyMeasures: 'key_measures',
  refinedCap: 'refined_petroleum_cap_bbl_per_year',
  crudeCap: 'crude_oil_cap',
  coal: 'coal_export_rule',
  exportBans: 'export_bans_added',
  designations: 'designations_added',
  maritime: 'maritime_provisions',
  urls: 'source_urls',
  verification: 'verification',
} as const;

/** Separators the compiler used inside one cell. */
const DATE_SEPARATOR = /\s*;\s*/;
const URL_SEPARATOR = /\s*\|\s*/;

function optional(v: string): string | null {
  const t = v.trim();
  return t === '' ? null : t;
}

export async function parseUnsc(file: string): Promise<UnscResolution[]> {
  const rows = parseHeadedCsv(await readSourceText(file), file, Object.values(UNSC_COLUMNS));
  return rows.map(({ cells, line }) => {
    const c = (k: keyof typeof UNSC_COLUMNS) => cells[UNSC_COLUMNS[k]];
    const resolution = Number(c('resolution'));
    if (!Number.isInteger(resolution) || resolution <= 0) throw new SourceError(file, line, `${UNSC_COLUMNS.resolution}: not a resolution number: "${c('resolution')}"`);
    const cap = optional(c('refinedCap'));
    const capNumber = cap === null ? null : Number(cap.replace(/,/g, ''));
    if (capNumber !== null && !Number.isFinite(capNumber)) throw new SourceError(file, line, `${UNSC_COLUMNS.refinedCap}: not a number: "${cap}"`);
    const triggerDates = c('triggerEventDates').trim();
    return {
      source: 'unsc',
      rowId: `unsc:${resolution}`,
      file,
      line,
      raw: { ...cells },
      resolution,
      adoptionDate: requireIsoDay(c('adoptionDate'), file, line, UNSC_COLUMNS.adoptionDate),
      triggerEvents: c('triggerEvents').trim(),
      triggerEventDates: triggerDates === '' ? [] : triggerDates.split(DATE_SEPARATOR).map((d) => requireIsoDay(d, file, line, UNSC_COLUMNS.triggerEventDates)),
      keyMeasures: c('keyMeasures').trim(),
      refinedPetroleumCapBblPerYear: capNumber,
      crudeOilCap: optional(c('crudeCap')),
      coalExportRule: optional(c('coal')),
      exportBansAdded: optional(c('exportBans')),
      designationsAdded: optional(c('designations')),
      maritimeProvisions: optional(c('maritime')),
      sourceUrls: c('urls').split(URL_SEPARATOR).map((u) => u.trim()).filter((u) => u !== ''),
      verification: c('verification').trim(),
    };
  });
}
