/**
 * Streaming NMEA 0183 AIS decoder: `!xxVDM` / `!xxVDO` sentences (any two-character talker: AI, BS, AB, SS …).
 *
 * Framing handled here: lines cut anywhere by chunk boundaries (CR, LF or CRLF), NMEA 4.0 tag blocks
 * (`\s:station,c:<unix s or ms>*hh\`), leading timestamps (`2021-07-01 00:00:00,!AIVDM…`, `1625097600 !AIVDM…`),
 * `$PGHP` proprietary timestamp sentences (Danish Maritime Authority streams: the time holds for the following
 * lines until the next one) and checksums. Multi-part assembly is in fragments.ts, duplicate removal in
 * duplicates.ts, bit-level decoding in armor.ts and messages.ts.
 *
 * Speed: the hot path works on bytes (no strings, no regular expressions, no split) and creates no objects per
 * position report (records are reused by default, see types.ts; only V8's boxes for fractional sog/cog remain).
 * Memory is bounded: one carried partial line of at most MAX_LINE_BYTES, at most `maxPendingMessages` incomplete
 * multi-part messages, and a fixed duplicate table.
 *
 * Time of a message: the tag block's `c:`, else a leading timestamp on the line, else the last `$PGHP` time, else
 * `defaultTime`; a multi-part message takes its first fragment's time. Times out of order are passed through.
 */
import { pushFile } from './file.js';
import { SixBitReader } from './armor.js';
import { FragmentAssembler } from './fragments.js';
import { DuplicateFilter } from './duplicates.js';
import {
  DECODED, PositionFields, toAisPosition, messageType, decodeClassAPosition, decodeClassBPosition, decodeLongRangePosition, decodeStaticVoyage,
  decodeClassBExtendedStatic, decodeClassBStatic,
} from './messages.js';
import { AisCounters, REASON, type AisStats } from './stats.js';
import { blankPosition, blankStatic, type AisPosition, type AisReaderOptions, type AisStatic } from './types.js';
import { parseTime } from './time.js';

export interface NmeaDecoderOptions extends AisReaderOptions {
  /** A message whose payload was already seen within this many ms (receive time) is a duplicate. Default 60 s. */
  duplicateWindowMs?: number;
  /** … and within this many messages (the only test when times are missing). Default 10,000. 0 disables. */
  duplicateWindowMessages?: number;
  /** Incomplete multi-part messages kept at once; the oldest is dropped (its fragments counted as orphans). */
  maxPendingMessages?: number;
  /**
   * Fast path for consumers that keep only these fields (the maritime pipeline): each position as numbers in one
   * reused Float64Array, laid out as POSITION_VALUES (sog/cog NaN when not available). No record object, and no
   * number boxed on the way (doubles passed as arguments or kept in `number | undefined` fields are boxed by V8).
   * When given, it is called instead of onPosition.
   */
  onPositionValues?: (values: Float64Array) => void;
  /**
   * Static records with identity only (mmsi, time, type, IMO, name, call sign, ship type): type 5's dimensions, ETA,
   * draught and destination are not decoded (left undefined). Default false.
   */
  identityOnly?: boolean;
}

/** Layout of the array passed to onPositionValues. */
export const POSITION_VALUES = { mmsi: 0, t: 1, lat: 2, lon: 3, sog: 4, cog: 5, length: 6 } as const;

export interface NmeaDecoder {
  /** Feed bytes; cut anywhere, even mid-line. Handlers are called synchronously from here. */
  push(chunk: Uint8Array): void;
  /** End of input: decodes a last line without a line break, drops incomplete multi-part messages (as orphans). */
  end(): void;
  stats(): AisStats;
}

export const DEFAULT_DUPLICATE_WINDOW_MS = 60_000;
export const DEFAULT_DUPLICATE_WINDOW_MESSAGES = 10_000;
export const DEFAULT_MAX_PENDING_MESSAGES = 64;
/** Longer lines are dropped (`line_too_long`). A sentence is at most 82 bytes; tag blocks and prefixes add some. */
export const MAX_LINE_BYTES = 1024;

