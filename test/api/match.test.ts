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

const person = (name: string | string[], extra: Record<string, unknown> = {}) => ({ schema: 'Person', properties: { name, ...extra } });
const match = (path: string, queries: Record<string, unknown>, extra: Record<string, unknown> = {}) => api.post(path, { queries, ...extra });
const ids = (r: { results: { id: string }[] }) => r.results.map((x) => x.id);

test('the pinned yente response shape, field by field', async () => {
  const r = await match('/match/default', { q1: person(['Lee Young-kil'], { birthDate: ['1955'], nationality: ['kp'] }) });
  assert.equal(r.status, 200);
  assert.match(r.type ?? '', /application\/json/);
  assert.deepEqual(Object.keys(r.body).sort(), ['algorithm', 'limit', 'matcher', 'responses', 'versions']);
  assert.equal(r.body.limit, 5);
  assert.equal(r.body.algorithm, 'chokepoint-v1');
  assert.deepEqual(r.body.versions, ['ofac@2024-05-03', 'un@2026-05-08']);
  const q1 = r.body.responses.q1;
  assert.deepEqual(Object.keys(q1).sort(), ['query', 'results', 'status', 'total']);
  assert.equal(q1.status, 200);
  assert.deepEqual(q1.total, { value: 1, relation: 'eq' });
  assert.deepEqual(q1.query, { schema: 'Person', properties: { name: ['Lee Young-kil'], birthDate: ['1955'], nationality: ['kp'] } });
  const top = q1.results[0];
  for (const key of ['id', 'caption', 'schema', 'properties', 'datasets', 'referents', 'target', 'first_seen', 'last_seen', 'score', 'match', 'explanations']) {
    assert.ok(key in top, `result has ${key}`);
  }
  assert.equal(top.id, 'ofac-33936');
  assert.equal(top.caption, 'RI, Yong Gil');
  assert.equal(top.schema, 'Person');
  assert.deepEqual(top.properties.name, ['RI, Yong Gil', 'RI YONG GIL']);
  assert.deepEqual(top.properties.nationality, ['kp']);
  assert.deepEqual(top.properties.topics, ['sanction']);
  assert.deepEqual(top.datasets, ['us_ofac_sdn', 'un_sc_sanctions']);
  assert.equal(top.target, true);
  assert.equal(top.first_seen, '2021-07-07');
  assert.equal(top.last_seen, '2024-05-03');
  assert.equal(typeof top.score, 'number');
  assert.ok(top.score >= 0.95 && top.score <= 1);
  assert.equal(top.match, true);
  for (const [k, x] of Object.entries(top.explanations as Record<string, { score: number; contribution: number; detail: string }>)) {
    assert.equal(typeof x.score, 'number', k);
    assert.equal(typeof x.contribution, 'number', k);
    assert.equal(typeof x.detail, 'string', k);
    assert.equal(top.features[k], x.score, `features.${k} mirrors the explanation`);
  }
  assert.ok(top.explanations.korean_name_key, 'the Korean key explains the match');
  assert.ok(top.explanations.birth_date);
});

test('every result carries its referents: the source records merged into it', async () => {
  const r = await match('/match/default', { a: person('RI Yong Gil'), b: { schema: 'Company', properties: { name: 'KOMID' } } });
  assert.deepEqual(r.body.responses.a.results[0].referents, ['ofac-33936', 'un-KPi.077']);
  const komid = r.body.responses.b.results[0];
  assert.equal(komid.id, 'ofac-9345');
  assert.deepEqual(komid.referents, ['ofac-9345', 'un-KPe.001']);
});

test('Lee Young-kil finds RI Yong Gil, and only him as a match', async () => {
  const r = await match('/match/default', { q: person('Lee Young-kil') });
  const res = r.body.responses.q;
  assert.equal(res.results[0].id, 'ofac-33936');
  assert.equal(res.results.filter((x: { match: boolean }) => x.match).length, 1);
  assert.ok(!ids(res).includes('ofac-30001') || res.results.find((x: { id: string }) => x.id === 'ofac-30001').match === false, 'RI Yong Ho is not a match');
});

test('a vessel is found by its IMO number, whatever the name', async () => {
  const r = await match('/match/dprk', {
    imo: { schema: 'Vessel', properties: { imoNumber: ['7937317'] } },
    prefixed: { schema: 'Vessel', properties: { name: 'SOME OTHER NAME', imoNumber: 'IMO 7937317' } },
    number: { schema: 'Vessel', properties: { imoNumber: 7937317 } },
  });
  for (const key of ['imo', 'prefixed', 'number']) {
    const res = r.body.responses[key];
    assert.equal(res.status, 200, key);
    assert.equal(res.results[0].id, 'ofac-17069', key);
    assert.ok(res.results[0].score >= 0.99, key);
    assert.ok(res.results[0].explanations.identifier_match, key);
  }
  assert.deepEqual(r.body.responses.number.query.properties.imoNumber, ['7937317'], 'numbers are accepted as strings');
});

