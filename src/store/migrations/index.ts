import * as m001 from './001_lists.js';
import * as m002 from './002_maritime.js';
import * as m003 from './003_network.js';

/** Ordered migrations. Each runs once, in a transaction, on PGlite and on PostgreSQL (SQL kept to PostgreSQL 15). */
export const MIGRATIONS: { id: number; name: string; sql: string }[] = [{ id: 1, name: 'lists', sql: m001.sql }, { id: 2, name: 'maritime', sql: m002.sql }];
MIGRATIONS.push({ id: 3, name: 'network', sql: m003.sql });
MIGRATIONS.push({ id: 4, name: 'mandates', sql: (await import('./004_mandates.js')).sql });
MIGRATIONS.push({ id: 5, name: 'access', sql: (await import('./005_access.js')).sql });
MIGRATIONS.push({ id: 6, name: 'jobs', sql: (await import('./006_jobs.js')).sql });
