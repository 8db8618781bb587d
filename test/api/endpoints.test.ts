import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Validator } from '@seriousme/openapi-schema-validator';
import { ScreeningService } from '../../src/analyses/screening/service.js';
import { freshPglite } from '../helpers/db.js';
import { apiOver, fixtureApi, type TestApi } from './fixtures.js';

let api: TestApi;
before(async () => {
  api = await fixtureApi();
});
after(async () => {
  await api.close();
});

test('POST /compare scores two given records', async () => {
  const r = await api.post('/compare', { schema: 'Person', a: { name: ['RI Yong Gil'], birthDate: '1955' }, b: { name: ['Lee Young-kil'], birthDate: ['1955-03-02'] } });
  assert.equal(r.status, 200);
  assert.deepEqual(Object.keys(r.body).sort(), ['algorithm', 'explanations', 'match', 'score']);
  assert.equal(r.body.match, true);
  assert.equal(r.body.score, 1);
  assert.ok(r.body.explanations.korean_name_key && r.body.explanations.birth_date);
  const other = await api.post('/compare?threshold=0.5', { schema: 'Person', a: { name: 'RI Yong Gil' }, b: { name: 'John Smith' } });
  assert.equal(other.body.match, false);
  assert.ok(other.body.score < 0.5);
  const strict = await api.post('/compare?threshold=1', { schema: 'Person', a: { name: 'RI Yong Gil' }, b: { name: 'Lee Young-kil' } });
  assert.equal(strict.body.match, false, 'the threshold decides');
  const vessels = await api.post('/compare', { schema: 'Vessel', a: { name: 'A', imoNumber: '7937317' }, b: { name: 'B', imoNumber: 'IMO7937317' } });
  assert.equal(vessels.body.match, true);
  for (const [body, re] of [
    [{ schema: 'Person', a: { name: '' }, b: { name: 'x' } }, /^a: no usable name/],
    [{ schema: 'Person', a: { name: 'x' }, b: {} }, /^b: no usable name/],
    [{ schema: 'Ship', a: { name: 'x' }, b: { name: 'y' } }, /unknown schema "Ship"/],
    [{ schema: 'Person', a: { name: 'x' } }, /invalid request body: b/],
  ] as const) {
    const res = await api.post('/compare', body);
    assert.equal(res.status, 400);
    assert.match(res.body.message, re);
  }
});

test('GET /search/{dataset}: a name search, yente-style', async () => {
  const r = await api.request('/search/default?q=Chong%20Chon%20Gang');
  assert.equal(r.status, 200);
  assert.deepEqual(Object.keys(r.body).sort(), ['limit', 'offset', 'results', 'total']);
  assert.equal(r.body.results[0].id, 'ofac-17069');
  assert.equal(r.body.limit, 10);
  assert.equal(r.body.offset, 0);
  assert.equal(r.body.total.relation, 'eq');
  assert.ok(r.body.results.every((x: { score: number }) => x.score >= 0.3));
  const lee = await api.request('/search/dprk?q=Lee%20Young-kil&schema=Person');
  assert.equal(lee.body.results[0].id, 'ofac-33936');
  assert.deepEqual(lee.body.results[0].referents, ['ofac-33936', 'un-KPi.077']);
  const vessels = await api.request('/search/default?q=RI%20Yong%20Gil&schema=Vessel');
  assert.deepEqual(vessels.body.results, [], 'schema filters');
  const page = await api.request('/search/default?q=RI%20Yong&limit=1&offset=1');
  const all = await api.request('/search/default?q=RI%20Yong&limit=10');
  assert.deepEqual(page.body.results.map((x: { id: string }) => x.id), all.body.results.slice(1, 2).map((x: { id: string }) => x.id));
  for (const bad of ['', '?q=', '?q=%20%20', `?q=${'a'.repeat(1001)}`, '?q=x&schema=Address', '?q=x&limit=1000']) {
    const res = await api.request(`/search/default${bad}`);
    assert.equal(res.status, 400, bad.slice(0, 30));
    assert.equal(typeof res.body.message, 'string');
  }
  assert.equal((await api.request('/search/nope?q=x')).status, 404);
});

