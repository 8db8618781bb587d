/** AIS ingest: NMEA 0183 and CSV readers emitting positions and static (identity) records, plus MMSI/flag helpers. */
export type { AisPosition, AisStatic, AisHandlers, AisReaderOptions, AisClass } from './types.js';
export type { AisStats, AisErrorReason } from './stats.js';
export { ERROR_REASONS } from './stats.js';
export { createNmeaDecoder, decodeNmeaFile, POSITION_VALUES, type NmeaDecoder, type NmeaDecoderOptions } from './nmea.js';
export { flagOfMmsi, mmsiValidity, MID_TO_FLAG, type MmsiValidity, type MmsiInvalidReason } from './mid.js';
export { shipTypeText } from './shiptypes.js';
export { parseTime } from './time.js';
export {
  createCsvDecoder, decodeCsvFile, PINNED_CSV_MAPPING, GFW_CSV_MAPPING, AISDB_CSV_MAPPING, NOT_AVAILABLE_CELLS,
  type CsvDecoder, type CsvDecoderOptions, type CsvColumnMapping, type CsvField, type CsvRow,
} from './csv.js';
