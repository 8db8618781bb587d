import { test } from 'node:test';
import assert from 'node:assert/strict';
import { simulate } from '../../bench/maritime-sim/simulate.js';
import type { SimPosition, SimStatic } from '../../bench/maritime-sim/writers.js';
import { detectWindow, MaritimePipeline } from '../../src/analyses/maritime/pipeline.js';
import type { AisPosition, AisStatic } from '../../src/sources/ais/index.js';
import type { MaritimeEvent } from '../../src/analyses/maritime/events.js';

const DAY = 86_400_000;

test('detectWindow is a pure function of its window; tiling windows with overlap finds each event exactly once', () => {
  const positions: AisPosition[] = [];
  const statics: AisStatic[] = [];
  const sim = simulate({ seed: 41, vessels: 80, days: 4 }, {
    position: (p: SimPosition) => positions.push({ ...p, msgType: p.cls === 'B' ? 18 : 1 }),
    static: (s: SimStatic) => statics.push({ mmsi: s.mmsi, t: s.t, msgType: s.cls === 'B' ? 24 : 5, name: s.name, callSign: s.callSign, imo: s.imo, shipType: s.shipType }),
  });
  const full: MaritimeEvent[] = [];
  const pipe = new MaritimePipeline({ onEvent: (e) => full.push(e) });
  for (const p of positions) pipe.addPosition(p);
  for (const s of statics) pipe.addStatic(s);
  pipe.finish();

  const overlapMs = 1.5 * DAY;
  const windows: MaritimeEvent[] = [];
  for (let w = sim.start; w < sim.end; w += DAY) {
    windows.push(...detectWindow({ positions, statics, start: w, end: w + DAY, overlapMs }));
  }
  // Pure: the same window twice gives the same events.
  const again = detectWindow({ positions, statics, start: sim.start + DAY, end: sim.start + 2 * DAY, overlapMs });
  assert.deepEqual(again, detectWindow({ positions, statics, start: sim.start + DAY, end: sim.start + 2 * DAY, overlapMs }));

  // Events that fit in the overlap are found once, with the same type, MMSIs and times as in one run over everything.
  const key = (e: MaritimeEvent) => `${e.type} ${e.mmsi.join(',')} ${e.start} ${e.end}`;
  const fits = (e: MaritimeEvent) => Date.parse(e.end) - Date.parse(e.start) < overlapMs - 6 * 3_600_000;
  const a = full.filter(fits).map(key).sort();
  const b = windows.filter(fits).map(key).sort();
  assert.ok(a.length > 30, String(a.length));
  assert.deepEqual(b, a);
  assert.equal(new Set(b).size, b.length, 'no event twice');
});
