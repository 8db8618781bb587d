/**
 * Malformed and hostile HTTP requests (issue #9: "10,000 malformed or hostile HTTP requests → 0 responses with status
 * 5xx, 0 writes without a token"), generated with fast-check, and two ways to send them: in-process through
 * `app.request()`, and over a raw TCP socket to a real `chokepoint serve` (raw, so that path traversal, bad
 * Content-Length, duplicate headers and unknown methods reach the server as written instead of being normalised by
 * a client library).
 *
 * Categories: bad JSON, huge bodies, wrong types, path tricks, SQL-looking strings in every parameter, unknown
 * methods, header tricks, and well-formed writes with a missing or wrong token. A write that succeeds without a
 * token is detected by comparing the database (row counts of every table) and the GET views before and after.
 */
import fc from 'fast-check';
import { connect } from 'node:net';

export interface HostileRequest {
  category: string;
  method: string;
  path: string;
  headers: [string, string][];
  body?: string | Buffer;
  /** Raw socket only: send this Content-Length instead of the body's. */
  contentLength?: string;
}

export interface HostileResponse {
  /** 0 when the server closed the connection without an answer (a refused malformed request). */
  status: number;
  text: string;
  headers: Record<string, string>;
}

// ---- building blocks ----------------------------------------------------------------------------------------------

export const SQL = [
  "' OR '1'='1", "' OR 1=1 --", "1; DROP TABLE list_versions; --", "'; DELETE FROM records; --", '" UNION SELECT usename, passwd FROM pg_shadow --',
  "1' AND pg_sleep(5) --", "$$; DROP TABLE evidence; $$", "') OR ('a'='a", '\\x27; TRUNCATE entities; --', "admin'--", '%27%20OR%201%3D1--', "1 OR 1=1",
];
export const TRAVERSAL = [
  '..%2f..%2f..%2fetc%2fpasswd', '..%2F..%2Fpackage.json', '%2e%2e%2f%2e%2e%2fetc%2fpasswd', '..%252f..%252fetc%252fpasswd', '....//....//etc/passwd',
  '..\\..\\windows\\win.ini', '%c0%ae%c0%ae%2f', '%00', 'x%00.json', '..;/..;/etc/passwd', '%2F%2F%2F', '.%2e/.%2e/', '%E0%A4%A', '%zz', '%',
];
const WEIRD = ['', ' ', '%20', 'null', 'undefined', 'NaN', '-1', '0', '1e309', '99999999999999999999', '__proto__', 'constructor', 'toString', '%F0%9F%92%A9',
  '%EA%B9%80%EC%A0%95%EC%9D%80', 'a'.repeat(5000), '<script>alert(1)</script>', '${7*7}', '{{7*7}}', '*', '%2A', '[]', '{}', 'true'];
const hostileValue = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...SQL) }, { weight: 2, arbitrary: fc.constantFrom(...TRAVERSAL) }, { weight: 3, arbitrary: fc.constantFrom(...WEIRD) }, { weight: 1, arbitrary: fc.string({ maxLength: 20 }).map(encodeURIComponent) });

/** Every GET route with its path parameters as {name}, and the query parameters it reads. */
const GET_ROUTES: [string, string[]][] = [
  ['/healthz', []], ['/readyz', []], ['/algorithms', []], ['/catalog', []], ['/openapi.json', []], ['/docs', []], ['/regions', []],
  ['/search/{dataset}', ['q', 'limit', 'schema', 'countries', 'topics', 'datasets', 'offset']], ['/entities/{id}', ['nested']],
  ['/entities/{id}/adjacent', ['limit', 'offset']], ['/entities/{id}/adjacent/{property}', ['limit']], ['/reconcile', ['queries']], ['/reconcile/{dataset}', ['queries']],
  ['/timeline', ['from', 'to', 'format']], ['/timeline.csv', ['from', 'to']], ['/lists', []], ['/lists/diff', ['a', 'b', 'from', 'to']], ['/lists/log', ['source', 'limit']],
  ['/datasets', []], ['/network/{id}', ['depth', 'format']], ['/network/front-companies', ['events', 'limit']], ['/suppressions', ['query']],
  ['/ais/events', ['type', 'mmsi', 'bbox', 'from', 'to', 'run', 'limit']], ['/ais/events.geojson', ['type', 'bbox']], ['/ais/vessels', ['risk', 'limit']],
  ['/ais/vessels/{mmsi}', []], ['/ais/uploads', []], ['/ais/uploads/{id}', []], ['/mandates/provisions', []], ['/mandates/gaps', ['as_of']],
  ['/mandates/ports', []], ['/mandates/entities/{id}', ['as_of']], ['/report.html', ['as_of']], ['/screen/batch/{id}', []], ['/screen/batch/{id}/result.csv', []],
  ['/app/', []], ['/app/assets/{file}', []], ['/app/{page}', []], ['/', []], ['/admin/audit', ['from', 'to', 'caller', 'limit']], ['/admin/tokens', []],
];
const POST_JSON = ['/match/default', '/match/dprk', '/compare', '/reconcile', '/reconcile/default', '/evidence', '/suppressions'];
/** Routes that change data (POST /screen/batch is a read: it screens a file, the store is unchanged; access/rules.ts). */
const WRITE_ROUTES = ['/evidence', '/suppressions', '/datasets/fuzz_ds/import', '/ais/uploads', '/admin/tokens'];

