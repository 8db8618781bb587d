import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sharedDataDir } from '../../src/config/paths.js';
import { linkVessels, lookback, type NameMatcher } from '../../src/analyses/maritime/linkage.js';
import { riskSummary } from '../../src/analyses/maritime/risk.js';
import type { MaritimeEvent } from '../../src/analyses/maritime/events.js';
import {
  builtinRegions, loadRegions, paramsAt, regionName, BUILTIN_DPRK_PORTS, BUILTIN_HOTSPOTS, nearestPort,
} from '../../src/analyses/maritime/regions.js';
import { defaultParams } from '../../src/analyses/maritime/params.js';

const DAY = 86_400_000;
const T = Date.UTC(2024, 5, 1);

function ev(type: MaritimeEvent['type'], mmsi: number[], start: number, hours: number, evidence: Record<string, unknown> = {}, confidence = 0.9): MaritimeEvent {
  return {
    type, mmsi, imo: [], start: new Date(start).toISOString(), end: new Date(start + hours * 3_600_000).toISOString(), lat: 38.7, lon: 125.3,
    region: 'DPRK waters', confidence, evidence, params: {},
  };
}

test('linkage: IMO first, then MMSI, then names through the pluggable matcher', async () => {
  const designated = [
    { id: 'ofac-1', names: ['KUM UN SAN 3'], imo: 8705539 },
    { id: 'un-KPe.9', names: ['YU JONG 2'], mmsi: [445112000] },
    { id: 'ofac-2', names: ['NEW REGENT'] },
  ];
  const vessels = [
    { mmsi: 667000001, imos: [8705539], names: ['OCEAN GRACE'] }, // by IMO despite another name
    { mmsi: 445112000, imos: [], names: ['SOMETHING ELSE'] }, // by MMSI
    { mmsi: 351000001, imos: [], names: ['New-Regent'] }, // by name (default matcher: identity keys)
    { mmsi: 351000002, imos: [], names: ['NEW REGENCY'] }, // no default match…
  ];
  const links = await linkVessels(vessels, designated);
  assert.deepEqual(links.map((l) => [l.mmsi, l.designatedId, l.by]), [
    [667000001, 'ofac-1', 'imo'], [445112000, 'un-KPe.9', 'mmsi'], [351000001, 'ofac-2', 'name'],
  ]);
  // …but a screening engine plugged in as the matcher can find it (kept at linkage.nameMinScore or above).
  const fuzzy: NameMatcher = async (name) => (name.startsWith('NEW REGEN') ? [{ id: 'ofac-2', score: 0.93 }, { id: 'ofac-9', score: 0.5 }] : []);
  const more = await linkVessels(vessels.slice(3), designated, { nameMatcher: fuzzy });
  assert.deepEqual(more.map((l) => [l.mmsi, l.designatedId, l.by, l.score]), [[351000002, 'ofac-2', 'name', 0.93]]);
});

test('look-back (180 days): a DPRK port call, or an STS with a vessel that made one; not older than 180 days', () => {
  const events = [
    ev('port_call', [667000001], T - 100 * DAY, 20, { port: 'Nampo' }), // in the window
    ev('encounter', [352000002, 667000001], T - 60 * DAY, 5), // met the caller after its call
    ev('encounter', [352000003, 412000004], T - 50 * DAY, 5), // no DPRK link
    ev('port_call', [667000005], T - 200 * DAY, 20, { port: 'Nampo' }), // too old
    ev('encounter', [352000006, 445000007], T - 10 * DAY, 4), // met a DPRK-flagged vessel
  ];
  const hits = lookback(events, T);
  assert.deepEqual([...hits.keys()].sort(), [352000002, 352000006, 667000001]);
  assert.equal(hits.get(667000001)![0].reason, 'dprk_port_call');
  const sts = hits.get(352000002)![0];
  assert.equal(sts.reason, 'sts_with_dprk_vessel');
  assert.equal(sts.via!.mmsi, 667000001);
  assert.equal(sts.via!.portCall!.evidence.port, 'Nampo');
  assert.equal(hits.get(352000006)![0].via!.dprkFlag, true);
  assert.ok(!lookback(events, T, { dprkFlaggedCounts: false }).has(352000006));
  // As of a later date, the 100-day-old call has left the window.
  assert.ok(!lookback(events, T + 90 * DAY).has(667000001));
});

