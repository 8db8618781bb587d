/**
 * Output writers for the simulator: the pinned AIS CSV (plus identity columns) and NMEA 0183 with NMEA 4.0 tag
 * blocks (`\s:sim,c:<unix>*hh\!AIVDM…`).
 *
 * The NMEA payloads use the bit layouts of src/sources/ais/encode.ts (the decoder tests' encoder); encode.ts builds
 * strings bit by bit, too slow for tens of millions of lines, so this file packs the same fields into bytes
 * directly. test/maritime/simulator.test.ts checks that both produce identical payloads.
 */
import { openSync, writeSync, closeSync } from 'node:fs';
import { BYTE_OF_SIXBIT } from '../../src/sources/ais/armor.js';
import { MAX_FRAGMENT_CHARS } from '../../src/sources/ais/encode.js';

export interface SimPosition {
  mmsi: number;
  /** Epoch ms, whole seconds. */
  t: number;
  lat: number;
  lon: number;
  sog: number;
  cog: number;
  heading: number;
  navStatus: number;
  cls: 'A' | 'B';
}

export interface SimStatic {
  mmsi: number;
  t: number;
  cls: 'A' | 'B';
  name: string;
  callSign: string;
  imo?: number;
  shipType: number;
}

export interface RecordSink {
  position(p: SimPosition): void;
  static(s: SimStatic): void;
}

const HIGH_RES = 600_000;
const CLASS_B_CS_FLAGS = 0b11111;
const AT = 64;

/**
 * Packs fields MSB first into 6-bit values, with 32-bit integer arithmetic (fields wider than 26 bits are split so
 * that the pending bits never exceed 31). Same bit layout as encode.ts BitWriter.
 */
class Bits {
  readonly six = new Uint8Array(128);
  n = 0;
  private pending = 0;
  private pendingBits = 0;

  reset(): this {
    this.n = 0;
    this.pending = 0;
    this.pendingBits = 0;
    return this;
  }

  uint(value: number, width: number): this {
    if (width > 26) {
      const low = 15;
      this.uint(Math.floor(value / 32768) % 2 ** (width - low), width - low);
      return this.uint(value % 32768, low);
    }
    this.pending = (this.pending << width) | (value & ((1 << width) - 1));
    this.pendingBits += width;
    while (this.pendingBits >= 6) {
      this.pendingBits -= 6;
      this.six[this.n++] = (this.pending >>> this.pendingBits) & 63;
    }
    this.pending &= (1 << this.pendingBits) - 1;
    return this;
  }

  int(value: number, width: number): this {
    return this.uint(value < 0 ? value + 2 ** width : value, width);
  }

  text(value: string, chars: number): this {
    for (let i = 0; i < chars; i++) {
      let code = i < value.length ? value.charCodeAt(i) : AT;
      if (code >= 97 && code <= 122) code -= 32;
      this.uint(code >= AT ? (code - AT) & 63 : code < 32 ? 0 : code, 6);
    }
    return this;
  }

  /** Armoured payload bytes and fill bits. */
  finish(): { fill: number } {
    const fill = (6 - this.pendingBits) % 6;
    if (this.pendingBits) {
      this.six[this.n++] = (this.pending << fill) & 63;
      this.pending = 0;
      this.pendingBits = 0;
    }
    for (let i = 0; i < this.n; i++) this.six[i] = BYTE_OF_SIXBIT[this.six[i]];
    return { fill };
  }

  payload(): string {
    return String.fromCharCode(...this.six.subarray(0, this.n));
  }
}

const bits = new Bits();

/** Payload of a class A (type 1) or class B (type 18) position report. */
export function positionPayload(p: SimPosition, radio: number): { bits: Bits; fill: number } {
  const b = bits.reset();
  const sog = Math.round(p.sog * 10);
  const cog = Math.round(p.cog * 10) % 3600;
  const lon = Math.round(p.lon * HIGH_RES);
  const lat = Math.round(p.lat * HIGH_RES);
  const second = Math.floor(p.t / 1000) % 60;
  if (p.cls === 'B') {
    b.uint(18, 6).uint(0, 2).uint(p.mmsi, 30).uint(0, 8).uint(sog, 10).uint(1, 1).int(lon, 28).int(lat, 27).uint(cog, 12)
      .uint(p.heading, 9).uint(second, 6).uint(0, 2).uint(CLASS_B_CS_FLAGS, 5).uint(0, 1).uint(0, 1).uint(radio % 2 ** 20, 20);
  } else {
    b.uint(1, 6).uint(0, 2).uint(p.mmsi, 30).uint(p.navStatus, 4).int(-128, 8).uint(sog, 10).uint(1, 1).int(lon, 28).int(lat, 27)
      .uint(cog, 12).uint(p.heading, 9).uint(second, 6).uint(0, 2).uint(0, 3).uint(0, 1).uint(radio % 2 ** 19, 19);
  }
  return { bits: b, fill: b.finish().fill };
}

