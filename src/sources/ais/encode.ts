/**
 * A small AIS encoder (the inverse of messages.ts + nmea.ts), for tests, fixtures and the benchmark's synthetic
 * streams. It writes the ITU-R M.1371 bit layouts, armours them and wraps them in checksummed `!xxVDM` sentences,
 * split into fragments when long. Not used on any decoding path.
 */
import { BYTE_OF_SIXBIT } from './armor.js';

const BITS_PER_CHAR = 6;
const MAX_FIELD_BITS = 30;
const HIGH_RES_PER_DEGREE = 600_000;
const LOW_RES_PER_DEGREE = 600;
const SOG_NOT_AVAILABLE = 1023;
const COG_NOT_AVAILABLE = 3600;
const HEADING_NOT_AVAILABLE = 511;
const LOW_RES_SOG_NOT_AVAILABLE = 63;
const LOW_RES_COG_NOT_AVAILABLE = 511;
const NAV_STATUS_NOT_DEFINED = 15;
const SECOND_NOT_AVAILABLE = 60;
/** Payload characters per sentence before splitting: keeps a sentence within the 82-byte NMEA limit. */
export const MAX_FRAGMENT_CHARS = 60;
const TEXT_HIGH_HALF = 32;
const TEXT_LOW_OFFSET = 64;
const AT_SIGN = 64;
/** Type 18 flags: carrier-sense unit, display, DSC, whole band, message 22 capable (5 bits). */
const CLASS_B_CS_FLAGS = 0b11111;

/** Appends fields MSB first, armouring every complete 6 bits as it goes. */
export class BitWriter {
  private out = '';
  /** Bits not yet armoured (fewer than 6 between calls), as an integer of `pendingBits` bits. */
  private pending = 0;
  private pendingBits = 0;
  private bits = 0;

  uint(value: number, width: number): this {
    if (width > MAX_FIELD_BITS) {
      const low = width - MAX_FIELD_BITS;
      this.uint(Math.floor(value / 2 ** low), MAX_FIELD_BITS);
      return this.uint(value % 2 ** low, low);
    }
    this.pending = this.pending * 2 ** width + (value % 2 ** width);
    this.pendingBits += width;
    this.bits += width;
    while (this.pendingBits >= BITS_PER_CHAR) {
      const shift = 2 ** (this.pendingBits - BITS_PER_CHAR);
      const v = Math.floor(this.pending / shift);
      this.out += String.fromCharCode(BYTE_OF_SIXBIT[v]);
      this.pending -= v * shift;
      this.pendingBits -= BITS_PER_CHAR;
    }
    return this;
  }

  /** Two's complement. */
  int(value: number, width: number): this {
    return this.uint(value < 0 ? value + 2 ** width : value, width);
  }

  /** 6-bit text, upper-cased, padded with '@' to `chars`. */
  text(value: string | undefined, chars: number): this {
    const s = (value ?? '').toUpperCase();
    for (let i = 0; i < chars; i++) {
      const code = i < s.length ? s.charCodeAt(i) : AT_SIGN;
      this.uint(code >= TEXT_LOW_OFFSET ? code - TEXT_LOW_OFFSET : code < TEXT_HIGH_HALF ? 0 : code, BITS_PER_CHAR);
    }
    return this;
  }

  get length(): number {
    return this.bits;
  }

  /** Armoured payload and the number of fill bits added to reach a whole character. */
  payload(): { payload: string; fill: number } {
    const fill = (BITS_PER_CHAR - (this.bits % BITS_PER_CHAR)) % BITS_PER_CHAR;
    const tail = fill ? String.fromCharCode(BYTE_OF_SIXBIT[this.pending * 2 ** fill]) : '';
    return { payload: this.out + tail, fill };
  }
}

export interface PositionToEncode {
  type: 1 | 2 | 3 | 18 | 27;
  mmsi: number;
  /** Degrees; 91 / 181 encode "not available". */
  lat: number;
  lon: number;
  sog?: number;
  cog?: number;
  heading?: number;
  navStatus?: number;
  /** UTC second of the report (0..59). */
  second?: number;
  /** The 19-bit radio (communication state) field: varies between real reports. */
  radio?: number;
}

/** Payload of a position report (types 1/2/3, 18 or 27). */
export function encodePosition(p: PositionToEncode): { payload: string; fill: number } {
  const w = new BitWriter().uint(p.type, 6).uint(0, 2).uint(p.mmsi, 30);
  if (p.type === 27) {
    return w.uint(0, 1).uint(0, 1).uint(p.navStatus ?? NAV_STATUS_NOT_DEFINED, 4)
      .int(Math.round(p.lon * LOW_RES_PER_DEGREE), 18).int(Math.round(p.lat * LOW_RES_PER_DEGREE), 17)
      .uint(p.sog === undefined ? LOW_RES_SOG_NOT_AVAILABLE : Math.round(p.sog), 6)
      .uint(p.cog === undefined ? LOW_RES_COG_NOT_AVAILABLE : Math.round(p.cog), 9).uint(0, 1).uint(0, 1).payload();
  }
  const sog = p.sog === undefined ? SOG_NOT_AVAILABLE : Math.round(p.sog * 10);
  const cog = p.cog === undefined ? COG_NOT_AVAILABLE : Math.round(p.cog * 10);
  const heading = p.heading ?? HEADING_NOT_AVAILABLE;
  const lon = Math.round(p.lon * HIGH_RES_PER_DEGREE);
  const lat = Math.round(p.lat * HIGH_RES_PER_DEGREE);
  if (p.type === 18) {
    return w.uint(0, 8).uint(sog, 10).uint(1, 1).int(lon, 28).int(lat, 27).uint(cog, 12).uint(heading, 9)
      .uint(p.second ?? SECOND_NOT_AVAILABLE, 6).uint(0, 2).uint(CLASS_B_CS_FLAGS, 5).uint(0, 1).uint(0, 1).uint(p.radio ?? 0, 20)
      .payload();
  }
  return w.uint(p.navStatus ?? 0, 4).int(-128, 8).uint(sog, 10).uint(1, 1).int(lon, 28).int(lat, 27).uint(cog, 12)
    .uint(heading, 9).uint(p.second ?? SECOND_NOT_AVAILABLE, 6).uint(0, 2).uint(0, 3).uint(0, 1).uint(p.radio ?? 0, 19).payload();
}

