/**
 * AIS detection as jobs: the period the files cover is cut into time windows [start, end); a job runs the detectors
 * on its window's records plus `overlap` on each side (maritime/pipeline.ts detectWindow) and keeps the events that
 * start inside its window. Every event is owned by exactly one window (the one holding its start), so windows that
 * tile the period find each event once; with an overlap longer than every event and than the history an event's
 * evidence counts, each is found exactly as one run over everything finds it (default overlap 48 h: tested on the
 * simulator; see docs/scale.md).
 *
 * Files: a job names the files it reads (paths every worker must reach: a shared file system or the same mount on
 * each machine). The submitter samples each file's head and tail for its time span, and a window reads only the files
 * whose span meets it. A file whose records stray outside its sampled span (more than the lateness bound,
 * ingest.maxLatenessMinutes) would be read wrongly: the worker that reads it checks every record and fails the batch
 * with a message naming the file.
 *
 * Region filter (optional): a longitude band [west, east). The job reads the whole track of every vessel seen within
 * the band widened by a margin, and keeps the events whose position lies in the band.
 */
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { createCsvDecoder, createNmeaDecoder, type AisPosition, type AisStatic } from '../../sources/ais/index.js';
import { csvMappingForHeader, firstLine, formatOf, type InputFormat } from '../maritime/input-formats.js';
import { detectWindow } from '../maritime/pipeline.js';
import { withOverrides } from '../maritime/params.js';
import { loadRegions } from '../maritime/regions.js';
import type { MaritimeEvent } from '../maritime/events.js';
import { PermanentJobError } from './types.js';

export const HOUR = 3_600_000;
/** Far enough out to stand for "no bound" in a JSON payload. */
const FAR = 8.64e15;

export interface AisFile {
  path: string;
  format: InputFormat;
  /** Sampled time span (epoch ms), widened by the lateness bound. */
  min: number;
  max: number;
}

export interface AisSpec {
  files: AisFile[];
  windowHours: number;
  overlapHours: number;
  params: Record<string, number>;
  regionsDir?: string;
  defaultTime?: number;
  /** Longitude band edges (sorted), when partitioned by region too. */
  lonEdges?: number[];
  marginDeg?: number;
}

export interface AisPartition {
  start: number;
  end: number;
  /** Longitude band [west, east), or absent for the whole world. */
  band?: [number, number];
  /** Indices into spec.files of the files this window reads. */
  files: number[];
}

const SAMPLE_BYTES = 1 << 20;