/** Payload of a type 5 (class A) or a type 24 part (class B) static message. */
export function staticPayload(s: SimStatic, part: 'A' | 'B' = 'A'): { bits: Bits; fill: number } {
  const b = bits.reset();
  if (s.cls === 'A') {
    b.uint(5, 6).uint(0, 2).uint(s.mmsi, 30).uint(0, 2).uint(s.imo ?? 0, 30).text(s.callSign, 7).text(s.name, 20).uint(s.shipType, 8)
      .uint(100, 9).uint(20, 9).uint(8, 6).uint(8, 6).uint(1, 4).uint(0, 4).uint(0, 5).uint(24, 5).uint(60, 6).uint(80, 8)
      .text('', 20).uint(0, 1).uint(0, 1);
  } else if (part === 'A') {
    b.uint(24, 6).uint(0, 2).uint(s.mmsi, 30).uint(0, 2).text(s.name, 20);
  } else {
    b.uint(24, 6).uint(0, 2).uint(s.mmsi, 30).uint(1, 2).uint(s.shipType, 8).text('', 7).text(s.callSign, 7).uint(15, 9).uint(5, 9)
      .uint(3, 6).uint(3, 6).uint(0, 6);
  }
  return { bits: b, fill: b.finish().fill };
}

/** Buffered byte output to a file. */
class ByteOut {
  private readonly buf = Buffer.allocUnsafe(1 << 22);
  private n = 0;
  private readonly fd: number;
  bytes = 0;

  constructor(path: string) {
    this.fd = openSync(path, 'w');
  }

  private room(k: number): void {
    if (this.n + k > this.buf.length) this.flush();
  }

  flush(): void {
    if (this.n) writeSync(this.fd, this.buf, 0, this.n);
    this.bytes += this.n;
    this.n = 0;
  }

  ascii(s: string): void {
    this.room(s.length);
    for (let i = 0; i < s.length; i++) this.buf[this.n++] = s.charCodeAt(i);
  }

  byte(b: number): void {
    if (this.n >= this.buf.length) this.flush();
    this.buf[this.n++] = b;
  }

  raw(src: Uint8Array, len: number): void {
    this.room(len);
    if (len > 16) {
      this.buf.set(src.subarray(0, len), this.n);
      this.n += len;
    } else for (let i = 0; i < len; i++) this.buf[this.n++] = src[i];
  }

  close(): void {
    this.flush();
    closeSync(this.fd);
  }
}

const SINGLE_HEAD = 'AIVDM,1,1,,A,';
const SINGLE_HEAD_XOR = xorOf(SINGLE_HEAD);
const SINGLE_HEAD_BYTES = Uint8Array.from(SINGLE_HEAD, (c) => c.charCodeAt(0));
const COMMA = 44;
const DIGIT_0 = 48;
const STAR = 42;
const BANG = 33;
const LF = 10;
const HEX = Array.from('0123456789ABCDEF', (c) => c.charCodeAt(0));

function hex2(x: number): string {
  return (x < 16 ? '0' : '') + x.toString(16).toUpperCase();
}

function xorOf(s: string, x = 0): number {
  for (let i = 0; i < s.length; i++) x ^= s.charCodeAt(i);
  return x;
}

/** NMEA writer: one tag-blocked `!AIVDM` line per sentence. */
export class NmeaWriter implements RecordSink {
  private readonly out: ByteOut;
  private lastSecond = -1;
  private tag = new Uint8Array(64);
  private tagLength = 0;
  private radio = 0;
  private seq = 0;
  lines = 0;

  constructor(path: string) {
    this.out = new ByteOut(path);
  }