/** Payload of a type 19 (class B extended) message: a class B position plus name, type and dimensions. */
export function encodeClassBExtended(p: Omit<PositionToEncode, 'type'>, s: Omit<StaticToEncode, 'mmsi'>): { payload: string; fill: number } {
  return new BitWriter().uint(19, 6).uint(0, 2).uint(p.mmsi, 30).uint(0, 8)
    .uint(p.sog === undefined ? SOG_NOT_AVAILABLE : Math.round(p.sog * 10), 10).uint(1, 1)
    .int(Math.round(p.lon * HIGH_RES_PER_DEGREE), 28).int(Math.round(p.lat * HIGH_RES_PER_DEGREE), 27)
    .uint(p.cog === undefined ? COG_NOT_AVAILABLE : Math.round(p.cog * 10), 12).uint(p.heading ?? HEADING_NOT_AVAILABLE, 9)
    .uint(p.second ?? SECOND_NOT_AVAILABLE, 6).uint(0, 4).text(s.name, 20).uint(s.shipType ?? 0, 8).uint(s.bow ?? 0, 9)
    .uint(s.stern ?? 0, 9).uint(s.port ?? 0, 6).uint(s.starboard ?? 0, 6).uint(1, 4).uint(0, 1).uint(1, 1).uint(0, 1).uint(0, 4)
    .payload();
}

export interface StaticToEncode {
  mmsi: number;
  imo?: number;
  callSign?: string;
  name?: string;
  shipType?: number;
  /** Reference-point distances, metres. */
  bow?: number;
  stern?: number;
  port?: number;
  starboard?: number;
  eta?: { month: number; day: number; hour: number; minute: number };
  /** Metres. */
  draught?: number;
  destination?: string;
}

/** Payload of a type 5 (class A static and voyage data) message: 424 bits, 2 fill bits. */
export function encodeStaticVoyage(s: StaticToEncode): { payload: string; fill: number } {
  const eta = s.eta ?? { month: 0, day: 0, hour: 24, minute: 60 };
  return new BitWriter().uint(5, 6).uint(0, 2).uint(s.mmsi, 30).uint(0, 2).uint(s.imo ?? 0, 30).text(s.callSign, 7)
    .text(s.name, 20).uint(s.shipType ?? 0, 8).uint(s.bow ?? 0, 9).uint(s.stern ?? 0, 9).uint(s.port ?? 0, 6)
    .uint(s.starboard ?? 0, 6).uint(1, 4).uint(eta.month, 4).uint(eta.day, 5).uint(eta.hour, 5).uint(eta.minute, 6)
    .uint(Math.round((s.draught ?? 0) * 10), 8).text(s.destination, 20).uint(0, 1).uint(0, 1).payload();
}

/** Payload of a type 24 message, part A (name) or part B (type, call sign, dimensions). */
export function encodeClassBStatic(s: StaticToEncode, part: 'A' | 'B'): { payload: string; fill: number } {
  const w = new BitWriter().uint(24, 6).uint(0, 2).uint(s.mmsi, 30);
  if (part === 'A') return w.uint(0, 2).text(s.name, 20).payload();
  return w.uint(1, 2).uint(s.shipType ?? 0, 8).text('', 7).text(s.callSign, 7).uint(s.bow ?? 0, 9).uint(s.stern ?? 0, 9)
    .uint(s.port ?? 0, 6).uint(s.starboard ?? 0, 6).uint(0, 6).payload();
}

/** XOR of the characters, two upper-case hex digits. */
export function nmeaChecksum(body: string): string {
  let x = 0;
  for (let i = 0; i < body.length; i++) x ^= body.charCodeAt(i);
  return x.toString(16).toUpperCase().padStart(2, '0');
}

export interface SentenceOptions {
  talker?: string;
  channel?: string;
  /** Sequential message id for multi-part messages (0..9). */
  seqId?: number;
  sentenceType?: 'VDM' | 'VDO';
}

/** The `!xxVDM` sentence(s) carrying a payload: one, or several fragments of at most MAX_FRAGMENT_CHARS. */
export function toSentences(encoded: { payload: string; fill: number }, o: SentenceOptions = {}): string[] {
  const { payload, fill } = encoded;
  const parts: string[] = [];
  for (let i = 0; i < payload.length; i += MAX_FRAGMENT_CHARS) parts.push(payload.slice(i, i + MAX_FRAGMENT_CHARS));
  const seq = parts.length > 1 ? String(o.seqId ?? 0) : '';
  return parts.map((part, i) => {
    const last = i === parts.length - 1;
    const body = `${o.talker ?? 'AI'}${o.sentenceType ?? 'VDM'},${parts.length},${i + 1},${seq},${o.channel ?? 'A'},${part},${last ? fill : 0}`;
    return `!${body}*${nmeaChecksum(body)}`;
  });
}