test('dataset scopes: default, dprk, a list dataset, include/exclude, topics', async () => {
  const cuba = { schema: 'Company', properties: { name: 'Banco Nacional de Cuba' } };
  assert.equal((await match('/match/default', { q: cuba })).body.responses.q.results[0].id, 'ofac-306');
  assert.deepEqual(ids((await match('/match/dprk', { q: cuba })).body.responses.q), [], 'not DPRK-related');
  assert.equal((await match('/match/sanctions', { q: cuba })).body.responses.q.results[0].id, 'ofac-306');

  const kim = person('Kim Yong Chol');
  assert.equal((await match('/match/un_sc_sanctions', { q: kim })).body.responses.q.results[0].id, 'un-KPi.050');
  assert.deepEqual(ids((await match('/match/us_ofac_sdn', { q: kim })).body.responses.q).filter((id: string) => id === 'un-KPi.050'), []);

  const ri = person('RI Yong Gil');
  assert.equal((await match('/match/default?include_dataset=un_sc_sanctions', { q: ri })).body.responses.q.results[0].id, 'ofac-33936');
  assert.deepEqual(ids((await match('/match/default?include_dataset=un_sc_sanctions', { q: person('Chong Chon Gang') })).body.responses.q), []);
  const excluded = (await match('/match/default?exclude_dataset=un_sc_sanctions', { q: ri })).body.responses.q;
  assert.ok(!ids(excluded).includes('ofac-33936'), 'an entity in an excluded dataset is dropped');
  const both = (await match('/match/default?include_dataset=eu_fsf&include_dataset=us_ofac_sdn', { q: ri })).body.responses.q;
  assert.equal(both.results[0].id, 'ofac-33936', 'include_dataset is repeatable');
  assert.equal((await match('/match/default?topics=sanction', { q: ri })).body.responses.q.results[0].id, 'ofac-33936');
  assert.deepEqual(ids((await match('/match/default?topics=crime&topics=poi', { q: ri })).body.responses.q), []);
  const bad = await match('/match/default?include_dataset=nope', { q: ri });
  assert.equal(bad.status, 400);
  assert.match(bad.body.message, /include_dataset "nope"/);
});

test('threshold, limit and cutoff', async () => {
  const q = { q: person('Lee Young-kil') };
  const strict = (await match('/match/default?threshold=0.99', q)).body.responses.q;
  assert.equal(strict.results[0].id, 'ofac-33936', 'still returned: above the cutoff');
  assert.equal(strict.results[0].match, false);
  assert.equal(strict.total.value, 0);
  const high = (await match('/match/default?threshold=0.99&cutoff=0.96', q)).body.responses.q;
  assert.deepEqual(high.results, [], 'below the cutoff: not returned');
  const loose = (await match('/match/default?threshold=0.2&cutoff=0.9', q)).body.responses.q;
  assert.ok(loose.results.every((x: { match: boolean }) => x.match), 'the cutoff never hides a match');
  const all = (await match('/match/default?cutoff=0&limit=500', { q: person('RI Yong') })).body;
  assert.equal(all.limit, 500);
  const many = all.responses.q.results;
  assert.ok(many.length >= 2);
  const one = (await match('/match/default?cutoff=0&limit=1', { q: person('RI Yong') })).body;
  assert.equal(one.limit, 1);
  assert.deepEqual(ids(one.responses.q), [many[0].id]);
  for (const bad of ['limit=0', 'limit=501', 'limit=2.5', 'threshold=1.5', 'threshold=', 'cutoff=-1', 'threshold=abc']) {
    const r = await match(`/match/default?${bad}`, q);
    assert.equal(r.status, 400, bad);
    assert.match(r.body.message, /invalid query parameter/, bad);
  }
});

test('results are ordered by score, then id, and the same request gives the same answer', async () => {
  const body = { a: person('RI Yong'), b: person('Kim Yong Chol'), c: { schema: 'LegalEntity', properties: { name: 'Korea Mining' } } };
  const one = await match('/match/default?cutoff=0&limit=50', body);
  const two = await match('/match/default?cutoff=0&limit=50', body);
  assert.equal(one.text, two.text);
  for (const res of Object.values(one.body.responses) as { results: { id: string; score: number }[] }[]) {
    for (let i = 1; i < res.results.length; i++) {
      const [x, y] = [res.results[i - 1], res.results[i]];
      assert.ok(x.score > y.score || (x.score === y.score && x.id.localeCompare(y.id) < 0), `${x.id} before ${y.id}`);
    }
  }
});

