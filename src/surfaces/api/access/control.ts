import type { Db } from '../../../store/db.js';
import { findToken, tokenHash, touchToken, type Scope } from '../../../store/access.js';

export interface AccessSettings {
  /** Reads without a token: the default on a loopback interface; a public interface needs a token for everything. */
  openReads: boolean;
  /** An admin secret given at start (CHOKEPOINT_ADMIN_TOKEN), to make the first tokens; kept only as its hash. */
  bootstrapToken?: string;
  /** Origins allowed to call the API from a browser (CORS); none by default. */
  corsOrigins: string[];
  /** Requests per second per client (token, or address without one); 0 = no limit. Bursts of twice that pass. */
  rateLimit: number;
}

/** How long a checked token is trusted before the store is asked again (a revocation takes effect within this). */
export const TOKEN_CACHE_MS = 30_000;

export interface Caller {
  name: string;
  scope: Scope;
}

/** Checks `Authorization: Bearer <token>` against the stored token hashes (and the bootstrap secret). */
export class AccessControl {
  private cache = new Map<string, { caller?: Caller; until: number }>();
  private bootstrapHash?: string;

  constructor(private db: Db, readonly settings: AccessSettings) {
    if (settings.bootstrapToken) this.bootstrapHash = tokenHash(settings.bootstrapToken);
  }

  /** The caller a token belongs to; undefined when the token is unknown or revoked. */
  async identify(token: string): Promise<Caller | undefined> {
    const hash = tokenHash(token);
    if (this.bootstrapHash && hash === this.bootstrapHash) return { name: 'bootstrap-admin', scope: 'admin' };
    const hit = this.cache.get(hash);
    if (hit && hit.until > Date.now()) return hit.caller;
    const row = await findToken(this.db, token);
    if (this.cache.size > 10_000) this.cache.clear();
    this.cache.set(hash, { ...(row ? { caller: row } : {}), until: Date.now() + TOKEN_CACHE_MS });
    if (row) await touchToken(this.db, row.name);
    return row;
  }
}

/** The token in an Authorization header (`Bearer <token>`; yente's `ApiKey <token>` too), or undefined. */
export function bearer(header: string | undefined): string | undefined {
  return /^(?:Bearer|ApiKey)\s+(\S+)\s*$/i.exec(header ?? '')?.[1];
}