function readBytes(path: string, offset: number, length: number): Buffer {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(length);
    const n = readSync(fd, buf, 0, length, offset);
    return buf.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

/** Decodes a buffer (whole lines after the first cut) and returns the smallest and largest record time. */
function span(path: string, format: InputFormat, chunks: Buffer[], defaultTime: number | undefined): { min: number; max: number } {
  let min = Infinity, max = -Infinity;
  const on = (r: { t: number }) => {
    if (r.t < min) min = r.t;
    if (r.t > max) max = r.t;
  };
  for (const chunk of chunks) {
    if (format === 'csv') {
      const dec = createCsvDecoder({ mapping: csvMappingForHeader(firstLine(path)), onPosition: on, onStatic: on, defaultTime });
      dec.push(`${firstLine(path)}\n`);
      dec.push(chunk);
      dec.end();
    } else {
      const dec = createNmeaDecoder({ onPosition: on, onStatic: on, defaultTime });
      dec.push(chunk);
      dec.end();
    }
  }
  return { min, max };
}

/** A file's time span from its first and last megabyte (the whole file when smaller), widened by `marginMs`. */
export function sampleFile(path: string, format: InputFormat | undefined, marginMs: number, defaultTime?: number): AisFile {
  const f = format ?? formatOf(path);
  const size = statSync(path).size;
  let chunks: Buffer[];
  if (size <= 2 * SAMPLE_BYTES) {
    const all = readBytes(path, 0, size);
    // The CSV header is pushed separately: skip it here.
    chunks = [f === 'csv' ? all.subarray(all.indexOf(10) + 1) : all];
  } else {
    const head = readBytes(path, 0, SAMPLE_BYTES);
    const tail = readBytes(path, size - SAMPLE_BYTES, SAMPLE_BYTES);
    chunks = [f === 'csv' ? head.subarray(head.indexOf(10) + 1) : head, tail.subarray(tail.indexOf(10) + 1)];
  }
  const s = span(path, f, chunks, defaultTime);
  return { path, format: f, min: s.min - marginMs, max: s.max + marginMs };
}

/** Cuts the files' period into windows (and longitude bands) and lists each window's files. */
export function planWindows(spec: AisSpec): AisPartition[] {
  const known = spec.files.filter((f) => Number.isFinite(f.min));
  if (!known.length) return [];
  const margin = withOverrides(spec.params)['ingest.maxLatenessMinutes'] * 60_000;
  const lo = Math.min(...known.map((f) => f.min + margin));
  const hi = Math.max(...known.map((f) => f.max - margin));
  const w = spec.windowHours * HOUR, overlap = spec.overlapHours * HOUR;
  const first = Math.floor(lo / HOUR) * HOUR;
  const bands: ([number, number] | undefined)[] = spec.lonEdges?.length
    ? [-180, ...spec.lonEdges].map((west, i, a) => [west, i + 1 < a.length ? a[i + 1] : 181] as [number, number])
    : [undefined];
  const out: AisPartition[] = [];
  for (let s = first; s <= hi; s += w) {
    // The first and last windows are open-ended: no record is outside every window.
    const start = s === first ? -FAR : s;
    const end = s + w > hi ? FAR : s + w;
    const files = spec.files.map((f, i) => ({ f, i }))
      .filter(({ f }) => Number.isFinite(f.min) && f.max >= start - overlap && f.min < end + overlap).map(({ i }) => i);
    for (const band of bands) out.push({ start, end, ...(band ? { band } : {}), files });
  }
  return out;
}

/**
 * Reads the window's files in turn, yielding the positions in [lo, hi) as they are decoded (the pipeline keeps its
 * own compact copy: no second copy of the window is held) and collecting the static messages into `statics` (the
 * pipeline reads them after the positions). Checks that every record lies in its file's sampled span.
 */
function* readWindow(files: AisFile[], lo: number, hi: number, defaultTime: number | undefined, statics: AisStatic[]): Generator<AisPosition> {
  for (const f of files) {
    let stray: number | undefined;
    let pending: AisPosition[] = [];
    const check = (t: number) => {
      if ((t < f.min || t > f.max) && stray === undefined) stray = t;
    };
    const onPosition = (p: AisPosition) => {
      check(p.t);
      if (p.t >= lo && p.t < hi) pending.push(p);
    };
    const onStatic = (st: AisStatic) => {
      check(st.t);
      if (st.t >= lo && st.t < hi) statics.push(st);
    };
    const dec = f.format === 'csv'
      ? createCsvDecoder({ mapping: csvMappingForHeader(firstLine(f.path)), onPosition, onStatic, defaultTime, reuseRecords: false })
      : createNmeaDecoder({ onPosition, onStatic, defaultTime, reuseRecords: false });
    const fd = openSync(f.path, 'r');
    try {
      const buf = Buffer.alloc(1 << 20);
      for (;;) {
        const n = readSync(fd, buf, 0, buf.length, null);
        if (n <= 0) break;
        dec.push(buf.subarray(0, n));
        const out = pending;
        pending = [];
        yield* out;
      }
      dec.end();
      yield* pending;
    } finally {
      closeSync(fd);
    }
    if (stray !== undefined) {
      throw new PermanentJobError(`${f.path}: a record at ${new Date(stray).toISOString()} lies outside the time span sampled from the file's `
        + `head and tail (${new Date(f.min).toISOString()} – ${new Date(f.max).toISOString()}): the file is not in time order; `
        + 'sort it or run `chokepoint ais detect` on it in one process');
    }
  }
}

function inBand(lon: number, band: [number, number]): boolean {
  return lon >= band[0] && lon < band[1];
}

/** Runs one window: reads its files, detects, returns the events it owns (one JSON line each, sorted). */
export async function runAisWindow(spec: AisSpec, part: AisPartition): Promise<{ lines: string[]; positions: number }> {
  const overlap = spec.overlapHours * HOUR;
  const lo = part.start - overlap, hi = part.end + overlap;
  const files = part.files.map((i) => spec.files[i]);
  const regions = loadRegions(spec.regionsDir);
  const statics: AisStatic[] = [];
  let count = 0;
  let events: MaritimeEvent[];
  if (!part.band) {
    const positions = (function* counted() {
      for (const p of readWindow(files, lo, hi, spec.defaultTime, statics)) {
        count++;
        yield p;
      }
    })();
    events = detectWindow({ positions, statics, start: part.start, end: part.end, overlapMs: overlap, params: spec.params, regions });
  } else {
    // A band: the whole track of every vessel seen in the band widened by the margin (two passes over the records).
    const m = spec.marginDeg ?? 2;
    const wide: [number, number] = [part.band[0] - m, part.band[1] + m];
    const keep = new Set<number>();
    for (const p of readWindow(files, lo, hi, spec.defaultTime, [])) if (inBand(p.lon, wide)) keep.add(p.mmsi);
    const positions = (function* kept() {
      for (const p of readWindow(files, lo, hi, spec.defaultTime, statics)) {
        if (!keep.has(p.mmsi)) continue;
        count++;
        yield p;
      }
    })();
    const band = part.band;
    events = detectWindow({ positions, statics: { [Symbol.iterator]: () => statics.filter((st) => keep.has(st.mmsi))[Symbol.iterator]() }, start: part.start, end: part.end, overlapMs: overlap, params: spec.params, regions })
      .filter((e) => inBand(e.lon, band));
  }
  return { lines: sortEvents(events.map((e) => JSON.stringify(e))), positions: count };
}

/**
 * The order of merged event files: by start time, type, MMSIs, then the whole line. `chokepoint ais detect` writes
 * events as the detectors finish them; sorted the same way, the two files are byte for byte the same.
 */
export function sortEvents(lines: string[]): string[] {
  const keyed = lines.map((l) => {
    const e = JSON.parse(l) as MaritimeEvent;
    return { l, k: `${e.start}\u0000${e.type}\u0000${e.mmsi.join(',')}` };
  });
  keyed.sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : a.l < b.l ? -1 : a.l > b.l ? 1 : 0));
  return keyed.map((x) => x.l);
}
