/**
 * Parallel ingest: files cut into byte ranges decoded by worker threads (decode-worker.ts), results fed to one
 * pipeline in file order. Decoding is most of the cost of a run; the detectors keep this thread. At most
 * 3 × workers ranges are in flight, so memory stays bounded.
 */
import { statSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { AisStats } from '../../sources/ais/index.js';
import { MaritimePipeline, summarize, type RunOptions, type RunSummary } from './pipeline.js';
import { firstLine, formatOf } from './input-formats.js';
import type { DecodeResult, DecodeTask } from './decode-worker.js';
import { withOverrides } from './params.js';

const DEFAULT_CHUNK_BYTES = 8 << 20;

function addStats(a: AisStats | undefined, b: AisStats): AisStats {
  if (!a) return JSON.parse(JSON.stringify(b)) as AisStats;
  const sumMap = (x: Record<string | number, number | undefined>, y: Record<string | number, number | undefined>) => {
    for (const [k, v] of Object.entries(y)) x[k] = (x[k] ?? 0) + (v ?? 0);
  };
  a.lines += b.lines;
  a.sentences += b.sentences;
  a.timestampSentences += b.timestampSentences;
  a.messages += b.messages;
  a.positions += b.positions;
  a.statics += b.statics;
  a.timeDefaulted += b.timeDefaulted;
  sumMap(a.decoded, b.decoded);
  sumMap(a.unsupportedTypes, b.unsupportedTypes);
  sumMap(a.errors as Record<string, number>, b.errors as Record<string, number>);
  return a;
}

/** Feeds a decoded range: positions and static records merged back into stream order. */
function feedInto(pipe: MaritimePipeline, r: DecodeResult): void {
  const st = r.statics;
  const ns = st.mmsi.length;
  let j = 0;
  const flushStatics = (upTo: number) => {
    while (j < ns && st.t[j] <= upTo) {
      pipe.addStatic({
        mmsi: st.mmsi[j], t: st.t[j], msgType: st.msgType[j], imo: st.imo[j] ?? undefined, shipType: st.shipType[j] ?? undefined,
        name: st.name[j] ?? undefined, callSign: st.callSign[j] ?? undefined,
      });
      j++;
    }
  };
  // Positions in slices, statics in between up to each slice's last time (both lists are in stream order).
  const SLICE = 256;
  for (let i = 0; i < r.n; i += SLICE) {
    const e = Math.min(r.n, i + SLICE);
    flushStatics(r.t[i]);
    pipe.addColumns({ ...r, n: e - i, mmsi: r.mmsi.subarray(i, e), t: r.t.subarray(i, e), lat: r.lat.subarray(i, e), lon: r.lon.subarray(i, e),
      sog: r.sog.subarray(i, e), cog: r.cog.subarray(i, e), heading: r.heading.subarray(i, e), nav: r.nav.subarray(i, e), cls: r.cls.subarray(i, e) });
  }
  flushStatics(Infinity);
}

export async function runFilesParallel(o: RunOptions): Promise<RunSummary> {
  const started = performance.now();
  const workers = Math.max(1, o.workers ?? 1);
  const chunk = o.chunkBytes && o.chunkBytes > 1 << 20 ? o.chunkBytes : DEFAULT_CHUNK_BYTES;
  const base = withOverrides(o.params ?? {});
  const files = o.files.map((path) => ({ path, format: o.format ?? formatOf(path), bytes: statSync(path).size, decoder: undefined as AisStats | undefined }));
  const total = files.reduce((a, f) => a + f.bytes, 0);
  const streaming = o.streaming ?? total > base['ingest.inMemoryMaxMiB'] * 1048576;
  const pipe = new MaritimePipeline({ ...o, streaming });
  const tasks: (DecodeTask & { file: number })[] = [];
  files.forEach((f, file) => {
    const header = f.format === 'csv' ? firstLine(f.path) : undefined;
    for (let start = 0; start < f.bytes || (start === 0 && f.bytes === 0); start += chunk) {
      tasks.push({ id: tasks.length, file, path: f.path, format: f.format, start, end: Math.min(f.bytes, start + chunk), header, defaultTime: o.defaultTime });
      if (f.bytes === 0) break;
    }
  });
  const feed = (r: DecodeResult) => feedInto(pipe, r);
  const pool = Array.from({ length: workers }, () => new Worker(new URL('./decode-worker.js', import.meta.url)));
  const done = new Map<number, DecodeResult>();
  let next = 0;
  let sent = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      const idle: Worker[] = [];
      const dispatch = () => {
        while (idle.length && sent < tasks.length && sent - next < 3 * workers) idle.pop()!.postMessage(tasks[sent++]);
        if (next === tasks.length) resolve();
      };
      const apply = () => {
        for (let r = done.get(next); r; r = done.get(next)) {
          done.delete(next);
          const f = files[tasks[next].file];
          f.decoder = addStats(f.decoder, r.stats);
          feed(r);
          pipe.advance();
          next++;
        }
      };
      for (const w of pool) {
        w.on('message', (r: DecodeResult) => {
          done.set(r.id, r);
          idle.push(w);
          // Keep the workers busy while this thread feeds the pipeline.
          dispatch();
          try {
            apply();
          } catch (err) {
            reject(err);
            return;
          }
          dispatch();
        });
        w.on('error', reject);
        idle.push(w);
      }
      dispatch();
    });
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
  const emptyStats: AisStats = { lines: 0, sentences: 0, timestampSentences: 0, messages: 0, decoded: {}, unsupportedTypes: {}, positions: 0, statics: 0, timeDefaulted: 0, errors: {} };
  return summarize(pipe, files.map((f) => ({ path: f.path, format: f.format, bytes: f.bytes, decoder: f.decoder ?? emptyStats })), started);
}
