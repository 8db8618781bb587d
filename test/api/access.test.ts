import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { fixtureApi, apiOver, type TestApi } from './fixtures.js';
import { AccessControl, type AccessSettings } from '../../src/surfaces/api/access/control.js';
import { AuditTrail, queryHash } from '../../src/surfaces/api/access/audit.js';
import { requiredScope } from '../../src/surfaces/api/access/rules.js';
import { createToken, revokeToken } from '../../src/store/access.js';
import { readAudit } from '../../src/store/audit.js';
import { createApp } from '../../src/surfaces/api/app.js';

let base: TestApi;
const tokens: Record<string, string> = {};
const OPEN: AccessSettings = { openReads: true, corsOrigins: [], rateLimit: 0 };

before(async () => {
  base = await fixtureApi();
  for (const scope of ['read', 'write', 'admin'] as const) tokens[scope] = (await createToken(base.db, `t-${scope}`, scope)).token;
});
after(() => base.close());

/** The fixture app behind access control with these settings (and an audit trail). */
function guarded(settings: Partial<AccessSettings> = {}): TestApi & { audit: AuditTrail } {
  const audit = new AuditTrail(base.db, 0);
  const api = apiOver({ ...base.services, access: new AccessControl(base.db, { ...OPEN, ...settings }), audit });
  return { ...api, audit };
}

const auth = (t: string) => ({ authorization: `Bearer ${t}` });
const MATCH = { queries: { q: { schema: 'Person', properties: { name: ['Ri Yong Gil'] } } } };

test('scopes are data: screening by POST is a read, other writes need write, /admin needs admin', () => {
  assert.equal(requiredScope('GET', '/entities/x'), 'read');
  assert.equal(requiredScope('POST', '/match/default'), 'read');
  assert.equal(requiredScope('POST', '/reconcile'), 'read');
  assert.equal(requiredScope('POST', '/match/default/../../admin/tokens'), 'write', 'a path trick is not a read');
  assert.equal(requiredScope('POST', '/ais/uploads'), 'write');
  assert.equal(requiredScope('DELETE', '/datasets/x'), 'write');
  assert.equal(requiredScope('GET', '/admin/audit'), 'admin');
});