const fill = (template: string, value: string) => template.replace(/\{[^}]+\}/g, value);
const query = (names: string[]) => fc.array(fc.tuple(fc.constantFrom(...names, 'limit', 'x', '__proto__', 'a[b]'), hostileValue), { maxLength: 4 })
  .map((ps) => (ps.length ? `?${ps.map(([k, v]) => `${k}=${v}`).join('&')}` : ''));

const AUTH: [string, string][][] = [
  [], [['authorization', 'Bearer wrong-token']], [['authorization', 'Bearer ']], [['authorization', 'Bearer']], [['authorization', 'Basic YWRtaW46YWRtaW4=']],
  [['authorization', `Bearer ${'A'.repeat(8000)}`]], [['authorization', "Bearer ' OR 1=1 --"]], [['authorization', 'bearer cp_live_0000000000000000']],
  [['authorization', 'Token abc']], [['x-api-key', 'wrong']], [['authorization', 'Bearer cp_admin_x'], ['authorization', 'Bearer y']], [['cookie', 'token=wrong']],
];
const authArb = fc.constantFrom(...AUTH);
const json: [string, string][] = [['content-type', 'application/json']];

const BAD_JSON = ['{', '{"queries": {', '{"queries": {"q": {"schema": "Person", "properties": {"name": ["x"]}}}}}', "{'queries': {}}", '{"a": NaN}', '{"a": Infinity}',
  '{"a": 1,}', '// comment\n{}', '\uFEFF{}', '{"a": "\\ud800"}', '{"a": "\\x41"}', '[1, 2', '"unterminated', '{"a":1}{"b":2}', 'nul', '\u0000', '{"__proto__": {"admin": true}}',
  '{"constructor": {"prototype": {"polluted": 1}}}', '{"a":' + '['.repeat(10_000), '[' .repeat(100_000) + ']'.repeat(100_000)];

const WRONG_TYPES: unknown[] = [null, 1, -1, 1e309, 'x', true, [], {}, [[[]]], { length: 1e9 }, '2025-02-30', '9999-99-99', 'NaN', 'a\u0000b', '\ud800'];

/** Strings for every text field of a well-formed body: NUL and lone surrogates (the database refuses them), SQL, huge. */
const HOSTILE_STRINGS = ['\u0000', 'a\u0000b', '\ud800', '\udfff\ud800', ...SQL, '../../etc/passwd', '', ' ', 'x'.repeat(100_000), '김정은', '\u202e', '0', '-1', '2025-02-30', '9999-12-31'];

/** Well-formed bodies of every JSON route, each text field replaceable. */
const BODY_TEMPLATES: [string, string, Record<string, unknown>][] = [
  ['POST', '/evidence', { kind: 'sts_transfer', subject: 'imo-7937317', date: '2025-03-01', citation: 'fuzz', place: 'x', note: 'x', counterparty: 'ofac-9345' }],
  ['POST', '/suppressions', { query: 'Ri Yong Gil', entity: 'ofac-33936', reason: 'fuzz', reviewer: 'x' }],
  ['POST', '/admin/tokens', { name: 'fuzz', scope: 'read' }],
  ['POST', '/compare', { schema: 'Person', a: { name: ['x'] }, b: { name: ['y'] } }],
  ['POST', '/match/default', { queries: { q: { schema: 'Person', properties: { name: ['x'], birthDate: ['1955'], nationality: ['kp'] } } } }],
];

