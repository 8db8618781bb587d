import { useCallback, useSyncExternalStore } from 'react';

/** A small router: pages live under /app/, every view's state is in the query string (shareable URLs). */

export const BASE = '/app';

const listeners = new Set<() => void>();
function notify() {
  for (const l of listeners) l();
}
window.addEventListener('popstate', notify);

function subscribe(l: () => void) {
  listeners.add(l);
  return () => listeners.delete(l);
}
const snapshot = () => location.pathname + location.search;

export interface Route {
  /** Path below /app, e.g. "/entity/ofac-17069" ("/" for the dashboard). */
  path: string;
  params: URLSearchParams;
}

export function useRoute(): Route {
  const s = useSyncExternalStore(subscribe, snapshot);
  const url = new URL(s, location.origin);
  const path = url.pathname.startsWith(BASE) ? url.pathname.slice(BASE.length) || '/' : '/';
  return { path, params: url.searchParams };
}

/** Goes to an address inside the app (push), or replaces the current entry (replace: for typing, filters). */
export function navigate(to: string, opts: { replace?: boolean } = {}): void {
  const href = to.startsWith(BASE) ? to : BASE + to;
  if (href === snapshot()) return;
  if (opts.replace) history.replaceState(null, '', href);
  else history.pushState(null, '', href);
  notify();
  if (!opts.replace) window.scrollTo(0, 0);
}

/** An app-relative href ("/screen?q=x" → "/app/screen?q=x"). */
export const href = (to: string) => (to.startsWith(BASE) ? to : BASE + to);

/** Query-string state: read a parameter, and set several at once (replace by default). */
export function useParams(): [URLSearchParams, (changes: Record<string, string | undefined | null>, opts?: { push?: boolean }) => void] {
  const { params } = useRoute();
  const set = useCallback((changes: Record<string, string | undefined | null>, opts: { push?: boolean } = {}) => {
    const p = new URLSearchParams(location.search);
    for (const [k, v] of Object.entries(changes)) {
      if (v === undefined || v === null || v === '') p.delete(k);
      else p.set(k, v);
    }
    const q = p.toString();
    navigate(`${location.pathname}${q ? `?${q}` : ''}`, { replace: !opts.push });
  }, []);
  return [params, set];
}
