import type { Db } from './db.js';

export interface ChangeRow {
  source: string;
  origin: string;
  date: string;
  previous_date: string | null;
  change: string;
  id: string;
  changed_fields: string[];
  row: Record<string, string>;
}

/** Replaces the change rows of one origin (a derived change log) in one transaction. */
export async function replaceChanges(db: Db, origin: string, rows: Omit<ChangeRow, 'origin'>[]): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query('DELETE FROM list_changes WHERE origin = $1', [origin]);
    for (let i = 0; i < rows.length; i += 5000) {
      const chunk = rows.slice(i, i + 5000);
      await tx.query(
        `INSERT INTO list_changes (source, origin, date, previous_date, change, id, changed_fields, row)
         SELECT x.source, $1, x.date::date, x.previous_date::date, x.change, x.id, ARRAY(SELECT jsonb_array_elements_text(x.changed_fields)), x.row
         FROM jsonb_to_recordset($2::jsonb) AS x(source text, date text, previous_date text, change text, id text, changed_fields jsonb, row jsonb)`,
        [origin, JSON.stringify(chunk)],
      );
    }
  });
}

export async function changesOf(db: Db, filter: { source?: string; change?: string } = {}): Promise<ChangeRow[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  if (filter.source) where.push(`source = $${params.push(filter.source)}`);
  if (filter.change) where.push(`change = $${params.push(filter.change)}`);
  return db.query<ChangeRow>(
    `SELECT source, origin, to_char(date, 'YYYY-MM-DD') AS date, to_char(previous_date, 'YYYY-MM-DD') AS previous_date, change, id,
       changed_fields, row FROM list_changes ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY date, id`,
    params,
  );
}
