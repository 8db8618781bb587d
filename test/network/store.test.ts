import { test } from 'node:test';
import assert from 'node:assert/strict';
import { backends } from '../helpers/db.js';
import { replaceEntities } from '../../src/store/entities.js';
import type { Entity } from '../../src/model/entity.js';
import { importDataset } from '../../src/analyses/network/import.js';
import { refreshNetwork, removeDataset } from '../../src/analyses/network/refresh.js';
import { getAnyEntity, networkFacts } from '../../src/analyses/network/entity-detail.js';
import { loadNetwork } from '../../src/analyses/network/load-network.js';
import { withImportedEntities } from '../../src/analyses/network/screening-entities.js';
import { importedDatasets, importedEdgesOf, maritimeEventsFor, networkBlocked, networkState } from '../../src/store/datasets.js';
import { textLines } from '../../src/sources/ftm/index.js';

// The network store on every back end (PGlite always; PostgreSQL 15 when CHOKEPOINT_TEST_PG_URL is set).
const komid: Entity = {
  id: 'ofac-9345', schema: 'Company', caption: 'KOREA MINING DEVELOPMENT TRADING CORPORATION', referents: ['ofac-9345', 'un-KPe.001'],
  datasets: ['us_ofac_sdn'], topics: ['sanction'], properties: {}, records: [], sanctions: [], links: [], dprk: [], merge: [], listed: [],
};
const FILE = [
  '{"id":"a-co","schema":"Company","properties":{"name":["Alpha Holding"]}}',
  '{"id":"b-co","schema":"Company","properties":{"name":["Beta Sub"]}}',
  '{"id":"o1","schema":"Ownership","properties":{"owner":["un-KPe.001"],"asset":["a-co"],"percentage":["60"]}}',
  '{"id":"o2","schema":"Ownership","properties":{"owner":["a-co"],"asset":["b-co"],"percentage":["50"]}}',
].join('\n');

for (const b of backends()) {
  test(`network store on ${b.name}`, async () => {
    const { db, done } = await b.open();
    try {
      await replaceEntities(db, [komid]);
      const r = await importDataset(db, { name: 'store_test', origin: 'test', lines: textLines(FILE) });
      assert.deepEqual(r.rejected, []);
      assert.deepEqual(r.references, [{ edge: 'o1', prop: 'owner', referent: 'un-KPe.001', entity: 'ofac-9345' }]);
      assert.deepEqual(r.blocked.map((x) => [x.id, x.aggregate, x.paths[0].nodes]), [['a-co', 60, ['ofac-9345', 'a-co']], ['b-co', 50, ['ofac-9345', 'a-co', 'b-co']]]);
      assert.deepEqual((await importedEdgesOf(db, 'a-co')).map((x) => x.id), ['o1', 'o2']);
      const [ds] = await importedDatasets(db);
      assert.match(ds.imported_at, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
      assert.equal(ds.counts.Ownership, 2);
      const e = await getAnyEntity(db, 'b-co');
      assert.deepEqual(e?.topics, ['sanction.linked']);
      const f = await networkFacts(db, e!);
      assert.equal(f.blockedByOwnership?.paths[0].text, 'KOREA MINING DEVELOPMENT TRADING CORPORATION (ofac-9345) -[60 %]-> Alpha Holding (a-co) -[50 %]-> Beta Sub (b-co)');
      assert.equal((await networkState(db))?.threshold, 0.5);
      const screened = await withImportedEntities(db, [komid]);
      assert.deepEqual(screened.map((x) => [x.id, x.topics]), [['ofac-9345', ['sanction']], ['a-co', ['sanction.linked']], ['b-co', ['sanction.linked']]]);
      const net = await loadNetwork(db);
      assert.ok(net.edges.some((x) => x.id === 'o1' && x.source === 'ofac-9345' && x.target === 'a-co'));
      assert.deepEqual(await maritimeEventsFor(db, [9000001], [457000001]), []);
      assert.deepEqual(await refreshNetwork(db), { matches: 0, blocked: 2 });
      assert.equal(await removeDataset(db, 'store_test'), true);
      assert.deepEqual(await networkBlocked(db), []);
      assert.equal(await refreshNetwork(db), undefined);
    } finally {
      await done();
    }
  });
}