test('risk summary lists every reason with its evidence and combines them', async () => {
  const events = [
    ev('port_call', [667000001], T - 100 * DAY, 20, { port: 'Nampo' }, 0.95),
    ev('gap', [667000001], T - 110 * DAY, 30, { likelyDeliberate: true }, 0.8),
    ev('identity_change', [667000001], T - 90 * DAY, 0, { changes: [{ field: 'name', from: 'A', to: 'B' }] }, 0.7),
    ev('encounter', [352000002, 667000001], T - 60 * DAY, 5),
    ev('invalid_mmsi', [445000007], T, 0, { reason: 'dprk_flag' }, 1),
  ];
  const links = await linkVessels([{ mmsi: 667000001, imos: [8705539], names: [] }], [{ id: 'ofac-1', names: [], imo: 8705539 }]);
  const risk = riskSummary(events, { links, lookback: lookback(events, T) });
  const top = risk[0];
  assert.equal(top.mmsi, 667000001);
  const kinds = top.reasons.map((r) => r.kind);
  for (const k of ['designated', 'port_call', 'gap', 'identity_change', 'encounter', 'lookback_dprk_port_call']) assert.ok(kinds.includes(k), k);
  assert.ok(top.score > 0.99 && top.score <= 1);
  for (const r of top.reasons) assert.ok(r.evidence && Object.keys(r.evidence).length > 0);
  const dprk = risk.find((r) => r.mmsi === 445000007)!;
  assert.equal(dprk.reasons[0].kind, 'dprk_flag');
  const partner = risk.find((r) => r.mmsi === 352000002)!;
  assert.ok(partner.reasons.some((r) => r.kind === 'lookback_sts_with_dprk_vessel'));
  assert.ok(partner.score < top.score);
});

const REGIONS = join(sharedDataDir(), 'regions');

test('regions: built-in ports and hotspots equal the shared regions folder; overrides apply by place', { skip: !existsSync(REGIONS) && 'no shared regions' }, () => {
  const loaded = loadRegions(REGIONS);
  assert.deepEqual(loaded.dprkPorts.map((p) => [p.name, p.lat, p.lon]), BUILTIN_DPRK_PORTS.map((p) => [p.name, p.lat, p.lon]));
  assert.deepEqual(loaded.hotspots.map((h) => [h.name, h.rings]), BUILTIN_HOTSPOTS.map((h) => [h.name, h.rings]));
  const r = builtinRegions();
  const base = defaultParams();
  assert.equal(regionName(r, 38.7, 125.3), 'DPRK waters');
  assert.equal(paramsAt(r, base, 38.7, 125.3)['encounter.minDistanceFromPortKm'], 0);
  assert.equal(regionName(r, 38.9, 123.9), 'Korea Bay');
  assert.equal(regionName(r, 30.6, 123.2), 'East China Sea off Shanghai and Zhoushan');
  assert.equal(regionName(r, 20.0, 107.5), 'Gulf of Tonkin');
  assert.equal(regionName(r, 42.7, 132.9), 'Russian Far East ports');
  assert.equal(regionName(r, 40.0, 130.0), 'DPRK waters');
  assert.equal(regionName(r, 35.0, 124.0), 'other');
  assert.equal(paramsAt(r, base, 35.0, 124.0), base);
  assert.equal(nearestPort(r.dprkPorts, 38.72, 125.41)!.port.name, 'Nampo');
  // A folder with extra ports: they join the port list.
  const dir = mkdtempSync(join(tmpdir(), 'chokepoint-regions-'));
  try {
    writeFileSync(join(dir, 'ports.csv'), 'name,country,lat,lon,source\nTest Anchorage,CN,35.0,124.0,test\n');
    const extra = loadRegions(dir);
    assert.equal(extra.dprkPorts.length, 10);
    assert.equal(nearestPort(extra.ports, 35.01, 124.0)!.port.name, 'Test Anchorage');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
