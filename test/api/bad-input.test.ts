import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { fixtureApi, type TestApi } from './fixtures.js';

let api: TestApi;
/** The same app as `serve` runs it: Node's HTTP server (JSON bodies read by body.ts) and a match thread. */
let http: TestApi;
before(async () => {
  api = await fixtureApi();
  http = await fixtureApi({ http: true, matchThreads: 1 });
});
after(async () => {
  await api.close();
  await http.close();
});

const q = (properties: unknown, schema: unknown = 'Person') => ({ queries: { q: { schema, properties } } });
const json = { 'content-type': 'application/json' };

/** Each case: a request, the status expected, and what the message must say. */
const CASES: { name: string; path?: string; method?: string; body?: unknown; raw?: string; headers?: Record<string, string>; status: number; message: RegExp; perQuery?: boolean }[] = [
  { name: 'empty name', body: q({ name: [''] }), status: 400, message: /no usable name/, perQuery: true },
  { name: 'name of punctuation', body: q({ name: ['!!! ---'] }), status: 400, message: /no usable name/, perQuery: true },
  { name: '10,000-character name', body: q({ name: ['a'.repeat(10_000)] }), status: 400, message: /10,000 characters/, perQuery: true },
  { name: 'unknown schema', body: q({ name: ['x'] }, 'Persn'), status: 400, message: /unknown schema "Persn"/, perQuery: true },
  { name: 'schema of the wrong type', body: q({ name: ['x'] }, 42), status: 400, message: /invalid request body: queries\.q\.schema/ },
  { name: '101 queries', body: { queries: Object.fromEntries(Array.from({ length: 101 }, (_, i) => [`q${i}`, { schema: 'Person', properties: { name: ['x'] } }])) }, status: 400, message: /too many queries in one batch: 101 \(the limit is 100\)/ },
  { name: 'no queries', body: { queries: {} }, status: 400, message: /no queries/ },
  { name: 'invalid JSON', raw: '{"queries": {', status: 400, message: /invalid JSON/ },
  { name: 'empty body', raw: '', status: 400, message: /invalid JSON/ },
  { name: 'JSON null', raw: 'null', status: 400, message: /invalid request body/ },
  { name: 'JSON string', raw: '"hello"', status: 400, message: /invalid request body/ },
  { name: 'properties as a number', body: q(5), status: 400, message: /invalid request body: queries\.q\.properties/ },
  { name: 'property values as an object', body: q({ name: { first: 'x' } }), status: 400, message: /queries\.q\.properties\.name/ },
  { name: 'null in values', body: q({ name: [null] }), status: 400, message: /queries\.q\.properties\.name/ },
  { name: 'nested arrays', body: q({ name: [['x']] }), status: 400, message: /queries\.q\.properties\.name/ },
  { name: 'queries as an array', body: { queries: [{ schema: 'Person', properties: { name: ['x'] } }] }, status: 400, message: /invalid request body: queries/ },
  { name: 'queries missing', body: { query: {} }, status: 400, message: /invalid request body: queries/ },
  { name: 'a query as a string', body: { queries: { q: 'RI Yong Gil' } }, status: 400, message: /queries\.q/ },
  { name: 'weights not numbers', body: { ...q({ name: ['x'] }), weights: { threshold: 'high' } }, status: 400, message: /weights\.threshold/ },
  { name: 'unknown dataset', path: '/match/opensanctions', body: q({ name: ['x'] }), status: 404, message: /unknown dataset "opensanctions": one of default, sanctions, dprk/ },
  { name: 'unknown algorithm', path: '/match/default?algorithm=regression-v1', body: q({ name: ['x'] }), status: 400, message: /unknown algorithm/ },
  { name: 'limit too high', path: '/match/default?limit=10000', body: q({ name: ['x'] }), status: 400, message: /limit/ },
  { name: 'huge body', raw: JSON.stringify(q({ name: Array.from({ length: 3000 }, () => 'x'.repeat(500)) })), status: 413, message: /larger than 1 MB/ },
  { name: 'no content type', raw: JSON.stringify(q({ name: ['x'] })), headers: {}, status: 415, message: /application\/json/ },
  { name: 'text/plain', raw: JSON.stringify(q({ name: ['x'] })), headers: { 'content-type': 'text/plain' }, status: 415, message: /application\/json/ },
  { name: '__proto__ as query key', raw: '{"queries": {"__proto__": {"schema": "Person", "properties": {"name": ["x"]}}}}', status: 400, message: /./ },
  { name: 'prototype names as properties', body: q({ constructor: ['x'], toString: ['y'], name: ['RI Yong Gil'] }), status: 200, message: /./ },
  { name: 'prototype name as dataset', path: '/match/constructor', body: q({ name: ['x'] }), status: 404, message: /unknown dataset/ },
  { name: 'malformed percent-encoding', path: '/match/%E0%A4%A', body: q({ name: ['x'] }), status: 404, message: /unknown dataset/ },
  { name: 'compare: a as a string', path: '/compare', body: { schema: 'Person', a: 'x', b: { name: 'y' } }, status: 400, message: /invalid request body: a/ },
  { name: 'compare: invalid JSON', path: '/compare', raw: '{', status: 400, message: /invalid JSON/ },
  { name: 'search: no q', path: '/search/default', method: 'GET', status: 400, message: /q/ },
  { name: 'search: unknown dataset', path: '/search/nope?q=x', method: 'GET', status: 404, message: /unknown dataset/ },
  { name: 'entities: long id', path: `/entities/${'x'.repeat(5000)}`, method: 'GET', status: 400, message: /too long/ },
];

