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
export const FNV_OFFSET = 0x811c9dc5;
export const FNV_PRIME = 0x01000193;

/** uint(): values per character, (1 << k) - 1 for k = 0..6, and 2^-k for the k = 0..5 bits after a field. */
const CHAR_VALUES = 1 << BITS_PER_CHAR;
const LOW_MASK = Int32Array.from({ length: BITS_PER_CHAR + 1 }, (_, k) => (1 << k) - 1);
const INVERSE_POWER_OF_TWO = Float64Array.from({ length: BITS_PER_CHAR }, (_, k) => 2 ** -k);

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
  /** text()'s character codes (a plain array: String.fromCharCode.apply takes it much faster than a typed one). */
  private readonly codes: number[] = [];

  reset(): void {
    this.chars = 0;
    this.bitLength = 0;
    this.hash = FNV_OFFSET;
  }

  /** NMEA checksum (XOR) of the bytes the last readArmor() consumed. */
  armorXor = 0;

  /**
   * Replaces the content with the armoured bytes from buf[from] on, up to the first byte that is not armour (or the
   * payload limit); returns where it stopped. Lets a sentence be checksummed and unarmoured in one pass: the caller
   * XORs armorXor into its checksum and goes on from the returned index.
   */
  readArmor(buf: Uint8Array, from: number, end: number): number {
    const six = this.six;
    let n = 0;
    let h = FNV_OFFSET;
    let x = 0;
    let i = from;
    for (; i < end; i++) {
      const b = buf[i];
      const v = SIXBIT_OF_BYTE[b];
      if (v === INVALID_SIXBIT || n === MAX_PAYLOAD_CHARS) break;
      x ^= b;
      six[n++] = v;
      h = Math.imul(h ^ v, FNV_PRIME);
    }
    this.chars = n;
    this.bitLength = n * BITS_PER_CHAR;
    this.hash = h;
    this.armorXor = x;
    return i;
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

  /** Replaces the content with `count` 6-bit values already unarmoured (an assembled message) and their hash. */
  load(values: Uint8Array, count: number, hash: number): void {
    const six = this.six;
    for (let i = 0; i < count; i++) six[i] = values[i]; // no subarray(): a view object per message costs more
    this.chars = count;
    this.bitLength = count * BITS_PER_CHAR;
    this.hash = hash;
  }

  /** The last fragment's fill bits (0..5) are padding, not data. */
  setFillBits(fill: number): void {
    this.bitLength = this.chars * BITS_PER_CHAR - fill;
  }

  /**
   * Unsigned integer of `len` (≤ 30) bits starting at bit `start`. The characters holding the field are gathered
   * whole (at most 6: 36 bits, exact in a double), the bits before the field masked off the first and those after it
   * divided off the end: one multiply-add per character instead of a shift-and-mask step with its bookkeeping.
   */
  uint(start: number, len: number): number {
    if (len <= 0) return 0;
    const six = this.six;
    const end = start + len;
    const first = (start / BITS_PER_CHAR) | 0;
    const last = ((end - 1) / BITS_PER_CHAR) | 0;
    let v = six[first] & LOW_MASK[BITS_PER_CHAR - (start - first * BITS_PER_CHAR)];
    for (let c = first + 1; c <= last; c++) v = v * CHAR_VALUES + six[c];
    return (v * INVERSE_POWER_OF_TWO[(last + 1) * BITS_PER_CHAR - end]) | 0;
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
   * nothing is left. Characters past the end of the payload are not read. The codes are collected in a reused plain
   * array and made into one string: appending character by character made a string object per character.
   */
  text(start: number, chars: number): string | undefined {
    const available = Math.floor((this.bitLength - start) / BITS_PER_CHAR);
    const n = chars < available ? chars : available;
    const codes = this.codes;
    let keep = 0; // length up to the last character that is neither '@' nor blank
    for (let i = 0; i < n; i++) {
      const v = this.uint(start + i * BITS_PER_CHAR, BITS_PER_CHAR);
      const code = v < TEXT_HIGH_HALF ? v + TEXT_LOW_OFFSET : v;
      codes[i] = code;
      if (code !== AT_SIGN && code !== SPACE) keep = i + 1;
    }
    if (!keep) return undefined;
    codes.length = keep;
    return String.fromCharCode.apply(null, codes);
  }
}
