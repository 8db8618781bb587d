/**
 * Decoders for the AIS message types Chokepoint uses (ITU-R M.1371-5 bit layouts): 1/2/3 and 27 (class A
 * positions), 18 (class B position), 19 (class B extended: position + identity), 5 (class A static and voyage)
 * and 24 (class B static, parts A and B). Each decoder reads a SixBitReader into a caller-owned record and returns
 * DECODED or the REASON index of what is wrong. They never allocate except for the strings of static messages.
 * Positions are decoded into a PositionFields (plain numbers) rather than an AisPosition: see PositionFields.
 */
import type { SixBitReader } from './armor.js';
import { REASON } from './stats.js';
import { resetStatic, type AisPosition, type AisStatic } from './types.js';
import { shipTypeText } from './shiptypes.js';

/** Returned by a decoder that filled its record. */
export const DECODED = -1;

/**
 * A decoded position report as plain numbers, NaN for "not available". Every field always holds a number, so V8 keeps
 * them as unboxed doubles and overwriting a reused instance allocates nothing; AisPosition's optional fields
 * (`number | undefined`) would box every fractional speed and course instead (two heap numbers per report). The
 * reader turns this into an AisPosition only for handlers that want one (see toAisPosition).
 */
export class PositionFields {
  msgType = 0;
  mmsi = 0;
  lat = 0;
  lon = 0;
  sog = NaN;
  cog = NaN;
  heading = NaN;
  navStatus = NaN;
  classB = false;
}

function orUndefined(v: number): number | undefined {
  return v === v ? v : undefined;
}

/** Copies decoded fields into the public record (NaN → undefined). */
export function toAisPosition(f: PositionFields, out: AisPosition): AisPosition {
  out.msgType = f.msgType;
  out.mmsi = f.mmsi;
  out.lat = f.lat;
  out.lon = f.lon;
  out.sog = orUndefined(f.sog);
  out.cog = orUndefined(f.cog);
  out.heading = orUndefined(f.heading);
  out.navStatus = orUndefined(f.navStatus);
  out.cls = f.classB ? 'B' : 'A';
  return out;
}

// Common header: message type (6 bits), repeat indicator (2), MMSI (30).
const TYPE_BITS = 6;
const MMSI_START = 8;
const MMSI_BITS = 30;

// "Not available" markers and unit scales.
/** Positions are in 1/10000 minute: 600000 units per degree (1/10 minute, 600 per degree, in type 27). */
const HIGH_RES_PER_DEGREE = 600_000;
const LOW_RES_PER_DEGREE = 600;
const LON_NOT_AVAILABLE_DEG = 181;
const LAT_NOT_AVAILABLE_DEG = 91;
const MAX_ABS_LAT = 90;
const MAX_ABS_LON = 180;
const SOG_NOT_AVAILABLE = 1023;
const SOG_UNITS_PER_KNOT = 10;
const COG_NOT_AVAILABLE = 3600;
const COG_UNITS_PER_DEGREE = 10;
const HEADING_NOT_AVAILABLE = 511;
const MAX_HEADING = 359;
const LOW_RES_SOG_NOT_AVAILABLE = 63;
const LOW_RES_COG_NOT_AVAILABLE = 511;
const MAX_LOW_RES_COG = 359;
const DRAUGHT_UNITS_PER_METRE = 10;
const ETA_MONTH_NOT_AVAILABLE = 0;
const ETA_DAY_NOT_AVAILABLE = 0;
const ETA_HOUR_NOT_AVAILABLE = 24;
const ETA_MINUTE_NOT_AVAILABLE = 60;
/** Type 24 part B of an auxiliary craft (MMSI 98MIDxxxx) carries the mother ship's MMSI instead of dimensions. */
const AUXILIARY_CRAFT_MIN = 980_000_000;
const AUXILIARY_CRAFT_MAX = 989_999_999;

