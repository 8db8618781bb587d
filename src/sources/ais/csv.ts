/**
 * AIS CSV reader, with the same handlers and counters as the NMEA decoder. Records are split by csv-records.ts
 * (quotes, BOM, CRLF); this file maps columns to records.
 *
 * Pinned layout (docs/ARCHITECTURE.md "AIS CSV input"): header `mmsi,timestamp,lat,lon,sog,cog,heading,nav_status`,
 * timestamp ISO 8601 UTC, sog in knots; extra columns ignored. Other layouts go through a CsvColumnMapping; ready-made
 * ones: GFW_CSV_MAPPING (Global Fishing Watch exports) and AISDB_CSV_MAPPING (AISdb's decoded wide CSV).
 *
 * A row gives a position when it has lat and lon, and a static record when it has any identity/voyage field (name,
 * call sign, IMO, ship type, dimensions, destination, draught); a GFW type-19 row gives both, a GFW static row
 * (lat/lon "NA") only the static. Rows are never fatal: a bad one is counted by reason and skipped. A header that
 * lacks the mapped mmsi or timestamp column is a configuration error and throws.
 */
import { pushFile } from './file.js';
import { CsvRecords } from './csv-records.js';
import { AisCounters, REASON, type AisStats } from './stats.js';
import { blankPosition, blankStatic, resetStatic, type AisClass, type AisPosition, type AisReaderOptions, type AisStatic } from './types.js';
import { parseTime } from './time.js';
import { shipTypeText } from './shiptypes.js';

/** Access to the current row's cells by column name (for computed fields). */
export interface CsvRow {
  get(column: string): string | undefined;
}

/** A column name, alternative names (the first present in the header is used), or a function of the row. */
export type CsvField<T> = string | readonly string[] | ((row: CsvRow) => T | undefined);

export interface CsvColumnMapping {
  mmsi: CsvField<number>;
  /** A column read with parseTime (ISO 8601, SQL style, compact, epoch s/ms; no zone = UTC), or a function → epoch ms. */
  timestamp: CsvField<number>;
  lat?: CsvField<number>;
  lon?: CsvField<number>;
  /** Knots. */
  sog?: CsvField<number>;
  cog?: CsvField<number>;
  heading?: CsvField<number>;
  navStatus?: CsvField<number>;
  /** AIS message type: a number, or text ending in one ('AIS.19'). Types other than 1/2/3/5/18/19/24/27 are skipped. */
  msgType?: CsvField<number>;
  /** 'A' or 'B'; without it, derived from msgType (18/19/24 → B). */
  cls?: CsvField<AisClass>;
  imo?: CsvField<number>;
  name?: CsvField<string>;
  callSign?: CsvField<string>;
  shipType?: CsvField<number>;
  /** Plain-words ship type when the file gives words instead of the code (GFW). */
  shipTypeText?: CsvField<string>;
  length?: CsvField<number>;
  beam?: CsvField<number>;
  destination?: CsvField<string>;
  /** Metres. */
  draught?: CsvField<number>;
  /** Cell values meaning "no value" (after trimming). Default NOT_AVAILABLE_CELLS. */
  notAvailable?: readonly string[];
}

export const NOT_AVAILABLE_CELLS: readonly string[] = ['', 'NA', 'N/A', 'None', 'none', 'null', 'NULL', 'NaN', 'nan'];

/** The pinned Chokepoint layout. */
export const PINNED_CSV_MAPPING: CsvColumnMapping = {
  mmsi: 'mmsi', timestamp: 'timestamp', lat: 'lat', lon: 'lon', sog: 'sog', cog: 'cog', heading: 'heading', navStatus: 'nav_status',
};

/**
 * Global Fishing Watch exports: message-level tracks (`ssvid,timestamp,lat,lon,speed_knots,heading,course,…,type,…,
 * AIS_class`) and identity extracts (`type,ssvid,timestamp,shipname,callsign,lat,lon,speed`, static rows with lat/lon NA).
 */
export const GFW_CSV_MAPPING: CsvColumnMapping = {
  mmsi: 'ssvid', timestamp: 'timestamp', lat: 'lat', lon: 'lon', sog: ['speed_knots', 'speed'], cog: 'course', heading: 'heading',
  msgType: 'type', cls: 'AIS_class', imo: 'imo', name: 'shipname', callSign: 'callsign', shipTypeText: 'shiptype',
  length: 'length', beam: 'width', destination: 'destination',
};

const DECIMETRES_PER_METRE = 10;

