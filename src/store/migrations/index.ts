import * as m001 from './001_lists.js';

/** Ordered migrations. Each runs once, in a transaction, on PGlite and on PostgreSQL (SQL kept to PostgreSQL 15). */
export const MIGRATIONS: { id: number; name: string; sql: string }[] = [{ id: 1, name: 'lists', sql: m001.sql }];
