/**
 * The AIS payload "armour" (ITU-R M.1371 / IEC 61162-1): each payload character carries 6 bits. Characters '0'..'W'
 * (48..87) are 0..39 and '`'..'w' (96..119) are 40..63. This file turns armoured bytes into 6-bit values and reads
 * unsigned/signed integers and 6-bit text out of the resulting bit string.
 */

/** Marks a byte that is not a payload character in SIXBIT_OF_BYTE. */
export const INVALID_SIXBIT = 0xff;
const BITS_PER_CHAR = 6;
const ARMOR_LOW_FIRST = 48; // '0'
const ARMOR_LOW_LAST = 87; // 'W'
const ARMOR_HIGH_FIRST = 96; // '`'
const ARMOR_HIGH_LAST = 119; // 'w'
/** Between the two armour ranges 8 byte values are skipped. */
const ARMOR_GAP = 8;

/** Byte → 6-bit value, or INVALID_SIXBIT. */
export const SIXBIT_OF_BYTE: Uint8Array = (() => {
  const table = new Uint8Array(256).fill(INVALID_SIXBIT);
  for (let b = ARMOR_LOW_FIRST; b <= ARMOR_LOW_LAST; b++) table[b] = b - ARMOR_LOW_FIRST;
  for (let b = ARMOR_HIGH_FIRST; b <= ARMOR_HIGH_LAST; b++) table[b] = b - ARMOR_LOW_FIRST - ARMOR_GAP;
  return table;
})();

/** 6-bit value → armour byte (used by the encoder). */
export const BYTE_OF_SIXBIT: Uint8Array = (() => {
  const table = new Uint8Array(64);
  for (let b = 0; b < 256; b++) if (SIXBIT_OF_BYTE[b] !== INVALID_SIXBIT) table[SIXBIT_OF_BYTE[b]] = b;
  return table;
})();

/** 6-bit text: values 0..31 are '@'..'_' (64..95), 32..63 are ' '..'?' (32..63). */
const TEXT_HIGH_HALF = 32;
const TEXT_LOW_OFFSET = 64;
const AT_SIGN = 64;
const SPACE = 32;

/** The longest payload accepted, in characters (5 fragments of a type-5 or type-6/8 message fit easily). */
export const MAX_PAYLOAD_CHARS = 512;

/** FNV-1a over the 6-bit values, kept while appending: the duplicate detector's key, at no extra pass. */
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** Greatest field width read at once: 30 bits keeps `(v << n) | x` inside a positive 31-bit integer. */
const MAX_FIELD_BITS = 30;

/**
 * A reusable bit string. `reset()`, then `append()` payload bytes (one or several fragments), `setFillBits()`, then
 * read fields by bit offset. Reads past the end return 0 bits; decoders check `bitLength` first.
 */
export class SixBitReader {
  readonly six = new Uint8Array(MAX_PAYLOAD_CHARS);
  chars = 0;
  bitLength = 0;
  /** FNV-1a hash of the 6-bit values appended since reset(). */
  hash = FNV_OFFSET;

  reset(): void {
    this.chars = 0;
    this.bitLength = 0;
    this.hash = FNV_OFFSET;
  }

  /** Appends armoured bytes buf[start, end). False if a byte is not armour or the payload limit is exceeded. */
  append(buf: Uint8Array, start: number, end: number): boolean {
    let n = this.chars;
    if (n + (end - start) > MAX_PAYLOAD_CHARS) return false;
    const six = this.six;
    let h = this.hash;
    for (let i = start; i < end; i++) {
      const v = SIXBIT_OF_BYTE[buf[i]];
      if (v === INVALID_SIXBIT) return false;
      six[n++] = v;
      h = Math.imul(h ^ v, FNV_PRIME);
    }
    this.hash = h;
    this.chars = n;
    this.bitLength = n * BITS_PER_CHAR;
    return true;
  }

  /** Appends 6-bit values already unarmoured (a stored fragment). */
  appendSix(values: Uint8Array, count: number): boolean {
    let n = this.chars;
    if (n + count > MAX_PAYLOAD_CHARS) return false;
    const six = this.six;
    let h = this.hash;
    for (let i = 0; i < count; i++) {
      const v = values[i];
      six[n++] = v;
      h = Math.imul(h ^ v, FNV_PRIME);
    }
    this.hash = h;
    this.chars = n;
    this.bitLength = this.chars * BITS_PER_CHAR;
    return true;
  }

  /** The last fragment's fill bits (0..5) are padding, not data. */
  setFillBits(fill: number): void {
    this.bitLength = this.chars * BITS_PER_CHAR - fill;
  }

  /** Unsigned integer of `len` (≤ 30) bits starting at bit `start`. */
  uint(start: number, len: number): number {
    const six = this.six;
    const end = start + len;
    let v = 0;
    let bit = start;
    while (bit < end) {
      const ci = (bit / BITS_PER_CHAR) | 0;
      const avail = BITS_PER_CHAR - (bit - ci * BITS_PER_CHAR);
      const left = end - bit;
      const take = left < avail ? left : avail;
      v = (v << take) | ((six[ci] >> (avail - take)) & ((1 << take) - 1));
      bit += take;
    }
    return v;
  }

  /** Two's-complement signed integer of `len` (≤ 30) bits. */
  int(start: number, len: number): number {
    const v = this.uint(start, len);
    const signBit = 1 << (len - 1);
    return v & signBit ? v - (signBit << 1) : v;
  }

  /** Unsigned integer wider than 30 bits (up to 53), read in two parts. */
  wideUint(start: number, len: number): number {
    if (len <= MAX_FIELD_BITS) return this.uint(start, len);
    const low = len - MAX_FIELD_BITS;
    return this.uint(start, MAX_FIELD_BITS) * 2 ** low + this.uint(start + MAX_FIELD_BITS, low);
  }

  /**
   * `chars` characters of 6-bit text from bit `start`, trailing '@' padding and blanks removed; undefined when
   * nothing is left. Characters past the end of the payload are not read.
   */
  text(start: number, chars: number): string | undefined {
    const available = Math.floor((this.bitLength - start) / BITS_PER_CHAR);
    const n = chars < available ? chars : available;
    let out = '';
    let keep = 0; // length of `out` up to its last character that is neither '@' nor blank
    for (let i = 0; i < n; i++) {
      const v = this.uint(start + i * BITS_PER_CHAR, BITS_PER_CHAR);
      const code = v < TEXT_HIGH_HALF ? v + TEXT_LOW_OFFSET : v;
      out += String.fromCharCode(code);
      if (code !== AT_SIGN && code !== SPACE) keep = i + 1;
    }
    return keep ? out.slice(0, keep) : undefined;
  }
}
