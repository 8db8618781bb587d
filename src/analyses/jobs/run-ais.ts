import { Worker } from 'node:worker_threads';
import type { AisPartition, AisSpec } from './ais.js';
import { PermanentJobError, type PartitionOutput } from './types.js';

/** Runs an AIS window on a thread of its own (see ais-thread.ts). */
export function runAisWindowThreaded(spec: AisSpec, part: AisPartition): Promise<PartitionOutput> {
  return new Promise((resolve, reject) => {
    const t = new Worker(new URL('./ais-thread.js', import.meta.url), { workerData: { spec, part } });
    let settled = false;
    t.once('message', (m: { ok: true; lines: string[]; positions: number } | { ok: false; message: string; permanent: boolean }) => {
      settled = true;
      if (m.ok) resolve({ output: m.lines.map((l) => `${l}\n`).join(''), items: m.lines.length, versions: [], stats: { positions: m.positions } });
      else reject(m.permanent ? new PermanentJobError(m.message) : new Error(m.message));
    });
    t.once('error', (err) => {
      settled = true;
      reject(err);
    });
    t.once('exit', (code) => {
      if (!settled) reject(new Error(`AIS window thread exited with code ${code}`));
    });
  });
}
