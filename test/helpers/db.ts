import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDb, dumpDb, type Db } from '../../src/store/db.js';
import { migrate } from '../../src/store/migrate.js';

let template: Blob | undefined;

/** A fresh, migrated embedded database, loaded from a template dump (a fresh initdb takes seconds). */
export async function freshPglite(): Promise<Db> {
  if (!template) {
    const db = await openDb({});
    await migrate(db);
    template = await dumpDb(db);
    await db.close();
  }
  return openDb({ loadDataDir: template });
}

/** The PostgreSQL server tests run against (CI starts one), or undefined to skip those tests. */
export const TEST_PG_URL = process.env.CHOKEPOINT_TEST_PG_URL;

/** A fresh, migrated database on the PostgreSQL server; drop() removes it. */
export async function freshPostgres(): Promise<{ db: Db; url: string; drop: () => Promise<void> }> {
  if (!TEST_PG_URL) throw new Error('CHOKEPOINT_TEST_PG_URL is not set');
  const name = `cp_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: TEST_PG_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(TEST_PG_URL);
  url.pathname = `/${name}`;
  const db = await openDb({ databaseUrl: url.toString() });
  await migrate(db);
  return {
    db,
    url: url.toString(),
    drop: async () => {
      await db.close();
      const a = new pg.Client({ connectionString: TEST_PG_URL });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    },
  };
}

/** Back ends to run store tests on: always PGlite, and PostgreSQL when a server is configured. */
export function backends(): { name: string; open: () => Promise<{ db: Db; done: () => Promise<void> }> }[] {
  const out = [{
    name: 'pglite',
    open: async () => {
      const db = await freshPglite();
      return { db, done: () => db.close() };
    },
  }];
  if (TEST_PG_URL) {
    out.push({
      name: 'postgres',
      open: async () => {
        const { db, drop } = await freshPostgres();
        return { db, done: drop };
      },
    });
  }
  return out;
}
