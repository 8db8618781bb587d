import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { IncomingMessage } from 'node:http';
import { HttpError, errorBody } from './errors.js';

/** Largest request body accepted (a batch of 100 queries fits easily). */
export const MAX_BODY = 1024 * 1024;
/** Files sent whole: a customer list to screen, an FtM dataset to import. AIS uploads stream to disk under their own limit. */
export const MAX_FILE_BODY = 64 * 1024 * 1024;
const FILE_PATHS = [/^\/screen\/batch$/, /^\/datasets\/[^/]+\/import$/];
const STREAMED_PATH = '/ais/uploads';

/** The media types Hono's JSON validator reads. */
const JSON_TYPE = /^application\/([\w.-]+\+)?json\s*(;|$)/i;
const utf8 = new TextDecoder(); // strips a byte-order mark and replaces bad bytes, as Request.text() does

const tooLarge = (c: Context, maxSize: number, hint: string) => errorBody(c, 413, `request body larger than ${maxSize / 1024 / 1024} MB: ${hint}`);
const jsonTooLarge = (c: Context) => tooLarge(c, MAX_BODY, 'split the batch');

/** The whole body of a Node request, or undefined once it passes `maxSize` (the rest is left to Node to discard). */
function readIncoming(incoming: IncomingMessage, maxSize: number): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxSize) return void chunks.push(chunk);
      incoming.off('data', onData);
      incoming.resume();
      resolve(undefined);
    };
    incoming.on('data', onData);
    incoming.once('end', () => resolve(utf8.decode(Buffer.concat(chunks, size))));
    incoming.once('close', () => { if (!incoming.complete) reject(new HttpError(400, 'request body not received whole: the client stopped sending')); });
    incoming.once('error', reject);
  });
}

/**
 * Size limits on request bodies: 1 MB for JSON, 64 MB on the file routes, none on the streamed AIS upload (it has
 * its own). A JSON body is read straight from Node's request into Hono's body cache, where the validators find it:
 * building a web Request and stream for a 100-byte query was about a tenth of a `POST /match` request's CPU
 * (bench/RESULTS.md, screening speed, fourth round). Other bodies go through Hono's body limit.
 */
export function bodyLimits(): MiddlewareHandler {
  const json = bodyLimit({ maxSize: MAX_BODY, onError: jsonTooLarge });
  const files = bodyLimit({ maxSize: MAX_FILE_BODY, onError: (c) => tooLarge(c, MAX_FILE_BODY, 'split the file or use the command line') });
  return async (c, next) => {
    const path = c.req.path;
    if (path === STREAMED_PATH) return next();
    if (FILE_PATHS.some((p) => p.test(path))) return files(c, next);
    const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
    if (!incoming || c.req.method === 'GET' || c.req.method === 'HEAD' || !JSON_TYPE.test(c.req.header('content-type') ?? '')) return json(c, next);
    if (Number(c.req.header('content-length') ?? 0) > MAX_BODY) return jsonTooLarge(c);
    const text = await readIncoming(incoming, MAX_BODY);
    if (text === undefined) return jsonTooLarge(c);
    // Hono keeps the body promise it read under the key read (request.js #cachedBody); its type says the value.
    (c.req.bodyCache as { text?: Promise<string> }).text = Promise.resolve(text);
    await next();
  };
}
