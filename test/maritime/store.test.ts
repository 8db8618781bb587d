import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { backends, freshPglite } from '../helpers/db.js';
import { sharedDataDir } from '../../src/config/paths.js';
import { executeRun, queueRun } from '../../src/analyses/maritime/stored-run.js';
import { validateEvent, type MaritimeEvent } from '../../src/analyses/maritime/events.js';
import { parseEventFilter, FilterError } from '../../src/analyses/maritime/filters.js';
import { createRun, findEvents, finishRun, getRun, listVessels, startRun, vesselSummaries, type StoredEvent } from '../../src/store/maritime.js';
import { simFile, storeDesignatedVessel } from './store-fixtures.js';

const pinned = ({ id: _id, run: _run, ...e }: StoredEvent) => e;
const sortKey = (e: { type: string; mmsi: number[]; start: string; end: string }) => `${e.start} ${e.type} ${e.mmsi.join(',')} ${e.end}`;
const byKey = <T extends { type: string; mmsi: number[]; start: string; end: string }>(xs: T[]) => [...xs].sort((a, b) => sortKey(a).localeCompare(sortKey(b)));

for (const backend of backends()) {
  test(`${backend.name}: a stored run keeps the pinned events, vessel summaries, linkage and the 180-day look-back; runs add up`, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'chokepoint-mstore-'));
    const { db, done } = await backend.open();
    try {
      const sim = simFile(dir);
      // Run 1: nothing designated in the store yet.
      const emitted: MaritimeEvent[] = [];
      const id1 = await queueRun(db, { files: [{ path: sim.path }] }, 'test');
      assert.equal((await getRun(db, id1))!.status, 'queued');
      const out1 = await executeRun(db, id1, { files: [{ path: sim.path }], onEvent: (e) => emitted.push(e) });
      assert.ok(out1.ok, out1.ok ? '' : out1.error.message);
      const run1 = out1.run!;
      assert.equal(run1.status, 'done');
      assert.equal(run1.format, 'nmea');
      assert.equal(run1.fileName, 'sim.nmea');
      assert.match(run1.sha256, /^[0-9a-f]{64}$/);
      assert.equal(run1.counts.positions, sim.positions);
      assert.equal(run1.counts.events, emitted.length);
      assert.ok(emitted.length > 10);
      assert.equal(run1.params['linkage.lookbackDays'], 180);
      assert.ok(run1.startedAt && run1.finishedAt && run1.finishedAt >= run1.startedAt);

      // What the store gives back is exactly what the pipeline emitted (the pinned records).
      const all = await findEvents(db, { run: id1, limit: 10_000 });
      assert.equal(all.total, emitted.length);
      for (const e of all.events) assert.deepEqual(validateEvent(pinned(e)), []);
      assert.deepEqual(byKey(all.events.map(pinned)), byKey(emitted));

      // A vessel that called at a DPRK port and broadcasts an IMO number: designate it, run again.
      const summaries1 = (await listVessels(db, { run: id1, limit: 1000 })).vessels;
      const caller = summaries1.find((v) => v.events.port_call && v.imos.length)!;
      assert.ok(caller, 'a DPRK port caller with an IMO number');
      await storeDesignatedVessel(db, { id: 'ofac-99001', name: 'TEST CALLER', imo: caller.imos[0] });
      const id2 = await queueRun(db, { files: [{ path: sim.path }] }, 'test');
      const out2 = await executeRun(db, id2, { files: [{ path: sim.path }] });
      assert.ok(out2.ok);
      assert.equal(out2.run!.counts.events, emitted.length);
      assert.equal(out2.run!.counts.links, 1);

      const [latest, earlier] = await vesselSummaries(db, caller.mmsi);
      assert.equal(latest.run, id2);
      assert.equal(earlier.run, id1);
      assert.deepEqual(earlier.links, []);
      assert.deepEqual((latest.links as { designatedId: string; by: string }[]).map((l) => [l.designatedId, l.by]), [['ofac-99001', 'imo']]);
      const kinds = (latest.reasons as { kind: string }[]).map((r) => r.kind);
      assert.ok(kinds.includes('designated') && kinds.includes('port_call') && kinds.includes('lookback_dprk_port_call'), kinds.join());
      assert.ok(latest.riskScore >= earlier.riskScore && latest.reasons.length === earlier.reasons.length + 1, `${latest.riskScore} ${earlier.riskScore}`);
      // The look-back carries the staged law, quoted: 70022's only 180-day language.
      const lb = latest.lookback as { days: number; asOf: string; hits: { reason: string }[]; citation: { stagedText: { quote: string }[]; finding: string } };
      assert.equal(lb.days, 180);
      assert.ok(lb.hits.some((h) => h.reason === 'dprk_port_call'));
      assert.match(lb.citation.stagedText[0].quote, /\(2\) more than 180 days after the publication of such list, is knowingly registered/);
      assert.match(lb.citation.finding, /Executive Order 13810/);
      assert.ok(caller.flag === null || typeof caller.flag === 'string');

      // The list of vessels: newest summary per MMSI, highest risk first; the filter on the score holds.
      const risky = await listVessels(db, { minScore: 0.9 });
      assert.ok(risky.vessels.some((v) => v.mmsi === caller.mmsi && v.run === id2));
      for (let i = 1; i < risky.vessels.length; i++) assert.ok(risky.vessels[i - 1].riskScore >= risky.vessels[i].riskScore);
      assert.ok(risky.vessels.every((v) => v.riskScore >= 0.9));
      assert.equal(risky.total, risky.vessels.length);

      // Run 1 is untouched by run 2; both runs together hold twice the events.
      assert.equal((await findEvents(db, { run: id1 })).total, emitted.length);
      assert.equal((await findEvents(db, {})).total, 2 * emitted.length);

      // Filters: type, MMSI (either side of an encounter), bounding box, time window.
      const calls = await findEvents(db, parseEventFilter({ type: 'port_call', run: String(id1) }));
      assert.equal(calls.total, emitted.filter((e) => e.type === 'port_call').length);
      assert.ok(calls.events.every((e) => e.type === 'port_call'));
      const encounter = emitted.find((e) => e.type === 'encounter')!;
      const other = encounter.mmsi[1];
      const ofOther = await findEvents(db, parseEventFilter({ mmsi: String(other), run: String(id1) }));
      assert.equal(ofOther.total, emitted.filter((e) => e.mmsi.includes(other)).length);
      assert.ok(ofOther.events.some((e) => e.type === 'encounter'));
      const c = calls.events[0];
      const box = await findEvents(db, parseEventFilter({ bbox: `${c.lon - 0.01},${c.lat - 0.01},${c.lon + 0.01},${c.lat + 0.01}`, run: String(id1) }));
      assert.ok(box.events.some((e) => e.id === c.id));
      assert.ok(box.events.every((e) => Math.abs(e.lat - c.lat) <= 0.01 && Math.abs(e.lon - c.lon) <= 0.01));
      const window = await findEvents(db, parseEventFilter({ from: c.start, to: c.start, run: String(id1), limit: '10000' }));
      const expect = emitted.filter((e) => Date.parse(e.end) >= Date.parse(c.start) && Date.parse(e.start) <= Date.parse(c.start));
      assert.equal(window.total, expect.length);
    } finally {
      await done();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test(`${backend.name}: a failed run leaves no rows and does not touch earlier runs; garbage input is a done run with skipped lines`, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'chokepoint-mstore-'));
    const { db, done } = await backend.open();
    try {
      const sim = simFile(dir);
      const ok = await executeRun(db, await queueRun(db, { files: [{ path: sim.path }] }, 'test'), { files: [{ path: sim.path }] });
      assert.ok(ok.ok);
      const before = (await findEvents(db, {})).total;
      assert.ok(before > 0);

      // The file disappears between upload and processing: failed, with the reason.
      const gone = join(dir, 'gone.nmea');
      copyFileSync(sim.path, gone);
      const id = await queueRun(db, { files: [{ path: gone }] }, 'test');
      rmSync(gone);
      const failed = await executeRun(db, id, { files: [{ path: gone }] });
      assert.equal(failed.ok, false);
      assert.equal(failed.run!.status, 'failed');
      assert.match(failed.run!.error!, /ENOENT|no such file/);
      assert.equal((await findEvents(db, { run: id })).total, 0);
      assert.equal((await findEvents(db, {})).total, before);
      // A run cannot be executed twice.
      assert.equal((await executeRun(db, id, { files: [{ path: sim.path }] })).ok, false);

      // A write that fails half-way (a bad record after good ones) rolls back whole.
      const id3 = await createRun(db, { files: [{ name: 'x.nmea', format: 'nmea', bytes: 1, sha256: 'a'.repeat(64) }], origin: 'test', params: {} });
      assert.ok(await startRun(db, id3));
      const good = (await findEvents(db, { limit: 5 })).events.map(pinned);
      const bad = { ...good[0], lat: null as unknown as number };
      await assert.rejects(finishRun(db, id3, { counts: {}, skipped: {}, summary: {}, events: [...good, bad], vessels: [] }));
      assert.equal((await findEvents(db, { run: id3 })).total, 0);
      assert.equal((await getRun(db, id3))!.status, 'running');
      assert.equal((await findEvents(db, {})).total, before);

      // Garbage: completes, reports what it skipped, finds nothing.
      const junk = join(dir, 'junk.bin');
      writeFileSync(junk, Array.from({ length: 200 }, (_, i) => `garbage line ${i} !AIVDM,1,1,,A,zzzz,0*00 \u0000\u00ff`).join('\n'));
      const g = await executeRun(db, await queueRun(db, { files: [{ path: junk }] }, 'test'), { files: [{ path: junk }] });
      assert.ok(g.ok);
      assert.equal(g.run!.status, 'done');
      assert.equal(g.run!.counts.positions, 0);
      assert.equal(g.run!.counts.events, 0);
      const skipped = Object.values(g.run!.skipped).reduce((a, b) => a + b, 0);
      assert.ok(skipped >= 200, JSON.stringify(g.run!.skipped));
    } finally {
      await done();
      rmSync(dir, { recursive: true, force: true });
    }
  });
}

