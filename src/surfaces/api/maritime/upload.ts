/**
 * Receives an AIS file upload as a stream into a temporary file, hashing it on the way: the raw request body, or the
 * first file part of a multipart/form-data body (text fields such as `format` and `name` are read too). Nothing is held
 * in memory beyond a chunk; a body above the limit is cut off with a 413.
 */
import { createHash } from 'node:crypto';
import { createWriteStream, mkdtempSync, openSync, rmSync, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { HttpError } from '../errors.js';

/** Largest upload accepted (bytes); CHOKEPOINT_AIS_UPLOAD_MAX_MB overrides. A day of a regional AIS feed fits. */
export const MAX_UPLOAD_BYTES = Number(process.env.CHOKEPOINT_AIS_UPLOAD_MAX_MB ?? 256) * 1024 * 1024;
/** Part headers and text fields longer than this are refused (they are a few dozen bytes). */
const MAX_HEADER_BYTES = 16 * 1024;
const MAX_FIELD_BYTES = 1024;
const CRLF2 = Buffer.from('\r\n\r\n');

export interface Upload {
  /** The temporary folder holding the file (remove it when done). */
  dir: string;
  path: string;
  /** The client's file name (sanitised), if it gave one. */
  name?: string;
  bytes: number;
  sha256: string;
  /** Text fields of a multipart body. */
  fields: Record<string, string>;
}

/** A file name safe to record: the base name, printable, at most 200 characters. */
export function cleanName(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  // eslint-disable-next-line no-control-regex
  const s = basename(raw.replace(/\\/g, '/')).replace(/[\u0000-\u001f\u007f]/g, '').trim().slice(0, 200);
  return s || undefined;
}

class Sink {
  readonly hash = createHash('sha256');
  bytes = 0;
  private readonly ws: WriteStream;
  private error?: Error;
  constructor(readonly path: string) {
    // Opened synchronously: the folder may be removed right after a refusal, before an asynchronous open would run.
    this.ws = createWriteStream(path, { fd: openSync(path, 'wx') });
    this.ws.on('error', (err) => {
      this.error = err;
    });
  }
  async write(b: Buffer): Promise<void> {
    if (this.error) throw this.error;
    if (!b.length) return;
    this.hash.update(b);
    this.bytes += b.length;
    if (!this.ws.write(b)) await once(this.ws, 'drain');
  }
  async close(): Promise<void> {
    this.ws.end();
    await once(this.ws, 'finish');
    if (this.error) throw this.error;
  }
  destroy(): void {
    this.ws.destroy();
  }
}

function boundaryOf(contentType: string): string {
  const m = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  const b = m?.[1] ?? m?.[2];
  if (!b || b.length > 200) throw new HttpError(400, 'multipart body without a boundary in its content-type');
  return b;
}

function dispositionOf(headers: string): { name?: string; filename?: string } {
  const line = headers.split('\r\n').find((l) => /^content-disposition:/i.test(l)) ?? '';
  const name = /\bname="([^"]*)"/i.exec(line)?.[1];
  const filename = /\bfilename="([^"]*)"/i.exec(line)?.[1];
  return { name, filename };
}

/**
 * Parses a multipart body as it streams: the first part with a file name (or named `file`) goes to the sink; short
 * text parts become fields; everything else is skipped.
 */
class MultipartReader {
  private buf: Buffer = Buffer.alloc(0);
  private state: 'preamble' | 'after' | 'headers' | 'file' | 'field' | 'skip' | 'end' = 'preamble';
  private readonly delim: Buffer;
  private field = { name: '', value: Buffer.alloc(0) };
  fileName?: string;
  hasFile = false;
  readonly fields: Record<string, string> = {};

  constructor(boundary: string, private readonly sink: Sink) {
    this.delim = Buffer.from(`\r\n--${boundary}`);
    // The first boundary has no CRLF before it: give it one so every boundary matches the same delimiter.
    this.buf = Buffer.from('\r\n');
  }