// Bytes.
const TAB = 9;
const LF = 10;
const CR = 13;
const SPACE = 32;
const BANG = 33;
const DOLLAR = 36;
const STAR = 42;
const COMMA = 44;
const DOT = 46;
const SEMICOLON = 59;
const COLON = 58;
const BACKSLASH = 92;
const DIGIT_0 = 48;
const DIGIT_9 = 57;
const LETTER_c = 99;
const LETTER_V = 86;
const LETTER_D = 68;
const LETTER_M = 77;
const LETTER_O = 79;
const PGHP = [80, 71, 72, 80, 44]; // 'PGHP,'

const UPPER_A = 65;
const LOWER_A = 97;
const DECIMAL_DIGITS = 10;
const HEX_LETTERS = 6;
const HEX_DIGIT_BITS = 4;
/** Longer tag blocks are parsed every time (not remembered for the next line). */
const MAX_TAG_BLOCK_BYTES = 128;
/** '*hh' after the checksummed text. */
const CHECKSUM_FIELD_LENGTH = 3;

/** Byte → hex digit value, or -1. */
const HEX_VALUE: Int8Array = (() => {
  const table = new Int8Array(256).fill(-1);
  for (let i = 0; i < DECIMAL_DIGITS; i++) table[DIGIT_0 + i] = i;
  for (let i = 0; i < HEX_LETTERS; i++) {
    table[UPPER_A + i] = DECIMAL_DIGITS + i;
    table[LOWER_A + i] = DECIMAL_DIGITS + i;
  }
  return table;
})();

/** The checksum written as two hex digits after the '*' at buf[star] (the caller checks they exist), or -1. */
function checksumAt(buf: Uint8Array, star: number): number {
  const hi = HEX_VALUE[buf[star + 1]];
  const lo = HEX_VALUE[buf[star + 2]];
  return hi < 0 || lo < 0 ? -1 : (hi << HEX_DIGIT_BITS) | lo;
}

// Sentence layout: !ttVDM,count,number,seq,channel,payload,fill*hh — six commas.
const SENTENCE_COMMAS = 6;
/** The payload follows the fifth comma. */
const PAYLOAD_COMMA = 5;
/** '!' + two talker characters + 'VDM' puts the first comma 6 bytes after the '!'. */
const ADDRESS_LENGTH = 6;
const MAX_FILL_BITS = 5;
const MAX_FRAGMENTS = 9;
const MAX_SEQ_ID = 9;
const TALKER_CHAR_BITS = 8;
const MESSAGE_TYPE_BITS = 6;
/** Multi-part keys: talker (16 bits) × sequence id (0..9, or 10 for none) × channel byte × fragment count (1..9). */
const SEQ_KEYS = 11;
const NO_SEQ = 10;
const CHANNEL_KEYS = 256;
const FRAGMENT_COUNT_KEYS = 10;

/** $PGHP,1,year,month,day,hour,minute,second,millisecond,…: the fields read, after the 'PGHP' address. */
const PGHP_FIELDS = 8;
const PGHP_TIME_TYPE = 1;
/** Tag-block and epoch numbers: this many integer digits or more means milliseconds. */
const EPOCH_MS_MIN_DIGITS = 12;
const MS_PER_SECOND = 1000;

/** Message types decoded here (1 = decode). */
const SUPPORTED_TYPES: Uint8Array = (() => {
  const t = new Uint8Array(1 << MESSAGE_TYPE_BITS);
  for (const type of [1, 2, 3, 5, 18, 19, 24, 27]) t[type] = 1;
  return t;
})();

function isDigit(b: number): boolean {
  return b >= DIGIT_0 && b <= DIGIT_9;
}

/**
 * The byte that ends lines in a stream, judged on its first MAX_LINE_BYTES + 1 bytes so that the answer does not
 * depend on how the stream is cut into chunks (found by fuzzing: a stray CR before the first LF once made a chunked
 * read take the file for CR-terminated): LF when that window holds one (CRLF too: the CR is trimmed), else CR when it
 * holds a CR; 0 while fewer bytes than the window have arrived and none of them is an LF (unless `final`).
 */
