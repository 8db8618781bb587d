import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freshPglite } from '../helpers/db.js';
import { apiOver, type TestApi } from '../api/fixtures.js';
import { ScreeningService } from '../../src/analyses/screening/service.js';
import { sharedDataDir } from '../../src/config/paths.js';
import { runFiles } from '../../src/analyses/maritime/pipeline.js';
import { validateEvent, type MaritimeEvent } from '../../src/analyses/maritime/events.js';
import { receiveUpload } from '../../src/surfaces/api/maritime/upload.js';
import { HttpError } from '../../src/surfaces/api/errors.js';
import { simFile } from './store-fixtures.js';

let api: TestApi;
let dir: string;
let sim: { path: string; bytes: Uint8Array<ArrayBuffer>; sha256: string; events: MaritimeEvent[] };

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'chokepoint-mapi-'));
  const f = simFile(dir);
  const events: MaritimeEvent[] = [];
  await runFiles({ files: [f.path], onEvent: (e) => events.push(e) });
  const bytes = readFileSync(f.path);
  sim = { path: f.path, bytes: new Uint8Array(bytes), sha256: createHash('sha256').update(bytes).digest('hex'), events };
  api = apiOver({ db: await freshPglite(), screening: new ScreeningService(), ready: true, startedAt: new Date() });
});
after(async () => {
  await api.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Polls the run as the web page does, until it is done or failed. */
async function waitRun(id: number, timeoutMs = 120_000): Promise<any> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const r = await api.request(`/ais/uploads/${id}`);
    assert.equal(r.status, 200, r.text);
    if (r.body.status === 'done' || r.body.status === 'failed') return r.body;
    if (Date.now() > deadline) throw new Error(`run ${id} still ${r.body.status}`);
    await new Promise((res) => setTimeout(res, 100));
  }
}

const pinned = ({ id: _id, run: _run, ...e }: any) => e;
const key = (e: { type: string; mmsi: number[]; start: string; end: string }) => `${e.start} ${e.type} ${e.mmsi.join(',')} ${e.end}`;

test('POST /ais/uploads: a raw NMEA body is queued (202), processed in the background and served as events, GeoJSON and vessels', async () => {
  assert.ok(sim.bytes.length > 1024 * 1024, `the simulated file (${sim.bytes.length} B) is over the 1 MB JSON body limit`);
  const up = await api.request('/ais/uploads?name=sim.nmea', { method: 'POST', headers: { 'content-type': 'application/octet-stream' }, body: sim.bytes });
  assert.equal(up.status, 202, up.text);
  assert.ok(['queued', 'running'].includes(up.body.status));
  assert.equal(up.body.sha256, sim.sha256);
  assert.equal(up.body.bytes, sim.bytes.length);
  assert.equal(up.body.file_name, 'sim.nmea');
  assert.equal(up.body.format, 'nmea');
  const run = await waitRun(up.body.id);
  assert.equal(run.status, 'done', run.error);
  assert.equal(run.counts.events, sim.events.length);
  assert.equal(run.params['gap.minHours'], 6);
  assert.ok(run.summary.stageMs);

  const doc = await api.request('/openapi.json');
  for (const path of ['/ais/uploads', '/ais/uploads/{id}', '/ais/events', '/ais/events.geojson', '/ais/vessels', '/ais/vessels/{mmsi}']) assert.ok(doc.body.paths[path], path);

  const ev = await api.request(`/ais/events?run=${run.id}&limit=10000`);
  assert.equal(ev.status, 200);
  assert.equal(ev.body.total, sim.events.length);
  for (const e of ev.body.events) {
    assert.equal(e.run, run.id);
    assert.deepEqual(validateEvent(pinned(e)), []);
  }
  assert.deepEqual(ev.body.events.map(pinned).sort((a: any, b: any) => key(a).localeCompare(key(b))), [...sim.events].sort((a, b) => key(a).localeCompare(key(b))));

  const gaps = await api.request(`/ais/events?type=gap&run=${run.id}`);
  assert.equal(gaps.body.total, sim.events.filter((e) => e.type === 'gap').length);
  assert.ok(gaps.body.total > 0 && gaps.body.events.every((e: any) => e.type === 'gap'));

  const geo = await api.request(`/ais/events.geojson?run=${run.id}`);
  assert.equal(geo.status, 200);
  assert.match(geo.type ?? '', /application\/geo\+json/);
  assert.equal(geo.body.type, 'FeatureCollection');
  assert.equal(geo.body.features.length, sim.events.length);
  const gapFeature = geo.body.features.find((f: any) => f.properties.type === 'gap');
  assert.equal(gapFeature.geometry.type, 'LineString');
  assert.equal(typeof gapFeature.properties.id, 'number');
  const point = geo.body.features.find((f: any) => f.properties.type === 'port_call' && f.geometry.type === 'Point');
  if (point) {
    const [lon, lat] = point.geometry.coordinates;
    const boxed = await api.request(`/ais/events.geojson?run=${run.id}&bbox=${lon - 0.001},${lat - 0.001},${lon + 0.001},${lat + 0.001}`);
    assert.ok(boxed.body.features.some((f: any) => f.properties.id === point.properties.id));
  }

  const risky = await api.request('/ais/vessels?risk=0.5');
  assert.equal(risky.status, 200);
  assert.ok(risky.body.total > 0);
  const scores = risky.body.vessels.map((v: any) => v.risk_score);
  assert.deepEqual(scores, [...scores].sort((a: number, b: number) => b - a));
  assert.ok(scores.every((x: number) => x >= 0.5));
  const top = risky.body.vessels[0];
  const one = await api.request(`/ais/vessels/${top.mmsi}`);
  assert.equal(one.status, 200);
  assert.equal(one.body.mmsi, top.mmsi);
  assert.equal(one.body.risk_score, top.risk_score);
  assert.ok(one.body.reasons.length > 0 && one.body.reasons.every((r: any) => r.evidence && r.kind));
  assert.ok(one.body.events.length > 0 && one.body.events.every((e: any) => e.mmsi.includes(top.mmsi)));
  assert.equal(one.body.events_total, sim.events.filter((e) => e.mmsi.includes(top.mmsi)).length);
  assert.ok(Array.isArray(one.body.identity.entries));
});

