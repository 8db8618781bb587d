/**
 * Scenario builders (each adds its vessels and, where the truth is not derived from the plans, its truth records)
 * and decoys (situations that must not produce events: anchorage crowds, close passes at speed, short slow passes,
 * coverage holes).
 */
import { MS_PER_HOUR, MS_PER_MINUTE, KM_PER_NM } from '../../src/analyses/maritime/geo.js';
import {
  Rng, route, pathKm, alongPath, pathFrom, msFor, offset, bearingDeg, distanceKm, TRAFFIC_PORTS, DPRK_PORTS, STS_SITES, HOLE_BOXES,
} from './world.js';
import { Plan, CONVENIENCE_MIDS, MERCHANT_MIDS, distanceOnPath, positionAt, type IdentitySpan } from './plan.js';
import type { World } from './sim-world.js';

export function scenarioTime(w: World, leadH = 12, tailH = 36): number {
  return w.start + w.rng.range(leadH, Math.max(leadH + 1, (w.end - w.start) / MS_PER_HOUR - tailH)) * MS_PER_HOUR;
}

function shuffled(n: number, r: Rng): number[] {
  const a = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = r.int(0, i);
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}

export function sts(w: World): void {
  const r = w.rng;
  const T = scenarioTime(w);
  const D = (r.chance(0.5) ? r.range(2.5, 3.4) : r.range(5, 10)) * MS_PER_HOUR;
  const k = w.claimSite(shuffled(STS_SITES.length, r), T, T + D);
  if (k === undefined) return;
  const site = STS_SITES[k];
  const driftKn = r.range(0.1, 0.5);
  // Near a DPRK port the pair drifts away from it (drifting into the port area would make a port call).
  const port = DPRK_PORTS.find((q) => distanceKm(q.lat, q.lon, site.lat, site.lon) < 20);
  const driftDeg = port ? bearingDeg(port.lat, port.lon, site.lat, site.lon) + r.range(-30, 30) : r.range(0, 360);
  const arr = [T + r.range(-15, 15) * MS_PER_MINUTE, T + r.range(-15, 15) * MS_PER_MINUTE];
  const dep = [T + D + r.range(-10, 10) * MS_PER_MINUTE, T + D + r.range(-10, 10) * MS_PER_MINUTE];
  const sep = r.range(0.08, 0.25);
  const vs = [0, 1].map((k) => {
    const at = k === 0 ? site : offset(site, sep, r.range(0, 360));
    return w.scenarioVessel('A', r.pick(k === 0 ? CONVENIENCE_MIDS : MERCHANT_MIDS), (plan, origin) => {
      const kn = r.range(9, 13);
      plan.arriveAt([...route(origin, at).slice(1, -1), at], kn, arr[k]);
      // Both drift with the current; B keeps station next to A.
      const start = Math.max(arr[0], arr[1]);
      if (plan.t < start) plan.hold(start - plan.t, 0, 0.05, driftDeg);
      plan.hold(dep[k] - plan.t, 0, driftKn, driftDeg);
    });
  });
  const [a, b] = vs.map((v) => v.ids[0].mmsi);
  w.addTruth({ type: 'encounter', mmsi: sorted([a, b]), start: Math.max(...arr), end: Math.min(...dep), lat: site.lat, lon: site.lon, scenario: `sts ${site.area}` });
}

