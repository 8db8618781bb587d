import { OpenAPIHono } from '@hono/zod-openapi';
import { validationHook } from './errors.js';

/** A router whose request validation failures become `{status: 400, message, detail}`. */
export function router(): OpenAPIHono {
  return new OpenAPIHono({ defaultHook: validationHook });
}
