import { test } from 'node:test';
import assert from 'node:assert/strict';
import { freshPglite } from '../helpers/db.js';
import { update } from '../../src/ingest/update.js';
import { allEntities } from '../../src/store/entities.js';
import type { Entity } from '../../src/model/entity.js';
import { buildGraph, neighbourhood, streetAddress } from '../../src/analyses/network/graph.js';
import { ScreeningService } from '../../src/analyses/screening/service.js';
import { importDataset } from '../../src/analyses/network/import.js';
import { textLines } from '../../src/sources/ftm/index.js';
import { apiOver } from '../api/fixtures.js';
import type { Db } from '../../src/store/db.js';
import { mirrorOf } from '../../bench/lists-fixture.js';

test('street-level addresses only', () => {
  assert.equal(streetAddress("Pyongyang, Democratic People's Republic of Korea"), undefined);
  assert.equal(streetAddress('Dandong, Liaoning, China'), undefined);
  assert.equal(streetAddress("Kumsong 3-dong, Mangyongdae-guyok, Pyongyang, Democratic People's Republic of Korea"), undefined);
  assert.equal(streetAddress('Pyongyang'), undefined);
  assert.equal(streetAddress('53/64 Chancery Lane, London WC2A 1QU, United Kingdom'), '53 64 chancery lane london wc2a 1qu united kingdom');
  assert.equal(streetAddress('Sungri Street, Pyongyang'), 'sungri street pyongyang');
});

const ent = (id: string, properties: Entity['properties'], links: Entity['links'] = []): Entity => ({
  id, schema: 'Company', caption: id, referents: [id], datasets: ['t'], topics: [], properties,
  records: [{ id: `r-${id}`, source: 't', dataset: 't', version: 't@1' }], sanctions: [], links, dprk: [], merge: [], listed: [],
});

test('hand-built graph: links, shared attributes, neighbourhood by depth', () => {
  const g = buildGraph([
    ent('a', { phone: ['+850 2 381 4410'] }, [{ type: 'linked_to', record: 'r-a', targetName: 'B', target: 'b' }, { type: 'linked_to', record: 'r-a', targetName: 'Nobody' }]),
    ent('b', { address: ['12 Sungri Street, Pyongyang'] }),
    ent('c', { address: ['12, Sungri Street; PYONGYANG'], website: ['http://www.example.kp/'] }),
    ent('d', { phone: ['850-2-3814410'], website: ['example.kp'], address: ['Pyongyang, DPRK'] }),
    ent('e', { address: ['Pyongyang, DPRK'] }),
  ]);
  const types = g.edges.map((e) => `${e.source}-${e.target}:${e.type}`).sort();
  assert.deepEqual(types, ['a-b:linked_to', 'a-d:shared_phone', 'b-c:shared_address', 'c-d:shared_website']);
  const addr = g.edges.find((e) => e.type === 'shared_address')!;
  assert.deepEqual(addr.evidence, { record: 'r-b', value: '12 Sungri Street, Pyongyang', targetRecord: 'r-c', normalized: '12 sungri street pyongyang' });
  assert.deepEqual(neighbourhood(g, 'a', 1).nodes.map((n) => n.id).sort(), ['a', 'b', 'd']);
  assert.deepEqual(neighbourhood(g, 'a', 2).nodes.map((n) => n.id).sort(), ['a', 'b', 'c', 'd']);
  assert.equal(neighbourhood(g, 'a', 2).edges.length, 4);
  assert.deepEqual(neighbourhood(g, 'e', 3).nodes.map((n) => n.id), ['e']);
  assert.deepEqual(neighbourhood(g, 'zzz', 1), { nodes: [], edges: [] });
});