/** A number from a row's cell; undefined if absent or not available. */
function cellNumber(row: CsvRow, column: string): number | undefined {
  const v = row.get(column)?.trim();
  if (v === undefined || NOT_AVAILABLE_CELLS.includes(v)) return undefined;
  const n = Number(v);
  return Number.isFinite(n) ? n : undefined;
}

/** Sum of two cells (a dimension from two reference distances); undefined if both are missing or the sum is 0. */
function cellSum(row: CsvRow, a: string, b: string): number | undefined {
  const sum = (cellNumber(row, a) ?? 0) + (cellNumber(row, b) ?? 0);
  return sum || undefined;
}

/**
 * AISdb's decoded CSV (`MMSI,Message_ID,…,Time,Millisecond,…,Longitude,Latitude,…`): Time is 'YYYYMMDD_HHMMSS' with the
 * milliseconds in their own column, "None" means not available, draught is in decimetres, dimensions in 4 parts.
 */
export const AISDB_CSV_MAPPING: CsvColumnMapping = {
  mmsi: 'MMSI',
  timestamp: (row) => {
    const t = parseTime(row.get('Time') ?? '');
    return t + (cellNumber(row, 'Millisecond') ?? 0);
  },
  lat: 'Latitude', lon: 'Longitude', sog: 'SOG', cog: 'COG', heading: 'Heading', navStatus: 'Navigational_status', msgType: 'Message_ID',
  imo: 'IMO', name: 'Vessel_Name', callSign: 'Call_sign', shipType: 'Ship_Type', destination: 'Destination',
  draught: (row) => {
    const d = cellNumber(row, 'Draught');
    return d ? d / DECIMETRES_PER_METRE : undefined;
  },
  length: (row) => cellSum(row, 'Dimension_to_Bow', 'Dimension_to_stern'),
  beam: (row) => cellSum(row, 'Dimension_to_port', 'Dimension_to_starboard'),
};

export interface CsvDecoderOptions extends AisReaderOptions {
  /** Default PINNED_CSV_MAPPING. */
  mapping?: CsvColumnMapping;
}

export interface CsvDecoder {
  /** Feed bytes or text, cut anywhere. Throws if the header lacks the mapping's mmsi or timestamp column. */
  push(chunk: Uint8Array | string): void;
  end(): void;
  stats(): AisStats;
}

// Value conventions shared with the NMEA decoder.
const LAT_NOT_AVAILABLE = 91;
const LON_NOT_AVAILABLE = 181;
const MAX_ABS_LAT = 90;
const MAX_ABS_LON = 180;
/** 102.3 knots is the AIS "speed not available" marker (1023 tenths). */
const SOG_NOT_AVAILABLE_KNOTS = 102.3;
const FULL_CIRCLE = 360;
const MAX_NAV_STATUS = 15;
const UNKNOWN_MESSAGE_TYPE = 0;
const MESSAGE_TYPES = 64;
const SUPPORTED_TYPES = new Set([1, 2, 3, 5, 18, 19, 24, 27]);
const CLASS_B_TYPES = new Set([18, 19, 24]);
const DIGIT_0 = 48;
const DIGIT_9 = 57;
const SPACE = 32;

/** A field resolved against the header: a column index, a function, or absent (-1). */
type Resolved<T> = number | ((row: CsvRow) => T | undefined);
type FieldName = Exclude<keyof CsvColumnMapping, 'notAvailable'>;
type ResolvedFields = Record<FieldName, Resolved<unknown>>;
const FIELD_NAMES: readonly FieldName[] = [
  'mmsi', 'timestamp', 'lat', 'lon', 'sog', 'cog', 'heading', 'navStatus', 'msgType', 'cls', 'imo', 'name', 'callSign', 'shipType',
  'shipTypeText', 'length', 'beam', 'destination', 'draught',
];

function resolve<T>(field: CsvField<T> | undefined, header: Map<string, number>): Resolved<T> {
  if (field === undefined) return -1;
  if (typeof field === 'function') return field as (row: CsvRow) => T | undefined;
  for (const name of typeof field === 'string' ? [field] : field) {
    const i = header.get(name);
    if (i !== undefined) return i;
  }
  return -1;
}

/** The integer a message-type cell ends with: '19' → 19, 'AIS.19' → 19; undefined if none. */
function trailingInteger(text: string): number | undefined {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) <= SPACE) end--;
  let start = end;
  while (start > 0 && text.charCodeAt(start - 1) >= DIGIT_0 && text.charCodeAt(start - 1) <= DIGIT_9) start--;
  return start === end ? undefined : Number(text.slice(start, end));
}