const SAMPLES = join(sharedDataDir(), 'ais', 'nmea-samples');
const FLEET = join(sharedDataDir(), 'ais', 'gfw-fleet150-identity');

test('real staged AIS: a DMA NMEA sample and the GFW fleet150 CSV are stored whole', { skip: (!existsSync(SAMPLES) || !existsSync(FLEET)) && 'shared data ais/ not found' }, async () => {
  const db = await freshPglite();
  try {
    const nm4 = join(SAMPLES, 'test_data_20211101.nm4');
    const r = await executeRun(db, await queueRun(db, { files: [{ path: nm4 }] }, 'test'), { files: [{ path: nm4 }] });
    assert.ok(r.ok, r.ok ? '' : r.error.message);
    assert.equal(r.run!.format, 'nmea');
    assert.ok((r.run!.counts.positions as number) > 400);
    assert.equal(r.run!.counts.positions, r.summary!.positions);
    assert.deepEqual(r.run!.skipped, r.summary!.skipped);
    assert.ok((await listVessels(db, { run: r.run!.id, limit: 10_000 })).total > 10);

    const csv = join(FLEET, 'non_gear_outside_CHN.csv');
    const emitted: MaritimeEvent[] = [];
    const f = await executeRun(db, await queueRun(db, { files: [{ path: csv }] }, 'test'), { files: [{ path: csv }], onEvent: (e) => emitted.push(e) });
    assert.ok(f.ok);
    assert.equal(f.run!.format, 'csv');
    const changes = await findEvents(db, { run: f.run!.id, types: ['identity_change'], limit: 10_000 });
    assert.equal(changes.total, emitted.filter((e) => e.type === 'identity_change').length);
    assert.ok(changes.total >= 25);
    // A vessel with a name change has both names in its stored identity timeline.
    const ch = changes.events.find((e) => (e.evidence.changes as { field: string }[] | undefined)?.some((x) => x.field === 'name'))!;
    const [v] = await vesselSummaries(db, ch.mmsi[0]);
    const { from, to } = (ch.evidence.changes as { field: string; from: string; to: string }[]).find((x) => x.field === 'name')!;
    const names = (v.identity.entries as { field: string; value: string }[]).filter((x) => x.field === 'name').map((x) => x.value);
    assert.ok(names.includes(from) && names.includes(to), `${from} → ${to} in ${names.join(', ')}`);
    assert.equal(v.events.identity_change, changes.events.filter((e) => e.mmsi.includes(ch.mmsi[0])).length);
  } finally {
    await db.close();
  }
});