test('on loopback reads are open, writes need a write token, admin an admin token; tokens are stored as hashes', async () => {
  const api = guarded();
  assert.equal((await api.request('/catalog')).status, 200);
  assert.equal((await api.post('/match/default', MATCH)).status, 200);
  const noToken = await api.request('/suppressions', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
  assert.equal(noToken.status, 401);
  assert.match(noToken.body.message, /changes data: send Authorization: Bearer <token> with a token of the write scope/);
  const readToken = await api.request('/datasets/x', { method: 'DELETE', headers: auth(tokens.read) });
  assert.equal(readToken.status, 403);
  assert.match(readToken.body.message, /needs a token with the write scope; token "t-read" has read/);
  const writeToken = await api.request('/datasets/nosuch', { method: 'DELETE', headers: auth(tokens.write) });
  assert.ok(![401, 403].includes(writeToken.status), `a write token passes the gate (got ${writeToken.status})`);
  assert.equal((await api.request('/admin/tokens', { headers: auth(tokens.write) })).status, 403);
  const list = await api.request('/admin/tokens', { headers: auth(tokens.admin) });
  assert.equal(list.status, 200);
  assert.deepEqual(list.body.tokens.map((t: { name: string }) => t.name).sort(), ['t-admin', 't-read', 't-write']);
  assert.equal((await api.request('/catalog', { headers: auth('cp_read_wrong') })).status, 401, 'a wrong token is refused even for a read');
  assert.equal((await api.request('/catalog', { headers: { authorization: 'Basic dXNlcjpwYXNz' } })).status, 401);
  const [row] = await base.db.query<{ hash: string }>(`SELECT hash FROM api_tokens WHERE name = 't-write'`);
  assert.equal(row.hash, createHash('sha256').update(tokens.write).digest('hex'));
  assert.equal((await base.db.query(`SELECT 1 FROM api_tokens WHERE hash = $1`, [tokens.write])).length, 0, 'the secret itself is not stored');
});

test('off loopback every request needs a token; a revoked token stops working', async () => {
  const api = guarded({ openReads: false });
  const anon = await api.request('/catalog');
  assert.equal(anon.status, 401);
  assert.match(anon.body.message, /answers only requests with an API token/);
  assert.equal((await api.request('/catalog', { headers: auth(tokens.read) })).status, 200);
  const { token } = await createToken(base.db, 'short-lived', 'read');
  assert.equal((await guarded({ openReads: false }).request('/catalog', { headers: auth(token) })).status, 200);
  await revokeToken(base.db, 'short-lived');
  assert.equal((await guarded({ openReads: false }).request('/catalog', { headers: auth(token) })).status, 401);
});

test('rate limit per client answers 429 with Retry-After; CORS closed unless an origin is allowed', async () => {
  const api = guarded({ rateLimit: 5 });
  const statuses: number[] = [];
  for (let i = 0; i < 14; i++) statuses.push((await api.request('/healthz')).status);
  assert.equal(statuses.filter((s) => s === 200).length, 10, `a burst of twice the rate passes: ${statuses}`);
  assert.equal(statuses.at(-1), 429);
  const raw = await createApp({ ...base.services, access: new AccessControl(base.db, { ...OPEN, corsOrigins: ['https://bank.example'] }) })
    .request('/catalog', { headers: { origin: 'https://bank.example' } });
  assert.equal(raw.headers.get('access-control-allow-origin'), 'https://bank.example');
  const rawClosed = await createApp({ ...base.services, access: new AccessControl(base.db, OPEN) })
    .request('/catalog', { headers: { origin: 'https://bank.example' } });
  assert.equal(rawClosed.headers.get('access-control-allow-origin'), null);
});

test('audit trail: who screened what (as a hash), against which list versions, with what results; queryable by day', async () => {
  const api = guarded();
  await api.post('/match/default', MATCH);
  await api.request('/match/default', { method: 'POST', headers: { 'content-type': 'application/json', ...auth(tokens.read) }, body: JSON.stringify(MATCH) });
  await api.post('/match/dprk?threshold=0.9', { queries: { a: { schema: 'Vessel', properties: { name: ['Chong Chon Gang'] } } } });
  await api.audit.flush();
  const today = new Date().toISOString().slice(0, 10);
  const entries = await readAudit(base.db, { day: today });
  const mine = entries.filter((e) => e.endpoint === 'match').slice(-3);
  assert.equal(mine.length, 3);
  assert.deepEqual(mine.map((e) => e.who), ['anonymous@local', 't-read', 'anonymous@local']);
  assert.equal(mine[0].queryHash, mine[1].queryHash, 'the same query hashes the same');
  assert.notEqual(mine[0].queryHash, mine[2].queryHash);
  assert.match(mine[0].queryHash, /^[0-9a-f]{64}$/);
  assert.equal(queryHash({ b: [1, { y: 2, x: 1 }], a: 'k' }), queryHash({ a: 'k', b: [1, { x: 1, y: 2 }] }), 'key order does not change the hash');
  assert.deepEqual(mine[0].versions, ['ofac@2024-05-03', 'un@2026-05-08']);
  assert.equal(mine[0].results.q[0].id, 'ofac-33936');
  assert.equal(mine[0].results.q[0].match, true);
  assert.equal(mine[2].dataset, 'dprk');
  assert.equal((await readAudit(base.db, { day: '2001-01-01' })).length, 0);
  const viaApi = await api.request(`/admin/audit?date=${today}&query_hash=${mine[0].queryHash}`, { headers: auth(tokens.admin) });
  assert.equal(viaApi.status, 200);
  assert.ok(viaApi.body.entries.length >= 2, 'both requests of that query (and any earlier test\'s)');
  assert.ok(viaApi.body.entries.every((e: { queryHash: string }) => e.queryHash === mine[0].queryHash));
  assert.equal((await api.request(`/admin/audit?date=${today}`)).status, 401);
  assert.equal((await api.request('/admin/audit?date=yesterday', { headers: auth(tokens.admin) })).status, 400);
});
