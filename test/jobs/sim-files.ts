import { join } from 'node:path';
import { simulate, type SimOptions, type SimResult } from '../../bench/maritime-sim/simulate.js';
import { NmeaWriter, type SimPosition, type SimStatic } from '../../bench/maritime-sim/writers.js';

const DAY = 86_400_000;

/** Writes a simulator scenario as NMEA files in `dir`: one file, or one per UTC day (`perDay`), as AIS feeds come. */
export function simulateFiles(dir: string, o: SimOptions, perDay = false): { files: string[]; sim: SimResult } {
  const files: string[] = [];
  let day = NaN;
  let w: NmeaWriter | undefined;
  const writer = (t: number): NmeaWriter => {
    const d = perDay ? Math.floor(t / DAY) : 0;
    if (!w || d !== day) {
      w?.close();
      day = d;
      const path = join(dir, perDay ? `ais-${new Date(d * DAY).toISOString().slice(0, 10)}.nmea` : 'ais.nmea');
      files.push(path);
      w = new NmeaWriter(path);
    }
    return w;
  };
  const sim = simulate(o, {
    position: (p: SimPosition) => writer(p.t).position(p),
    static: (s: SimStatic) => writer(s.t).static(s),
  });
  w?.close();
  return { files, sim };
}
