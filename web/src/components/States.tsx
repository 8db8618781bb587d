import type { ReactNode } from 'react';
import type { ApiError } from '../lib/api';

/** Loading, error and empty states: each takes the room its content will take, so nothing jumps when data lands. */

export function Loading({ what, height = 120 }: { what: string; height?: number }) {
  return <div className="state loading" style={{ minHeight: height }} role="status" aria-live="polite"><span className="spinner" aria-hidden="true" />Loading {what}…</div>;
}

export function ErrorBox({ error, what }: { error: ApiError | Error; what: string }) {
  return <div className="state error" role="alert"><strong>Could not load {what}.</strong> {error.message}</div>;
}

export function Empty({ title, children, height }: { title: string; children?: ReactNode; height?: number }) {
  return <div className="state empty" style={height ? { minHeight: height } : undefined}><strong>{title}</strong>{children ? <div>{children}</div> : null}</div>;
}

/** The page for a capability whose API is not in this server yet. */
export function NotYet({ what, api, children }: { what: string; api: string; children?: ReactNode }) {
  return (
    <div className="state empty notyet">
      <strong>{what} is not available on this server yet.</strong>
      <div>This page reads <code>{api}</code>, which this server does not answer. {children}</div>
    </div>
  );
}