test('POST /ais/uploads: a multipart upload of the same file is the same file; runs add up', async () => {
  const form = new FormData();
  form.append('format', 'nmea');
  form.append('file', new Blob([sim.bytes]), 'sim-again.nmea');
  const up = await api.request('/ais/uploads', { method: 'POST', body: form });
  assert.equal(up.status, 202, up.text);
  assert.equal(up.body.sha256, sim.sha256);
  assert.equal(up.body.bytes, sim.bytes.length);
  assert.equal(up.body.file_name, 'sim-again.nmea');
  const run = await waitRun(up.body.id);
  assert.equal(run.status, 'done');
  assert.equal(run.counts.events, sim.events.length);
  const all = await api.request('/ais/events?limit=1');
  assert.ok(all.body.total >= 2 * sim.events.length);
  const mmsi = sim.events.find((e) => e.type === 'port_call')!.mmsi[0];
  const v = await api.request(`/ais/vessels/${mmsi}`);
  assert.equal(v.body.run, run.id);
  assert.ok(v.body.runs.length >= 2);
});

test('bad input gets a 4xx with a clear message, never a 5xx; a garbage file is a done run reporting skipped lines', async () => {
  const junk = new TextEncoder().encode(Array.from({ length: 500 }, (_, i) => `${i} \u0001 not AIS at all ,,,; !AIVDM,9,9,,Z,###,7*ZZ`).join('\n'));
  const up = await api.request('/ais/uploads?name=junk.txt', { method: 'POST', body: junk });
  assert.equal(up.status, 202, up.text);
  const run = await waitRun(up.body.id);
  assert.equal(run.status, 'done');
  assert.equal(run.counts.positions, 0);
  assert.equal(run.counts.events, 0);
  assert.ok(Object.values(run.skipped as Record<string, number>).reduce((a, b) => a + b, 0) >= 500, JSON.stringify(run.skipped));

  const cases: [string, RequestInit | undefined, number, RegExp][] = [
    ['/ais/uploads/999999', undefined, 404, /no AIS run 999999/],
    ['/ais/uploads/abc', undefined, 400, /run id must be a whole number/],
    ['/ais/events?bbox=1,2,3', undefined, 400, /bbox must be four numbers/],
    ['/ais/events?bbox=0,50,10,40', undefined, 400, /minLat 50 is above maxLat 40/],
    ['/ais/events.geojson?bbox=west', undefined, 400, /bbox must be four numbers/],
    ['/ais/events?type=teleport', undefined, 400, /unknown event type "teleport"/],
    ['/ais/events?mmsi=abc', undefined, 400, /mmsi must be a whole number/],
    ['/ais/events?from=last%20week', undefined, 400, /from must be an ISO 8601 date/],
    ['/ais/events?limit=100000', undefined, 400, /limit must be from 1 to 10000/],
    ['/ais/vessels/123456789', undefined, 404, /MMSI 123456789 is in no stored AIS run/],
    ['/ais/vessels/12x', undefined, 400, /mmsi must be a whole number/],
    ['/ais/vessels?risk=2', undefined, 400, /risk must be a score from 0 to 1/],
    ['/ais/uploads', { method: 'POST', body: '' }, 400, /empty upload/],
    ['/ais/uploads?format=xml', { method: 'POST', body: 'x' }, 400, /format/],
    ['/ais/uploads', { method: 'POST', headers: { 'content-type': 'multipart/form-data; boundary=XyZ' }, body: '--XyZ\r\ncontent-disposition: form-data; name="format"\r\n\r\nnmea\r\n--XyZ--\r\n' }, 400, /no file part/],
    ['/ais/uploads', { method: 'POST', headers: { 'content-type': 'multipart/form-data' }, body: 'x' }, 400, /boundary/],
  ];
  for (const [path, init, status, message] of cases) {
    const r = await api.request(path, init);
    assert.equal(r.status, status, `${path}: ${r.text}`);
    assert.match(r.body.message, message, path);
  }
  // Empty results are not errors.
  const none = await api.request('/ais/events?type=gap&bbox=-10,-10,-9,-9');
  assert.equal(none.status, 200);
  assert.equal(none.body.total, 0);
  const unknownRun = await api.request('/ais/events?run=424242');
  assert.deepEqual([unknownRun.status, unknownRun.body.total], [200, 0]);
});