export function stsOneSided(w: World): void {
  const r = w.rng;
  const T0 = scenarioTime(w);
  const L = r.range(7, 12) * MS_PER_HOUR;
  const k = w.claimSite(shuffled(STS_SITES.length, r).filter((i) => !STS_SITES[i].area.startsWith('Nampo')), T0 - 2 * MS_PER_HOUR, T0 + L + 2 * MS_PER_HOUR);
  if (k === undefined) return;
  const site = STS_SITES[k];
  const Sb = r.range(4, 6) * MS_PER_HOUR;
  const Tb = T0 + r.range(0.5, 1) * MS_PER_HOUR;
  const driftDeg = r.range(0, 360);
  const A = w.scenarioVessel('A', r.pick(CONVENIENCE_MIDS), (plan, origin) => {
    plan.arriveAt([...route(origin, site).slice(1, -1), site], r.range(9, 12), T0);
    plan.hold(L, 0, r.range(0.1, 0.25), driftDeg);
  });
  const B = w.scenarioVessel('A', r.pick(MERCHANT_MIDS), (plan, origin) => {
    const kn = r.range(9, 12);
    const inPath = [...route(origin, site).slice(1, -1), site];
    const full = [plan.at, ...inPath];
    const km = pathKm(full);
    const d0 = r.range(10, 22);
    // Visible up to d0 km before the site, then dark until d1 km after it on the way out.
    const darkPoint = alongPath(full, km - d0);
    const visible = inPath.filter((p) => distanceOnPath(full, p) < km - d0);
    plan.arriveAt([...visible, darkPoint], kn, Tb - msFor(d0, kn));
    plan.move([site], kn, true);
    plan.hold(Tb + Sb - plan.t, 0, 0.1, driftDeg, true);
    const dest = r.pick(TRAFFIC_PORTS.filter((p) => distanceKm(p.lat, p.lon, site.lat, site.lon) > 100));
    const outPath = route(site, dest);
    const d1 = r.range(10, 22);
    plan.move([alongPath(outPath, d1)], kn, true);
  });
  const a = A.ids[0].mmsi;
  const b = B.ids[0].mmsi;
  w.addTruth({ type: 'encounter', mmsi: sorted([a, b]), start: Tb, end: Tb + Sb, lat: site.lat, lon: site.lon, scenario: `sts_one_sided ${site.area}` });
}

export function darkGap(w: World): boolean {
  const r = w.rng;
  const G = r.range(8, 30) * MS_PER_HOUR;
  for (let attempt = 0; attempt < 20; attempt++) {
    const a = r.pick(TRAFFIC_PORTS);
    const b = r.pick(TRAFFIC_PORTS.filter((p) => p.name !== a.name));
    const pts = route(a, b);
    const km = pathKm(pts);
    const kn = r.range(9, 13);
    const darkKm = (G / MS_PER_HOUR) * kn * KM_PER_NM;
    const lead = 3 * kn * KM_PER_NM;
    if (km < darkKm + 2 * lead) continue;
    const startKm = r.range(lead, km - darkKm - lead);
    const depart = scenarioTime(w, 6, 48);
    const t0 = depart + msFor(startKm, kn);
    const t1 = t0 + G;
    const darkPts = Array.from({ length: 12 }, (_, i) => alongPath(pts, startKm + (darkKm * i) / 11));
    if (t1 > w.end - 6 * MS_PER_HOUR || w.holeNear(darkPts, t0, t1)) continue;
    // Away from DPRK ports (an inferred port call is another scenario).
    if (darkPts.some((p) => DPRK_PORTS.some((q) => distanceKm(p.lat, p.lon, q.lat, q.lon) < 80))) continue;
    w.scenarioVessel('A', r.pick(MERCHANT_MIDS), (plan) => {
      plan.arriveAt([], kn, depart);
      plan.hold(depart - plan.t, 5);
      const before = pathFrom(pts, 0).slice(1);
      // Sail to the dark point visibly, go dark for G, reappear.
      const darkStart = alongPath(pts, startKm);
      const darkEnd = alongPath(pts, startKm + darkKm);
      plan.move(before.filter((p) => distanceOnPath(pts, p) < startKm).concat([darkStart]), kn);
      plan.move(pathFrom(pts, startKm).slice(1).filter((p) => distanceOnPath(pts, p) < startKm + darkKm).concat([darkEnd]), kn, true);
      plan.move(pathFrom(pts, startKm + darkKm).slice(1, -1), kn);
      plan.move([w.berth(b)], kn);
      plan.hold(r.range(6, 24) * MS_PER_HOUR, 5);
    }, a);
    return true;
  }
  return false;
}