function lineTerminatorOf(head: Buffer, final: boolean): number {
  const w = head.subarray(0, MAX_LINE_BYTES + 1);
  if (w.indexOf(LF) >= 0) return LF;
  if (head.length <= MAX_LINE_BYTES && !final) return 0;
  return w.indexOf(CR) >= 0 ? CR : LF;
}

class NmeaStreamDecoder implements NmeaDecoder {
  private readonly c = new AisCounters();
  private readonly reader = new SixBitReader();
  private readonly onPosition: ((p: AisPosition) => void) | undefined;
  private readonly onPositionValues: ((values: Float64Array) => void) | undefined;
  private readonly values = new Float64Array(POSITION_VALUES.length);
  private readonly onStatic: ((s: AisStatic) => void) | undefined;
  private readonly defaultTime: number;
  private readonly reuse: boolean;
  private readonly voyage: boolean;
  private readonly fields = new PositionFields();
  private position = blankPosition();
  private static = blankStatic();

  // Line assembly across chunks.
  /** LF, or CR for a stream that ends lines with a lone CR; 0 until the first line break is seen. */
  private terminator = 0;
  /** The stream's first bytes, held until the line break is known. */
  private head: Buffer | undefined;
  private readonly carry = Buffer.alloc(MAX_LINE_BYTES);
  private carryLength = 0;
  private discarding = false;

  // Per-line scratch.
  private readonly commas = new Int32Array(SENTENCE_COMMAS);
  private lineTime = NaN;
  /**
   * Receive time of the sentence, then of the message, being decoded (NaN if unknown). A field rather than an
   * argument: a double passed to a call V8 does not inline is boxed, an object per line.
   */
  private msgTime = NaN;
  private sentenceEnd = 0;
  private readonly pghp = new Float64Array(PGHP_FIELDS);
  /** Time set by the last $PGHP sentence, for the lines that follow it. */
  private stickyTime = NaN;
  /** The last valid tag block ('\' to '\'), whether it had a `c:` field, and its time. */
  private readonly lastTag = new Uint8Array(MAX_TAG_BLOCK_BYTES);
  private lastTagLength = 0;
  private lastTagHasTime = false;
  private lastTagTime = NaN;

  private readonly fragments: FragmentAssembler;
  private readonly duplicates: DuplicateFilter;

  constructor(o: NmeaDecoderOptions) {
    this.onPosition = o.onPosition;
    this.onPositionValues = o.onPositionValues;
    this.onStatic = o.onStatic;
    this.defaultTime = o.defaultTime ?? NaN;
    this.reuse = o.reuseRecords ?? true;
    this.voyage = !o.identityOnly;
    this.fragments = new FragmentAssembler(this.c, o.maxPendingMessages ?? DEFAULT_MAX_PENDING_MESSAGES);
    this.duplicates = new DuplicateFilter(o.duplicateWindowMs ?? DEFAULT_DUPLICATE_WINDOW_MS,
      o.duplicateWindowMessages ?? DEFAULT_DUPLICATE_WINDOW_MESSAGES);
  }

  push(chunk: Uint8Array): void {
    const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    if (this.terminator !== 0) return this.lines(buf);
    // Until the line break is known, the start of the stream is held (at most a window's worth and one chunk).
    this.head = this.head ? Buffer.concat([this.head, buf]) : Buffer.from(buf);
    this.terminator = lineTerminatorOf(this.head, false);
    if (this.terminator !== 0) this.releaseHead();
  }

  private releaseHead(): void {
    const head = this.head;
    this.head = undefined;
    if (head) this.lines(head);
  }

  /** Splits a chunk into lines at the stream's line break, carrying a partial line to the next chunk. */
  private lines(buf: Buffer): void {
    const n = buf.length;
    const eol = this.terminator;
    let i = 0;
    if (this.carryLength > 0 || this.discarding) {
      const e = buf.indexOf(eol);
      this.appendCarry(buf, 0, e < 0 ? n : e);
      if (e < 0) return;
      this.flushCarry();
      i = e + 1;
    }
    i = this.completeLines(buf, i, eol);
    if (i < n) this.appendCarry(buf, i, n);
  }