class CsvStreamDecoder implements CsvDecoder {
  private readonly c = new AisCounters();
  private readonly records: CsvRecords;
  private readonly mapping: CsvColumnMapping;
  private readonly notAvailable: Set<string>;
  private readonly onPosition: ((p: AisPosition) => void) | undefined;
  private readonly onStatic: ((s: AisStatic) => void) | undefined;
  private readonly defaultTime: number;
  private readonly reuse: boolean;
  private position = blankPosition();
  private static = blankStatic();
  private headerError: Error | undefined;
  private fields: ResolvedFields | undefined;
  private readonly header = new Map<string, number>();
  private readonly row: CsvRow = { get: (column) => {
    const i = this.header.get(column);
    return i === undefined ? undefined : this.records.field(i);
  } };

  constructor(o: CsvDecoderOptions) {
    this.mapping = o.mapping ?? PINNED_CSV_MAPPING;
    this.notAvailable = new Set(this.mapping.notAvailable ?? NOT_AVAILABLE_CELLS);
    this.onPosition = o.onPosition;
    this.onStatic = o.onStatic;
    this.defaultTime = o.defaultTime ?? NaN;
    this.reuse = o.reuseRecords ?? true;
    this.records = new CsvRecords((r) => this.onRecord(r), () => {
      this.c.lines++;
      this.c.error(REASON.malformed);
    });
  }

  push(chunk: Uint8Array | string): void {
    this.throwIfBroken();
    if (typeof chunk === 'string') this.records.push(Buffer.from(chunk, 'utf8'));
    else this.records.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
    this.throwIfBroken();
  }

  end(): void {
    this.throwIfBroken();
    this.records.end();
    this.throwIfBroken();
  }

  stats(): AisStats {
    return this.c.snapshot();
  }

  private throwIfBroken(): void {
    if (this.headerError) throw this.headerError;
  }

  private onRecord(r: CsvRecords): void {
    if (this.headerError) return;
    if (!this.fields) {
      const header: string[] = [];
      for (let i = 0; i < r.count; i++) header.push(r.field(i)!);
      this.readHeader(header);
      return;
    }
    this.c.lines++;
    this.c.messages++;
    this.decodeRow();
  }

  private readHeader(record: string[]): void {
    record.forEach((name, i) => {
      if (!this.header.has(name.trim())) this.header.set(name.trim(), i);
    });
    const m = this.mapping;
    const fields = Object.fromEntries(FIELD_NAMES.map((k) => [k, resolve(m[k] as CsvField<unknown> | undefined, this.header)])) as ResolvedFields;
    const missing = (['mmsi', 'timestamp'] as const).filter((k) => fields[k] === -1);
    if (missing.length) {
      this.headerError = new Error(`AIS CSV: the header has no column for ${missing.join(' and ')} (header: ${record.join(',')})`);
      return;
    }
    this.fields = fields;
  }

  /** A cell's text, or undefined when absent or "not available". */
  private text(field: Resolved<unknown>): string | undefined {
    if (typeof field === 'function') {
      const v = field(this.row);
      return v === undefined ? undefined : String(v);
    }
    if (field < 0) return undefined;
    const v = this.records.field(field);
    if (v === undefined) return undefined;
    const t = v.trim();
    return this.notAvailable.has(t) ? undefined : t;
  }

  /** A cell's number: undefined when absent/not available, NaN when present but not a number. */
  private number(field: Resolved<unknown>): number | undefined {
    if (typeof field === 'function') {
      const v = field(this.row);
      return v === undefined ? undefined : Number(v);
    }
    const t = this.text(field);
    return t === undefined ? undefined : Number(t);
  }

  private decodeRow(): void {
    const f = this.fields!;
    const c = this.c;
    const mmsi = this.number(f.mmsi);
    if (mmsi === undefined || !Number.isInteger(mmsi) || mmsi <= 0) {
      c.error(REASON.bad_mmsi);
      return;
    }
    const typeText = this.text(f.msgType);
    const msgType = typeText === undefined ? UNKNOWN_MESSAGE_TYPE : trailingInteger(typeText) ?? UNKNOWN_MESSAGE_TYPE;
    if (msgType !== UNKNOWN_MESSAGE_TYPE && !SUPPORTED_TYPES.has(msgType)) {
      c.error(REASON.unsupported_type);
      if (msgType < MESSAGE_TYPES) c.unsupported[msgType]++;
      return;
    }
    let t = typeof f.timestamp === 'function' ? this.number(f.timestamp) : this.time(f.timestamp);
    if (t !== undefined && Number.isNaN(t)) {
      c.error(REASON.bad_time);
      return;
    }
    if (t === undefined) {
      if (Number.isNaN(this.defaultTime)) {
        c.error(REASON.no_time);
        return;
      }
      t = this.defaultTime;
      c.timeDefaulted++;
    }
    const hasPosition = this.emitPosition(mmsi, t, msgType);
    const hasStatic = this.emitStatic(mmsi, t, msgType);
    if (!hasPosition && !hasStatic) {
      c.error(REASON.empty_row);
      return;
    }
    if (msgType < MESSAGE_TYPES) c.decoded[msgType]++;
  }

