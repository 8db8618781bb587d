import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { sharedDataDir } from '../../src/config/paths.js';
import { update } from '../../src/ingest/update.js';
import { ScreeningService } from '../../src/analyses/screening/service.js';
import { freshPglite } from '../helpers/db.js';
import { apiOver } from './fixtures.js';

const mirror = join(sharedDataDir(), 'lists');

test('the API over the real staged OFAC and UN lists', { skip: existsSync(mirror) ? false : `no staged lists at ${mirror}` }, async (t) => {
  const db = await freshPglite();
  try {
    await update(db, { mirror, sources: ['ofac', 'un'] });
    const screening = new ScreeningService();
    await screening.reload(db);
    const api = apiOver({ db, screening, ready: true, startedAt: new Date() });

    await t.test('/match/default: Lee Young-kil is RI, Yong Gil (ofac-33936)', async () => {
      const r = await api.post('/match/default', { queries: { q: { schema: 'Person', properties: { name: ['Lee Young-kil'] } } } });
      assert.equal(r.status, 200);
      const top = r.body.responses.q.results[0];
      assert.ok(top.referents.includes('ofac-33936'), JSON.stringify(top.referents));
      assert.equal(top.caption, 'RI, Yong Gil');
      assert.equal(top.match, true);
      assert.ok(top.datasets.includes('us_ofac_sdn'));
      assert.ok(r.body.versions.includes('ofac@2024-05-03') && r.body.versions.includes('un@2026-05-08'));
    });

    await t.test('/match/dprk: IMO 7937317 is CHONG CHON GANG (ofac-17069)', async () => {
      const r = await api.post('/match/dprk', { queries: { v: { schema: 'Vessel', properties: { imoNumber: ['7937317'] } } } });
      const top = r.body.responses.v.results[0];
      assert.ok(top.referents.includes('ofac-17069'), JSON.stringify(top.referents));
      assert.equal(top.caption, 'CHONG CHON GANG');
      assert.ok(top.score >= 0.99);
      assert.deepEqual(top.properties.imoNumber, ['7937317']);
    });

    await t.test('/entities/un-KPe.001: the UN referent resolves to its merged entity', async () => {
      const r = await api.request('/entities/un-KPe.001');
      assert.equal(r.status, 200);
      assert.ok(r.body.referents.includes('un-KPe.001'));
      assert.ok(r.body.datasets.includes('un_sc_sanctions'));
      assert.ok(r.body.statements.some((s: { record: string }) => s.record === 'un-KPe.001'));
      assert.ok(r.body.dprk.length > 0);
    });

    await t.test('/catalog lists the served versions', async () => {
      const r = await api.request('/catalog');
      const by = Object.fromEntries(r.body.datasets.map((d: { name: string }) => [d.name, d]));
      assert.equal(by.us_ofac_sdn.version, '2024-05-03');
      assert.equal(by.un_sc_sanctions.version, '2026-05-08');
      assert.equal(by.un_sc_sanctions.record_count, 1009);
      assert.equal(r.body.index_stale, false);
    });
  } finally {
    await db.close();
  }
});
