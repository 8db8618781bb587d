import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { mkdirSync } from 'node:fs';

/**
 * The one database handle the rest of the code sees. Two back ends with the same SQL:
 * embedded PGlite (a data folder, the default) and a PostgreSQL server (DATABASE_URL).
 * bigint (int8) and numeric come back as JS numbers on both.
 */
export interface Db {
  readonly kind: 'pglite' | 'postgres';
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  exec(sql: string): Promise<void>;
  /** Runs fn in one transaction: all of it is committed, or none of it. */
  transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface DbOptions {
  /** postgres:// URL; when set, the server back end is used. */
  databaseUrl?: string;
  /** Folder for the embedded database; undefined = in memory (tests). */
  dataDir?: string;
  /** A PGlite data-folder dump (from dumpDataDir) to start from: saves the 3-5 s of a fresh initdb. */
  loadDataDir?: Blob;
}

const INT8 = 20;
const NUMERIC = 1700;

class PgliteDb implements Db {
  readonly kind = 'pglite' as const;
  constructor(private readonly pg: PGlite, private readonly inTx = false) {}

  async query<T>(sql: string, params: unknown[] = []): Promise<T[]> {
    const res = await this.pg.query<T>(sql, params);
    return res.rows;
  }
  async exec(sql: string): Promise<void> {
    await this.pg.exec(sql);
  }
  async transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T> {
    if (this.inTx) return fn(this);
    return this.pg.transaction(async (tx) => fn(new PgliteTx(tx)));
  }
  async close(): Promise<void> {
    if (!this.pg.closed) await this.pg.close();
  }
  dump(): Promise<Blob> {
    return this.pg.dumpDataDir('none') as Promise<Blob>;
  }
}

type PgliteTxHandle = Parameters<Parameters<PGlite['transaction']>[0]>[0];

class PgliteTx implements Db {
  readonly kind = 'pglite' as const;
  constructor(private readonly tx: PgliteTxHandle) {}
  async query<T>(sql: string, params: unknown[] = []): Promise<T[]> {
    return (await this.tx.query<T>(sql, params)).rows;
  }
  async exec(sql: string): Promise<void> {
    await this.tx.exec(sql);
  }
  async transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T> {
    return fn(this);
  }
  async close(): Promise<void> {
    throw new Error('cannot close a transaction handle');
  }
}

const pgTypes = {
  getTypeParser(oid: number, format?: string) {
    if (oid === INT8 || oid === NUMERIC) return (v: string) => Number(v);
    return pg.types.getTypeParser(oid, format as 'text');
  },
};

class PostgresDb implements Db {
  readonly kind = 'postgres' as const;
  constructor(private readonly pool: pg.Pool) {}
  async query<T>(sql: string, params: unknown[] = []): Promise<T[]> {
    return (await this.pool.query(sql, params)).rows as T[];
  }
  async exec(sql: string): Promise<void> {
    await this.pool.query(sql);
  }
  async transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const out = await fn(new PostgresClientDb(client));
      await client.query('COMMIT');
      return out;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
  }
  async close(): Promise<void> {
    await this.pool.end();
  }
}

class PostgresClientDb implements Db {
  readonly kind = 'postgres' as const;
  constructor(private readonly client: pg.PoolClient) {}
  async query<T>(sql: string, params: unknown[] = []): Promise<T[]> {
    return (await this.client.query(sql, params)).rows as T[];
  }
  async exec(sql: string): Promise<void> {
    await this.client.query(sql);
  }
  async transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T> {
    return fn(this);
  }
  async close(): Promise<void> {
    throw new Error('cannot close a transaction handle');
  }
}

/** How long a query waits for a connection to the server before it fails (an outage answers 503, not a hang). */
export const CONNECT_TIMEOUT_MS = 5_000;

const OUTAGE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH', '57P01', '57P02', '57P03']);

/**
 * Is this error the database being unreachable (refused, dropped, timed out, shutting down), rather than a fault in
 * a query? The API answers those with 503 and recovers by itself when the server is back.
 */
export function isDatabaseUnavailable(err: unknown): boolean {
  const e = err as { code?: string; message?: string } | undefined;
  if (!e) return false;
  if (e.code && (OUTAGE_CODES.has(e.code) || e.code.startsWith('08'))) return true;
  return /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error/i.test(e.message ?? '');
}

/** Opens the database the options name: PostgreSQL when databaseUrl is set, else embedded PGlite. */
export async function openDb(opts: DbOptions): Promise<Db> {
  if (opts.databaseUrl) {
    const pool = new pg.Pool({
      connectionString: opts.databaseUrl, types: pgTypes, max: Number(process.env.CHOKEPOINT_PG_POOL ?? 10),
      connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    });
    // An idle connection the server dropped: the pool discards it and the next query opens a new one. Without a
    // listener the error would end the process.
    pool.on('error', () => undefined);
    await pool.query('SELECT 1');
    return new PostgresDb(pool);
  }
  if (opts.dataDir) mkdirSync(opts.dataDir, { recursive: true });
  const db = await PGlite.create(opts.dataDir, {
    parsers: { [INT8]: (v: string) => Number(v), [NUMERIC]: (v: string) => Number(v) },
    ...(opts.loadDataDir ? { loadDataDir: opts.loadDataDir } : {}),
  });
  return new PgliteDb(db);
}

/** A dump of an embedded database's data folder (tests build one template and load it many times). */
export async function dumpDb(db: Db): Promise<Blob> {
  if (!(db instanceof PgliteDb)) throw new Error('only an embedded (PGlite) database can be dumped');
  return db.dump();
}
