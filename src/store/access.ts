import { createHash, randomBytes } from 'node:crypto';
import type { Db } from './db.js';

export type Scope = 'read' | 'write' | 'admin';
export const SCOPES: Scope[] = ['read', 'write', 'admin'];

/** Does a token of scope `has` allow what `needs` asks? admin ⊃ write ⊃ read. */
export function allows(has: Scope, needs: Scope): boolean {
  return SCOPES.indexOf(has) >= SCOPES.indexOf(needs);
}

export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export interface TokenRow {
  id: number;
  name: string;
  scope: Scope;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

/** Makes a token; the returned secret is shown once and stored only as its hash. */
export async function createToken(db: Db, name: string, scope: Scope): Promise<{ token: string; row: TokenRow }> {
  const token = `cp_${scope}_${randomBytes(24).toString('base64url')}`;
  const [row] = await db.query<TokenRow>(
    `INSERT INTO api_tokens (name, scope, hash) VALUES ($1, $2, $3)
     RETURNING id, name, scope, created_at::text, last_used_at::text, revoked_at::text`,
    [name, scope, tokenHash(token)],
  );
  return { token, row };
}

/** The live token with this secret, if any. */
export async function findToken(db: Db, token: string): Promise<{ name: string; scope: Scope } | undefined> {
  const [row] = await db.query<{ name: string; scope: Scope }>(
    'SELECT name, scope FROM api_tokens WHERE hash = $1 AND revoked_at IS NULL', [tokenHash(token)],
  );
  return row;
}

export async function touchToken(db: Db, name: string): Promise<void> {
  await db.query('UPDATE api_tokens SET last_used_at = now() WHERE name = $1', [name]);
}

export async function listTokens(db: Db): Promise<TokenRow[]> {
  return db.query<TokenRow>('SELECT id, name, scope, created_at::text, last_used_at::text, revoked_at::text FROM api_tokens ORDER BY id');
}

/** Revokes a token by name; false when there is no live token of that name. */
export async function revokeToken(db: Db, name: string): Promise<boolean> {
  const rows = await db.query('UPDATE api_tokens SET revoked_at = now() WHERE name = $1 AND revoked_at IS NULL RETURNING id', [name]);
  return rows.length > 0;
}
