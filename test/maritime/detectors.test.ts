import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detect, track, statics, traffic, T0, H, MIN } from './helpers.js';
import { offset } from '../../bench/maritime-sim/world.js';
import { validateEvent } from '../../src/analyses/maritime/events.js';

const KOREA_BAY: [number, number] = [38.9, 123.9];
const NAMPO: [number, number] = [38.717, 125.4];

function near(p: [number, number], km: number, deg: number): [number, number] {
  const q = offset({ lat: p[0], lon: p[1] }, km, deg);
  return [q.lat, q.lon];
}

test('encounter: two vessels 250 m apart, slow for 4 h at sea → one event; the pinned schema holds', () => {
  const b = near(KOREA_BAY, 0.25, 0);
  const r = detect([
    ...track(352000001, T0, KOREA_BAY, [{ to: KOREA_BAY, kn: 0, hours: 4 }, { to: [38.9, 124.3], kn: 11 }]),
    ...track(412000002, T0, b, [{ to: b, kn: 0, hours: 4 }, { to: [39.3, 123.9], kn: 11 }]),
  ]);
  const enc = r.of('encounter');
  assert.equal(enc.length, 1);
  const e = enc[0];
  assert.deepEqual(e.mmsi, [352000001, 412000002]);
  assert.equal(e.evidence.kind, 'two_sided');
  assert.ok(Number(e.evidence.durationHours) >= 3.8 && Number(e.evidence.durationHours) <= 4.2, String(e.evidence.durationHours));
  assert.ok(Number(e.evidence.medianDistanceKm) < 0.3);
  assert.equal(e.region, 'Korea Bay');
  assert.equal(e.params['encounter.maxDistanceKm'], 0.5);
  for (const ev of r.events) assert.deepEqual(validateEvent(ev), [], JSON.stringify(ev));
});

test('encounter: a close pass at speed, a short slow meeting and a far pair are not encounters', () => {
  const r = detect([
    // Crossing within ~100 m at 12 kn.
    ...track(352000011, T0, [35.0, 123.0], [{ to: [35.0, 124.0], kn: 12 }]),
    ...track(352000012, T0, [34.55, 123.455], [{ to: [35.45, 123.455], kn: 12 }]),
    // Slow together for only 1 h.
    ...track(352000013, T0, [33.0, 125.0], [{ to: [33.0, 125.0], kn: 0, hours: 1 }, { to: [33.5, 125.0], kn: 10 }]),
    ...track(352000014, T0, near([33.0, 125.0], 0.2, 90), [{ to: near([33.0, 125.0], 0.2, 90), kn: 0, hours: 1 }, { to: [32.5, 125.0], kn: 10 }]),
    // Slow for 4 h but 2 km apart.
    ...track(352000015, T0, [34.0, 126.0], [{ to: [34.0, 126.0], kn: 0, hours: 4 }]),
    ...track(352000016, T0, near([34.0, 126.0], 2, 0), [{ to: near([34.0, 126.0], 2, 0), kn: 0, hours: 4 }]),
  ]);
  assert.equal(r.of('encounter').length, 0);
});

test('encounter: an anchorage crowd is not an encounter; near a port only in DPRK waters', () => {
  const center: [number, number] = [35.0, 124.0];
  const crowd = Array.from({ length: 6 }, (_, k) => {
    const p = near(center, 0.3 + 0.1 * k, k * 60);
    return track(413000100 + k, T0, p, [{ to: p, kn: 0, hours: 6 }]);
  }).flat();
  const nampo = near(NAMPO, 3, 270);
  const qingdao = near([36.08, 120.3], 3, 120);
  const r = detect([
    ...crowd,
    ...track(445000001, T0, nampo, [{ to: nampo, kn: 0, hours: 3 }]),
    ...track(667000002, T0, near(nampo, 0.3, 0), [{ to: near(nampo, 0.3, 0), kn: 0, hours: 3 }]),
    ...track(413000201, T0, qingdao, [{ to: qingdao, kn: 0, hours: 3 }]),
    ...track(413000202, T0, near(qingdao, 0.3, 0), [{ to: near(qingdao, 0.3, 0), kn: 0, hours: 3 }]),
  ]);
  const enc = r.of('encounter');
  assert.equal(enc.length, 1, JSON.stringify(enc.map((e) => e.mmsi)));
  assert.deepEqual(enc[0].mmsi, [445000001, 667000002]);
  assert.equal(enc[0].region, 'DPRK waters');
  assert.ok((r.summary.detectors.encounter as { crowd: number }).crowd > 0);
});