/** A body for a write route that is well-formed: it would write if the request were allowed. */
function validWrite(path: string): { body: string | Buffer; contentType: string; method?: string; path?: string } {
  switch (path) {
    case '/evidence':
      return { body: JSON.stringify({ kind: 'sts_transfer', subject: 'imo-7937317', date: '2025-03-01', citation: 'fuzz: must not be stored', confidence: 0.5 }), contentType: 'application/json' };
    case '/suppressions':
      return { body: JSON.stringify({ query: 'Ri Yong Gil', entity: 'ofac-33936', reason: 'fuzz: must not be stored' }), contentType: 'application/json' };
    case '/datasets/fuzz_ds/import':
      return { body: '{"id":"fz-1","schema":"Company","properties":{"name":["Fuzz Co"]}}\n', contentType: 'application/x-ndjson' };
    case '/ais/uploads':
      return { body: '!AIVDM,1,1,,A,13u?etPv2;0n:dDPwUM1U1Cb069D,0*24\n', contentType: 'application/octet-stream', path: '/ais/uploads?filename=fuzz.nmea' };
    default: // an admin token made without one: privilege escalation
      return { body: JSON.stringify({ name: 'fuzz-admin', scope: 'admin' }), contentType: 'application/json' };
  }
}

// ---- the request generator ------------------------------------------------------------------------------------------

