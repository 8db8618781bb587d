/**
 * A small streaming CSV record splitter (RFC 4180: comma separated, `"` quoting with `""` escapes, quoted line
 * breaks, CRLF/LF/CR line ends, UTF-8 with or without BOM, blank lines skipped). A quote inside an unquoted field is
 * kept as text. It replaces csv-parse on the AIS CSV path because the benchmark showed csv-parse taking most of the
 * time there (bench/ais-decode.bench.ts prints both); the tests check it gives csv-parse's records on every staged
 * file.
 *
 * Fields are not turned into strings until asked for (`field(i)`), so columns a mapping does not use cost only the
 * scan. The record passed to the callback is valid during the call only.
 */

const COMMA = 44;
const QUOTE = 34;
const LF = 10;
const CR = 13;
const BOM = [0xef, 0xbb, 0xbf];
/** A record still incomplete past this size (an unclosed quote) is dropped as malformed, up to its first line end. */
export const MAX_RECORD_BYTES = 1 << 20;
const INITIAL_FIELDS = 64;
/** Returned by the record scanner when the record is not complete yet. */
const INCOMPLETE = -1;

export class CsvRecords {
  /** Fields in the current record. */
  count = 0;
  private buf: Buffer = Buffer.alloc(0);
  private starts = new Int32Array(INITIAL_FIELDS);
  private ends = new Int32Array(INITIAL_FIELDS);
  private escaped = new Uint8Array(INITIAL_FIELDS);
  private carry: Buffer | undefined;
  private atStart = true;

  constructor(
    private readonly onRecord: (record: CsvRecords) => void,
    private readonly onMalformed: () => void,
  ) {}

  /** Field i of the current record, or undefined past its last field. */
  field(i: number): string | undefined {
    if (i >= this.count) return undefined;
    const text = this.buf.toString('utf8', this.starts[i], this.ends[i]);
    return this.escaped[i] ? text.replaceAll('""', '"') : text;
  }

  push(chunk: Buffer): void {
    let buf = this.carry ? Buffer.concat([this.carry, chunk]) : chunk;
    this.carry = undefined;
    if (this.atStart) {
      if (buf.length < BOM.length) {
        this.carry = Buffer.from(buf);
        return;
      }
      if (buf[0] === BOM[0] && buf[1] === BOM[1] && buf[2] === BOM[2]) buf = buf.subarray(BOM.length);
      this.atStart = false;
    }
    let used = this.parse(buf, false);
    while (buf.length - used > MAX_RECORD_BYTES) {
      this.onMalformed();
      const lineEnd = buf.indexOf(LF, used);
      buf = buf.subarray(lineEnd < 0 ? buf.length : lineEnd + 1);
      used = this.parse(buf, false);
    }
    if (used < buf.length) this.carry = Buffer.from(buf.subarray(used));
  }

  end(): void {
    if (this.carry) this.parse(this.carry, true);
    this.carry = undefined;
  }

  /** Hands over every complete record of buf; returns where the incomplete rest starts (buf.length if none). */
  private parse(buf: Buffer, final: boolean): number {
    this.buf = buf;
    let pos = 0;
    while (pos < buf.length) {
      const next = this.record(buf, pos, final);
      if (next === INCOMPLETE) return pos;
      pos = next;
    }
    return buf.length;
  }

  /** The record starting at pos: hands it over and returns the index after its line end, or INCOMPLETE. */
  private record(buf: Buffer, pos: number, final: boolean): number {
    const n = buf.length;
    this.count = 0;
    let i = pos;
    for (;;) {
      let start = i;
      let end: number;
      let escaped = 0;
      if (i < n && buf[i] === QUOTE) {
        start = ++i;
        for (;;) {
          const q = buf.indexOf(QUOTE, i);
          if (q < 0 || (q + 1 === n && !final)) {
            if (!final) return INCOMPLETE;
            this.onMalformed(); // a quote never closed
            return n;
          }
          if (buf[q + 1] === QUOTE) {
            escaped = 1;
            i = q + 2;
            continue;
          }
          end = q;
          i = q + 1;
          break;
        }
        if (i < n && buf[i] !== COMMA && buf[i] !== LF && buf[i] !== CR) return this.skipMalformedLine(buf, i, final);
      } else {
        while (i < n) {
          const b = buf[i];
          if (b === COMMA || b === LF || b === CR) break;
          i++;
        }
        if (i === n && !final) return INCOMPLETE;
        end = i;
      }
      this.addField(start, end, escaped);
      if (i < n && buf[i] === COMMA) {
        i++;
        continue;
      }
      let next = i + 1;
      if (i < n && buf[i] === CR) {
        if (next < n) {
          if (buf[next] === LF) next++;
        } else if (!final) {
          return INCOMPLETE; // the LF of a CRLF may come in the next chunk
        }
      }
      const blank = this.count === 1 && end === start && buf[start - 1] !== QUOTE;
      if (!blank) this.onRecord(this);
      return Math.min(next, n);
    }
  }

  /** Text after a closing quote: the record is malformed; resume after its line end. */
  private skipMalformedLine(buf: Buffer, from: number, final: boolean): number {
    const lineEnd = buf.indexOf(LF, from);
    if (lineEnd < 0 && !final) return INCOMPLETE;
    this.onMalformed();
    return lineEnd < 0 ? buf.length : lineEnd + 1;
  }

  private addField(start: number, end: number, escaped: number): void {
    if (this.count === this.starts.length) {
      const size = this.count * 2;
      const starts = new Int32Array(size);
      const ends = new Int32Array(size);
      const escapedFlags = new Uint8Array(size);
      starts.set(this.starts);
      ends.set(this.ends);
      escapedFlags.set(this.escaped);
      this.starts = starts;
      this.ends = ends;
      this.escaped = escapedFlags;
    }
    this.starts[this.count] = start;
    this.ends[this.count] = end;
    this.escaped[this.count] = escaped;
    this.count++;
  }
}
