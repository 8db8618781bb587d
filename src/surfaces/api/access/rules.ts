import type { Scope } from '../../../store/access.js';

/**
 * Which scope a request needs, as data: first rule that fits wins; anything not listed that is not a GET is a write.
 * Screening by POST (a body too large for a URL) only reads the lists, so it needs the read scope like a GET.
 */
export const SCOPE_RULES: { methods: string[] | '*'; path: RegExp; scope: Scope; why: string }[] = [
  { methods: '*', path: /^\/admin(\/|$)/, scope: 'admin', why: 'tokens and the audit log' },
  { methods: ['GET', 'HEAD', 'OPTIONS'], path: /^/, scope: 'read', why: 'reading changes nothing' },
  { methods: ['POST'], path: /^\/match\/[^/]+$/, scope: 'read', why: 'screening a batch of names reads the lists' },
  { methods: ['POST'], path: /^\/compare$/, scope: 'read', why: 'scores two given records' },
  { methods: ['POST'], path: /^\/reconcile(\/[^/]+)?$/, scope: 'read', why: 'OpenRefine reconciliation reads the lists' },
  { methods: ['POST'], path: /^\/screen\/batch$/, scope: 'read', why: 'screens an uploaded file; the stored data is unchanged' },
];

export function requiredScope(method: string, path: string): Scope {
  for (const r of SCOPE_RULES) if ((r.methods === '*' || r.methods.includes(method)) && r.path.test(path)) return r.scope;
  return 'write';
}
