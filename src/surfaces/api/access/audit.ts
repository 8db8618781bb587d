import type { Context } from 'hono';
import { createHash } from 'node:crypto';
import type { Db } from '../../../store/db.js';
import { pruneAudit, writeAudit, type AuditEntry } from '../../../store/audit.js';
import { callerOf } from './middleware.js';

/**
 * How often buffered audit entries are written (screening never waits on the log), and the most held between. On
 * the embedded database a write holds the main thread: 500 entries took 10-15 ms, 100 about 3 ms (bench/RESULTS.md,
 * screening speed, fourth round), so writes are small and frequent rather than a stall every second under load.
 */
export const AUDIT_FLUSH_MS = 250;
export const AUDIT_FLUSH_ENTRIES = 100;

/** JSON with object keys sorted, so the same query always hashes the same. */
export function canonicalJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  if (v && typeof v === 'object') {
    return `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${canonicalJson((v as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(v) ?? 'null';
}

export const queryHash = (q: unknown) => createHash('sha256').update(canonicalJson(q)).digest('hex');

/** The screening audit trail of one API process: entries buffered, written in batches, pruned to the retention. */
export class AuditTrail {
  private buffer: AuditEntry[] = [];
  private timer: NodeJS.Timeout;
  private pruned = 0;
  private writing = Promise.resolve();

  constructor(private db: Db, readonly retentionDays: number, private onError: (e: Error) => void = () => {}) {
    this.timer = setInterval(() => void this.flush(), AUDIT_FLUSH_MS);
    this.timer.unref();
  }

  /** Records one screening request: what was asked (as a hash), against which versions, what came back. */
  note(c: Context, e: Omit<AuditEntry, 'at' | 'who' | 'queryHash'> & { query: unknown }): void {
    const { query, ...rest } = e;
    this.buffer.push({ ...rest, at: new Date().toISOString(), who: callerOf(c), queryHash: queryHash(query) });
    if (this.buffer.length >= AUDIT_FLUSH_ENTRIES) void this.flush();
  }

  /** Writes what is buffered (and, once a day, deletes entries past the retention). */
  flush(): Promise<void> {
    const batch = this.buffer.splice(0);
    this.writing = this.writing.then(async () => {
      try {
        await writeAudit(this.db, batch);
        if (this.retentionDays > 0 && Date.now() - this.pruned > 86_400_000) {
          this.pruned = Date.now();
          await pruneAudit(this.db, this.retentionDays);
        }
      } catch (err) {
        this.buffer.unshift(...batch); // kept for the next try; the database may be back by then
        this.onError(err as Error);
      }
    });
    return this.writing;
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    await this.flush();
  }
}