  /**
   * Decodes the complete lines of buf from i on; returns where the unfinished last line starts. A loop of its own:
   * V8 compiles it while it runs (on-stack replacement) before the code after it has ever run, and code after the
   * loop in the same function then deoptimized it at the end of every chunk, after which the next chunk's lines
   * were split by unoptimized code (Buffer.indexOf took 18 % of the decoding time in a profile, 7 % since).
   */
  private completeLines(buf: Buffer, i: number, eol: number): number {
    for (;;) {
      const e = buf.indexOf(eol, i);
      if (e < 0) return i;
      if (e > i) this.line(buf, i, e);
      i = e + 1;
    }
  }

  end(): void {
    if (this.terminator === 0 && this.head) {
      this.terminator = lineTerminatorOf(this.head, true);
      this.releaseHead();
    }
    if (this.carryLength > 0 || this.discarding) this.flushCarry();
    this.fragments.flush();
  }

  stats(): AisStats {
    return this.c.snapshot();
  }

  private appendCarry(chunk: Uint8Array, from: number, to: number): void {
    if (this.discarding) return;
    if (this.carryLength + (to - from) > MAX_LINE_BYTES) {
      this.discarding = true;
      return;
    }
    this.carry.set(chunk.subarray(from, to), this.carryLength);
    this.carryLength += to - from;
  }

  private flushCarry(): void {
    if (this.discarding) {
      this.c.lines++;
      this.c.error(REASON.line_too_long);
    } else if (this.carryLength > 0) {
      this.line(this.carry, 0, this.carryLength);
    }
    this.carryLength = 0;
    this.discarding = false;
  }

  /** One line, buf[start, end), without its line break. */
  private line(buf: Uint8Array, start: number, end: number): void {
    // The length is judged before trimming, as appendCarry judges a line cut across chunks: otherwise a line padded
    // past the limit with blanks counted as too long or not depending on where the chunks were cut (found by fuzzing).
    if (end - start > MAX_LINE_BYTES) {
      this.c.lines++;
      this.c.error(REASON.line_too_long);
      return;
    }
    while (start < end && buf[start] <= SPACE) start++;
    while (end > start && buf[end - 1] <= SPACE) end--;
    if (start === end) return;
    this.c.lines++;
    let s = start;
    this.lineTime = NaN;
    if (buf[s] !== BANG && buf[s] !== BACKSLASH && buf[s] !== DOLLAR) {
      s = this.prefix(buf, s, end);
      if (s < 0) return;
    }
    if (buf[s] === BACKSLASH) {
      s = this.tagBlock(buf, s, end);
      if (s < 0) return;
    }
    if (buf[s] === DOLLAR) {
      this.dollar(buf, s, end);
      return;
    }
    if (buf[s] !== BANG) {
      this.c.error(REASON.malformed);
      return;
    }
    this.sentenceEnd = end;
    this.msgTime = this.lineTime === this.lineTime ? this.lineTime : this.stickyTime;
    this.sentence(buf, s, end);
    if (this.sentenceEnd < end) this.afterSentence(buf, this.sentenceEnd, end);
  }

  /** Text after a sentence's checksum: a lone CR there separates a further sentence; anything else is ignored. */
  private afterSentence(buf: Uint8Array, from: number, end: number): void {
    for (let i = from; i < end; i++) {
      if (buf[i] === CR) {
        this.line(buf, i + 1, end);
        return;
      }
    }
  }

  /** A leading timestamp before the sentence; returns where the sentence (or tag block) starts, or -1. */
  private prefix(buf: Uint8Array, start: number, end: number): number {
    let i = start;
    while (i < end && buf[i] !== BANG && buf[i] !== BACKSLASH && buf[i] !== DOLLAR) i++;
    if (i === end) {
      this.c.error(REASON.malformed);
      return -1;
    }
    let e = i;
    while (e > start && (buf[e - 1] === COMMA || buf[e - 1] === SEMICOLON || buf[e - 1] === SPACE || buf[e - 1] === TAB)) e--;
    let text = '';
    for (let k = start; k < e; k++) text += String.fromCharCode(buf[k]);
    this.lineTime = parseTime(text);
    return i;
  }

