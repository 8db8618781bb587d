import { createReadStream, existsSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse';
import { SourceError } from '../types.js';

/**
 * Derived OFAC files (not official publications): a daily change log of sdn.csv rebuilt from a public
 * git scrape of OFAC's file. Each row says an entry was added, removed or changed between two scrape days.
 * Read from `<mirror>/ofac/derived/`; see the mirror's SOURCES.md for how they were made.
 */
export const OFAC_DERIVED_DIR = join('ofac', 'derived');
export const CHANGE_LOG_PATTERN = /^sdn_changes_.*\.csv$/;

export interface DerivedChange {
  source: 'ofac';
  date: string;
  previous_date: string | null;
  change: 'added' | 'removed' | 'changed';
  id: string;
  changed_fields: string[];
  row: Record<string, string>;
}

const REQUIRED = ['date', 'previous_date', 'change', 'changed_fields', 'ent_num', 'SDN_Name', 'Program'];
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export async function parseChangeLog(path: string): Promise<DerivedChange[]> {
  if (!existsSync(path)) throw new SourceError(path, undefined, 'file not found');
  const out: DerivedChange[] = [];
  const parser = createReadStream(path).pipe(parse({ columns: true, bom: true, relax_column_count: false }));
  let line = 1;
  try {
    for await (const rec of parser as AsyncIterable<Record<string, string>>) {
      line = parser.info.lines;
      if (out.length === 0) for (const c of REQUIRED) if (!(c in rec)) throw new SourceError(path, 1, `missing column "${c}"`);
      const change = rec.change;
      if (change !== 'added' && change !== 'removed' && change !== 'changed') throw new SourceError(path, line, `unknown change "${change}"`);
      if (!DATE.test(rec.date)) throw new SourceError(path, line, `bad date "${rec.date}"`);
      if (!/^\d+$/.test(rec.ent_num)) throw new SourceError(path, line, `bad ent_num "${rec.ent_num}"`);
      out.push({
        source: 'ofac',
        date: rec.date,
        previous_date: DATE.test(rec.previous_date) ? rec.previous_date : null,
        change,
        id: `ofac-${rec.ent_num}`,
        changed_fields: rec.changed_fields ? rec.changed_fields.split(/[;|]/).map((s) => s.trim()).filter(Boolean) : [],
        row: rec,
      });
    }
  } catch (err) {
    if (err instanceof SourceError) throw err;
    throw new SourceError(path, line, (err as Error).message);
  }
  return out;
}
