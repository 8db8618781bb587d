/** A batch screening thread: rebuilds the index it was sent, then screens chunks of rows as they come. */
import { parentPort, workerData } from 'node:worker_threads';
import { threadIndex } from './thread-index.js';
import { datasetScope } from '../datasets.js';
import { screenQuery, type Screening } from '../batch.js';
import { SuppressionList } from '../suppressions.js';
import type { MatchResult } from '../match.js';
import type { ChunkReply, ChunkRequest, WireResult, WireRow, WireScreening, WorkerSetup } from './protocol.js';

const setup = workerData as WorkerSetup;
const { index, position } = threadIndex(setup.entities, setup.versions);
const known = new Set(index.entities.flatMap((e) => e.datasets));
const scope = setup.dataset === 'default' ? undefined : datasetScope(setup.dataset, known);
const suppressions = setup.suppressions.length ? new SuppressionList(setup.suppressions) : undefined;

function wire(r: MatchResult): WireResult {
  return { at: position.get(r.entity)!, score: r.score, match: r.match, explanations: r.explanations };
}

function wireScreening(s: Screening): WireScreening {
  return {
    results: s.results.map(wire), suppressed: s.suppressed.map((x) => ({ result: wire(x.result), suppression: x.suppression })),
    total: s.total, candidates: s.candidates,
  };
}

const port = parentPort!;
port.on('message', (m: ChunkRequest) => {
  try {
    const rows: WireRow[] = m.rows.map((row) => (row.error ? { row } : {
      row,
      screening: wireScreening(screenQuery(index, { ...row, names: [row.name] }, {
        limit: setup.limit, ...(setup.threshold !== undefined ? { threshold: setup.threshold } : {}),
        ...(scope ? { filter: scope } : {}), ...(suppressions ? { suppressions } : {}),
      })),
    }));
    port.postMessage({ seq: m.seq, rows } satisfies ChunkReply);
  } catch (err) {
    port.postMessage({ seq: m.seq, error: (err as Error).message } satisfies ChunkReply);
  }
});
port.postMessage({ ready: true } satisfies ChunkReply);
