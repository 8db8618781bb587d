/**
 * Rows of the provocation-side event sources (missile tests, provocations, UNSC resolutions).
 * Parsers keep every raw field so that analyses can cite the exact row they used.
 */

export type EventSourceName = 'nagix' | 'cns' | 'csis' | 'unsc';

/** A raw cell as read from the file. */
export type FieldValue = string | number | boolean | null;

/** An ISO calendar day, 'YYYY-MM-DD'. */
export type IsoDay = string;

export interface EventRow {
  source: EventSourceName;
  /** Stable id within the source (documented per source in docs/timeline.md). */
  rowId: string;
  /** File name as it appears in error messages. */
  file: string;
  /** 1-based line (CSV), spreadsheet row (xlsx) or JSON line where the row starts. */
  line: number;
  /** Every field of the row as read, for evidence. */
  raw: Record<string, FieldValue>;
}

export interface Facility {
  name: string;
  lat: number | null;
  lon: number | null;
}

export type Outcome = 'success' | 'failure' | 'unknown';

/** One missile of a missile-test catalogue (CNS spreadsheet or the nagix JSON): one row per missile. */
export interface CatalogueTest extends EventRow {
  source: 'nagix' | 'cns';
  /** Calendar day as the source gives it (UTC when a launch time is given; see docs/timeline.md). */
  date: IsoDay;
  /** 'month' when the source knows only the month (nagix writes 'YYYY-MM'; `date` is then the 1st). */
  datePrecision: 'day' | 'month';
  /** Launch time in UTC, 'HH:MM', when the source gives one. */
  timeUtc: string | null;
  missileName: string;
  /** The source's missile type: SRBM, MRBM, IRBM, ICBM, SLBM, SLV, HGV or Unknown. */
  missileType: string;
  /** Null when the source names no facility (nagix 'unknown', CNS 'Unknown'). */
  facility: Facility | null;
  outcome: Outcome;
  description: string;
}

/** The CSIS Beyond Parallel provocation types. */
export type CsisType = 'Missile Provocation' | 'Nuclear Provocation' | 'Other Provocation';

/** One row of the CSIS provocations CSV: one event, dated locally (Korea). */
export interface CsisEvent extends EventRow {
  source: 'csis';
  /** Local (Korea) day of the event. */
  date: IsoDay;
  type: CsisType;
  /** The free-text 'event' label, e.g. 'Short-range Ballistic Missile Launch'. */
  label: string;
  description: string;
  url: string;
}

/** One UN Security Council resolution on the DPRK (helper-compiled CSV). */
export interface UnscResolution extends EventRow {
  source: 'unsc';
  resolution: number;
  adoptionDate: IsoDay;
  triggerEvents: string;
  /** Dates as the compiler wrote them (U.S./UTC calendar, not KST: see docs/timeline.md). */
  triggerEventDates: IsoDay[];
  keyMeasures: string;
  refinedPetroleumCapBblPerYear: number | null;
  crudeOilCap: string | null;
  coalExportRule: string | null;
  exportBansAdded: string | null;
  designationsAdded: string | null;
  maritimeProvisions: string | null;
  sourceUrls: string[];
  verification: string;
}

export interface DateRange {
  first: IsoDay;
  last: IsoDay;
}

/** What one source file set covers, so callers can say "outside the data range" rather than "zero". */
export interface SourceCoverage {
  source: EventSourceName;
  files: string[];
  rows: number;
  /** First and last day of the rows (null for an empty source). */
  range: DateRange | null;
}

/** The date range of a set of dated rows. */
export function rangeOf(dates: Iterable<IsoDay>): DateRange | null {
  let first: IsoDay | undefined;
  let last: IsoDay | undefined;
  for (const d of dates) {
    if (first === undefined || d < first) first = d;
    if (last === undefined || d > last) last = d;
  }
  return first === undefined || last === undefined ? null : { first, last };
}