  /**
   * NMEA 4.0 tag block at buf[s] === '\'; sets lineTime from `c:`; returns the index after it, or -1. A block
   * byte-for-byte the same as the last valid one (consecutive lines of a receiver mostly share station and second)
   * is not parsed again: the same bytes give the same answer.
   */
  private tagBlock(buf: Uint8Array, s: number, end: number): number {
    const n = this.lastTagLength;
    if (n > 0 && s + n <= end) {
      const last = this.lastTag;
      let k = 0;
      while (k < n && buf[s + k] === last[k]) k++;
      if (k === n) {
        if (this.lastTagHasTime) this.lineTime = this.lastTagTime;
        return s + n;
      }
    }
    return this.parseTagBlock(buf, s, end);
  }

  private parseTagBlock(buf: Uint8Array, s: number, end: number): number {
    let checksum = 0;
    let star = -1;
    let close = -1;
    for (let i = s + 1; i < end; i++) {
      const b = buf[i];
      if (b === BACKSLASH) {
        close = i;
        break;
      }
      if (star < 0) {
        if (b === STAR) star = i;
        else checksum ^= b;
      }
    }
    if (close < 0) {
      this.c.error(REASON.malformed);
      return -1;
    }
    if (star >= 0) {
      const given = close - star === CHECKSUM_FIELD_LENGTH ? checksumAt(buf, star) : -1;
      if (given !== checksum) {
        this.c.error(given < 0 ? REASON.malformed : REASON.bad_checksum);
        return -1;
      }
    }
    const fieldsEnd = star >= 0 ? star : close;
    let hasTime = false;
    let time = NaN;
    for (let f = s + 1; f < fieldsEnd; f++) {
      if (buf[f] === LETTER_c && buf[f + 1] === COLON) {
        time = this.epochAt(buf, f + 2, fieldsEnd);
        hasTime = true;
      }
      while (f < fieldsEnd && buf[f] !== COMMA) f++;
    }
    if (hasTime) this.lineTime = time;
    const length = close + 1 - s;
    if (length <= MAX_TAG_BLOCK_BYTES) {
      for (let k = 0; k < length; k++) this.lastTag[k] = buf[s + k];
      this.lastTagLength = length;
      this.lastTagHasTime = hasTime;
      this.lastTagTime = time;
    }
    return close + 1;
  }

  /** Unix time (seconds, or milliseconds when 12+ digits) at buf[from, limit) → epoch ms, NaN if none. */
  private epochAt(buf: Uint8Array, from: number, limit: number): number {
    let value = 0;
    let i = from;
    while (i < limit && isDigit(buf[i])) value = value * 10 + (buf[i++] - DIGIT_0);
    const intDigits = i - from;
    if (intDigits === 0) return NaN;
    let fraction = 0;
    if (i < limit && buf[i] === DOT) {
      let scale = 1;
      for (i++; i < limit && isDigit(buf[i]); i++) fraction += (buf[i] - DIGIT_0) * (scale /= 10);
    }
    return intDigits >= EPOCH_MS_MIN_DIGITS ? value : Math.round((value + fraction) * MS_PER_SECOND);
  }

  /** A `$` sentence: $PGHP type 1 sets the time for the following lines; others are not AIS. */
  private dollar(buf: Uint8Array, s: number, end: number): void {
    let checksum = 0;
    let i = s + 1;
    for (; i < end && buf[i] !== STAR; i++) checksum ^= buf[i];
    if (i + 2 >= end) {
      this.c.error(REASON.malformed);
      return;
    }
    const given = checksumAt(buf, i);
    if (given < 0) {
      this.c.error(REASON.malformed);
      return;
    }
    if (given !== checksum) {
      this.c.error(REASON.bad_checksum);
      return;
    }
    for (let k = 0; k < PGHP.length; k++) {
      if (buf[s + 1 + k] !== PGHP[k]) {
        this.c.error(REASON.not_ais);
        return;
      }
    }
    const f = this.pghp;
    let field = 0;
    let value = 0;
    let digits = 0;
    for (let k = s + 1 + PGHP.length; k <= i && field < PGHP_FIELDS; k++) {
      const b = buf[k];
      if (isDigit(b)) {
        value = value * 10 + (b - DIGIT_0);
        digits++;
      } else {
        f[field++] = digits ? value : NaN;
        value = 0;
        digits = 0;
      }
    }
    if (field < PGHP_FIELDS || f[0] !== PGHP_TIME_TYPE) {
      this.c.error(REASON.malformed);
      return;
    }
    const t = Date.UTC(f[1], f[2] - 1, f[3], f[4], f[5], f[6], f[7]);
    if (t !== t) {
      this.c.error(REASON.malformed);
      return;
    }
    this.stickyTime = t;
    this.c.timestampSentences++;
  }

