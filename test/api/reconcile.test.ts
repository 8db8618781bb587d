import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { fixtureApi, type TestApi } from './fixtures.js';

let api: TestApi;
before(async () => {
  api = await fixtureApi();
});
after(async () => {
  await api.close();
});

const form = (path: string, fields: Record<string, string>) => api.request(path, { method: 'POST', body: new URLSearchParams(fields) });
const multipart = (path: string, fields: Record<string, string>) => {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.append(k, v);
  return api.request(path, { method: 'POST', body: fd });
};

test('GET /reconcile: the service manifest (Reconciliation Service API v0.2)', async () => {
  const r = await api.request('http://chokepoint.test:8080/reconcile');
  assert.equal(r.status, 200);
  const m = r.body;
  assert.deepEqual(m.versions, ['0.2']);
  assert.match(m.name, /Chokepoint/);
  assert.equal(m.identifierSpace, 'http://chokepoint.test:8080/entities/');
  assert.equal(typeof m.schemaSpace, 'string');
  assert.deepEqual(m.defaultTypes.map((t: { id: string }) => t.id), ['Person', 'Company', 'Organization', 'Vessel', 'LegalEntity']);
  assert.equal(m.view.url, 'http://chokepoint.test:8080/entities/{{id}}');
  const ds = await api.request('/reconcile/dprk');
  assert.match(ds.body.name, /\(dprk\)/);
  assert.equal((await api.request('/reconcile/nope')).status, 404);
});

test('POST /reconcile: a batch of queries as a form field, scores 0-100', async () => {
  const queries = {
    q0: { query: 'Lee Young-kil', type: 'Person', limit: 3, properties: [{ pid: 'birthDate', v: '1955' }, { pid: 'Person:nationality', v: { id: 'kp' } }] },
    q1: { query: 'Chong Chon Gang', type: ['Vessel'] },
    q2: { query: 'ship', properties: [{ pid: 'imoNumber', v: 7937317 }] },
    q3: { query: 'Nobody At All Xyzzy', type: 'Person' },
  };
  for (const send of [form, multipart]) {
    const r = await send('/reconcile', { queries: JSON.stringify(queries) });
    assert.equal(r.status, 200);
    assert.deepEqual(Object.keys(r.body).sort(), ['q0', 'q1', 'q2', 'q3']);
    const top = r.body.q0.result[0];
    assert.deepEqual(Object.keys(top).sort(), ['description', 'features', 'id', 'match', 'name', 'score', 'type']);
    assert.equal(top.id, 'ofac-33936');
    assert.equal(top.name, 'RI, Yong Gil');
    assert.deepEqual(top.type, [{ id: 'Person', name: 'Person' }]);
    assert.equal(top.score, 100, 'the birth date lifts the Korean-key score to 1: 100 on the 0-100 scale');
    assert.equal(top.match, true);
    assert.match(top.description, /un-KPi\.077/);
    assert.ok(top.features.some((f: { id: string }) => f.id === 'birth_date'));
    assert.ok(r.body.q0.result.length <= 3);
    assert.equal(r.body.q1.result[0].id, 'ofac-17069');
    assert.equal(r.body.q2.result[0].id, 'ofac-17069', 'untyped query with an IMO property');
    assert.deepEqual(r.body.q3.result, []);
  }
});

test('GET /reconcile?queries= and /reconcile/{dataset}', async () => {
  const queries = JSON.stringify({ q0: { query: 'Banco Nacional de Cuba', type: 'Company' } });
  const all = await api.request(`/reconcile?queries=${encodeURIComponent(queries)}`);
  assert.equal(all.body.q0.result[0].id, 'ofac-306');
  const dprk = await api.request(`/reconcile/dprk?queries=${encodeURIComponent(queries)}`);
  assert.deepEqual(dprk.body.q0.result, []);
  const post = await form('/reconcile/dprk', { queries });
  assert.deepEqual(post.body.q0.result, []);
});

test('reconciliation bad input: 4xx with a message', async () => {
  const many = Object.fromEntries(Array.from({ length: 101 }, (_, i) => [`q${i}`, { query: 'x' }]));
  const cases: [string, Promise<{ status: number; body: { message: string } }>, RegExp][] = [
    ['not JSON', form('/reconcile', { queries: '{nope' }), /queries is not valid JSON/],
    ['an array', form('/reconcile', { queries: '[]' }), /invalid queries/],
    ['bad limit', form('/reconcile', { queries: JSON.stringify({ q0: { query: 'x', limit: 'ten' } }) }), /invalid queries: q0.limit/],
    ['unknown type', form('/reconcile', { queries: JSON.stringify({ q0: { query: 'x', type: 'Spaceship' } }) }), /unknown schema "Spaceship"/],
    ['too many', form('/reconcile', { queries: JSON.stringify(many) }), /too many queries/],
    ['no field', form('/reconcile', { other: 'x' }), /`queries` missing/],
    ['extend', form('/reconcile', { extend: '{}' }), /not supported/],
    ['json body', api.post('/reconcile', { queries: {} }), /content type/],
    ['long query', form('/reconcile', { queries: JSON.stringify({ q0: { query: 'x'.repeat(5000) } }) }), /limit is 1,000/],
    ['get not JSON', api.request('/reconcile?queries=%7B'), /not valid JSON/],
  ];
  for (const [name, p, re] of cases) {
    const r = await p;
    assert.ok(r.status >= 400 && r.status < 500, `${name}: ${r.status}`);
    assert.match(r.body.message, re, name);
  }
});