test('GET /entities/{id}: by id or referent, yente EntityResponse plus the evidence', async () => {
  const byId = await api.request('/entities/ofac-9345');
  const byRef = await api.request('/entities/un-KPe.001');
  assert.equal(byId.status, 200);
  assert.deepEqual(byRef.body, byId.body);
  const e = byRef.body;
  for (const key of ['id', 'caption', 'schema', 'properties', 'datasets', 'referents', 'target', 'first_seen', 'last_seen',
    'sanctions', 'listed', 'dprk', 'merge', 'statements', 'links']) assert.ok(key in e, key);
  assert.equal(e.id, 'ofac-9345');
  assert.deepEqual(e.referents, ['ofac-9345', 'un-KPe.001']);
  assert.deepEqual(e.properties.alias, ['KOMID']);
  assert.deepEqual(e.sanctions.map((s: { record: string }) => s.record).sort(), ['ofac-9345', 'un-KPe.001']);
  assert.ok(e.statements.some((s: { prop: string; record: string; version: string }) => s.prop === 'name' && s.record === 'un-KPe.001' && s.version === 'un@2026-05-08'));
  assert.equal(e.merge[0].rule, 'un_reference');
  const missing = await api.request('/entities/ofac-0');
  assert.equal(missing.status, 404);
  assert.match(missing.body.message, /no entity or referent "ofac-0"/);
  assert.equal((await api.request(`/entities/${'x'.repeat(300)}`)).status, 400);
});

test('GET /algorithms', async () => {
  const r = await api.request('/algorithms');
  assert.equal(r.status, 200);
  assert.equal(r.body.default, 'chokepoint-v1');
  assert.equal(r.body.best, 'chokepoint-v1');
  assert.equal(r.body.algorithms.length, 1);
  const a = r.body.algorithms[0];
  assert.equal(a.name, 'chokepoint-v1');
  assert.equal(typeof a.description, 'string');
  assert.equal(a.features.korean_name_key.coefficient, r.body.params.koreanKeyScore);
  assert.equal(r.body.params.threshold, 0.7);
});

test('GET /catalog: each list with its version and counts; the collections', async () => {
  const r = await api.request('/catalog');
  assert.equal(r.status, 200);
  const by = Object.fromEntries(r.body.datasets.map((d: { name: string }) => [d.name, d]));
  for (const c of ['default', 'sanctions', 'dprk']) assert.equal(by[c].type, 'collection');
  assert.equal(by.default.entity_count, 7);
  assert.equal(by.dprk.entity_count, 5);
  assert.deepEqual(by.default.children, ['un_sc_sanctions', 'us_ofac_sdn']);
  const ofac = by.us_ofac_sdn;
  assert.equal(ofac.type, 'source');
  assert.equal(ofac.version, '2024-05-03');
  assert.equal(ofac.index_version, '2024-05-03');
  assert.equal(ofac.index_current, true);
  assert.equal(ofac.entity_count, 6);
  assert.equal(ofac.record_count, 6);
  assert.equal(ofac.load, true);
  assert.equal(typeof ofac.last_update, 'string');
  assert.equal(by.un_sc_sanctions.entity_count, 3);
  assert.equal(by.eu_fsf.load, false, 'a list Chokepoint can ingest but holds no version of');
  assert.deepEqual(r.body.current, ['un_sc_sanctions', 'us_ofac_sdn']);
  assert.deepEqual(r.body.outdated, []);
  assert.equal(r.body.index_stale, false);
  assert.deepEqual(r.body.versions, ['ofac@2024-05-03', 'un@2026-05-08']);
});

test('/healthz, /readyz (503 until the index is built and when the database does not answer), /lists', async () => {
  assert.deepEqual((await api.request('/healthz')).body, { status: 'ok' });
  const ready = await api.request('/readyz');
  assert.equal(ready.status, 200);
  assert.equal(ready.body.index.entities, 7);
  const lists = await api.request('/lists');
  assert.equal(lists.status, 200);
  assert.deepEqual(lists.body.versions.map((v: { source: string; served: boolean }) => `${v.source}:${v.served}`), ['ofac:true', 'un:true']);

  const db = await freshPglite();
  const building = apiOver({ db, screening: new ScreeningService(), ready: false, notReadyReason: 'loading lists', startedAt: new Date() });
  const notReady = await building.request('/readyz');
  assert.equal(notReady.status, 503);
  assert.equal(notReady.body.message, 'loading lists');
  const m = await building.post('/match/default', { queries: { q: { schema: 'Person', properties: { name: 'x' } } } });
  assert.equal(m.status, 503);
  assert.match(m.body.message, /index is being built/);
  building.services.ready = true;
  assert.equal((await building.request('/readyz')).status, 503, 'ready flag alone is not enough: no index');
  await building.services.screening.reload(db);
  assert.equal((await building.request('/readyz')).status, 200);
  await db.close();
  const down = await building.request('/readyz');
  assert.equal(down.status, 503);
  assert.match(down.body.message, /database unavailable/);
  const e = await building.request('/entities/ofac-1');
  assert.equal(e.status, 503, 'a store read on a closed database is a 503, not a 500');
});