  private time(field: Resolved<unknown>): number | undefined {
    const t = this.text(field);
    return t === undefined ? undefined : parseTime(t);
  }

  /** Emits the row's position if it has one; true if the row carried position cells (usable or not). */
  private emitPosition(mmsi: number, t: number, msgType: number): boolean {
    const f = this.fields!;
    const lat = this.number(f.lat);
    const lon = this.number(f.lon);
    if (lat === undefined || lon === undefined) return false;
    const c = this.c;
    if (lat === LAT_NOT_AVAILABLE || lon === LON_NOT_AVAILABLE) {
      c.error(REASON.position_unavailable);
      return true;
    }
    if (!(Math.abs(lat) <= MAX_ABS_LAT && Math.abs(lon) <= MAX_ABS_LON)) { // also NaN
      c.error(REASON.bad_position);
      return true;
    }
    const p = this.reuse ? this.position : blankPosition();
    p.mmsi = mmsi;
    p.t = t;
    p.lat = lat;
    p.lon = lon;
    const sog = this.number(f.sog);
    p.sog = sog !== undefined && sog >= 0 && sog < SOG_NOT_AVAILABLE_KNOTS ? sog : undefined;
    const cog = this.number(f.cog);
    p.cog = cog !== undefined && cog >= 0 && cog < FULL_CIRCLE ? cog : undefined;
    const heading = this.number(f.heading);
    p.heading = heading !== undefined && heading >= 0 && heading < FULL_CIRCLE ? heading : undefined;
    const nav = this.number(f.navStatus);
    p.navStatus = nav !== undefined && Number.isInteger(nav) && nav >= 0 && nav <= MAX_NAV_STATUS ? nav : undefined;
    p.msgType = msgType;
    const cls = this.text(f.cls);
    p.cls = cls === 'A' || cls === 'B' ? cls : CLASS_B_TYPES.has(msgType) ? 'B' : 'A';
    c.positions++;
    this.onPosition?.(p);
    return true;
  }

  /** Emits the row's static record if it has any identity/voyage field. */
  private emitStatic(mmsi: number, t: number, msgType: number): boolean {
    const f = this.fields!;
    const s = this.reuse ? this.static : blankStatic();
    resetStatic(s);
    s.name = this.text(f.name);
    s.callSign = this.text(f.callSign);
    s.imo = this.positive(f.imo);
    s.shipType = this.positive(f.shipType);
    s.shipTypeText = this.text(f.shipTypeText) ?? (s.shipType === undefined ? undefined : shipTypeText(s.shipType));
    s.length = this.positive(f.length);
    s.beam = this.positive(f.beam);
    s.destination = this.text(f.destination);
    s.draught = this.positive(f.draught);
    if (s.name === undefined && s.callSign === undefined && s.imo === undefined && s.shipType === undefined
      && s.shipTypeText === undefined && s.length === undefined && s.beam === undefined && s.destination === undefined
      && s.draught === undefined) return false;
    s.mmsi = mmsi;
    s.t = t;
    s.msgType = msgType;
    this.c.statics++;
    this.onStatic?.(s);
    return true;
  }

  /** A number > 0, else undefined (0 is AIS "not available" for IMO, type, dimensions and draught). */
  private positive(field: Resolved<unknown>): number | undefined {
    const n = this.number(field);
    return n !== undefined && n > 0 ? n : undefined;
  }
}

/** A push-style CSV reader: `push(chunk)`, `end()`, `stats()`; same handlers as createNmeaDecoder. */
export function createCsvDecoder(options: CsvDecoderOptions = {}): CsvDecoder {
  return new CsvStreamDecoder(options);
}

/** Reads a whole CSV file through a read stream; resolves with the counts. */
export async function decodeCsvFile(path: string, options: CsvDecoderOptions = {}): Promise<AisStats> {
  return pushFile(createCsvDecoder(options), path);
}