test('graph of the real staged lists (current OFAC and UN versions)', async (t) => {
  // A mirror holding only the versions served (ofac 2024-05-03, un 2026-05-08): the same entities, imported fast.
  const mirror = mirrorOf({ ofac: ['2024-05-03'], un: ['2026-05-08'] }, 'chokepoint-network-');
  const db: Db = await freshPglite();
  t.after(() => db.close());
  await update(db, { mirror, sources: ['ofac', 'un'] });
  const entities: Entity[] = await allEntities(db);
  const g = buildGraph(entities);

  await t.test('Linked To: ARDIS-BEARINGS LLC -> KOREA TANGUN TRADING CORPORATION', () => {
    // Verified by hand: ofac/2024-05-03/sdn.csv line 4871, record 22288 "ARDIS-BEARINGS LLC", remarks end
    // "Linked To: KOREA TANGUN TRADING CORPORATION."; that name is record 11599 (line 1655, NPWMD] [DPRK2).
    const e = g.edges.find((x) => x.source === 'ofac-22288' && x.target === 'ofac-11599');
    assert.ok(e);
    assert.equal(e.type, 'linked_to');
    assert.deepEqual(e.evidence, { record: 'ofac-22288', value: 'KOREA TANGUN TRADING CORPORATION' });
    const n = neighbourhood(g, 'ofac-22288', 1);
    assert.ok(n.nodes.some((x) => x.id === 'ofac-11599'));
    assert.ok(g.edges.filter((x) => x.type === 'linked_to').length > 1000);
  });

  await t.test('entities sharing a street address', () => {
    const addr = g.edges.filter((x) => x.type === 'shared_address');
    const sharing = new Set(addr.flatMap((x) => [x.source, x.target]));
    // 21 entities with these two lists (city/country-only and numbered-neighbourhood addresses excluded).
    assert.equal(sharing.size, 21);
    // No city-level address in common: none of the Pyongyang-only addresses made an edge.
    assert.ok(!addr.some((x) => /^pyongyang (democratic people s republic of korea|north korea)$/.test(x.evidence.normalized ?? '')));
    // Checked by hand in un/2026-05-08/consolidated.xml: IQe.207 TECHNOLOGY AND DEVELOPMENT GROUP LIMITED (line ~53814)
    // and IQe.208 T.M.G. ENGINEERING LIMITED (line ~53610) both have <STREET>53/64 Chancery Lane</STREET> in London.
    const chancery = addr.find((x) => [x.source, x.target].sort().join() === 'un-IQe.207,un-IQe.208');
    assert.ok(chancery);
    assert.match(chancery.evidence.normalized ?? '', /^53 64 chancery lane london/);
    // And IRe.003 AMIN INDUSTRIAL COMPLEX (line 46163) and IRe.034 KAVEH CUTTING TOOLS COMPANY (line 49777)
    // both have <STREET>P.O. Box 91735-549</STREET> in Mashad.
    const pobox = addr.find((x) => [x.source, x.target].sort().join() === 'un-IRe.003,un-IRe.034');
    assert.ok(pobox);
    assert.match(pobox.evidence.normalized ?? '', /p o box 91735 549 mashad/);
  });
  await t.test('more Linked To examples, verified by hand in ofac/2024-05-03/sdn.csv and un/2026-05-08/consolidated.xml', () => {
    // line 3743: 18552 "HWANG, Su Man" ... "Linked To: KOREA MINING DEVELOPMENT TRADING CORPORATION." -> line 938: 9345.
    // line 3851: 18848 "KIM, Kwang Hyok" ... "Linked To: KOREA MINING DEVELOPMENT TRADING CORPORATION." -> 9345.
    // line 2837: 15771 "O, Kuk-Ryol" ... "Linked To: NATIONAL DEFENSE COMMISSION." -> line 4002: 19490.
    for (const [from, to, name] of [['ofac-18552', 'ofac-9345', 'KOREA MINING DEVELOPMENT TRADING CORPORATION'], ['ofac-18848', 'ofac-9345', 'KOREA MINING DEVELOPMENT TRADING CORPORATION'], ['ofac-15771', 'ofac-19490', 'NATIONAL DEFENSE COMMISSION']]) {
      const e = g.edges.find((x) => x.source === from && x.type === 'linked_to' && x.evidence.value === name);
      assert.ok(e, `${from} -> ${name}`);
      assert.equal(e.target, to, `${from} -> ${name}`);
    }
    // UN: un/2026-05-08/consolidated.xml line 47725, KPe.007 GENERAL BUREAU OF ATOMIC ENERGY (GBAE), COMMENTS1 "...
    // Changed name as Ministry of Atomic Energy Industry (KPe.027) in 2013"; KPe.027 is line 51500, MINISTRY OF ATOMIC
    // ENERGY INDUSTRY. Both may be merged with OFAC records: compare the entities holding the two referents.
    const holder = (ref: string) => entities.find((x) => x.referents.includes(ref))?.id;
    const un = g.edges.find((x) => x.type === 'linked_to' && x.evidence.record === 'un-KPe.007' && x.target === holder('un-KPe.027'));
    assert.ok(un, 'un-KPe.007 -> un-KPe.027');
    assert.equal(un.source, holder('un-KPe.007'));
    // Everyone linked to KOMID: at least those two, all with KOMID's name as the stated value.
    const toKomid = g.edges.filter((x) => x.type === 'linked_to' && x.target === 'ofac-9345');
    assert.ok(toKomid.length >= 2);
    assert.ok(toKomid.every((x) => x.evidence.value === 'KOREA MINING DEVELOPMENT TRADING CORPORATION'));
  });

  await t.test('an imported company owned 51 % by KOMID (ofac-9345) is blocked: /match and /entities show sanction.linked and the path', async () => {
    const file = [
      '{"id":"reg-sub","schema":"Company","properties":{"name":["Sinuiju Riverside Trading Company"],"jurisdiction":["cn"]}}',
      '{"id":"reg-own","schema":"Ownership","properties":{"owner":["ofac-9345"],"asset":["reg-sub"],"percentage":["51"]}}',
      '{"id":"reg-ship","schema":"Vessel","properties":{"name":["Chong Chon Gang"],"imoNumber":["7937317"]}}',
    ].join('\n');
    const report = await importDataset(db, { name: 'registry_test', origin: 'test', lines: textLines(file) });
    assert.deepEqual(report.rejected, []);
    assert.deepEqual(report.blocked.map((b) => [b.id, b.aggregate, b.paths[0].nodes]), [['reg-sub', 51, ['ofac-9345', 'reg-sub']]]);
    const ship = report.matches.find((m) => m.id === 'reg-ship');
    assert.deepEqual([ship?.entity_id, ship?.rule, ship?.used], ['ofac-17069', 'unique_identifier', true]);
    const screening = new ScreeningService();
    await screening.reload(db);
    const api = apiOver({ db, screening, ready: true, startedAt: new Date() });
    const m = await api.post('/match/default', { queries: { q: { schema: 'Company', properties: { name: ['Sinuiju Riverside Trading'] } } } });
    const top = m.body.responses.q.results[0];
    assert.equal(top.id, 'reg-sub');
    assert.deepEqual(top.properties.topics, ['sanction.linked']);
    assert.match(top.properties.notes[0], /51 % by KOREA MINING DEVELOPMENT TRADING CORPORATION \(ofac-9345\)/);
    const e = await api.request('/entities/reg-sub');
    assert.equal(e.body.network.blockedByOwnership.paths[0].text, 'KOREA MINING DEVELOPMENT TRADING CORPORATION (ofac-9345) -[51 %]-> Sinuiju Riverside Trading Company (reg-sub)');
    // The lists are untouched: the merged entities are the same number as before the import.
    assert.equal((await allEntities(db)).length, entities.length);
  });
});
