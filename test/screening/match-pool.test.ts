import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildIndex, type IndexedEntity } from '../../src/analyses/screening/index/build.js';
import { matchQuery, type MatchOutcome } from '../../src/analyses/screening/match.js';
import { MatchPool } from '../../src/analyses/screening/parallel/match-pool.js';
import { ScreeningService } from '../../src/analyses/screening/service.js';
import { datasetScope } from '../../src/analyses/screening/datasets.js';
import { ENTITIES } from '../fixtures/screen/entities.js';

const index = buildIndex(ENTITIES, ['ofac@2024-05-03', 'un@2026-05-08']);
const QUERIES: [Parameters<typeof matchQuery>[1], Record<string, string[]>][] = [
  ['Person', { name: ['Kim Jong Un'] }], ['Person', { name: ['리영길'] }], ['Vessel', { name: ['Chon Ma San'], imoNumber: ['IMO 8660313'] }],
  ['Company', { name: ['Korea Mining Development Trading Corp'] }], ['LegalEntity', { name: ['Foreign Trade Bank'] }],
  ['Person', { name: ['Nobody Atall'] }], ['Thing', { name: ['Ocean Maritime Management'] }],
];

const plain = (o: MatchOutcome) => ({ ...o, results: o.results.map((r) => ({ ...r, entity: r.entity.id })) });

test('match threads answer exactly what in-process matching answers, scoped or not', async () => {
  const pool = await MatchPool.start(index, 2);
  try {
    const known = new Set(index.entities.flatMap((e) => e.datasets));
    const scopes: [string | undefined, ((e: IndexedEntity) => boolean) | undefined][] = [[undefined, undefined], ['un', datasetScope('un', known)], ['dprk', datasetScope('dprk', known)]];
    for (const [key, filter] of scopes) {
      for (const [schema, properties] of QUERIES) {
        const opts = { limit: 5, threshold: 0.7, floor: 0.3, ...(filter ? { filter, filterKey: key } : {}) };
        const want = matchQuery(index, schema, properties, opts);
        // Twice: the second time the threads use the scope they kept.
        for (let k = 0; k < 2; k++) assert.deepEqual(plain(await pool.match(schema, properties, opts)), plain(want), `${key} ${properties.name}`);
        assert.ok(want.results.every((r) => !filter || filter(r.entity)));
      }
    }
    await assert.rejects(pool.match('Person', { name: ['x'] }, { filter: () => true }), /filterKey/);
  } finally {
    await pool.close();
  }
});

test('the screening service answers in-process until its threads hold the current index, then on them', async () => {
  const service = new ScreeningService(1);
  service.use(index);
  const want = plain(matchQuery(index, 'Person', { name: ['Kim Jong Un'] }));
  assert.deepEqual(plain(await service.match(index, 'Person', { name: ['Kim Jong Un'] })), want); // threads still starting
  for (let waited = 0; !(service as unknown as { pool?: MatchPool }).pool && waited < 60_000; waited += 50) await new Promise((r) => setTimeout(r, 50));
  assert.ok((service as unknown as { pool?: MatchPool }).pool, 'threads started');
  assert.deepEqual(plain(await service.match(index, 'Person', { name: ['Kim Jong Un'] })), want);
  // A new index: answered in-process at once (never by threads holding the old one).
  const next = buildIndex(ENTITIES.slice(0, 5), ['ofac@2024-05-03']);
  service.use(next);
  assert.deepEqual(plain(await service.match(next, 'Person', { name: ['Kim Jong Un'] })), plain(matchQuery(next, 'Person', { name: ['Kim Jong Un'] })));
  await service.close();
});

test('a floor leaves out the results below it and changes nothing else; an unusable query says so', () => {
  let cut = 0;
  for (const [schema, properties] of QUERIES) {
    const all = matchQuery(index, schema, properties, { limit: 10 });
    const floored = matchQuery(index, schema, properties, { limit: 10, floor: 0.8 });
    assert.deepEqual(plain(floored), plain({ ...all, results: all.results.filter((r) => r.score >= 0.8) }), String(properties.name));
    cut += all.results.length - floored.results.length;
  }
  assert.ok(cut > 0, 'some results fall below the floor');
  assert.deepEqual(matchQuery(index, 'Person', { name: ['!!! --'] }), { results: [], total: 0, candidates: 0, usable: false });
});