export const hostileRequestArb: fc.Arbitrary<HostileRequest> = fc.oneof(
  // bad JSON
  fc.record({ path: fc.constantFrom(...POST_JSON, '/datasets/x/import'), body: fc.constantFrom(...BAD_JSON), auth: authArb })
    .map(({ path, body, auth }) => ({ category: 'bad-json', method: 'POST', path, headers: [...json, ...auth], body })),
  // huge bodies, over the 1 MB limit (with and without a truthful Content-Length)
  fc.record({ path: fc.constantFrom(...POST_JSON, '/datasets/x/import', '/screen/batch'), size: fc.integer({ min: 1_050_000, max: 1_600_000 }), unit: fc.constantFrom('a', '{', '[', ' ', '"'), lie: fc.constantFrom(undefined, '10', '99999999999', '-1', 'abc') })
    .map(({ path, size, unit, lie }) => ({ category: 'huge-body', method: 'POST', path, headers: json, body: `{"queries":{"q":{"schema":"Person","properties":{"name":["${unit.repeat(size)}"]}}}}`, contentLength: lie })),
  // wrong types in every field of every JSON body
  fc.record({ path: fc.constantFrom(...POST_JSON), field: fc.constantFrom('queries', 'schema', 'properties', 'a', 'b', 'weights', 'config', 'kind', 'subject', 'date', 'lat', 'confidence', 'query', 'entity', 'reason'), value: fc.constantFrom(...WRONG_TYPES), nested: fc.boolean() })
    .map(({ path, field, value, nested }) => {
      const body = nested ? { queries: { q: { schema: 'Person', properties: { name: ['Kim'] }, [field]: value } }, schema: 'Person', a: { name: ['x'] }, b: { name: ['y'] } } : { [field]: value };
      return { category: 'wrong-types', method: 'POST', path, headers: json, body: JSON.stringify(body) };
    }),
  // hostile strings in every field of well-formed bodies (and FtM lines)
  fc.record({ t: fc.nat({ max: BODY_TEMPLATES.length }), field: fc.nat(), value: fc.constantFrom(...HOSTILE_STRINGS), auth: authArb }).map(({ t, field, value, auth }): HostileRequest => {
    if (t === BODY_TEMPLATES.length) {
      const line = JSON.stringify({ id: field % 2 ? value : 'fz-1', schema: 'Company', properties: { name: [value], country: [field % 3 ? 'kp' : value] } });
      return { category: 'field-values', method: 'POST', path: '/datasets/fuzz_ds/import', headers: [['content-type', 'application/x-ndjson'], ...auth], body: line + '\n' };
    }
    const [method, path, template] = BODY_TEMPLATES[t];
    const body = structuredClone(template) as Record<string, any>;
    const keys = Object.keys(body);
    const key = keys[field % keys.length];
    if (key === 'queries') body.queries.q.properties.name = [value];
    else if (key === 'a' || key === 'b') body[key] = { name: [value] };
    else body[key] = value;
    return { category: 'field-values', method, path, headers: [['content-type', 'application/json'], ...auth], body: JSON.stringify(body) };
  }),
  // path tricks
  fc.record({ route: fc.constantFrom(...GET_ROUTES.map((r) => r[0]), '/app/assets/{file}', '/app/{page}'), trick: fc.constantFrom(...TRAVERSAL), prefix: fc.constantFrom('', '/', '//', '/./', '/app/../') })
    .map(({ route, trick, prefix }) => ({ category: 'path-tricks', method: 'GET', path: prefix + fill(route, trick).replace(/^\/+/, '/'), headers: [] })),
  // SQL-looking strings in every parameter of every GET route
  fc.tuple(fc.constantFrom(...GET_ROUTES), fc.constantFrom(...SQL).map(encodeURIComponent)).chain(([[route, params], sql]) => query(params.length ? params : ['q']).map((q) => ({
    category: 'sql-strings', method: 'GET', path: fill(route, sql) + (q || `?q=${sql}`), headers: [] as [string, string][],
  }))),
  // unknown or wrong methods
  fc.record({ method: fc.constantFrom('PUT', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD', 'FOO', 'PROPFIND', 'TRACE', 'CONNECT', 'get', 'POST'), route: fc.constantFrom(...GET_ROUTES.map((r) => r[0]), ...POST_JSON, '/datasets/{name}', '/suppressions/{n}'), v: fc.constantFrom('1', 'x', 'registry_kp', '0', '-1', '99999999999') })
    .map(({ method, route, v }) => ({ category: 'methods', method, path: fill(route, v), headers: [['content-type', 'application/json']] as [string, string][], body: ['GET', 'HEAD'].includes(method) ? undefined : '{}' })),
  // header tricks
  fc.record({ path: fc.constantFrom(...POST_JSON), trick: fc.nat({ max: 11 }) }).map(({ path, trick }): HostileRequest => {
    const body = JSON.stringify({ queries: { q: { schema: 'Person', properties: { name: ['Kim Jong Un'] } } } });
    const h: [string, string][][] = [
      [['content-type', 'text/plain']], [['content-type', 'application/json; charset=utf-16']], [['content-type', 'application/json'], ['content-encoding', 'gzip']],
      [['content-type', 'application/x-www-form-urlencoded']], [['content-type', 'multipart/form-data; boundary=']], [['content-type', 'application/json'], ['x-http-method-override', 'DELETE']],
      [['content-type', 'application/json'], ['origin', 'https://evil.example']], [['content-type', 'application/json'], ['x-forwarded-for', "127.0.0.1' OR 1=1"]],
      [['content-type', 'application/json'], ['x-long', 'x'.repeat(20_000)]], [['content-type', 'application/json'], ['accept', '*/*;q=abc'], ['accept-encoding', 'gzip;q=2, br;q=NaN']],
      [['content-type', 'APPLICATION/JSON']], [['content-type', 'application/json'], ['transfer-encoding', 'chunked']],
    ];
    return { category: 'headers', method: 'POST', path, headers: h[trick], body };
  }),
  // well-formed writes with a missing or wrong token
  fc.record({ route: fc.constantFrom(...WRITE_ROUTES, 'DELETE /datasets/registry_kp', 'DELETE /suppressions/1', 'DELETE /admin/tokens/x'), auth: authArb }).map(({ route, auth }): HostileRequest => {
    if (route.startsWith('DELETE ')) return { category: 'tokens', method: 'DELETE', path: route.slice(7), headers: auth };
    const w = validWrite(route);
    return { category: 'tokens', method: 'POST', path: w.path ?? route, headers: [['content-type', w.contentType], ...auth], body: w.body };
  }),
);

/** The same requests carrying a valid admin token: the body parsers of the write routes see hostile input too. */
export function authorized(token: string): fc.Arbitrary<HostileRequest> {
  return hostileRequestArb.map((r) => ({
    ...r, category: `authorized ${r.category}`,
    headers: [...r.headers.filter(([k]) => !['authorization', 'x-api-key', 'cookie'].includes(k.toLowerCase())), ['authorization', `Bearer ${token}`] as [string, string]],
  }));
}

// ---- senders --------------------------------------------------------------------------------------------------------

type App = { request(path: string, init?: RequestInit): Response | Promise<Response> };

/** Methods the Fetch API refuses to build (they go over the raw socket only). */
const FORBIDDEN_METHODS = new Set(['TRACE', 'CONNECT', 'TRACK']);

/** In-process: a Request through app.request. Requests the Fetch API cannot express are skipped (undefined). */
export async function sendInProcess(app: App, r: HostileRequest): Promise<HostileResponse | undefined> {
  if (FORBIDDEN_METHODS.has(r.method.toUpperCase())) return undefined;
  const headers = new Headers();
  try {
    for (const [k, v] of r.headers) headers.append(k, v);
  } catch {
    return undefined;
  }
  const init: RequestInit = { method: r.method, headers };
  if (r.body !== undefined && !['GET', 'HEAD'].includes(r.method.toUpperCase())) init.body = typeof r.body === 'string' ? r.body : new Uint8Array(r.body);
  let res: Response;
  try {
    res = await app.request(r.path.startsWith('/') ? r.path : `/${r.path}`, init);
  } catch (err) {
    // app.request builds a URL from the path: an unparsable one never reaches the app.
    if (err instanceof TypeError && /Invalid URL/i.test(err.message)) return undefined;
    throw err;
  }
  const text = await res.text();
  return { status: res.status, text, headers: Object.fromEntries(res.headers) };
}

/** Over a raw socket to host:port: the request line, headers and body exactly as generated. */
export function sendRaw(port: number, r: HostileRequest, timeoutMs = 30_000): Promise<HostileResponse> {
  return new Promise((resolve) => {
    const body = r.body === undefined ? undefined : Buffer.isBuffer(r.body) ? r.body : Buffer.from(r.body, 'utf8');
    const lines = [`${r.method} ${r.path} HTTP/1.1`, 'host: 127.0.0.1', 'connection: close', ...r.headers.map(([k, v]) => `${k}: ${v}`)];
    const chunked = r.headers.some(([k]) => k.toLowerCase() === 'transfer-encoding');
    if (body && !chunked) lines.push(`content-length: ${r.contentLength ?? body.length}`);
    const head = Buffer.from(lines.join('\r\n') + '\r\n\r\n', 'latin1');
    const payload = body ? (chunked ? Buffer.concat([Buffer.from(`${body.length.toString(16)}\r\n`), body, Buffer.from('\r\n0\r\n\r\n')]) : body) : Buffer.alloc(0);
    const chunks: Buffer[] = [];
    let done = false;
    const socket = connect(port, '127.0.0.1');
    const finish = () => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.destroy();
      const raw = Buffer.concat(chunks).toString('latin1');
      const m = /^HTTP\/1\.[01] (\d{3})/.exec(raw);
      const split = raw.indexOf('\r\n\r\n');
      const headers: Record<string, string> = {};
      for (const line of raw.slice(0, split < 0 ? raw.length : split).split('\r\n').slice(1)) {
        const i = line.indexOf(':');
        if (i > 0) headers[line.slice(0, i).toLowerCase()] = line.slice(i + 1).trim();
      }
      resolve({ status: m ? Number(m[1]) : 0, text: split < 0 ? '' : raw.slice(split + 4, split + 4 + 4000), headers });
    };
    const timer = setTimeout(finish, timeoutMs);
    socket.on('connect', () => {
      socket.write(head);
      if (payload.length) socket.write(payload);
    });
    socket.on('data', (d: Buffer) => {
      chunks.push(d);
      // With `connection: close` the server ends the socket after the response: wait for that.
    });
    socket.on('end', finish);
    socket.on('close', finish);
    socket.on('error', finish);
  });
}

// ---- tallies --------------------------------------------------------------------------------------------------------

export interface HostileTally {
  sent: number;
  skipped: number;
  byStatus: Record<string, number>;
  byCategory: Record<string, Record<string, number>>;
  serverErrors: { request: string; status: number; text: string }[];
  /** A response that looks like a file from outside the web build, or a database error leaking. */
  leaks: { request: string; why: string }[];
  /** CORS answered for a foreign origin. */
  cors: number;
  /** 4xx answers without a JSON body holding a message (Node's own 400/431 for unparsable requests have none). */
  unclear4xx: { request: string; status: number; text: string }[];
  /** Writes answered 2xx without a valid token. */
  acceptedWrites: { request: string; status: number }[];
}

export function newTally(): HostileTally {
  return { sent: 0, skipped: 0, byStatus: {}, byCategory: {}, serverErrors: [], leaks: [], cors: 0, unclear4xx: [], acceptedWrites: [] };
}

export function describeRequest(r: HostileRequest): string {
  const body = r.body === undefined ? '' : ` body ${Buffer.byteLength(r.body)} B: ${String(r.body).slice(0, 80).replace(/\s+/g, ' ')}`;
  return `${r.method} ${r.path.slice(0, 160)}${r.path.length > 160 ? '…' : ''} [${r.headers.map(([k, v]) => `${k}: ${v.slice(0, 40)}`).join('; ')}]${body}`;
}

const LEAK = [/root:x:0:0/, /"name":\s*"chokepoint"/, /\[extensions\]|\[fonts\]/, /syntax error at or near|relation "[a-z_]+" does not exist|PGlite is|at async |node:internal/i];

export function tally(t: HostileTally, r: HostileRequest, res: HostileResponse | undefined): void {
  if (!res) {
    t.skipped++;
    return;
  }
  t.sent++;
  const s = res.status === 0 ? 'closed' : String(res.status);
  t.byStatus[s] = (t.byStatus[s] ?? 0) + 1;
  const c = (t.byCategory[r.category] ??= {});
  c[s] = (c[s] ?? 0) + 1;
  if (res.status >= 400 && res.status < 500 && r.method.toUpperCase() !== 'HEAD') {
    let message: unknown;
    try {
      message = JSON.parse(res.text).message;
    } catch {
      message = undefined;
    }
    if (typeof message !== 'string' || !message.trim()) t.unclear4xx.push({ request: describeRequest(r), status: res.status, text: res.text.slice(0, 200) });
  }
  if (res.status >= 500) t.serverErrors.push({ request: describeRequest(r), status: res.status, text: res.text.slice(0, 300) });
  for (const re of LEAK) if (re.test(res.text)) t.leaks.push({ request: describeRequest(r), why: `response matches ${re}` });
  if (r.headers.some(([k, v]) => k === 'origin' && v.includes('evil')) && /evil|\*/.test(res.headers['access-control-allow-origin'] ?? '')) t.cors++;
  if (r.category === 'tokens' && res.status >= 200 && res.status < 300) t.acceptedWrites.push({ request: describeRequest(r), status: res.status });
}

/** Row counts of every table: a write without a token shows as a difference. */
export async function tableCounts(db: { query<T>(sql: string, params?: unknown[]): Promise<T[]> }): Promise<Record<string, number>> {
  const tables = await db.query<{ name: string }>(
    "SELECT table_schema || '.' || table_name AS name FROM information_schema.tables WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema') ORDER BY 1",
  );
  const out: Record<string, number> = {};
  for (const { name } of tables) {
    const [schema, table] = name.split('.');
    const [row] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${schema.replace(/"/g, '""')}"."${table.replace(/"/g, '""')}"`);
    out[name] = Number(row.n);
  }
  return out;
}

/** Tables whose counts differ (audit logs of requests are expected to grow and are listed apart). */
export function countDiff(before: Record<string, number>, after: Record<string, number>): { writes: string[]; audit: string[] } {
  const writes: string[] = [];
  const audit: string[] = [];
  for (const k of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if ((before[k] ?? 0) === (after[k] ?? 0)) continue;
    (/audit|request_log|rate/i.test(k) ? audit : writes).push(`${k}: ${before[k] ?? 0} → ${after[k] ?? 0}`);
  }
  return { writes, audit };
}

/** The GET views of what writes change, for a black-box comparison. */
export const WRITE_VIEWS = ['/lists', '/lists/log', '/datasets', '/suppressions', '/ais/uploads', '/mandates/gaps'];
