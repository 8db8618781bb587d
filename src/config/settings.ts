import { resolve } from 'node:path';
import { openDb, type Db } from '../store/db.js';
import { migrate } from '../store/migrate.js';
import { cleanStaging } from '../store/versions.js';
import { entitiesStale } from '../store/entities.js';
import { rebuildEntities } from '../ingest/rebuild.js';

/** Where Chokepoint keeps its data and where it reads lists from: flags first, then environment, then defaults. */
export interface Settings {
  /** Embedded database folder (CHOKEPOINT_DATA; default ./data). */
  dataDir: string;
  /** PostgreSQL server (DATABASE_URL); when set, the embedded database is not used. */
  databaseUrl?: string;
  /** Local mirror of the official list files (CHOKEPOINT_MIRROR). */
  mirror?: string;
}

export function settingsFrom(flags: { dataDir?: string; mirror?: string } = {}, env: NodeJS.ProcessEnv = process.env): Settings {
  const mirror = flags.mirror ?? env.CHOKEPOINT_MIRROR;
  return {
    dataDir: resolve(flags.dataDir ?? env.CHOKEPOINT_DATA ?? 'data'),
    ...(env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : {}),
    ...(mirror ? { mirror: resolve(mirror) } : {}),
  };
}

/** Opens the configured database, brings its schema up to date and finishes what an interrupted update left. */
export async function openStore(s: Settings): Promise<Db> {
  const db = await openDb(s.databaseUrl ? { databaseUrl: s.databaseUrl } : { dataDir: resolve(s.dataDir, 'db') });
  try {
    await migrate(db);
    await cleanStaging(db);
    // A crash between storing a list version and merging its entities leaves them built from the older one.
    if (await entitiesStale(db)) await rebuildEntities(db);
  } catch (err) {
    await db.close();
    throw err;
  }
  return db;
}
