import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixtureApi, type TestApi } from '../api/fixtures.js';
import { importDataset, ImportRefused } from '../../src/analyses/network/import.js';
import { importedRows, importedDatasets, networkBlocked } from '../../src/store/datasets.js';
import { textLines } from '../../src/sources/ftm/index.js';
import type { Db } from '../../src/store/db.js';

// The fixture lists (test/api/fixtures.ts): KOMID ofac-9345 (kp), RI Yong Gil ofac-33936 (kp, 1955), CHONG CHON GANG
// ofac-17069 (IMO 7937317). The registry file (test/fixtures/network/import/registry.ftm.jsonl) was written by hand:
// kp-komid-reg is KOMID by name and country; p-ri is RI Yong Gil; v-ccg is CHONG CHON GANG by IMO.
const dir = join(import.meta.dirname, '..', '..', '..', 'test', 'fixtures', 'network', 'import');
const file = (name: string) => readFileSync(join(dir, name), 'utf8');

async function upload(api: TestApi, name: string, body: string) {
  return api.request(`/datasets/${name}/import`, { method: 'POST', headers: { 'content-type': 'application/x-ndjson' }, body });
}

test('import, the 50 % rule and the network surfaces over the fixture lists', async (t) => {
  const api = await fixtureApi();
  try {
    const r = await upload(api, 'registry', file('registry.ftm.jsonl'));
    assert.equal(r.status, 200, r.text);

    await t.test('report: accepted, each rejection with line and reason, references', () => {
      const rep = r.body;
      assert.equal(rep.outcome, 'imported');
      assert.deepEqual(rep.accepted, { entities: 10, edges: 8, bySchema: { Company: 7, Person: 2, Vessel: 1, Ownership: 6, Directorship: 2 } });
      const by = Object.fromEntries(rep.rejected.map((x: { line: number; reason: string }) => [x.line, x.reason]));
      assert.match(by[19], /unknown schema 'Spaceship'/);
      assert.equal(by[20], 'missing id');
      assert.match(by[21], /percentage '150' is not a number between 0 and 100/);
      assert.match(by[22], /percentage '-10'/);
      assert.match(by[23], /dangling reference: asset 'nobody-here'/);
      assert.match(by[24], /id 'ofac-9345' is a listed entity's: an imported file may reference it, not redefine it/);
      assert.equal(rep.rejected.length, 6);
      assert.deepEqual(rep.references.map((x: { edge: string }) => x.edge), ['own-3', 'own-5']);
    });

    await t.test('matches to listed entities, each with its rule and reason', () => {
      const m = Object.fromEntries(r.body.matches.map((x: { id: string }) => [x.id, x]));
      assert.equal(m['kp-komid-reg'].entity_id, 'ofac-9345');
      assert.equal(m['kp-komid-reg'].rule, 'name_and_country');
      assert.equal(m['kp-komid-reg'].used, true);
      assert.equal(m['p-ri'].entity_id, 'ofac-33936');
      assert.equal(m['v-ccg'].rule, 'unique_identifier');
      assert.equal(m['v-ccg'].detail.value, '7937317');
      // A former name close to KOMID's, but Vietnam is not North Korea: reported for review, not used.
      assert.equal(m['vn-oceanic'].rule, 'possible');
      assert.equal(m['vn-oceanic'].used, false);
      assert.match(m['vn-oceanic'].detail.reason, /countries differ/);
    });

    await t.test('blocked by ownership: direct 50 %, 25 % + 25 %, a chain through a blocked subsidiary; a 20 % stake does not block', () => {
      const b = Object.fromEntries(r.body.blocked.map((x: { id: string }) => [x.id, x]));
      assert.deepEqual(Object.keys(b).sort(), ['cn-sunrise', 'hk-harbour', 'hk-pearl']);
      assert.deepEqual(b['cn-sunrise'].paths, [{ nodes: ['ofac-9345', 'cn-sunrise'], percentages: [50] }]);
      assert.equal(b['cn-sunrise'].contributions[0].statedOwner, 'kp-komid-reg');
      assert.equal(b['hk-pearl'].aggregate, 50);
      assert.deepEqual(b['hk-pearl'].contributions.map((c: { owner: string }) => c.owner).sort(), ['ofac-33936', 'ofac-9345']);
      assert.deepEqual(b['hk-harbour'].paths, [{ nodes: ['ofac-9345', 'cn-sunrise', 'hk-harbour'], percentages: [50, 60] }]);
      assert.equal(b['sg-minor'], undefined);
    });

    await t.test('/match: the blocked company carries sanction.linked and the explanation; not in the sanctions or dprk collections', async () => {
      const q = { queries: { q: { schema: 'Company', properties: { name: ['Dandong Sunrise Trading'] } } } };
      const m = await api.post('/match/default', q);
      const top = m.body.responses.q.results[0];
      assert.equal(top.id, 'cn-sunrise');
      assert.deepEqual(top.properties.topics, ['sanction.linked']);
      assert.deepEqual(top.datasets, ['registry']);
      assert.match(top.properties.notes[0], /OFAC 50 % rule.*50 % by KOREA MINING DEVELOPMENT TRADING CORPORATION \(ofac-9345, stated as kp-komid-reg\)/);
      assert.equal(top.target, false);
      for (const ds of ['sanctions', 'dprk']) {
        const x = await api.post(`/match/${ds}`, q);
        assert.ok(!x.body.responses.q.results.some((y: { id: string }) => y.id === 'cn-sunrise'), ds);
      }
      const own = await api.post('/match/registry', q);
      assert.equal(own.body.responses.q.results[0].id, 'cn-sunrise');
      // Listed entities are untouched by the import: KOMID still one sanctioned entity of its lists.
      const k = await api.post('/match/sanctions', { queries: { q: { schema: 'Company', properties: { name: ['Korea Mining Development Trading Corporation'] } } } });
      assert.equal(k.body.responses.q.results[0].id, 'ofac-9345');
      assert.ok(!k.body.responses.q.results.some((y: { datasets: string[] }) => y.datasets.includes('registry')));
    });

    await t.test('/entities/{id}: an imported entity, flagged, with the ownership paths', async () => {
      const e = await api.request('/entities/hk-harbour');
      assert.equal(e.status, 200);
      assert.deepEqual(e.body.properties.topics, ['sanction.linked']);
      assert.deepEqual(e.body.sanctions, []);
      assert.equal(e.body.network.imported.dataset, 'registry');
      assert.match(e.body.network.imported.note, /not an official list entry/);
      const b = e.body.network.blockedByOwnership;
      assert.equal(b.aggregate, 60);
      assert.equal(b.threshold, 0.5);
      assert.match(b.citation, /August 13, 2014/);
      assert.equal(b.paths[0].text, 'KOREA MINING DEVELOPMENT TRADING CORPORATION (ofac-9345) -[50 %]-> Dandong Sunrise Trading Co., Ltd (cn-sunrise) -[60 %]-> Harbour Star Shipping Limited (hk-harbour)');
      assert.ok(e.body.statements.every((s: { record: string; version: string }) => s.record === 'registry:hk-harbour' && s.version.startsWith('registry@')));
      const k = await api.request('/entities/ofac-9345');
      assert.equal(k.body.network.imported, undefined);
      assert.ok(k.body.network.matches.some((m: { id: string; used: boolean }) => m.id === 'kp-komid-reg' && m.used));
    });

    await t.test('/entities/{id}/adjacent: yente shape, grouped by reverse property', async () => {
      const a = await api.request('/entities/cn-sunrise/adjacent');
      assert.equal(a.status, 200);
      assert.equal(a.body.entity.id, 'cn-sunrise');
      const held = a.body.adjacent.ownershipAsset;
      assert.equal(held.total.value, 1);
      assert.equal(held.results[0].schema, 'Ownership');
      assert.equal(held.results[0].properties.owner[0].id, 'kp-komid-reg');
      assert.deepEqual(held.results[0].properties.asset, ['cn-sunrise']);
      assert.deepEqual(held.results[0].properties.percentage, ['50']);
      assert.equal(a.body.adjacent.ownershipOwner.results[0].properties.asset[0].id, 'hk-harbour');
      const k = await api.request('/entities/ofac-9345/adjacent?limit=1');
      assert.equal(k.body.adjacent.sanctions.results[0].schema, 'Sanction');
      assert.equal(k.body.adjacent.ownershipOwner.total.value, 2);
      assert.equal(k.body.adjacent.ownershipOwner.results.length, 1);
      const p = await api.request('/entities/ofac-9345/adjacent/ownershipOwner?offset=1');
      assert.equal(p.body.results.length, 1);
      assert.equal((await api.request('/entities/ofac-9345/adjacent/spouse')).status, 404);
      assert.equal((await api.request('/entities/nobody/adjacent')).status, 404);
    });

    await t.test('/network/{id}: nodes, edges with type, record, version and evidence; GEXF and FtM', async () => {
      const n = await api.request('/network/cn-sunrise?depth=2');
      assert.equal(n.status, 200);
      const ids = n.body.nodes.map((x: { id: string }) => x.id).sort();
      for (const id of ['cn-sunrise', 'kp-komid-reg', 'hk-harbour', 'ofac-9345', 'p-officer']) assert.ok(ids.includes(id), id);
      const own = n.body.edges.find((e: { id: string }) => e.id === 'own-1');
      assert.equal(own.type, 'ownership');
      assert.equal(own.percentage, 50);
      assert.equal(own.evidence.record, 'registry:own-1');
      assert.match(own.version, /^registry@\d{4}-/);
      const same = n.body.edges.find((e: { type: string }) => e.type === 'same_as');
      assert.deepEqual([same.source, same.target], ['kp-komid-reg', 'ofac-9345']);
      assert.match(same.evidence.value, /name_and_country/);
      const g = await api.request('/network/cn-sunrise?depth=2&format=gexf');
      assert.match(g.type ?? '', /gexf/);
      assert.match(g.text, /<gexf xmlns="http:\/\/gexf.net\/1.3" version="1.3">/);
      assert.match(g.text, /<edge id="e\d+" source="kp-komid-reg" target="cn-sunrise" label="ownership">/);
      const f = await api.request('/network/cn-sunrise?format=ftm');
      const lines = f.text.trim().split('\n').map((l) => JSON.parse(l));
      assert.ok(lines.some((x) => x.schema === 'Ownership' && x.properties.owner[0] === 'kp-komid-reg' && x.properties.percentage[0] === '50'));
      assert.equal((await api.request('/network/cn-sunrise?depth=9')).status, 400);
      assert.equal((await api.request('/network/cn-sunrise?depth=x')).status, 400);
      assert.equal((await api.request('/network/no-such-id')).status, 404);
    });

    await t.test('/network/front-companies: ranked with evidence', async () => {
      const f = await api.request('/network/front-companies');
      assert.equal(f.status, 200);
      assert.deepEqual(f.body.candidates.map((c: { id: string; score: number }) => [c.id, c.score]), [['vn-oceanic', 0.8], ['sg-minor', 0.61], ['cn-bridge', 0.44]]);
      assert.deepEqual(f.body.blockedByOwnership, ['cn-sunrise', 'hk-harbour', 'hk-pearl']);
      const bridge = f.body.candidates[2];
      assert.deepEqual(bridge.ties.map((x: { kind: string }) => x.kind), ['shared_phone', 'shared_address']);
      assert.equal(bridge.ties[0].via.id, 'kp-komid-reg');
      assert.equal(bridge.ties[0].designated.id, 'ofac-9345');
    });

    await t.test('bad uploads: a wrong name is 400; nothing accepted is 422 and the previous import stays whole', async () => {
      assert.equal((await upload(api, 'us_ofac_sdn', file('registry-v2.ftm.jsonl'))).status, 400);
      assert.equal((await upload(api, 'sanctions', file('registry-v2.ftm.jsonl'))).status, 400);
      assert.equal((await upload(api, 'Bad Name', file('registry-v2.ftm.jsonl'))).status, 400);
      assert.equal((await upload(api, 'registry', '')).status, 400);
      const before = await importedRows(api.db, ['registry']);
      const bad = await upload(api, 'registry', file('nothing-valid.ftm.jsonl'));
      assert.equal(bad.status, 422);
      assert.match(bad.body.message, /nothing accepted: 3 line\(s\) rejected; the previous import of "registry" \(18 rows\) stays/);
      assert.deepEqual(await importedRows(api.db, ['registry']), before);
      assert.equal((await networkBlocked(api.db)).length, 3);
    });

    await t.test('importing again replaces the dataset whole; another dataset may not reuse its ids', async () => {
      const other = await importDataset(api.db, { name: 'leak', origin: 'test', lines: textLines('{"id":"cn-sunrise","schema":"Company","properties":{"name":["X"]}}\n{"id":"leak-1","schema":"Company","properties":{"name":["Leak One"]}}') });
      assert.equal(other.rejected[0].reason, "id 'cn-sunrise' is already used by imported dataset 'registry'");
      const r2 = await upload(api, 'registry', file('registry-v2.ftm.jsonl'));
      assert.equal(r2.status, 200);
      assert.equal(r2.body.replaced, true);
      assert.deepEqual((await importedRows(api.db, ['registry'])).map((x) => x.id), ['cn-sunrise', 'kp-komid-reg', 'own-1']);
      // 49 % no longer blocks: the result follows the data, and screening follows the result.
      assert.deepEqual(r2.body.blocked, []);
      assert.deepEqual((await networkBlocked(api.db)).length, 0);
      const e = await api.request('/entities/cn-sunrise');
      assert.deepEqual(e.body.properties.topics, []);
      assert.equal((await api.request('/entities/hk-harbour')).status, 404);
      assert.deepEqual((await importedDatasets(api.db)).map((d) => d.name), ['leak', 'registry']);
      const d = await api.request('/datasets/leak', { method: 'DELETE' });
      assert.equal(d.status, 200);
      assert.equal((await api.request('/datasets/leak', { method: 'DELETE' })).status, 404);
    });

    await t.test('a store failure in the middle of a replace leaves the previous import whole (one transaction)', async () => {
      const before = await importedRows(api.db, ['registry']);
      const failing: Db = {
        ...api.db, kind: api.db.kind,
        query: (q, p) => api.db.query(q, p), exec: (q) => api.db.exec(q), close: () => api.db.close(),
        transaction: (fn) => api.db.transaction((tx) => fn({
          ...tx, kind: tx.kind, exec: (q) => tx.exec(q), close: () => tx.close(), transaction: (f) => f(tx),
          query: (q, p) => (/INSERT INTO imported_entities/.test(q) ? Promise.reject(new Error('disk full')) : tx.query(q, p)),
        } as Db)),
      };
      await assert.rejects(importDataset(failing, { name: 'registry', origin: 'test', lines: textLines(file('registry.ftm.jsonl')) }), /disk full/);
      assert.deepEqual(await importedRows(api.db, ['registry']), before);
    });

    await t.test('refused imports throw ImportRefused with the report', async () => {
      await assert.rejects(importDataset(api.db, { name: 'dprk', origin: 'test', lines: [] }), (err) => err instanceof ImportRefused && /collection/.test(err.message));
    });
  } finally {
    await api.close();
  }
});