test('bad input: every case a 4xx with a clear message, never a 5xx, in-process and over HTTP', async () => {
  for (const [how, target] of [['in-process', api], ['over HTTP', http]] as const) await badInput(how, target);
});

async function badInput(how: string, api: TestApi) {
  for (const k of CASES) {
    const c = { ...k, name: `${how}: ${k.name}` };
    const method = c.method ?? 'POST';
    const init: RequestInit = { method, headers: c.headers ?? json };
    if (method === 'POST') init.body = c.raw ?? JSON.stringify(c.body);
    const r = await api.request(c.path ?? '/match/default', init);
    assert.ok(r.status < 500, `${c.name}: ${r.status} ${r.text.slice(0, 200)}`);
    assert.ok(r.body, `${c.name}: JSON answer`);
    if (c.perQuery) {
      assert.equal(r.status, 200, `${c.name}: the batch is answered`);
      assert.equal(r.body.responses.q.status, c.status, c.name);
      assert.match(r.body.responses.q.message, c.message, c.name);
    } else if (c.status === 200) {
      assert.equal(r.status, 200, c.name);
    } else {
      assert.equal(r.status, c.status, `${c.name}: ${r.text.slice(0, 200)}`);
      assert.equal(r.body.status, c.status, `${c.name}: status in the body`);
      assert.match(r.body.message, c.message, c.name);
      assert.deepEqual(Object.keys(r.body).filter((k) => !['status', 'message', 'detail'].includes(k)), [], `${c.name}: {status, message, detail?}`);
    }
  }
}

/** A body sent in pieces without a length (chunked), as a stream. */
function chunked(pieces: string[]): RequestInit {
  const body = new ReadableStream({ start(ctl) { for (const p of pieces) ctl.enqueue(new TextEncoder().encode(p)); ctl.close(); } });
  return { method: 'POST', headers: json, body, duplex: 'half' } as RequestInit;
}

test('over HTTP, JSON bodies are read whole from any number of pieces, a byte-order mark is skipped, and the size limit holds without a length', async () => {
  const text = JSON.stringify(q({ name: ['RI Yong Gil'] }));
  const want = (await api.post('/match/default', text)).body.responses.q.results.map((r: { id: string; score: number }) => [r.id, r.score]);
  assert.equal(want[0][0], 'ofac-33936');
  const pieces = [text.slice(0, 3), text.slice(3, 20), text.slice(20)];
  for (const init of [chunked(pieces), { method: 'POST', headers: json, body: `\uFEFF${text}` }]) {
    const r = await http.request('/match/default', init);
    assert.equal(r.status, 200, r.text);
    assert.deepEqual(r.body.responses.q.results.map((x: { id: string; score: number }) => [x.id, x.score]), want);
  }
  const huge = JSON.stringify(q({ name: Array.from({ length: 3000 }, () => 'x'.repeat(500)) }));
  const r = await http.request('/match/default', chunked(Array.from({ length: 30 }, (_, i) => huge.slice(i * 60_000, (i + 1) * 60_000))));
  assert.equal(r.status, 413);
  assert.match(r.body.message, /larger than 1 MB: split the batch/);
  assert.equal((await http.request('/healthz')).status, 200, 'the server answers on');
});

test('prototype-named properties are ignored with a warning, not trusted', async () => {
  const r = await api.post('/match/default', q({ constructor: ['x'], name: ['RI Yong Gil'] }));
  assert.deepEqual(r.body.responses.q.warnings, ['properties.constructor: not a Person property; ignored']);
  assert.equal(r.body.responses.q.results[0].id, 'ofac-33936');
});

test('a full batch of 100 queries is answered', async () => {
  const queries = Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`q${i}`, { schema: 'Person', properties: { name: [i % 2 ? 'RI Yong Gil' : 'Kim Yong Chol'] } }]));
  const r = await api.post('/match/dprk', { queries });
  assert.equal(r.status, 200);
  assert.equal(Object.keys(r.body.responses).length, 100);
  assert.equal(r.body.responses.q1.results[0].id, 'ofac-33936');
  assert.equal(r.body.responses.q0.results[0].id, 'un-KPi.050');
});