test('encounter, one-sided: one vessel loiters while the other goes dark next to it', () => {
  const site: [number, number] = [30.6, 123.2];
  const approach = near(site, 40, 300);
  const darkAt = near(site, 15, 300);
  const away = near(site, 40, 120);
  const backAt = near(site, 15, 120);
  // Traffic so that reception around the site is visibly working.
  const bg = traffic(6, T0, 12, [30.3, 30.9, 122.7, 123.7]);
  const A = track(667000031, T0, site, [{ to: site, kn: 0, hours: 10 }, { to: [31.2, 124.0], kn: 11 }]);
  const B = track(413000032, T0 + 1 * H, approach, [
    { to: darkAt, kn: 11 }, { to: site, kn: 11, dark: true }, { to: site, kn: 0, hours: 5, dark: true }, { to: backAt, kn: 11, dark: true },
    { to: away, kn: 11 },
  ]);
  const r = detect([...bg, ...A, ...B]);
  const enc = r.of('encounter');
  assert.equal(enc.length, 1, JSON.stringify(enc));
  assert.equal(enc[0].evidence.kind, 'one_sided');
  assert.deepEqual(enc[0].mmsi, [413000032, 667000031]);
  assert.equal(enc[0].evidence.loiteringMmsi, 667000031);
  assert.equal(r.of('loitering').length, 1);
  assert.equal(r.of('gap').length, 1);
  assert.equal(r.of('gap')[0].mmsi[0], 413000032);
});

test('loitering: slow for hours at sea is reported; short or in port is not', () => {
  const sea: [number, number] = [33.0, 125.2];
  const busan = near([35.1, 129.04], 8, 180);
  const r = detect([
    ...track(352000041, T0, sea, [{ to: sea, kn: 0, hours: 6 }, { to: [33.5, 125.2], kn: 10 }]),
    ...track(352000042, T0, [32.0, 125.2], [{ to: [32.0, 125.2], kn: 0, hours: 3 }, { to: [31.5, 125.2], kn: 10 }]),
    ...track(352000043, T0, busan, [{ to: busan, kn: 0, hours: 8 }]),
  ]);
  const l = r.of('loitering');
  assert.equal(l.length, 1);
  assert.equal(l[0].mmsi[0], 352000041);
  assert.ok(Math.abs(Number(l[0].evidence.durationHours) - 6) < 0.2);
});

test('gap: a transponder off under way where others are heard is reported; a coverage hole or a ship at anchor is not', () => {
  const box: [number, number, number, number] = [33.8, 34.4, 124.0, 127.0];
  const bg = traffic(8, T0, 24, box);
  // 2.5 h visible, 7.5 h dark, then visible again.
  const on = track(352000051, T0, [34.1, 124.0], [
    { to: [34.1, 124.5], kn: 10 }, { to: [34.1, 126.0], kn: 10, dark: true }, { to: [34.1, 126.5], kn: 10 },
  ]);
  const anchored = track(352000052, T0, [34.0, 125.0], [{ to: [34.0, 125.0], kn: 0, hours: 2 }, { to: [34.0, 125.0], kn: 0, hours: 9, dark: true },
    { to: [34.0, 125.0], kn: 0, hours: 2 }]);
  const r = detect([...bg, ...on, ...anchored]);
  const gaps = r.of('gap');
  assert.equal(gaps.length, 1, JSON.stringify(gaps.map((g) => g.mmsi)));
  assert.equal(gaps[0].mmsi[0], 352000051);
  assert.equal(gaps[0].evidence.likelyDeliberate, true);
  assert.ok(Number(gaps[0].evidence.durationHours) > 7);

  // The same with every vessel silent in the middle of the day: a coverage hole.
  const holeStart = T0 + 7 * H;
  const holeEnd = T0 + 16 * H;
  const hole = (ps: typeof bg) => ps.filter((p) => p.t < holeStart || p.t >= holeEnd);
  const r2 = detect([...hole(bg), ...hole(track(352000053, T0, [34.1, 124.0], [{ to: [34.1, 127.0], kn: 7 }]))]);
  assert.equal(r2.of('gap').length, 0);
  assert.ok((r2.summary.detectors.gap as { coverage: number }).coverage >= 1);
  const r3 = detect([...hole(bg), ...hole(track(352000053, T0, [34.1, 124.0], [{ to: [34.1, 127.0], kn: 7 }]))], [], { params: { 'gap.reportCoverageGaps': 1 } });
  const g3 = r3.of('gap').filter((g) => g.mmsi[0] === 352000053);
  assert.equal(g3.length, 1);
  assert.equal(g3[0].evidence.likelyDeliberate, false);
  assert.ok(g3[0].confidence <= 0.3);
});

