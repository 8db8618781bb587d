/**
 * Runs one AIS window on a worker thread: detection is synchronous and can take minutes, and the worker's main thread
 * must stay free to renew the job's lease (its heartbeat) meanwhile.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { runAisWindow, type AisPartition, type AisSpec } from './ais.js';
import { PermanentJobError } from './types.js';

const { spec, part } = workerData as { spec: AisSpec; part: AisPartition };
try {
  const r = await runAisWindow(spec, part);
  parentPort!.postMessage({ ok: true, lines: r.lines, positions: r.positions });
} catch (err) {
  const e = err as Error;
  parentPort!.postMessage({ ok: false, message: e.message, permanent: e instanceof PermanentJobError });
}
