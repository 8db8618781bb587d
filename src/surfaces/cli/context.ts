import { openStore, settingsFrom, type Settings } from '../../config/settings.js';
import type { Db } from '../../store/db.js';

export interface GlobalFlags {
  dataDir?: string;
  mirror?: string;
}

/** Runs a command with the store open, closing it afterwards (PGlite keeps the process alive until closed). */
export async function withStore<T>(flags: GlobalFlags, fn: (db: Db, settings: Settings) => Promise<T>): Promise<T> {
  const settings = settingsFrom(flags);
  const db = await openStore(settings);
  try {
    return await fn(db, settings);
  } finally {
    await db.close();
  }
}

/** A user-facing failure: printed without a stack trace, exit code 1 (or the one given). */
export class UserError extends Error {
  constructor(message: string, readonly exitCode = 1) {
    super(message);
  }
}

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}