test('port call: visible call at Nampo, inferred call from a dark approach, and no call for a ship passing by', () => {
  const berth = near(NAMPO, 1, 200);
  const visible = track(667000061, T0, [38.55, 124.6], [{ to: berth, kn: 10 }, { to: berth, kn: 0, hours: 8 }, { to: [38.55, 124.6], kn: 10 }]);
  const approach: [number, number] = [38.55, 124.6];
  const darkAt = near(NAMPO, 40, 255);
  const inferred = track(671000062, T0, approach, [
    { to: darkAt, kn: 10 }, { to: berth, kn: 10, dark: true }, { to: berth, kn: 0, hours: 20, dark: true }, { to: darkAt, kn: 10, dark: true },
    { to: approach, kn: 10 },
  ]);
  const passing = track(413000063, T0, near(NAMPO, 30, 200), [{ to: near(NAMPO, 30, 300), kn: 10 }]);
  // Local traffic so that the dark approach is judged against working reception.
  const bg = traffic(4, T0, 36, [38.5, 38.8, 124.6, 125.3]);
  const r = detect([...visible, ...inferred, ...passing, ...bg]);
  const calls = r.of('port_call');
  const byMmsi = new Map(calls.map((c) => [c.mmsi[0], c]));
  assert.equal(calls.length, 2, JSON.stringify(calls.map((c) => [c.mmsi, c.evidence])));
  const v = byMmsi.get(667000061)!;
  assert.equal(v.evidence.port, 'Nampo');
  assert.equal(v.evidence.inferred, false);
  assert.ok(Number(v.evidence.stoppedHours) > 7);
  const i = byMmsi.get(671000062)!;
  assert.equal(i.evidence.port, 'Nampo');
  assert.equal(i.evidence.inferred, true);
  assert.ok(Date.parse(i.start) > T0 && Date.parse(i.end) > Date.parse(i.start));
  assert.ok(!byMmsi.has(413000063));
});

test('invalid MMSI: not 9 digits, unknown MID and DPRK flag are reported once each; a valid MMSI is not', () => {
  const legs = [{ to: [34.5, 124.5] as [number, number], kn: 10 }];
  const r = detect([
    ...track(150123456, T0, [34.0, 124.0], legs), ...track(12345, T0, [34.0, 124.1], legs), ...track(445123456, T0, [34.0, 124.2], legs),
    ...track(412123456, T0, [34.0, 124.3], legs),
  ]);
  const inv = r.of('invalid_mmsi');
  assert.deepEqual(inv.map((e) => [e.mmsi[0], e.evidence.reason]).sort((a, b) => Number(a[0]) - Number(b[0])),
    [[12345, 'not_9_digits'], [150123456, 'unknown_mid'], [445123456, 'dprk_flag']]);
  for (const e of inv) assert.equal(e.start, e.end);
});

