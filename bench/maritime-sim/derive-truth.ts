/**
 * Truth derived from the vessels' plans with the detectors' definitions (params.ts, regions.ts — the spec, not the
 * detector code): loitering (visible slow holds far enough from ports), gaps (dark stretches after visible motion,
 * ending visible on the same MMSI) and visible DPRK port calls. Cases within a margin of a threshold are optional.
 */
import { MS_PER_HOUR } from '../../src/analyses/maritime/geo.js';
import { nearestPort, paramsAt } from '../../src/analyses/maritime/regions.js';
import { DPRK_PORTS, distanceKm } from './world.js';
import { HOLD, MOVE, idAt } from './plan.js';
import type { World } from './sim-world.js';

const MARGIN_H = 0.4;

export function deriveTruth(w: World): void {
  const p = w.p;
  for (const v of w.vessels) {
    const ph = v.phases;
    // Loitering: runs of visible slow holds (consecutive holds merge).
    for (let i = 0; i < ph.length; i++) {
      if (ph[i].kind !== HOLD || ph[i].dark || ph[i].kn >= p['loitering.maxSpeedKn']) continue;
      let j = i;
      while (j + 1 < ph.length && ph[j + 1].kind === HOLD && !ph[j + 1].dark && ph[j + 1].kn < p['loitering.maxSpeedKn']) j++;
      const t0 = Math.max(ph[i].t0, v.start);
      const t1 = Math.min(ph[j].t1, v.end);
      const lat = (ph[i].lat0 + ph[j].lat1) / 2;
      const lon = (ph[i].lon0 + ph[j].lon1) / 2;
      const q = paramsAt(w.regions, p, lat, lon);
      const hours = (t1 - t0) / MS_PER_HOUR;
      const portKm = nearestPort(w.regions.ports, lat, lon)?.km ?? Infinity;
      const minKm = q['loitering.minDistanceFromPortKm'];
      const minH = q['loitering.minDurationHours'];
      if (hours >= minH - MARGIN_H && portKm >= minKm - 3) {
        const optional = hours < minH + MARGIN_H || portKm < minKm + 3 || t1 >= w.end - 2 * MS_PER_HOUR;
        w.addTruth({ type: 'loitering', mmsi: [idAt(v, t0).mmsi], start: t0, end: t1, lat, lon, scenario: 'derived', optional });
      }
      i = j;
    }
    // Gaps: dark stretches after visible motion, ending visible on the same MMSI.
    for (let i = 1; i < ph.length; i++) {
      if (!ph[i].dark || ph[i - 1].dark) continue;
      let j = i;
      while (j + 1 < ph.length && ph[j + 1].dark) j++;
      if (j + 1 >= ph.length) continue;
      const t0 = ph[i].t0;
      const t1 = ph[j].t1;
      const before = ph[i - 1];
      if (idAt(v, t0 - 1).mmsi !== idAt(v, t1).mmsi || t1 >= v.end) continue;
      if (before.kind !== MOVE || before.kn < p['gap.underwayMinSpeedKn']) continue;
      const q = paramsAt(w.regions, p, ph[i].lat0, ph[i].lon0);
      const hours = (t1 - t0) / MS_PER_HOUR;
      const portKm = nearestPort(w.regions.ports, ph[i].lat0, ph[i].lon0)?.km ?? Infinity;
      if (hours < q['gap.minHours'] - MARGIN_H || portKm < q['gap.minDistanceFromPortKm']) continue;
      w.addTruth({
        type: 'gap', mmsi: [idAt(v, t0).mmsi], start: t0, end: t1, lat: ph[i].lat0, lon: ph[i].lon0, scenario: 'derived',
        optional: hours < q['gap.minHours'] + MARGIN_H || t1 >= w.end - 2 * MS_PER_HOUR,
      });
    }
    // Visible DPRK port calls: visible holds inside a port area.
    for (let i = 0; i < ph.length; i++) {
      if (ph[i].kind !== HOLD || ph[i].dark) continue;
      const port = DPRK_PORTS.find((q) => distanceKm(ph[i].lat0, ph[i].lon0, q.lat, q.lon) <= p['port.entryRadiusKm'] - 0.5);
      if (!port) continue;
      let j = i;
      while (j + 1 < ph.length && ph[j + 1].kind === HOLD && !ph[j + 1].dark) j++;
      const t0 = Math.max(ph[i].t0, v.start);
      const t1 = Math.min(ph[j].t1, v.end);
      const hours = (t1 - t0) / MS_PER_HOUR;
      if (hours >= p['port.minVisitHours'] - MARGIN_H) {
        w.addTruth({
          type: 'port_call', mmsi: [idAt(v, t0).mmsi], start: t0, end: t1, lat: port.lat, lon: port.lon, scenario: `port_call ${port.name}`,
          optional: hours < p['port.minVisitHours'] + MARGIN_H || t1 >= w.end - 2 * MS_PER_HOUR,
        });
      }
      i = j;
    }
  }
}
