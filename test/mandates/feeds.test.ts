/**
 * The maritime feed from stored AIS runs (maritime_events, migration 002) — the same items as from a JSON Lines file,
 * linked to the stored event — and flag changes of DPRK-linked vessels counted per registry.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { freshPglite } from '../helpers/db.js';
import { fakeMirror, fakeSource } from '../helpers/fake-source.js';
import { discoverPublications } from '../../src/ingest/publication.js';
import { importPublication } from '../../src/ingest/update.js';
import { rebuildEntities } from '../../src/ingest/rebuild.js';
import { createRun, finishRun, startRun, type EventRecord } from '../../src/store/maritime.js';
import { feedMaritimeStore } from '../../src/analyses/mandates/feeds.js';
import { portsView } from '../../src/analyses/mandates/ports.js';
import { listEvidence } from '../../src/store/evidence.js';
import { addAnalystEvidence } from '../../src/analyses/mandates/evidence.js';
import { evaluate } from '../../src/analyses/mandates/evaluate.js';
import { packageRoot } from '../../src/config/paths.js';
import type { SourceRecord } from '../../src/model/types.js';

const FIX = join(packageRoot(), 'test', 'fixtures', 'mandates');

test('feeds from stored AIS runs; flag changes per registry; analyst items on AIS-only vessels', async () => {
  const db = await freshPglite();
  try {
    const mirror = fakeMirror({ '2025-01-01': JSON.parse(readFileSync(join(FIX, 'list-v1.json'), 'utf8')) as SourceRecord[] });
    await importPublication(db, discoverPublications(mirror, fakeSource)[0]);
    await rebuildEntities(db);
    const events = readFileSync(join(FIX, 'events.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as EventRecord);
    // YU JONG 2 moves from a DPRK MMSI to a Sierra Leone one (MID 667): a flag change out of KP into SL.
    events.push({ type: 'identity_change', mmsi: [445112000, 667001111], imo: [8604917], start: '2025-06-01T00:00:00Z', end: '2025-06-01T00:00:00Z',
      lat: 38.1, lon: 124.2, region: 'Korea Bay and West Sea approaches to Nampo', confidence: 0.8, evidence: { field: 'mmsi' }, params: {} });
    const run = await createRun(db, { files: [{ name: 'fixture.csv', format: 'csv', bytes: 1, sha256: 'a'.repeat(64) }], origin: 'cli', params: {} });
    assert.ok(await startRun(db, run));
    await finishRun(db, run, {
      counts: {}, skipped: {}, summary: {}, events,
      vessels: [{ mmsi: 352001234, flag: 'pa', names: ['PACIFIC STAR'], imos: [9123453], identity: {}, links: [], riskScore: 0.5, reasons: [], lookback: {}, events: { encounter: 1 } }],
    });

    const r = await feedMaritimeStore(db);
    assert.equal(r.considered, 4);
    assert.equal(r.added, 3);
    assert.equal((await feedMaritimeStore(db)).added, 0);
    const sts = (await listEvidence(db, { kind: ['sts_transfer'] }))[0];
    assert.equal(sts.link.run, run);
    assert.equal(typeof sts.link.maritime_event, 'number');
    assert.match(sts.citation, new RegExp(`^AIS run ${run}, event \\d+ \\(encounter, 2025-05-04T02:10:00Z`));

    const pv = await portsView(db, '2025-06-30');
    const sl = pv.registries.find((x) => x.flag === 'sl')!;
    const kp = pv.registries.find((x) => x.flag === 'kp')!;
    assert.deepEqual([sl.flag_hops_in, kp.flag_hops_out], [1, 1]);
    const pa = pv.registries.find((x) => x.flag === 'pa')!;
    assert.deepEqual(pa.vessels_with_dprk_contact, ['imo-9123453'], 'the AIS-only vessel gets its flag from its MMSI');

    // A vessel only AIS has seen is a known subject for an analyst entry (by IMO and by MMSI); its MMSI folds into
    // the IMO its AIS static data broadcasts, so the analyst's item and the AIS item are about one vessel.
    const item = await addAnalystEvidence(db, { kind: 'sts_transfer', subject: 'MMSI 352001234', counterparty: 'IMO 8604917', date: '2025-04-02', citation: 'UN Panel of Experts S/2025/xxx, annex 12 (imagery)', confidence: 0.9, detail: { cargo: 'refined petroleum' } });
    assert.equal(item.subject, 'mmsi-352001234');
    assert.equal(item.counterparty, 'imo-8604917');
    const ev = await evaluate(db, { asOf: '2025-06-30' });
    const gaps = ev.gaps.filter((x) => x.subject === 'imo-9123453');
    assert.deepEqual(gaps.map((x) => x.provision).sort(), ['22-9214-a-12', '22-9214-g-1-A-i-II']);
    const a12 = gaps.find((x) => x.provision === '22-9214-a-12')!;
    assert.deepEqual(a12.chains.map((c) => c.evidence.origin).sort(), ['analyst', 'maritime']);
    assert.equal(a12.strength, 0.72); // the analyst's 0.9 x 0.8
    const subject = ev.entities.find((e) => e.subject.key === 'imo-9123453')!.subject;
    assert.match(subject.basis.join(' '), /MMSI 352001234 broadcasts IMO 9123453/);
  } finally {
    await db.close();
  }
});