const ROUTES = [
  'get /healthz', 'get /readyz', 'get /lists', 'post /match/{dataset}', 'post /compare', 'get /search/{dataset}', 'get /entities/{id}',
  'get /algorithms', 'get /catalog', 'get /reconcile', 'post /reconcile', 'get /reconcile/{dataset}', 'post /reconcile/{dataset}',
  'get /openapi.json', 'get /docs',
];

test('GET /openapi.json: an OpenAPI 3 document with every route, request and response', async () => {
  const r = await api.request('/openapi.json');
  assert.equal(r.status, 200);
  const spec = JSON.parse(r.text);
  assert.match(spec.openapi, /^3\.\d+\.\d+$/);
  const validator = new Validator();
  const verdict = await validator.validate(spec);
  assert.deepEqual(verdict, { valid: true }, 'valid against the official OpenAPI schema');
  assert.equal(typeof spec.info.title, 'string');
  const have = Object.entries(spec.paths as Record<string, object>).flatMap(([p, item]) => Object.keys(item).map((m) => `${m} ${p}`));
  for (const route of ROUTES) assert.ok(have.includes(route), `${route} documented`);
  assert.ok(have.includes('get /timeline'), 'the timeline router is mounted too');
  for (const [p, item] of Object.entries(spec.paths as Record<string, Record<string, { responses: Record<string, unknown>; summary: string }>>)) {
    for (const [m, op] of Object.entries(item)) {
      assert.ok(op.summary, `${m} ${p} has a summary`);
      assert.ok(Object.keys(op.responses).some((code) => /^2\d\d$/.test(code)), `${m} ${p} documents its success (2xx)`);
    }
  }
  const match = spec.paths['/match/{dataset}'].post;
  assert.deepEqual(match.requestBody.content['application/json'].schema, { $ref: '#/components/schemas/EntityMatchQuery' });
  assert.deepEqual(match.parameters.map((x: { name: string }) => x.name).sort(),
    ['algorithm', 'cutoff', 'dataset', 'exclude_dataset', 'include_dataset', 'limit', 'threshold', 'topics']);
  assert.ok(match.responses['400'] && match.responses['404'] && match.responses['413']);
  const refs = [...r.text.matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map((x) => x[1]);
  for (const name of new Set(refs)) assert.ok(spec.components.schemas[name], `$ref ${name} resolves`);
  const propsOf = (sc: { $ref?: string; allOf?: object[]; properties?: object }): string[] => (sc.$ref
    ? propsOf(spec.components.schemas[sc.$ref.split('/').pop() as string])
    : [...Object.keys(sc.properties ?? {}), ...(sc.allOf ?? []).flatMap((x) => propsOf(x))]);
  const scored = propsOf(spec.components.schemas.ScoredEntityResponse);
  for (const k of ['id', 'caption', 'schema', 'properties', 'datasets', 'referents', 'target', 'first_seen', 'last_seen', 'score', 'match', 'explanations']) {
    assert.ok(scored.includes(k), `ScoredEntityResponse.${k}`);
  }
});

test('GET /docs: an HTML page from the spec, with no external address', async () => {
  const r = await api.request('/docs');
  assert.equal(r.status, 200);
  assert.match(r.type ?? '', /text\/html/);
  assert.match(r.text, /^<!doctype html>/);
  for (const route of ROUTES) {
    const [m, p] = route.split(' ');
    assert.ok(r.text.includes(`${m.toUpperCase()} ${p}`), `${route} listed`);
  }
  assert.ok(r.text.includes('id="schema-EntityMatchQuery"'));
  assert.doesNotMatch(r.text, /(https?:)?\/\/[a-z0-9.-]+\.[a-z]{2,}/i, 'no external URLs');
  assert.doesNotMatch(r.text, /<script/i);
});

test('unknown routes and methods are JSON 404s', async () => {
  for (const [path, init] of [['/nope', undefined], ['/match/default', undefined]] as const) {
    const r = await api.request(path, init);
    assert.equal(r.status, 404);
    assert.match(r.body.message, /no route/);
  }
});