  /** An encapsulated sentence at buf[s] === '!', received at msgTime (NaN if unknown). */
  private sentence(buf: Uint8Array, s: number, end: number): void {
    const c = this.c;
    c.sentences++;
    const commas = this.commas;
    const r = this.reader;
    let n = 0;
    let checksum = 0;
    let i = s + 1;
    // The payload after the fifth comma is unarmoured into the reader in the same pass as the checksum; where that
    // stopped tells whether it was all armour (it must stop at the sixth comma).
    let payloadEnd = -1;
    for (; i < end; i++) {
      const b = buf[i];
      if (b === STAR) break;
      checksum ^= b;
      if (b === COMMA) {
        if (n < SENTENCE_COMMAS) commas[n] = i;
        n++;
        if (n === PAYLOAD_COMMA) {
          payloadEnd = r.readArmor(buf, i + 1, end);
          checksum ^= r.armorXor;
          i = payloadEnd - 1;
        }
      }
    }
    if (i + 2 >= end) { // no '*hh'
      c.error(REASON.malformed);
      return;
    }
    const given = checksumAt(buf, i);
    this.sentenceEnd = i + CHECKSUM_FIELD_LENGTH;
    if (given < 0) {
      c.error(REASON.malformed);
      return;
    }
    if (given !== checksum) {
      c.error(REASON.bad_checksum);
      return;
    }
    if (n !== SENTENCE_COMMAS) {
      c.error(REASON.malformed);
      return;
    }
    const c0 = commas[0];
    const c1 = commas[1];
    const c2 = commas[2];
    const c3 = commas[3];
    const c4 = commas[4];
    const c5 = commas[5];
    if (c0 !== s + ADDRESS_LENGTH || buf[s + 3] !== LETTER_V || buf[s + 4] !== LETTER_D
      || (buf[s + 5] !== LETTER_M && buf[s + 5] !== LETTER_O)) {
      c.error(REASON.not_ais);
      return;
    }
    const count = buf[c0 + 1] - DIGIT_0;
    const number = buf[c1 + 1] - DIGIT_0;
    const seqLength = c3 - c2 - 1;
    const channelLength = c4 - c3 - 1;
    const fillLength = i - c5 - 1;
    const fill = fillLength === 0 ? 0 : buf[c5 + 1] - DIGIT_0;
    if (c1 !== c0 + 2 || c2 !== c1 + 2 || count < 1 || count > MAX_FRAGMENTS || number < 1 || number > count
      || seqLength > 1 || channelLength > 1 || c5 === c4 + 1 || fillLength > 1 || fill < 0 || fill > MAX_FILL_BITS) {
      c.error(REASON.malformed);
      return;
    }
    if (count === 1) {
      if (payloadEnd !== c5) { // a byte that is not armour, or too long
        c.error(REASON.malformed);
        return;
      }
      r.setFillBits(fill);
      this.message();
      return;
    }
    const seq = seqLength === 0 ? NO_SEQ : buf[c2 + 1] - DIGIT_0;
    if (seq < 0 || seq > MAX_SEQ_ID) {
      c.error(REASON.malformed);
      return;
    }
    const channel = channelLength === 0 ? 0 : buf[c3 + 1];
    const key = ((((buf[s + 1] << TALKER_CHAR_BITS) | buf[s + 2]) * SEQ_KEYS + seq) * CHANNEL_KEYS + channel) * FRAGMENT_COUNT_KEYS + count;
    if (this.fragments.add(key, buf, c4 + 1, c5, fill, count, number, this.msgTime, this.reader)) {
      this.msgTime = this.fragments.completedTime;
      this.message();
    }
  }