test('event filters: bad input is refused with a clear message', () => {
  const bad: [Record<string, string>, RegExp][] = [
    [{ bbox: '1,2,3' }, /bbox must be four numbers/],
    [{ bbox: 'a,b,c,d' }, /bbox must be four numbers/],
    [{ bbox: '0,10,5,5' }, /minLat 10 is above maxLat 5/],
    [{ bbox: '0,0,200,5' }, /longitudes/],
    [{ type: 'teleport' }, /unknown event type "teleport"/],
    [{ mmsi: '12a' }, /mmsi must be a whole number/],
    [{ from: 'yesterday' }, /from must be an ISO 8601 date/],
    [{ from: '2024-03-02', to: '2024-03-01' }, /from is after to/],
    [{ limit: '0' }, /limit must be from 1 to 10000/],
  ];
  for (const [raw, message] of bad) assert.throws(() => parseEventFilter(raw), (e: Error) => e instanceof FilterError && message.test(e.message), JSON.stringify(raw));
  const f = parseEventFilter({ type: 'gap,encounter', bbox: '170,-10,-170,10', to: '2024-03-01' });
  assert.deepEqual(f.types, ['gap', 'encounter']);
  assert.deepEqual(f.bbox, [170, -10, -170, 10]);
  assert.equal(f.toMs, Date.UTC(2024, 2, 2) - 1);
});