/** Bit layouts: [start, width]; a field list per message type keeps the offsets in one place. */
const CLASS_A = {
  minBits: 137, navStatus: [38, 4], sog: [50, 10], lon: [61, 28], lat: [89, 27], cog: [116, 12], heading: [128, 9],
} as const;
const CLASS_B = { minBits: 133, sog: [46, 10], lon: [57, 28], lat: [85, 27], cog: [112, 12], heading: [124, 9] } as const;
const CLASS_B_EXTENDED = {
  minBits: 301, name: [143, 20], shipType: [263, 8], bow: [271, 9], stern: [280, 9], port: [289, 6], starboard: [295, 6],
} as const;
const LONG_RANGE = { minBits: 94, navStatus: [40, 4], lon: [44, 18], lat: [62, 17], sog: [79, 6], cog: [85, 9] } as const;
const STATIC_VOYAGE = {
  minBits: 302, imo: [40, 30], callSign: [70, 7], name: [112, 20], shipType: [232, 8], bow: [240, 9], stern: [249, 9],
  port: [258, 6], starboard: [264, 6], etaMonth: [274, 4], etaDay: [278, 5], etaHour: [283, 5], etaMinute: [288, 6],
  draught: [294, 8], destination: [302, 20],
} as const;
const STATIC_24 = {
  partNumber: [38, 2], partAMinBits: 160, name: [40, 20],
  partBMinBits: 162, shipType: [40, 8], callSign: [90, 7], bow: [132, 9], stern: [141, 9], port: [150, 6], starboard: [156, 6],
} as const;
const PART_A = 0;
const PART_B = 1;

export function messageType(r: SixBitReader): number {
  return r.uint(0, TYPE_BITS);
}

function header(r: SixBitReader, out: PositionFields | AisStatic): void {
  out.msgType = r.uint(0, TYPE_BITS);
  out.mmsi = r.uint(MMSI_START, MMSI_BITS);
}

/** Sets lat/lon from raw units; returns DECODED or why the position is unusable. */
function setPosition(out: PositionFields, rawLon: number, rawLat: number, unitsPerDegree: number): number {
  if (rawLon === LON_NOT_AVAILABLE_DEG * unitsPerDegree || rawLat === LAT_NOT_AVAILABLE_DEG * unitsPerDegree) {
    return REASON.position_unavailable;
  }
  const lon = rawLon / unitsPerDegree;
  const lat = rawLat / unitsPerDegree;
  if (lat > MAX_ABS_LAT || lat < -MAX_ABS_LAT || lon > MAX_ABS_LON || lon < -MAX_ABS_LON) return REASON.bad_position;
  out.lon = lon;
  out.lat = lat;
  return DECODED;
}

function sogKnots(raw: number): number {
  return raw === SOG_NOT_AVAILABLE ? NaN : raw / SOG_UNITS_PER_KNOT;
}

function cogDegrees(raw: number): number {
  return raw >= COG_NOT_AVAILABLE ? NaN : raw / COG_UNITS_PER_DEGREE;
}

function headingDegrees(raw: number): number {
  return raw === HEADING_NOT_AVAILABLE || raw > MAX_HEADING ? NaN : raw; // 360..510 are invalid too
}

/** Types 1, 2, 3: class A position report. */
export function decodeClassAPosition(r: SixBitReader, out: PositionFields): number {
  if (r.bitLength < CLASS_A.minBits) return REASON.short_payload;
  header(r, out);
  out.classB = false;
  out.navStatus = r.uint(CLASS_A.navStatus[0], CLASS_A.navStatus[1]);
  out.sog = sogKnots(r.uint(CLASS_A.sog[0], CLASS_A.sog[1]));
  out.cog = cogDegrees(r.uint(CLASS_A.cog[0], CLASS_A.cog[1]));
  out.heading = headingDegrees(r.uint(CLASS_A.heading[0], CLASS_A.heading[1]));
  return setPosition(out, r.int(CLASS_A.lon[0], CLASS_A.lon[1]), r.int(CLASS_A.lat[0], CLASS_A.lat[1]), HIGH_RES_PER_DEGREE);
}