test('shared MMSI: two ships far apart on one MMSI are reported; single spoofed fixes are not', () => {
  const a = track(412555555, T0, [31.0, 123.0], [{ to: [31.0, 124.5], kn: 10 }], 60);
  const b = track(412555555, T0 + 30_000, [38.0, 131.0], [{ to: [38.0, 132.5], kn: 10 }], 60);
  const c = track(412666666, T0, [31.5, 123.0], [{ to: [31.5, 124.5], kn: 10 }], 60);
  for (const k of [100, 200, 300]) c[k] = { ...c[k], lat: c[k].lat + 1.5, lon: c[k].lon + 2 };
  const r = detect([...a, ...b, ...c]);
  const sh = r.of('shared_mmsi');
  assert.equal(sh.length, 1);
  assert.equal(sh[0].mmsi[0], 412555555);
  assert.equal(sh[0].evidence.byPosition, true);
  assert.ok(Number(sh[0].evidence.maxJumpKm) > 500);
  assert.ok(r.summary.segments.implausibleSpeedFixes >= 3);
});

test('identity change: a rename is reported once; a one-message garble is not; an IMO on a new MMSI is a change of MMSI and flag', () => {
  const pos = [...track(412777777, T0, [33.0, 124.0], [{ to: [33.0, 126.0], kn: 10 }], 120), ...track(667888888, T0 + 3 * H, [34.0, 124.0], [{ to: [34.0, 125.0], kn: 10 }], 120)];
  const st = [
    ...statics(412777777, T0, T0 + 2 * H, { name: 'HAI XING 12', callSign: 'BQRT', imo: 9074729 }),
    ...statics(412777777, T0 + 2 * H + 3 * MIN, T0 + 4 * H, { name: 'KUM SAN 3', callSign: 'BQRX', imo: 9074729 }),
    { ...statics(412777777, T0 + H + 1000, T0 + H + 2000, { name: 'HAI X<NG 1]', callSign: 'BQRT', imo: 9074729 })[0] },
    ...statics(667888888, T0 + 5 * H, T0 + 7 * H, { name: 'OCEAN GRACE', callSign: '9LAB4', imo: 9074729 }),
  ];
  const r = detect(pos, st);
  const ch = r.of('identity_change');
  assert.equal(ch.length, 2, JSON.stringify(ch.map((c) => c.evidence)));
  const same = ch.find((c) => c.evidence.kind === 'same_mmsi')!;
  assert.deepEqual(same.mmsi, [412777777]);
  assert.equal(Date.parse(same.start), T0 + 2 * H + 3 * MIN);
  const fields = (same.evidence.changes as { field: string; from: string; to: string }[]).map((c) => [c.field, c.from, c.to]);
  assert.deepEqual(fields, [['name', 'HAI XING 12', 'KUM SAN 3'], ['callSign', 'BQRT', 'BQRX']]);
  const cross = ch.find((c) => c.evidence.kind === 'imo_on_new_mmsi')!;
  assert.deepEqual(cross.mmsi, [412777777, 667888888]);
  const changes = cross.evidence.changes as { field: string; from: unknown; to: unknown }[];
  assert.deepEqual(changes.find((c) => c.field === 'flag'), { field: 'flag', from: 'cn', to: 'sl' });
  assert.deepEqual(cross.imo, [9074729]);
  assert.equal(cross.start, cross.end);
  // The identity timeline behind them.
  const tl = r.identities.find((x) => x.mmsi === 412777777)!;
  assert.deepEqual(tl.names, ['HAI XING 12', 'KUM SAN 3']);
  assert.deepEqual(tl.imos, [9074729]);
  assert.equal(tl.flag, 'cn');
  assert.ok(tl.transients >= 1, 'the garbled name was held back');
});

test('shared MMSI by identity: class A and class B transponders taking turns with different names', () => {
  const pos = track(150402944, T0, [-45.3, -60.4], [{ to: [-45.3, -60.4], kn: 0, hours: 12 }], 300, 'B');
  const st = [
    ...statics(150402944, T0, T0 + 12 * H, { name: 'HAIHANG1', callSign: 'BCLN2', imo: 8786583 }, 30, 'A'),
    ...statics(150402944, T0 + 15 * MIN, T0 + 12 * H, { name: 'FUYUANYU9993' }, 30, 'B'),
  ];
  const r = detect(pos, st);
  const sh = r.of('shared_mmsi');
  assert.equal(sh.length, 1);
  assert.equal(sh[0].evidence.byIdentity, true);
  assert.deepEqual([...(sh[0].evidence.names as string[])].sort(), ['FUYUANYU9993', 'HAIHANG1']);
  assert.equal(r.of('identity_change').length, 0);
});
