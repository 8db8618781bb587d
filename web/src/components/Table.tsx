import { useMemo, useState, type ReactNode } from 'react';
import { download, toCsv } from '../lib/csv';

/** The shared table: sortable columns, a row cap with "show more", CSV export of every row (not only those shown). */

export interface Column<T> {
  key: string;
  label: string;
  /** The cell's value for sorting and CSV. */
  value: (row: T) => string | number | boolean | null | undefined;
  /** How the cell is shown (default: the value). */
  render?: (row: T) => ReactNode;
  numeric?: boolean;
  /** Hidden on narrow screens. */
  wide?: boolean;
  /** Never wrapped (dates, ids). */
  nowrap?: boolean;
}

export function Table<T>({ columns, rows, caption, csv, pageSize = 50, rowKey, onRowClick, selected, empty = 'Nothing to show.' }: {
  columns: Column<T>[];
  rows: T[];
  caption: string;
  /** File name of the CSV export (without .csv). */
  csv: string;
  pageSize?: number;
  rowKey: (row: T, i: number) => string;
  onRowClick?: (row: T) => void;
  selected?: string;
  empty?: string;
}) {
  const [sort, setSort] = useState<{ key: string; dir: 1 | -1 } | undefined>();
  const [shown, setShown] = useState(pageSize);
  const sorted = useMemo(() => {
    if (!sort) return rows;
    const col = columns.find((c) => c.key === sort.key);
    if (!col) return rows;
    return [...rows].sort((a, b) => {
      const x = col.value(a), y = col.value(b);
      if (x === y) return 0;
      if (x === null || x === undefined) return 1;
      if (y === null || y === undefined) return -1;
      return (typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y))) * sort.dir;
    });
  }, [rows, sort, columns]);
  const exportCsv = () => download(`${csv}.csv`, toCsv(columns.map((c) => c.label), sorted.map((r) => columns.map((c) => c.value(r)))));
  return (
    <div className="table-wrap">
      <div className="table-bar">
        <span className="table-caption">{caption} <span className="muted">({rows.length.toLocaleString('en')})</span></span>
        <button type="button" className="small" onClick={exportCsv} disabled={!rows.length}>Export CSV</button>
      </div>
      <div className="table-scroll">
        <table>
          <thead>
            <tr>
              {columns.map((c) => (
                <th key={c.key} className={`${c.numeric ? 'num' : ''} ${c.wide ? 'wide' : ''}`} aria-sort={sort?.key === c.key ? (sort.dir === 1 ? 'ascending' : 'descending') : 'none'}>
                  <button type="button" className="th-sort" onClick={() => setSort((s) => ({ key: c.key, dir: s?.key === c.key && s.dir === 1 ? -1 : 1 }))}>
                    {c.label}{sort?.key === c.key ? (sort.dir === 1 ? ' ▲' : ' ▼') : ''}
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {sorted.slice(0, shown).map((r, i) => {
              const k = rowKey(r, i);
              return (
                <tr key={k} className={`${onRowClick ? 'clickable' : ''} ${selected === k ? 'selected' : ''}`}
                  tabIndex={onRowClick ? 0 : undefined}
                  onClick={onRowClick ? () => onRowClick(r) : undefined}
                  onKeyDown={onRowClick ? (e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); onRowClick(r); } } : undefined}>
                  {columns.map((c) => <td key={c.key} className={`${c.numeric ? 'num' : ''} ${c.wide ? 'wide' : ''} ${c.nowrap ? 'nowrap' : ''}`}>{c.render ? c.render(r) : String(c.value(r) ?? '')}</td>)}
                </tr>
              );
            })}
            {!rows.length ? <tr><td colSpan={columns.length} className="muted">{empty}</td></tr> : null}
          </tbody>
        </table>
      </div>
      {sorted.length > shown ? (
        <button type="button" className="small more" onClick={() => setShown((n) => n + pageSize * 4)}>
          Show more ({(sorted.length - shown).toLocaleString('en')} not shown)
        </button>
      ) : null}
    </div>
  );
}
