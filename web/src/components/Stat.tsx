import type { ReactNode } from 'react';

/** A headline number with its label and a line of context. */
export function Stat({ label, value, note, to }: { label: string; value: ReactNode; note?: ReactNode; to?: ReactNode }) {
  return (
    <div className="stat">
      <div className="stat-label">{label}</div>
      <div className="stat-value">{value}</div>
      <div className="stat-note">{note ?? '\u00a0'}{to ? <> {to}</> : null}</div>
    </div>
  );
}