  /** The tag block bytes for a time (cached: the stream is in time order). */
  private tagFor(t: number): void {
    const s = Math.floor(t / 1000);
    if (s !== this.lastSecond) {
      const body = `s:sim,c:${s}`;
      const tag = `\\${body}*${hex2(xorOf(body))}\\`;
      for (let i = 0; i < tag.length; i++) this.tag[i] = tag.charCodeAt(i);
      this.tagLength = tag.length;
      this.lastSecond = s;
    }
  }

  private sentences(b: Bits, fill: number, t: number): void {
    const n = b.n;
    const parts = Math.ceil(n / MAX_FRAGMENT_CHARS);
    const seq = parts > 1 ? String(this.seq++ % 10) : '';
    for (let k = 0; k < parts; k++) {
      const from = k * MAX_FRAGMENT_CHARS;
      const to = Math.min(n, from + MAX_FRAGMENT_CHARS);
      const head = parts === 1 ? SINGLE_HEAD : `AIVDM,${parts},${k + 1},${seq},A,`;
      let x = parts === 1 ? SINGLE_HEAD_XOR : xorOf(head);
      for (let i = from; i < to; i++) x ^= b.six[i];
      const f = k === parts - 1 ? fill : 0;
      x ^= COMMA ^ (DIGIT_0 + f);
      this.tagFor(t);
      this.out.raw(this.tag, this.tagLength);
      this.out.byte(BANG);
      if (parts === 1) this.out.raw(SINGLE_HEAD_BYTES, SINGLE_HEAD_BYTES.length);
      else this.out.ascii(head);
      this.out.raw(b.six.subarray(from), to - from);
      this.out.byte(COMMA);
      this.out.byte(DIGIT_0 + f);
      this.out.byte(STAR);
      this.out.byte(HEX[x >> 4]);
      this.out.byte(HEX[x & 15]);
      this.out.byte(LF);
      this.lines++;
    }
  }

  position(p: SimPosition): void {
    const { bits: b, fill } = positionPayload(p, this.radio++);
    this.sentences(b, fill, p.t);
  }

  static(s: SimStatic): void {
    if (s.cls === 'A') {
      const { bits: b, fill } = staticPayload(s);
      this.sentences(b, fill, s.t);
    } else {
      for (const part of ['A', 'B'] as const) {
        const { bits: b, fill } = staticPayload(s, part);
        this.sentences(b, fill, s.t);
      }
    }
  }

  close(): number {
    this.out.close();
    return this.out.bytes;
  }
}

export const SIM_CSV_HEADER = 'mmsi,timestamp,lat,lon,sog,cog,heading,nav_status,msg_type,name,call_sign,imo,ship_type';

let isoSecond = NaN;
let isoText = '';
function iso(t: number): string {
  if (t !== isoSecond) {
    isoSecond = t;
    isoText = new Date(t).toISOString().replace('.000Z', 'Z');
  }
  return isoText;
}

/** CSV writer: the pinned columns, then msg_type and the identity columns (static rows leave lat/lon empty). */
export class CsvWriter implements RecordSink {
  private readonly out: ByteOut;
  lines = 0;

  constructor(path: string) {
    this.out = new ByteOut(path);
    this.out.ascii(`${SIM_CSV_HEADER}\n`);
  }

  position(p: SimPosition): void {
    this.out.ascii(`${p.mmsi},${iso(p.t)},${p.lat.toFixed(6)},${p.lon.toFixed(6)},${p.sog.toFixed(1)},${p.cog.toFixed(1)},${p.heading},${p.navStatus},${p.cls === 'B' ? 18 : 1},,,,\n`);
    this.lines++;
  }

  static(s: SimStatic): void {
    const q = (x: string) => (/[",]/.test(x) ? `"${x.replace(/"/g, '""')}"` : x);
    this.out.ascii(`${s.mmsi},${iso(s.t)},,,,,,,${s.cls === 'B' ? 24 : 5},${q(s.name)},${q(s.callSign)},${s.imo ?? ''},${s.shipType}\n`);
    this.lines++;
  }

  close(): number {
    this.out.close();
    return this.out.bytes;
  }
}

/** Several sinks at once. */
export function teeSink(...sinks: RecordSink[]): RecordSink {
  return {
    position: (p) => { for (const s of sinks) s.position(p); },
    static: (s) => { for (const k of sinks) k.static(s); },
  };
}