  /** A complete message in the reader, received at msgTime (NaN if unknown). */
  private message(): void {
    const c = this.c;
    c.messages++;
    const r = this.reader;
    if (r.bitLength < MESSAGE_TYPE_BITS) {
      c.error(REASON.short_payload);
      return;
    }
    if (this.duplicates.seen(r.hash, r.bitLength, c.messages, this.msgTime)) {
      c.error(REASON.duplicate);
      return;
    }
    const type = messageType(r);
    if (SUPPORTED_TYPES[type] === 0) {
      c.error(REASON.unsupported_type);
      c.unsupported[type]++;
      return;
    }
    if (this.msgTime !== this.msgTime) {
      if (this.defaultTime !== this.defaultTime) {
        c.error(REASON.no_time);
        return;
      }
      this.msgTime = this.defaultTime;
      c.timeDefaulted++;
    }
    switch (type) {
      case 1:
      case 2:
      case 3:
        this.emitPosition(type, decodeClassAPosition(r, this.fields));
        return;
      case 18:
        this.emitPosition(type, decodeClassBPosition(r, this.fields));
        return;
      case 27:
        this.emitPosition(type, decodeLongRangePosition(r, this.fields));
        return;
      case 5:
        this.emitStatic(type, decodeStaticVoyage(r, this.staticRecord(), this.voyage), true);
        return;
      case 24:
        this.emitStatic(type, decodeClassBStatic(r, this.staticRecord()), true);
        return;
      case 19: {
        const identity = decodeClassBExtendedStatic(r, this.staticRecord());
        if (identity !== DECODED) {
          this.emitStatic(type, identity, true);
          return;
        }
        this.emitPosition(type, decodeClassBPosition(r, this.fields));
        this.emitStatic(type, DECODED, false);
      }
    }
  }

  private staticRecord(): AisStatic {
    if (!this.reuse) this.static = blankStatic();
    return this.static;
  }

  /** Counts and hands over a decoded position; `result` is DECODED or a REASON. */
  private emitPosition(type: number, result: number): void {
    const c = this.c;
    if (result === REASON.short_payload) {
      c.error(result);
      return;
    }
    c.decoded[type]++;
    if (result !== DECODED) {
      c.error(result);
      return;
    }
    c.positions++;
    const f = this.fields;
    if (this.onPositionValues) {
      const v = this.values;
      v[POSITION_VALUES.mmsi] = f.mmsi;
      v[POSITION_VALUES.t] = this.msgTime;
      v[POSITION_VALUES.lat] = f.lat;
      v[POSITION_VALUES.lon] = f.lon;
      v[POSITION_VALUES.sog] = f.sog;
      v[POSITION_VALUES.cog] = f.cog;
      this.onPositionValues(v);
      return;
    }
    if (!this.onPosition) return;
    if (!this.reuse) this.position = blankPosition();
    const p = toAisPosition(f, this.position);
    p.t = this.msgTime;
    this.onPosition(p);
  }

  /** Counts and hands over a decoded static record; `count` false when the message was counted already (type 19). */
  private emitStatic(type: number, result: number, count: boolean): void {
    const c = this.c;
    if (result !== DECODED) {
      c.error(result);
      return;
    }
    if (count) c.decoded[type]++;
    c.statics++;
    const s = this.static;
    s.t = this.msgTime;
    if (this.onStatic) this.onStatic(s);
  }
}

/** A push-style decoder: `push(chunk)` as bytes arrive, `end()` once, `stats()` any time. */
export function createNmeaDecoder(options: NmeaDecoderOptions = {}): NmeaDecoder {
  return new NmeaStreamDecoder(options);
}

/** Decodes a whole NMEA file through a read stream (bounded memory); resolves with the counts. */
export async function decodeNmeaFile(path: string, options: NmeaDecoderOptions = {}): Promise<AisStats> {
  return pushFile(createNmeaDecoder(options), path);
}
