/**
 * A stored AIS run: the files (name, format, size, sha256) are recorded as a queued run; executing it runs the
 * pipeline (pipeline.ts), links the identities to the designated vessels the store holds (linkage.ts), applies the
 * 180-day look-back as of the end of the data, scores every vessel (risk.ts) and writes events and vessel summaries
 * with the run's `done` status in one transaction. Any failure marks the run failed with the message; earlier runs are
 * never touched. Used by `chokepoint ais detect --store` and `POST /ais/uploads`.
 */
import { createHash } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { Db } from '../../store/db.js';
import { createRun, failRun, finishRun, getRun, startRun, type AisRun, type AisRunFile } from '../../store/maritime.js';
import type { CsvColumnMapping } from '../../sources/ais/index.js';
import { firstLine, formatOf, type InputFormat } from './input-formats.js';
import { runFiles, type MaritimePipeline, type RunSummary } from './pipeline.js';
import type { MaritimeEvent } from './events.js';
import { withOverrides } from './params.js';
import type { Regions } from './regions.js';
import { linkVessels, lookback, type NameMatcher } from './linkage.js';
import { riskSummary } from './risk.js';
import { designatedVessels } from './designated.js';
import { dataEnd, vesselSummaries } from './vessel-summary.js';

export interface RunFileInput {
  path: string;
  /** The name to record (an upload's original name); default the path's base name. */
  name?: string;
  /** The file's sha256 when already known (an upload hashes while it streams). */
  sha256?: string;
}

/** A CSV header names an mmsi column; anything else is read as NMEA. */
const CSV_HEADER = /(^|[,;"\s])(mmsi|ssvid)([,;"\s]|$)/i;

/** The format by extension (.csv/.tsv), else by the first line (a CSV header naming mmsi), else NMEA. */
export function detectFormat(path: string, name = path): InputFormat {
  if (formatOf(name) === 'csv') return 'csv';
  if (/\.(nmea|nm4|txt|ais|log)$/i.test(name)) return 'nmea';
  const head = firstLine(path);
  return CSV_HEADER.test(head) && head.includes(',') ? 'csv' : 'nmea';
}

export async function sha256File(path: string): Promise<string> {
  const h = createHash('sha256');
  for await (const chunk of createReadStream(path)) h.update(chunk as Buffer);
  return h.digest('hex');
}

/** Name, format, size and sha256 of each file (the format given, or detected per file). */
export async function describeFiles(files: readonly RunFileInput[], format?: InputFormat): Promise<AisRunFile[]> {
  const out: AisRunFile[] = [];
  for (const f of files) {
    const name = f.name ?? basename(f.path);
    out.push({ name, format: format ?? detectFormat(f.path, name), bytes: statSync(f.path).size, sha256: f.sha256 ?? await sha256File(f.path) });
  }
  return out;
}

export interface StoredRunOptions {
  files: RunFileInput[];
  format?: InputFormat;
  /** Parameter overrides by name (params.ts). */
  params?: Partial<Record<string, number>>;
  regions?: Regions;
  mapping?: CsvColumnMapping;
  streaming?: boolean;
  defaultTime?: number;
  /** Screening-backed name matching for linkage (default: identity keys equal). */
  nameMatcher?: NameMatcher;
  /** Also receive each event (the CLI writes them to its JSON Lines file). */
  onEvent?: (e: MaritimeEvent) => void;
  onIdentities?: (ids: ReturnType<MaritimePipeline['identities']>) => void;
}

/** Records the files as a queued run (hashing them); returns the run id. Unknown parameter names throw. */
export async function queueRun(db: Db, o: StoredRunOptions, origin: string): Promise<number> {
  const params = withOverrides(o.params ?? {});
  const files = await describeFiles(o.files, o.format);
  return createRun(db, { files, origin, params });
}

export type RunOutcome = { ok: true; run: AisRun; summary: RunSummary } | { ok: false; run: AisRun | undefined; error: Error };

/**
 * Executes a queued run. Never throws for bad input or a failed detection: the run is marked failed and the outcome
 * says why (a database that fails while marking it is the one error that propagates).
 */
export async function executeRun(db: Db, id: number, o: StoredRunOptions): Promise<RunOutcome> {
  if (!(await startRun(db, id))) return { ok: false, run: await getRun(db, id), error: new Error(`AIS run ${id} is not queued`) };
  let summary: RunSummary | undefined;
  try {
    const params = withOverrides(o.params ?? {});
    const run = await getRun(db, id);
    const events: MaritimeEvent[] = [];
    let identities: ReturnType<MaritimePipeline['identities']> = [];
    summary = await runFiles({
      files: o.files.map((f) => f.path), params: o.params, regions: o.regions, mapping: o.mapping, streaming: o.streaming, defaultTime: o.defaultTime,
      // Each file's format as recorded (given, or detected from its name and first line).
      format: o.format ?? (run && run.format !== 'mixed' ? run.format : undefined),
      onEvent: (e) => {
        events.push(e);
        o.onEvent?.(e);
      },
      onIdentities: (ids) => {
        identities = ids;
        o.onIdentities?.(ids);
      },
    });
    const links = await linkVessels(identities, await designatedVessels(db), { params, nameMatcher: o.nameMatcher });
    const asOf = dataEnd(events, identities);
    const hits = asOf === undefined ? new Map() : lookback(events, asOf, { params });
    const risk = riskSummary(events, { links, lookback: hits, params });
    const vessels = vesselSummaries({ identities, events, links, lookback: hits, lookbackAsOf: asOf, lookbackDays: params['linkage.lookbackDays'], risk });
    const { files, skipped, events: byType, positions, statics, vessels: mmsis, ...rest } = summary;
    await finishRun(db, id, {
      counts: {
        positions, statics, mmsis, events: Object.values(byType).reduce((a, b) => a + b, 0), eventsByType: byType,
        vesselSummaries: vessels.length, links: links.length, lookbackVessels: hits.size, skipped: Object.values(skipped).reduce((a, b) => a + b, 0),
      },
      skipped,
      summary: { files: files.map((f) => ({ ...f, path: basename(f.path) })), ...rest },
      events,
      vessels,
    });
    return { ok: true, run: (await getRun(db, id))!, summary };
  } catch (err) {
    const error = err instanceof Error ? err : new Error(String(err));
    await failRun(db, id, error.message, summary?.skipped);
    return { ok: false, run: await getRun(db, id), error };
  }
}
