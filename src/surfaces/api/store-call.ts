import { HttpError } from './errors.js';

/** Runs a store read; a database that does not answer (or fails) is a 503 with its message. */
export async function storeCall<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    throw new HttpError(503, `database error: ${(err as Error).message}`);
  }
}
