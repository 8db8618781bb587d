import iconv from 'iconv-lite';
import { isAscii, isUtf8 } from 'node:buffer';
import { SourceError } from '../types.js';

/**
 * Text decoding of OFAC's legacy CSV files.
 *
 * Every staged OFAC file is plain ASCII: OFAC transliterates names. Copies re-saved by others may carry
 * accented letters, either in Windows-1252 (the code page of OFAC's older files) or in UTF-8. So:
 *   - a UTF-16/UTF-32 byte-order mark, or any NUL byte, is the wrong encoding: refused;
 *   - control bytes other than TAB, CR, LF, and 0x1A as the last byte(s), are not text: refused;
 *   - ASCII only: decoded as is (fast path);
 *   - otherwise valid UTF-8 is decoded as UTF-8 (a Windows-1252 text with accents is practically never valid UTF-8);
 *   - otherwise Windows-1252, refusing the five byte values that code page leaves undefined.
 */

export type TextEncoding = 'ascii' | 'utf-8' | 'windows-1252';

export interface DecodedText {
  /** The text, without a byte-order mark or the end-of-file byte. */
  text: string;
  /** The encoding the file was found in. */
  encoding: TextEncoding;
  /** The file ended with OFAC's DOS end-of-file byte 0x1A (optionally followed by line breaks). */
  endMark: boolean;
}

const EOF_BYTE = 0x1a;
const CONTROL = /[\x00-\x08\x0b\x0c\x0e-\x19\x1b-\x1f]/;
const CP1252_UNDEFINED = /[\x81\x8d\x8f\x90\x9d]/;

/** 1-based line of a character offset. */
function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

function wrongEncoding(file: string, bytes: Buffer): SourceError | undefined {
  const bom = bytes.subarray(0, 4);
  if ((bom[0] === 0xff && bom[1] === 0xfe) || (bom[0] === 0xfe && bom[1] === 0xff)) {
    return new SourceError(file, 1, 'wrong encoding: UTF-16/UTF-32 byte-order mark; OFAC CSV files are single-byte text (ASCII)');
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    const line = lineAt(bytes.subarray(0, nul).toString('latin1'), nul);
    return new SourceError(file, line, `wrong encoding: NUL byte at offset ${nul} (UTF-16 or binary data, not OFAC CSV text)`);
  }
  return undefined;
}

/** Decodes one OFAC CSV file, or throws a SourceError naming the file and the line of the first bad byte. */
export function decodeOfacText(bytes: Buffer, file: string): DecodedText {
  const refused = wrongEncoding(file, bytes);
  if (refused) throw refused;

  let body = bytes;
  const hasUtf8Bom = body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf;
  if (hasUtf8Bom) body = body.subarray(3);

  // The end mark: 0x1A as the last byte, tolerating line breaks after it.
  let end = body.length;
  while (end > 0 && (body[end - 1] === 0x0a || body[end - 1] === 0x0d)) end--;
  const endMark = end > 0 && body[end - 1] === EOF_BYTE;
  if (endMark) body = body.subarray(0, end - 1);

  const raw = body.toString('latin1'); // one character per byte: offsets are byte offsets
  const control = CONTROL.exec(raw);
  if (control) {
    const code = raw.charCodeAt(control.index).toString(16).padStart(2, '0');
    throw new SourceError(file, lineAt(raw, control.index), `wrong encoding or binary data: control byte 0x${code} at offset ${control.index}`);
  }
  if (!hasUtf8Bom && isAscii(body)) return { text: raw, encoding: 'ascii', endMark };

  if (isUtf8(body)) return { text: body.toString('utf8'), encoding: 'utf-8', endMark };
  if (hasUtf8Bom) throw new SourceError(file, undefined, 'wrong encoding: UTF-8 byte-order mark but invalid UTF-8 bytes');
  const undefinedByte = CP1252_UNDEFINED.exec(raw);
  if (undefinedByte) {
    const code = raw.charCodeAt(undefinedByte.index).toString(16);
    throw new SourceError(
      file,
      lineAt(raw, undefinedByte.index),
      `wrong encoding: byte 0x${code} at offset ${undefinedByte.index} is neither UTF-8 nor Windows-1252 text`,
    );
  }
  return { text: iconv.decode(body, 'windows-1252'), encoding: 'windows-1252', endMark };
}
