import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ZodError } from 'zod';
import { isDatabaseUnavailable } from '../../store/db.js';

/** A client error with a clear message: becomes a 4xx JSON body, never a 5xx. */
export class HttpError extends Error {
  constructor(readonly status: ContentfulStatusCode, message: string, readonly detail?: unknown) {
    super(message);
  }
}

/** Every error the API answers: `{status, message, detail?}`. */
export function errorBody(c: Context, status: ContentfulStatusCode, message: string, detail?: unknown) {
  return c.json({ status, message, ...(detail !== undefined ? { detail } : {}) }, status);
}

const WHAT: Record<string, string> = { json: 'request body', form: 'form body', query: 'query parameter', param: 'path parameter' };

/** Turns zod issues into one readable sentence plus the issues as detail. */
export function validationError(target: string, error: ZodError): HttpError {
  const issues = error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
  const text = issues.slice(0, 5).map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ');
  return new HttpError(400, `invalid ${WHAT[target] ?? target}: ${text}`, issues);
}

/** The validation hook of every router: a failed zod check is a 400 with the issues. */
export function validationHook(result: { success: boolean; target: string; error?: ZodError }): void {
  if (!result.success && result.error) throw validationError(result.target, result.error);
}

const HTTP_MESSAGES: Partial<Record<number, string>> = {
  400: 'invalid JSON in request body',
  413: 'request body too large',
  415: 'unsupported content type: send the body as application/json (reconciliation: a form with a `queries` field)',
};

/** The app's error handler: client errors keep their status and get a clear message; anything else is a 500. */
export function handleError(err: Error, c: Context): Response | Promise<Response> {
  if (err instanceof HttpError) return errorBody(c, err.status, err.message, err.detail);
  if (err instanceof HTTPException) {
    const status = err.status as ContentfulStatusCode;
    const message = status === 400 ? (/json/i.test(err.message) ? HTTP_MESSAGES[400] : err.message) : HTTP_MESSAGES[status] ?? err.message;
    return errorBody(c, status, message || 'bad request');
  }
  if (isDatabaseUnavailable(err)) return errorBody(c, 503, `database unavailable (${err.message}); retry shortly`);
  console.error(err);
  return errorBody(c, 500, 'internal error');
}