/** Types 18 and 19: class B position report (the position part of 19 has the same layout). */
export function decodeClassBPosition(r: SixBitReader, out: PositionFields): number {
  if (r.bitLength < CLASS_B.minBits) return REASON.short_payload;
  header(r, out);
  out.classB = true;
  out.navStatus = NaN;
  out.sog = sogKnots(r.uint(CLASS_B.sog[0], CLASS_B.sog[1]));
  out.cog = cogDegrees(r.uint(CLASS_B.cog[0], CLASS_B.cog[1]));
  out.heading = headingDegrees(r.uint(CLASS_B.heading[0], CLASS_B.heading[1]));
  return setPosition(out, r.int(CLASS_B.lon[0], CLASS_B.lon[1]), r.int(CLASS_B.lat[0], CLASS_B.lat[1]), HIGH_RES_PER_DEGREE);
}

/** Type 27: long-range (satellite) position, 1/10 minute resolution, whole knots and degrees. */
export function decodeLongRangePosition(r: SixBitReader, out: PositionFields): number {
  if (r.bitLength < LONG_RANGE.minBits) return REASON.short_payload;
  header(r, out);
  out.classB = false;
  out.navStatus = r.uint(LONG_RANGE.navStatus[0], LONG_RANGE.navStatus[1]);
  const sog = r.uint(LONG_RANGE.sog[0], LONG_RANGE.sog[1]);
  out.sog = sog === LOW_RES_SOG_NOT_AVAILABLE ? NaN : sog;
  const cog = r.uint(LONG_RANGE.cog[0], LONG_RANGE.cog[1]);
  out.cog = cog === LOW_RES_COG_NOT_AVAILABLE || cog > MAX_LOW_RES_COG ? NaN : cog;
  out.heading = NaN;
  return setPosition(out, r.int(LONG_RANGE.lon[0], LONG_RANGE.lon[1]), r.int(LONG_RANGE.lat[0], LONG_RANGE.lat[1]), LOW_RES_PER_DEGREE);
}

/** Length and beam from the four reference-point distances; 0 + 0 means not available. */
function setDimensions(r: SixBitReader, out: AisStatic, bow: readonly [number, number], stern: readonly [number, number],
  port: readonly [number, number], starboard: readonly [number, number]): void {
  const length = r.uint(bow[0], bow[1]) + r.uint(stern[0], stern[1]);
  const beam = r.uint(port[0], port[1]) + r.uint(starboard[0], starboard[1]);
  out.length = length || undefined;
  out.beam = beam || undefined;
}

function setShipType(out: AisStatic, code: number): void {
  out.shipType = code || undefined;
  out.shipTypeText = shipTypeText(code);
}

