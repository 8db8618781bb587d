import { useEffect, useState } from 'react';

/** Fetch helpers for the API on the same origin. Errors carry the API's message ({status, message}). */

export class ApiError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

async function readError(r: Response): Promise<ApiError> {
  let message = `${r.status} ${r.statusText}`;
  try {
    const body = (await r.json()) as { message?: string };
    if (body.message) message = body.message;
  } catch {
    // not JSON
  }
  return new ApiError(r.status, message);
}

export async function getJson<T>(url: string, signal?: AbortSignal): Promise<T> {
  const r = await fetch(url, { signal, headers: { accept: 'application/json' } });
  if (!r.ok) throw await readError(r);
  return (await r.json()) as T;
}

/**
 * The API token for changes (suppressions, AIS uploads): a server answers reads from this machine without one, but
 * every write needs a token of the write scope (`chokepoint token create NAME --scope write`). Kept in this browser.
 */
const TOKEN_KEY = 'chokepoint.token';
export function apiToken(): string | undefined {
  try {
    return localStorage.getItem(TOKEN_KEY) || undefined;
  } catch {
    return undefined;
  }
}
export function setApiToken(token: string | undefined): void {
  if (token) localStorage.setItem(TOKEN_KEY, token);
  else localStorage.removeItem(TOKEN_KEY);
}
/** Headers that carry the token, when one is set. */
export function authHeaders(): Record<string, string> {
  const t = apiToken();
  return t ? { authorization: `Bearer ${t}` } : {};
}

export async function sendJson<T>(method: string, url: string, body?: unknown): Promise<T> {
  const r = await fetch(url, {
    method, headers: { 'content-type': 'application/json', accept: 'application/json', ...authHeaders() }, body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!r.ok) throw await readError(r);
  return (await r.json()) as T;
}

export interface Loaded<T> {
  data?: T;
  error?: ApiError;
  loading: boolean;
  /** 404 (or 405) from the server: the route is not there (an API still being built). */
  missing: boolean;
}

const cache = new Map<string, unknown>();

/** GETs a URL (null: nothing to load); results are cached for the page's life unless `fresh`. */
export function useApi<T>(url: string | null, opts: { fresh?: boolean } = {}): Loaded<T> & { reload: () => void } {
  const [state, setState] = useState<Loaded<T>>(() => (url && cache.has(url) ? { data: cache.get(url) as T, loading: false, missing: false } : { loading: !!url, missing: false }));
  const [tick, setTick] = useState(0);
  useEffect(() => {
    if (!url) {
      setState({ loading: false, missing: false });
      return;
    }
    if (!opts.fresh && tick === 0 && cache.has(url)) {
      setState({ data: cache.get(url) as T, loading: false, missing: false });
      return;
    }
    const ac = new AbortController();
    setState((s) => ({ data: s.data, loading: true, missing: false }));
    getJson<T>(url, ac.signal).then(
      (data) => {
        cache.set(url, data);
        setState({ data, loading: false, missing: false });
      },
      (err: unknown) => {
        if (ac.signal.aborted) return;
        const e = err instanceof ApiError ? err : new ApiError(0, (err as Error).message);
        setState({ error: e, loading: false, missing: e.status === 404 && /no route/.test(e.message) });
      },
    );
    return () => ac.abort();
  }, [url, tick, opts.fresh]);
  return { ...state, reload: () => setTick((t) => t + 1) };
}

/** Does the server have this route? (for pages whose API other work is still adding) */
export function useRouteExists(path: string): boolean | undefined {
  const spec = useApi<{ paths: Record<string, unknown> }>('/openapi.json');
  if (!spec.data) return spec.error ? false : undefined;
  return Object.hasOwn(spec.data.paths, path);
}
