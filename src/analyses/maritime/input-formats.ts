/**
 * Input formats: NMEA or CSV by file extension, and the CSV layout by header (the pinned Chokepoint layout with
 * optional identity columns, Global Fishing Watch exports, AISdb's wide CSV).
 */
import { openSync, readSync, closeSync } from 'node:fs';
import { extname } from 'node:path';
import { GFW_CSV_MAPPING, AISDB_CSV_MAPPING, PINNED_CSV_MAPPING, type CsvColumnMapping } from '../../sources/ais/index.js';

/** Input formats the file reader knows. */
export type InputFormat = 'nmea' | 'csv';

/** Pinned CSV plus optional identity columns (the simulator writes them; other exports often have them). */
export const CHOKEPOINT_CSV_MAPPING: CsvColumnMapping = {
  ...PINNED_CSV_MAPPING, msgType: ['msg_type', 'message_type'], name: ['name', 'shipname', 'vessel_name'],
  callSign: ['call_sign', 'callsign'], imo: ['imo'], shipType: ['ship_type', 'shiptype'],
};

/** The CSV layout from a header line: GFW exports, AISdb's wide CSV, else the pinned layout. */
export function csvMappingForHeader(header: string): CsvColumnMapping {
  const cols = header.replace(/^\uFEFF/, '').split(',').map((c) => c.trim().replace(/^"|"$/g, ''));
  if (cols.includes('ssvid')) return GFW_CSV_MAPPING;
  if (cols.includes('MMSI') && cols.includes('Message_ID')) return AISDB_CSV_MAPPING;
  return CHOKEPOINT_CSV_MAPPING;
}

/** The first line of a file (read from its first 64 KiB). */
export function firstLine(path: string): string {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(64 * 1024);
    const n = readSync(fd, buf, 0, buf.length, 0);
    const s = buf.subarray(0, n).toString('utf8');
    const e = s.search(/\r?\n/);
    return e < 0 ? s : s.slice(0, e);
  } finally {
    closeSync(fd);
  }
}

export function formatOf(path: string): InputFormat {
  const ext = extname(path).toLowerCase();
  return ext === '.csv' || ext === '.tsv' ? 'csv' : 'nmea';
}