function twoDigits(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/**
 * ETA texts by their raw fields, direct-mapped (ships repeat their ETA in every type 5 message: building the string
 * each time was a measurable share of decoding them). Key: the fields packed as in the message, 4+5+5+6 bits.
 */
const ETA_CACHE_BITS = 10;
const ETA_CACHE_MASK = (1 << ETA_CACHE_BITS) - 1;
const etaCacheKey = new Int32Array(1 << ETA_CACHE_BITS).fill(-1);
const etaCacheText: (string | undefined)[] = new Array<string | undefined>(1 << ETA_CACHE_BITS).fill(undefined);

function cachedEtaText(month: number, day: number, hour: number, minute: number): string | undefined {
  const key = (((((month << 5) | day) << 5) | hour) << 6) | minute;
  const slot = (key ^ (key >>> ETA_CACHE_BITS)) & ETA_CACHE_MASK;
  if (etaCacheKey[slot] === key) return etaCacheText[slot];
  const text = etaText(month, day, hour, minute);
  etaCacheKey[slot] = key;
  etaCacheText[slot] = text;
  return text;
}

/** 'MM-DDTHH:MM' with '--' for a part not available; undefined when nothing is. */
function etaText(month: number, day: number, hour: number, minute: number): string | undefined {
  const m = month === ETA_MONTH_NOT_AVAILABLE ? undefined : month;
  const d = day === ETA_DAY_NOT_AVAILABLE ? undefined : day;
  const h = hour >= ETA_HOUR_NOT_AVAILABLE ? undefined : hour;
  const mi = minute >= ETA_MINUTE_NOT_AVAILABLE ? undefined : minute;
  if (m === undefined && d === undefined && h === undefined && mi === undefined) return undefined;
  const part = (v: number | undefined) => (v === undefined ? '--' : twoDigits(v));
  return `${part(m)}-${part(d)}T${part(h)}:${part(mi)}`;
}

/**
 * Type 5: class A static and voyage related data. `voyage` false leaves out what only describes the voyage and hull
 * (dimensions, ETA, draught, destination: a third of the work, for readers whose consumer never looks at them).
 */
export function decodeStaticVoyage(r: SixBitReader, out: AisStatic, voyage = true): number {
  if (r.bitLength < STATIC_VOYAGE.minBits) return REASON.short_payload;
  const f = STATIC_VOYAGE;
  header(r, out);
  resetStatic(out);
  out.imo = r.uint(f.imo[0], f.imo[1]) || undefined;
  out.callSign = r.text(f.callSign[0], f.callSign[1]);
  out.name = r.text(f.name[0], f.name[1]);
  setShipType(out, r.uint(f.shipType[0], f.shipType[1]));
  if (!voyage) return DECODED;
  setDimensions(r, out, f.bow, f.stern, f.port, f.starboard);
  out.eta = cachedEtaText(r.uint(f.etaMonth[0], f.etaMonth[1]), r.uint(f.etaDay[0], f.etaDay[1]),
    r.uint(f.etaHour[0], f.etaHour[1]), r.uint(f.etaMinute[0], f.etaMinute[1]));
  out.draught = r.uint(f.draught[0], f.draught[1]) / DRAUGHT_UNITS_PER_METRE || undefined;
  out.destination = r.text(f.destination[0], f.destination[1]);
  return DECODED;
}

/** Type 19: the identity half (the position half goes through decodeClassBPosition). */
export function decodeClassBExtendedStatic(r: SixBitReader, out: AisStatic): number {
  if (r.bitLength < CLASS_B_EXTENDED.minBits) return REASON.short_payload;
  const f = CLASS_B_EXTENDED;
  header(r, out);
  resetStatic(out);
  out.name = r.text(f.name[0], f.name[1]);
  setShipType(out, r.uint(f.shipType[0], f.shipType[1]));
  setDimensions(r, out, f.bow, f.stern, f.port, f.starboard);
  return DECODED;
}

/** Type 24: part A carries the name; part B the ship type, call sign and dimensions. */
export function decodeClassBStatic(r: SixBitReader, out: AisStatic): number {
  const f = STATIC_24;
  if (r.bitLength < f.partAMinBits) return REASON.short_payload;
  header(r, out);
  resetStatic(out);
  const part = r.uint(f.partNumber[0], f.partNumber[1]);
  if (part === PART_A) {
    out.name = r.text(f.name[0], f.name[1]);
    return DECODED;
  }
  if (part !== PART_B) return REASON.malformed;
  if (r.bitLength < f.partBMinBits) return REASON.short_payload;
  setShipType(out, r.uint(f.shipType[0], f.shipType[1]));
  out.callSign = r.text(f.callSign[0], f.callSign[1]);
  if (out.mmsi < AUXILIARY_CRAFT_MIN || out.mmsi > AUXILIARY_CRAFT_MAX) setDimensions(r, out, f.bow, f.stern, f.port, f.starboard);
  return DECODED;
}
