import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** A client error with a clear message: becomes a 4xx JSON body, never a 5xx. */
export class HttpError extends Error {
  constructor(readonly status: ContentfulStatusCode, message: string, readonly detail?: unknown) {
    super(message);
  }
}

export function errorBody(c: Context, status: ContentfulStatusCode, message: string, detail?: unknown) {
  return c.json({ status, message, ...(detail !== undefined ? { detail } : {}) }, status);
}