  async push(chunk: Buffer): Promise<void> {
    this.buf = this.buf.length ? Buffer.concat([this.buf, chunk]) : chunk;
    for (;;) {
      if (this.state === 'end') {
        this.buf = Buffer.alloc(0);
        return;
      }
      if (this.state === 'after') {
        if (this.buf.length < 2) return;
        const two = this.buf.subarray(0, 2).toString('latin1');
        this.buf = this.buf.subarray(2);
        this.state = two === '--' ? 'end' : 'headers';
        continue;
      }
      if (this.state === 'headers') {
        const i = this.buf.indexOf(CRLF2);
        if (i < 0) {
          if (this.buf.length > MAX_HEADER_BYTES) throw new HttpError(400, 'multipart part headers too long');
          return;
        }
        const { name, filename } = dispositionOf(this.buf.subarray(0, i).toString('utf8'));
        this.buf = this.buf.subarray(i + CRLF2.length);
        if (!this.hasFile && (filename !== undefined || name === 'file')) {
          this.hasFile = true;
          this.fileName = filename;
          this.state = 'file';
        } else if (filename === undefined && name) {
          this.field = { name, value: Buffer.alloc(0) };
          this.state = 'field';
        } else this.state = 'skip';
        continue;
      }
      // preamble, file, field, skip: content up to the next delimiter.
      const i = this.buf.indexOf(this.delim);
      const upto = i >= 0 ? i : Math.max(0, this.buf.length - this.delim.length + 1);
      await this.content(this.buf.subarray(0, upto));
      if (i < 0) {
        this.buf = Buffer.from(this.buf.subarray(upto));
        return;
      }
      if (this.state === 'field') this.fields[this.field.name] = this.field.value.toString('utf8').trim();
      this.buf = this.buf.subarray(i + this.delim.length);
      this.state = 'after';
    }
  }

  private async content(b: Buffer): Promise<void> {
    if (this.state === 'file') await this.sink.write(b);
    else if (this.state === 'field') {
      if (this.field.value.length + b.length > MAX_FIELD_BYTES) throw new HttpError(400, `multipart field "${this.field.name.slice(0, 40)}" too long`);
      this.field.value = Buffer.concat([this.field.value, b]);
    }
  }

  finish(): void {
    if (!this.hasFile) throw new HttpError(400, 'multipart body has no file part: send the AIS file as a part with a filename (e.g. curl -F file=@day.nmea)');
    if (this.state !== 'end' && this.state !== 'after') throw new HttpError(400, 'multipart body ended before its closing boundary');
  }
}

/** Streams the request body into a fresh temporary folder; throws HttpError 400 (empty, malformed) or 413 (too large). */
export async function receiveUpload(req: Request, maxBytes = MAX_UPLOAD_BYTES): Promise<Upload> {
  const length = Number(req.headers.get('content-length') ?? NaN);
  const tooLarge = () => new HttpError(413, `upload larger than ${Math.round(maxBytes / 1024 / 1024)} MB: split the file (by day or region) and upload the parts`);
  if (length > maxBytes) throw tooLarge();
  if (!req.body) throw new HttpError(400, 'empty upload: send the NMEA or CSV file as the request body or as a multipart file part');
  const contentType = req.headers.get('content-type') ?? '';
  const multipart = /^multipart\/form-data/i.test(contentType);
  const dir = mkdtempSync(join(tmpdir(), 'chokepoint-ais-'));
  const sink = new Sink(join(dir, 'upload'));
  try {
    const reader = multipart ? new MultipartReader(boundaryOf(contentType), sink) : undefined;
    let received = 0;
    for await (const chunk of Readable.fromWeb(req.body as unknown as WebReadableStream<Uint8Array>)) {
      const b = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array);
      received += b.length;
      if (received > maxBytes) throw tooLarge();
      if (reader) await reader.push(b);
      else await sink.write(b);
    }
    reader?.finish();
    await sink.close();
    if (!sink.bytes) throw new HttpError(400, 'empty upload: the file has no content');
    return { dir, path: sink.path, name: cleanName(reader?.fileName), bytes: sink.bytes, sha256: sink.hash.digest('hex'), fields: reader?.fields ?? {} };
  } catch (err) {
    sink.destroy();
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
}
