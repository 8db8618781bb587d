/**
 * The records the AIS readers emit (NMEA and CSV alike) and the handler interface they call.
 *
 * RECORD REUSE: by default a reader passes the SAME object to every onPosition call (and another single object to
 * every onStatic call), overwriting its fields each time; this saves an allocation per message on the hot path.
 * A handler that keeps a record beyond its call must copy it (`{ ...p }`). Pass `reuseRecords: false` to get a
 * fresh object per call instead.
 */

/** AIS transceiver class: 'A' (SOLAS ships: types 1/2/3/5/27), 'B' (small craft: types 18/19/24). */
export type AisClass = 'A' | 'B';

/**
 * One position report. Optional fields are `undefined` when the message says "not available" (the readers always
 * set every key, so all records share one shape).
 */
export interface AisPosition {
  /** Maritime Mobile Service Identity as broadcast (not validated here: see mid.ts mmsiValidity). */
  mmsi: number;
  /** Receive time, epoch milliseconds UTC. */
  t: number;
  /** Degrees, WGS 84, north positive. */
  lat: number;
  /** Degrees, WGS 84, east positive. */
  lon: number;
  /** Speed over ground, knots. */
  sog?: number;
  /** Course over ground, degrees true (0 ≤ cog < 360). */
  cog?: number;
  /** True heading, whole degrees (0..359). */
  heading?: number;
  /** ITU-R M.1371 navigational status 0..15 (class A only; 15 = not defined). */
  navStatus?: number;
  /** AIS message type (1, 2, 3, 18, 19, 27); 0 = unknown (a CSV without a message-type column). */
  msgType: number;
  /** Transceiver class; CSV rows without a message type are reported as 'A'. */
  cls: AisClass;
}

/** Identity and voyage data (types 5, 19, 24; CSV static rows). Absent fields are `undefined`. */
export interface AisStatic {
  mmsi: number;
  /** Receive time, epoch milliseconds UTC. */
  t: number;
  msgType: number;
  /** IMO number as broadcast (0 = not available → undefined); the check digit is not verified here. */
  imo?: number;
  /** Ship name, `@` padding and trailing blanks removed. */
  name?: string;
  callSign?: string;
  /** AIS ship-and-cargo type code 1..99 (0 = not available → undefined). */
  shipType?: number;
  /** Plain-words category of shipType, e.g. 'Tanker', 'Fishing'. */
  shipTypeText?: string;
  /** Overall length in metres (bow + stern reference distances). */
  length?: number;
  /** Beam in metres (port + starboard reference distances). */
  beam?: number;
  destination?: string;
  /** Present static draught, metres. */
  draught?: number;
  /** Estimated time of arrival as broadcast, 'MM-DDTHH:MM' UTC without a year ('--' for a part not available). */
  eta?: string;
}

/** What a reader calls. Both callbacks are optional; see RECORD REUSE above. */
export interface AisHandlers {
  onPosition?: (p: AisPosition) => void;
  onStatic?: (s: AisStatic) => void;
}

/** Options common to the NMEA and CSV readers. */
export interface AisReaderOptions extends AisHandlers {
  /**
   * Receive time (epoch ms) for messages whose line carries none. Without it such messages are dropped and counted
   * as `no_time`; with it they are emitted and counted in `timeDefaulted`.
   */
  defaultTime?: number;
  /** Pass the same record object to every call (default true, faster). False: a fresh object per call. */
  reuseRecords?: boolean;
}

/** A fresh position record with every field present (one hidden class for all records). */
export function blankPosition(): AisPosition {
  return { mmsi: 0, t: 0, lat: 0, lon: 0, sog: undefined, cog: undefined, heading: undefined, navStatus: undefined, msgType: 0, cls: 'A' };
}

/** A fresh static record with every field present. */
export function blankStatic(): AisStatic {
  return {
    mmsi: 0, t: 0, msgType: 0, imo: undefined, name: undefined, callSign: undefined, shipType: undefined,
    shipTypeText: undefined, length: undefined, beam: undefined, destination: undefined, draught: undefined, eta: undefined,
  };
}

/** Clears a static record's optional fields so a reused record never leaks values from the previous message. */
export function resetStatic(s: AisStatic): void {
  s.imo = undefined; s.name = undefined; s.callSign = undefined; s.shipType = undefined; s.shipTypeText = undefined;
  s.length = undefined; s.beam = undefined; s.destination = undefined; s.draught = undefined; s.eta = undefined;
}