test('uploads above the limit are cut off with a 413 while streaming (and by content-length up front)', async () => {
  const body = new Uint8Array(4096).fill(0x41);
  const streamed = new Request('http://x/ais/uploads', { method: 'POST', body: new ReadableStream({ start(c) { c.enqueue(body); c.close(); } }), duplex: 'half' } as RequestInit);
  await assert.rejects(receiveUpload(streamed, 1024), (e: Error) => e instanceof HttpError && e.status === 413 && /larger than/.test(e.message));
  const declared = new Request('http://x/ais/uploads', { method: 'POST', headers: { 'content-length': '4096' }, body });
  await assert.rejects(receiveUpload(declared, 1024), (e: Error) => e instanceof HttpError && e.status === 413);
  const fits = await receiveUpload(new Request('http://x/ais/uploads', { method: 'POST', body }), 8192);
  try {
    assert.equal(fits.bytes, 4096);
    assert.equal(statSync(fits.path).size, 4096);
  } finally {
    rmSync(fits.dir, { recursive: true, force: true });
  }
});

const AISDB_CSV = join(sharedDataDir(), 'ais', 'nmea-samples', 'test_data_20210701.csv');

test('a real staged AIS CSV (AISdb layout, 1.2 MB) uploads raw, is recognised as CSV by its header and is processed', { skip: !existsSync(AISDB_CSV) && 'shared data ais/nmea-samples not found' }, async () => {
  const bytes = new Uint8Array(readFileSync(AISDB_CSV));
  const up = await api.request('/ais/uploads', { method: 'POST', body: bytes });
  assert.equal(up.status, 202, up.text);
  assert.equal(up.body.format, 'csv');
  const run = await waitRun(up.body.id);
  assert.equal(run.status, 'done', run.error);
  const direct = await runFiles({ files: [AISDB_CSV] });
  assert.equal(run.counts.positions, direct.positions);
  assert.ok(direct.positions > 1000);
  assert.deepEqual(run.skipped, direct.skipped);
});
