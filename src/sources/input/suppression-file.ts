import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { parse } from 'csv-parse/sync';
import { sniffDelimiter } from './table.js';

/** One reviewed false positive as the file states it. */
export interface SuppressionRecord {
  /** The name as screened. */
  query: string;
  /** The entity id or any referent (ofac-33936, un-KPi.024). */
  entity: string;
  reason: string;
  reviewer?: string;
  date?: string;
  /** `file:line` (CSV) or `file#index` (JSON), for the audit trail. */
  origin: string;
}

const ENTITY_KEYS = ['entity', 'entity_id', 'entityid', 'id', 'referent'];

function fromObject(o: Record<string, unknown>, origin: string): SuppressionRecord {
  const text = (k: string) => (typeof o[k] === 'string' || typeof o[k] === 'number' ? String(o[k]).trim() : '');
  const rec: SuppressionRecord = { query: text('query'), entity: ENTITY_KEYS.map(text).find(Boolean) ?? '', reason: text('reason'), origin };
  const missing = (['query', 'entity', 'reason'] as const).filter((k) => !rec[k]);
  if (missing.length) throw new Error(`${origin}: a suppression needs ${missing.join(', ')} (columns query, entity, reason, reviewer?, date?)`);
  if (text('reviewer')) rec.reviewer = text('reviewer');
  if (text('date')) rec.date = text('date');
  return rec;
}

/**
 * Reads a suppression file: CSV with a header (query, entity, reason, reviewer, date) or JSON (an array of
 * such objects, or `{"suppressions": [...]}`). A row without query, entity or reason is an error: a suppression
 * nobody can account for must not silently hide a hit.
 */
export function readSuppressionFile(path: string): SuppressionRecord[] {
  const text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  if (extname(path).toLowerCase() === '.json') {
    const data = JSON.parse(text) as unknown;
    const list = Array.isArray(data) ? data : (data as { suppressions?: unknown }).suppressions;
    if (!Array.isArray(list)) throw new Error(`${path}: expected an array of suppressions or {"suppressions": [...]}`);
    return list.map((o, i) => fromObject(o as Record<string, unknown>, `${path}#${i}`));
  }
  const rows = parse(text, { delimiter: sniffDelimiter(text.split(/\r?\n/)[0]), columns: (h: string[]) => h.map((x) => x.trim().toLowerCase()), skip_empty_lines: true, info: true }) as unknown as { record: Record<string, string>; info: { lines: number } }[];
  return rows.map((r) => fromObject(r.record, `${path}:${r.info.lines}`));
}
