/**
 * Counting what the AIS readers saw, kept, and dropped (and why). Counters are typed arrays indexed by small
 * integers so counting costs nothing on the hot path; `snapshot()` turns them into a plain object.
 */

/** Why an input line, sentence, message or row was not (fully) turned into records. Never fatal. */
export const ERROR_REASONS = [
  /** NMEA checksum (sentence, tag block or $PGHP) does not match. */
  'bad_checksum',
  /** Not parseable: garbage, missing fields, a bad number, a character outside the 6-bit armour. */
  'malformed',
  /** Payload shorter than its message type needs. */
  'short_payload',
  /** A fragment of a multi-part message whose other fragments never came (or came out of order). */
  'orphan_fragment',
  /** A message type this reader does not decode (also counted per type in `unsupportedTypes`). */
  'unsupported_type',
  /** No receive time on the line (and no `defaultTime` given). */
  'no_time',
  /** Latitude 91 / longitude 181: "position not available". */
  'position_unavailable',
  /** Impossible coordinates: |lat| > 90 or |lon| > 180 (other than the 91/181 markers). */
  'bad_position',
  /** The same sentence text again within the duplicate window (several receivers hearing one ship). */
  'duplicate',
  /** A line longer than the reader's line limit (dropped whole). */
  'line_too_long',
  /** A valid-looking NMEA sentence that is not AIS (e.g. $GPRMC); skipped. */
  'not_ais',
  /** CSV: the MMSI cell is not a whole number. */
  'bad_mmsi',
  /** CSV: a timestamp cell that cannot be read. */
  'bad_time',
  /** CSV: a row with neither a position nor any static field. */
  'empty_row',
] as const;

export type AisErrorReason = (typeof ERROR_REASONS)[number];

/** Index of each reason in the counters, e.g. `REASON.duplicate`. */
export const REASON = Object.fromEntries(ERROR_REASONS.map((r, i) => [r, i])) as { readonly [K in AisErrorReason]: number };

/** AIS message types are 6 bits. */
const MESSAGE_TYPES = 64;

/** What a reader reports from `.stats()`. Maps hold non-zero entries only. */
export interface AisStats {
  /** Non-empty input lines (NMEA) or data rows (CSV). */
  lines: number;
  /** NMEA: lines holding an AIS VDM/VDO sentence (each fragment counts). 0 for CSV. */
  sentences: number;
  /** NMEA: `$PGHP` (or other) timestamp sentences that set the time for the following lines. */
  timestampSentences: number;
  /** Complete messages after checksum, duplicate removal and multi-part assembly (NMEA) / rows (CSV). */
  messages: number;
  /** Messages decoded, by AIS message type. */
  decoded: Record<number, number>;
  /** Messages of a type this reader does not decode, by type. */
  unsupportedTypes: Record<number, number>;
  positions: number;
  statics: number;
  /** Messages that had no time of their own and were given `defaultTime`. */
  timeDefaulted: number;
  errors: Partial<Record<AisErrorReason, number>>;
}

/** Mutable counters shared by the readers. */
export class AisCounters {
  lines = 0;
  sentences = 0;
  timestampSentences = 0;
  messages = 0;
  positions = 0;
  statics = 0;
  timeDefaulted = 0;
  readonly decoded = new Float64Array(MESSAGE_TYPES);
  readonly unsupported = new Float64Array(MESSAGE_TYPES);
  readonly errors = new Float64Array(ERROR_REASONS.length);

  error(reason: number): void {
    this.errors[reason]++;
  }

  snapshot(): AisStats {
    const decoded: Record<number, number> = {};
    const unsupportedTypes: Record<number, number> = {};
    for (let t = 0; t < MESSAGE_TYPES; t++) {
      if (this.decoded[t]) decoded[t] = this.decoded[t];
      if (this.unsupported[t]) unsupportedTypes[t] = this.unsupported[t];
    }
    const errors: Partial<Record<AisErrorReason, number>> = {};
    ERROR_REASONS.forEach((r, i) => {
      if (this.errors[i]) errors[r] = this.errors[i];
    });
    return {
      lines: this.lines, sentences: this.sentences, timestampSentences: this.timestampSentences, messages: this.messages,
      decoded, unsupportedTypes, positions: this.positions, statics: this.statics, timeDefaulted: this.timeDefaulted, errors,
    };
  }
}