export function portCall(w: World, dark: boolean): void {
  const r = w.rng;
  const port = r.pick(DPRK_PORTS);
  const T = scenarioTime(w, 14, 48);
  const S = r.range(6, 36) * MS_PER_HOUR;
  const kn = r.range(9, 12);
  const origin = r.pick(TRAFFIC_PORTS.filter((p) => ['cn', 'ru'].includes(p.country)));
  let berthStart = 0;
  let berthEnd = 0;
  const v = w.scenarioVessel('A', r.pick(CONVENIENCE_MIDS), (plan) => {
    const slot = w.dprkSlot(port, T, T + S);
    const inPath = [...route(origin, port).slice(1, -1), slot];
    const full = [plan.at, ...inPath];
    const km = pathKm(full);
    if (!dark) {
      plan.arriveAt(inPath, kn, T);
      berthStart = plan.t;
      plan.hold(S, 5);
      berthEnd = plan.t;
      return;
    }
    const d0 = r.range(25, 50);
    const darkPoint = alongPath(full, km - d0);
    const visible = inPath.filter((p) => distanceOnPath(full, p) < km - d0);
    plan.arriveAt([...visible, darkPoint], kn, T - msFor(d0, kn));
    plan.move([slot], kn, true);
    berthStart = plan.t;
    plan.hold(S, 5, 0, 0, true);
    berthEnd = plan.t;
    const dest = r.pick(TRAFFIC_PORTS.filter((p) => ['cn', 'ru'].includes(p.country)));
    const out = route(port, dest);
    const d1 = r.range(25, 50);
    const reappear = alongPath(out, d1);
    plan.move(out.slice(1).filter((p) => distanceOnPath(out, p) < d1).concat([reappear]), kn, true);
  }, origin);
  if (dark) {
    w.addTruth({
      type: 'port_call', mmsi: [v.ids[0].mmsi], start: berthStart, end: berthEnd, lat: port.lat, lon: port.lon, scenario: `port_call_dark ${port.name}`,
    });
  }
}

export function identityChange(w: World): void {
  const r = w.rng;
  const cls = r.chance(0.75) ? 'A' : 'B';
  const v = w.background(cls, w.names.mmsi(r.pick(MERCHANT_MIDS)));
  const T = scenarioTime(w, 8, 12);
  const old = v.ids[0];
  const next: IdentitySpan = { ...old, from: T, name: w.names.name() };
  if (r.chance(0.7)) next.callSign = w.names.callSign();
  if (cls === 'A' && r.chance(0.25)) next.imo = w.names.imo();
  v.ids.push(next);
  w.addTruth({ type: 'identity_change', mmsi: [old.mmsi], start: T, end: T, lat: 0, lon: 0, scenario: 'identity_change' });
}

export function reflag(w: World): void {
  const r = w.rng;
  const port = r.pick(TRAFFIC_PORTS);
  const T = scenarioTime(w, 12, 24);
  const pause = r.range(2, 20) * MS_PER_HOUR;
  const oldMid = r.pick(MERCHANT_MIDS);
  let newMid = r.pick(CONVENIENCE_MIDS);
  if (newMid === oldMid) newMid = 667;
  const v = w.scenarioVessel('A', oldMid, (plan) => {
    const inPath = [...route(plan.at, port).slice(1, -1), w.berth(port)];
    plan.arriveAt(inPath, r.range(9, 12), T - 4 * MS_PER_HOUR);
    plan.hold(4 * MS_PER_HOUR, 5);
    plan.hold(pause, 5, 0, 0, true);
    plan.hold(r.range(2, 6) * MS_PER_HOUR, 5);
  });
  const old = v.ids[0];
  const resume = T + pause;
  const m2 = w.names.mmsi(newMid);
  v.ids.push({ ...old, from: resume, mmsi: m2, name: w.names.name(), callSign: w.names.callSign() });
  w.addTruth({ type: 'identity_change', mmsi: [old.mmsi, m2], start: resume, end: resume, lat: 0, lon: 0, scenario: 'reflag' });
}

export function sharedMmsi(w: World): void {
  const r = w.rng;
  const v1 = w.background('A', w.names.mmsi(r.pick(MERCHANT_MIDS)));
  const m = v1.ids[0].mmsi;
  const S = scenarioTime(w, 10, 40);
  const E = Math.min(w.end, S + r.range(12, 36) * MS_PER_HOUR);
  // The clone sails somewhere at least 200 km from the real ship all along.
  for (let attempt = 0; attempt < 30; attempt++) {
    const a = r.pick(TRAFFIC_PORTS);
    const b = r.pick(TRAFFIC_PORTS.filter((p) => p.name !== a.name));
    const pts = route(a, b);
    const kn = r.range(9, 13);
    const km = pathKm(pts);
    const needKm = ((E - S) / MS_PER_HOUR) * kn * KM_PER_NM;
    if (km < needKm + 20) continue;
    const startKm = r.range(10, km - needKm - 10);
    let far = true;
    for (let t = S; t <= E && far; t += MS_PER_HOUR) {
      const p1 = positionAt(v1, t);
      const p2 = alongPath(pts, startKm + ((t - S) / MS_PER_HOUR) * kn * KM_PER_NM);
      if (!p1 || distanceKm(p1.lat, p1.lon, p2.lat, p2.lon) < 200) far = false;
    }
    if (!far) continue;
    const plan = new Plan(S, alongPath(pts, startKm));
    plan.move(pathFrom(pts, startKm).slice(1, -1).filter((p) => distanceOnPath(pts, p) < startKm + needKm), kn);
    plan.move([alongPath(pts, startKm + needKm + 5)], kn);
    const clone = w.addVessel('A', plan, [{ ...w.identity(m, S), mmsi: m }], S, E);
    clone.nextT = Math.ceil(S / 1000) * 1000;
    w.addTruth({ type: 'shared_mmsi', mmsi: [m], start: S, end: E, lat: 0, lon: 0, scenario: 'shared_mmsi' });
    return;
  }
}