test('a bad query in a batch gets its own 400; the others are answered', async () => {
  const r = await match('/match/default', {
    good: person('RI Yong Gil'),
    empty: person(''),
    missing: { schema: 'Person', properties: { nationality: ['kp'] } },
    noprops: { schema: 'Person' },
    long: person('x'.repeat(10_000)),
    schema: { schema: 'Persn', properties: { name: 'RI Yong Gil' } },
    unmatchable: { schema: 'Address', properties: { name: 'Pyongyang' } },
    noschema: { properties: { name: 'RI Yong Gil' } },
    toomany: person(Array.from({ length: 51 }, (_, i) => `name ${i}`)),
  });
  assert.equal(r.status, 200);
  const res = r.body.responses;
  assert.equal(res.good.status, 200);
  assert.equal(res.good.results[0].id, 'ofac-33936');
  const expect: Record<string, RegExp> = {
    empty: /no usable name/, missing: /no usable name/, noprops: /no usable name/, long: /10,000 characters.*limit is 1,000/,
    schema: /unknown schema "Persn"/, unmatchable: /cannot be screened/, noschema: /schema missing/, toomany: /51 values/,
  };
  for (const [key, re] of Object.entries(expect)) {
    assert.equal(res[key].status, 400, key);
    assert.match(res[key].message, re, key);
    assert.deepEqual(res[key].results, [], key);
    assert.deepEqual(res[key].total, { value: 0, relation: 'eq' }, key);
  }
});

test('properties: bare strings wrapped, blanks dropped, unknown properties ignored with a warning', async () => {
  const r = await match('/match/default', { q: person('  RI  Yong Gil ', { dateOfBirth: '1955', nationality: ['kp', ' ', 'kp'] }) });
  const q = r.body.responses.q;
  assert.equal(q.status, 200);
  assert.deepEqual(q.query.properties, { name: ['RI Yong Gil'], nationality: ['kp'] });
  assert.deepEqual(q.warnings, ['properties.dateOfBirth: not a Person property; ignored']);
});

test('weights and config override numeric screening parameters by name; unknown names are refused', async () => {
  const q = { q: person('Lee Young-kil') };
  const base = (await match('/match/default', q)).body.responses.q.results[0];
  const lowered = (await match('/match/default', q, { config: { koreanKeyScore: 0.8 } })).body.responses.q.results[0];
  assert.equal(base.score, 0.95);
  assert.equal(lowered.score, 0.8);
  assert.equal(lowered.match, true);
  const viaThreshold = (await match('/match/default', q, { weights: { threshold: 0.96 } })).body.responses.q.results[0];
  assert.equal(viaThreshold.match, false, 'a threshold in config applies when the query string gives none');
  for (const [body, re] of [
    [{ weights: { name_literal: 0.8 } }, /unknown scoring parameter "name_literal"/],
    [{ config: { typoBudget: 1 } }, /unknown scoring parameter "typoBudget"/],
    [{ config: { candidates: 1e9 } }, /candidates must be a whole number from 1 to 1000/],
    [{ config: { koreanKeyScore: -1 } }, /koreanKeyScore must be/],
    [{ config: { koreanKeyScore: 'high' } }, /invalid request body/],
  ] as const) {
    const r = await match('/match/default', q, body);
    assert.equal(r.status, 400, JSON.stringify(body));
    assert.match(r.body.message, re);
  }
});

test('the algorithm: chokepoint-v1 or best; the matcher documents every explanation the engine writes', async () => {
  for (const a of ['chokepoint-v1', 'best']) {
    const r = await match(`/match/default?algorithm=${a}`, { q: person('RI Yong Gil') });
    assert.equal(r.status, 200);
    assert.equal(r.body.algorithm, 'chokepoint-v1');
  }
  const r = await match('/match/default?algorithm=logic-v1', { q: person('RI Yong Gil') });
  assert.equal(r.status, 400);
  assert.match(r.body.message, /unknown algorithm "logic-v1": one of chokepoint-v1, best/);
  const wide = await match('/match/default?cutoff=0&limit=50', {
    a: person('Lee Young-kil', { birthDate: '1960', nationality: 'us', gender: 'female' }),
    b: { schema: 'Vessel', properties: { name: 'X', imoNumber: '7937317' } },
    c: { schema: 'Company', properties: { name: 'Korea Mining Development Trading Corporation 2 LLC' } },
  });
  for (const res of Object.values(wide.body.responses) as { results: { explanations: object }[] }[]) {
    for (const x of res.results) for (const k of Object.keys(x.explanations)) assert.ok(k in wide.body.matcher, `${k} documented`);
  }
});
