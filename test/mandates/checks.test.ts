/**
 * Guards against the worst error an oversight report can make — calling a designated target a gap — and the
 * reading of the lists' narratives as evidence.
 *
 * The OFAC fixture is three rows copied from the staged SDN list of 2024-05-03 (KOREA TANGUN TRADING CORPORATION,
 * SHANGHAI DONGFENG SHPG CO LTD and its vessel DONG FENG 6).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { freshPglite } from '../helpers/db.js';
import { discoverPublications } from '../../src/ingest/publication.js';
import { importPublication } from '../../src/ingest/update.js';
import { rebuildEntities } from '../../src/ingest/rebuild.js';
import { ofacSdn } from '../../src/sources/ofac/index.js';
import { importDataset } from '../../src/analyses/network/import.js';
import { addAnalystEvidence } from '../../src/analyses/mandates/evidence.js';
import { evaluate } from '../../src/analyses/mandates/evaluate.js';
import { aboutSubject, matchRemarks } from '../../src/analyses/mandates/remark-rules.js';
import { packageRoot } from '../../src/config/paths.js';

const FIX = join(packageRoot(), 'test', 'fixtures', 'mandates');

test('narratives: conduct sentences about the listed party only', () => {
  // Sentences as the UN list states them (un@2026-05-08).
  const kumryong = 'Used as an alias by the Korea Mining Development Trading Corporation (KOMID) to carry out procurement activities. KOMID was designated by the Committee in April 2009 and is the DPRK’s primary arms dealer and main exporter of goods and equipment related to ballistic missiles and conventional weapons.';
  assert.deepEqual(matchRemarks(kumryong, 'KOREA KUMRYONG TRADING CORPORATION'), [], 'the sentence about KOMID is not Kumryong\'s conduct');
  assert.equal(aboutSubject('Korea Tangun Trading Corporation is subordinate to DPRK’s Second Academy of Natural Sciences.', 'KOREAN TANGUN TRADING CORPORATION'), true);
  const dongfeng = matchRemarks('Registered owner, ship and commercial manager of the DONG FENG 6, a vessel that loaded coal at Hamhung, DPRK, on 11 July 2017 for export in violation of resolution 2371.', 'SHANGHAI DONGFENG SHIPPING CO LTD');
  assert.deepEqual(dongfeng.map((m) => m.rule.kind), ['sectoral_trade']);
  assert.deepEqual(matchRemarks('It engaged in ship-to-ship transfers of refined petroleum products with DPRK-flagged tankers.', 'X SHIPPING').map((m) => m.rule.kind), ['petroleum_above_cap']);
  assert.deepEqual(matchRemarks('The company was founded in 2001 in Dalian.', 'X SHIPPING'), []);
});

test('a subject OFAC lists under another spelling is held back for a check by hand, never counted as a gap', async () => {
  const db = await freshPglite();
  try {
    const [pub] = discoverPublications(join(FIX, 'ofac-mirror'), ofacSdn);
    assert.equal((await importPublication(db, pub)).outcome, 'imported');
    await rebuildEntities(db);
    const lines = [
      { id: 'reg-dongfeng', schema: 'Company', properties: { name: ['Shanghai Dongfeng Shipping Co Ltd'], country: ['cn'] } },
      { id: 'reg-tangun', schema: 'Company', properties: { name: ['Korean Tangun Trading Corporation'] } },
      { id: 'reg-newco', schema: 'Company', properties: { name: ['Bright Harbour Logistics Ltd'] } },
    ].map((x) => JSON.stringify(x));
    assert.equal((await importDataset(db, { name: 'registry', origin: 'test', lines })).outcome, 'imported');
    const cite = 'UN Panel of Experts S/2018/171, para. 35 (coal loaded at Hamhung)';
    for (const subject of ['reg-dongfeng', 'reg-tangun', 'reg-newco']) await addAnalystEvidence(db, { kind: 'sectoral_trade', subject, date: '2017-07-11', citation: cite, confidence: 0.7 });
    const ev = await evaluate(db, { asOf: '2018-06-30' });
    assert.deepEqual(ev.gaps.map((g) => g.subject), ['reg-newco']);
    const check = new Map(ev.to_check.map((g) => [g.subject, g.possible_us_listings.map((p) => p.record)]));
    assert.deepEqual(check.get('reg-dongfeng'), ['ofac-23779']);
    assert.deepEqual(check.get('reg-tangun'), ['ofac-11599']);
    assert.equal(ev.summary.to_check, 2);
    const row = ev.provisions.find((p) => p.id === '22-9214-g-1-A-i-I')!;
    assert.deepEqual([row.triggered, row.gaps, row.to_check], [3, 1, 2]);
  } finally {
    await db.close();
  }
});