export function invalidMmsi(w: World): void {
  const r = w.rng;
  const kind = r.int(0, 2);
  const mmsi = kind === 0 ? r.int(100_000, 999_999) : kind === 1 ? 150_000_000 + r.int(0, 999_999) : 299_000_000 + r.int(0, 999_999);
  w.background(r.chance(0.5) ? 'B' : 'A', mmsi);
}

function sorted(x: number[]): number[] {
  return [...x].sort((a, b) => a - b);
}

// ---- Decoys (no truth) -----------------------------------------------------------------------------------------

const CROWD_PORTS = ['Nakhodka', 'Vostochny', 'Cam Pha', 'Haiphong', 'Qingdao', 'Busan'];

export function anchorageCrowd(w: World): void {
  const r = w.rng;
  const crowdPort = r.pick(CROWD_PORTS);
  const port = TRAFFIC_PORTS.find((p) => p.name === crowdPort)!;
  const seaward = route(port, r.pick(TRAFFIC_PORTS.filter((p) => p.name !== port.name)))[1] ?? port;
  const center = offset(port, r.range(6.5, 9), bearingDeg(port.lat, port.lon, seaward.lat, seaward.lon));
  const T = scenarioTime(w, 6, 30);
  const n = r.int(6, 12);
  const W = r.range(14, 30) * MS_PER_HOUR;
  for (let k = 0; k < n; k++) {
    const at = offset(center, r.range(0.15, 1.1), r.range(0, 360));
    const arrive = T + r.range(-1.5, 1.5) * MS_PER_HOUR;
    const wait = T + W + r.range(-1.5, 1.5) * MS_PER_HOUR - arrive;
    w.scenarioVessel(r.chance(0.8) ? 'A' : 'B', r.pick(MERCHANT_MIDS), (plan, origin) => {
      plan.arriveAt([...route(origin, port).slice(1, -1), at], r.range(9, 13), arrive);
      plan.hold(wait, 1);
      plan.move([w.berth(port)], 6);
      plan.hold(r.range(6, 20) * MS_PER_HOUR, 5);
    });
  }
  w.decoy('anchorage_crowd');
  w.decoy('anchorage_crowd_vessels', n);
}

export function closePass(w: World, slow: boolean): void {
  const r = w.rng;
  const site = r.pick(STS_SITES.filter((s) => !s.area.startsWith('Nampo')));
  const X = offset(site, r.range(30, 60), r.range(0, 360));
  const T = scenarioTime(w, 4, 8);
  const kn = slow ? r.range(1.2, 1.8) : r.range(9, 14);
  const legKm = slow ? 3 : 60;
  const course = r.range(0, 360);
  for (let k = 0; k < 2; k++) {
    const c = slow ? course + 180 * k : course + r.range(60, 120) * k;
    const through = offset(X, k === 0 ? 0 : r.range(0.1, 0.35), c + 90);
    const from = offset(through, legKm, c + 180);
    const to = offset(through, legKm, c);
    const t0 = T - msFor(legKm, kn);
    const plan = new Plan(t0, from);
    plan.move([through, to], kn);
    w.addVessel('A', plan, [w.identity(w.names.mmsi(r.pick(MERCHANT_MIDS)), t0)], t0, plan.t);
  }
  w.decoy(slow ? 'slow_pass' : 'close_pass');
}

export function coverageHole(w: World, i: number): void {
  const r = w.rng;
  const box = HOLE_BOXES[i % HOLE_BOXES.length];
  const t0 = scenarioTime(w, 6, 20);
  w.holes.push({ box, t0, t1: t0 + r.range(8, 16) * MS_PER_HOUR });
  w.decoy('coverage_hole');
}
