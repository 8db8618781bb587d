/** A match thread of the API: rebuilds the index it was sent, then answers single queries (match-pool.ts). */
import { parentPort, workerData } from 'node:worker_threads';
import { threadIndex } from './thread-index.js';
import { matchQuery } from '../match.js';
import type { MatchReply, MatchRequest, WorkerSetup } from './protocol.js';

const setup = workerData as Pick<WorkerSetup, 'entities' | 'versions'>;
const { index, position } = threadIndex(setup.entities, setup.versions);
const masks = new Map<string, Uint8Array>();

const port = parentPort!;
port.on('message', (m: MatchRequest) => {
  try {
    if (m.maskKey !== undefined && m.mask) masks.set(m.maskKey, m.mask);
    const mask = m.maskKey !== undefined ? masks.get(m.maskKey) : undefined;
    if (m.maskKey !== undefined && !mask) throw new Error(`unknown scope ${m.maskKey}`);
    const out = matchQuery(index, m.schema, m.properties, {
      ...(m.threshold !== undefined ? { threshold: m.threshold } : {}), ...(m.limit !== undefined ? { limit: m.limit } : {}),
      ...(m.floor !== undefined ? { floor: m.floor } : {}), ...(m.params ? { params: m.params } : {}), ...(mask ? { mask } : {}),
    });
    const results = out.results.map((r) => ({ at: position.get(r.entity)!, score: r.score, match: r.match, explanations: r.explanations }));
    port.postMessage({ id: m.id, results, total: out.total, candidates: out.candidates, usable: out.usable } satisfies MatchReply);
  } catch (err) {
    port.postMessage({ id: m.id, error: (err as Error).message } satisfies MatchReply);
  }
});
port.postMessage({ ready: true } satisfies MatchReply);
