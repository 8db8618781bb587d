/**
 * The maritime pipeline: ingest → tracks → all detectors, streaming with bounded memory.
 *
 *   decoded records ─► TrackBuffer (time buckets, sorted per vessel) ─► per bucket:
 *     invalid MMSI · segmentation · reception history · identity timeline + changes · loitering · port calls ·
 *     encounter resampling · shared MMSI · gap collection;  end of bucket: encounter pairing, gap judgement
 *     (→ inferred port calls, one-sided encounters), segment closures, pending identity/shared-MMSI events.
 *
 * Memory holds the unreleased time span (streaming mode: the lateness bound), per-vessel and per-open-segment state,
 * and a bounded reception history; never the whole input. `detectWindow` runs the same machinery on one time window
 * (with overlap) and keeps the events that start inside it — the unit of work for distributed workers.
 */
import { createReadStream, statSync } from 'node:fs';
import { open } from 'node:fs/promises';
import {
  createNmeaDecoder, createCsvDecoder, POSITION_VALUES, type AisPosition, type AisStatic, type AisStats, type CsvColumnMapping,
} from '../../sources/ais/index.js';
import { csvMappingForHeader, firstLine, formatOf, type InputFormat } from './input-formats.js';
import { TrackBuffer, type Bucket, type TrackStats } from './tracks.js';
import { Segmenter, type SegmentStats } from './segments.js';
import { Coverage } from './coverage.js';
import { IdentityTracker } from './identity.js';
import { IdentityChangeDetector } from './identity-change.js';
import { LoiteringDetector } from './loitering.js';
import { PortCallDetector } from './port-call.js';
import { EncounterDetector } from './encounter.js';
import { OneSidedEncounterMatcher } from './encounter-one-sided.js';
import { GapDetector } from './gap.js';
import { SharedMmsiDetector } from './shared-mmsi.js';
import { InvalidMmsiDetector } from './invalid-mmsi.js';
import { type DetectorContext, growF64 } from './context.js';
import { EVENT_TYPES, finishEvent, type EventDraft, type MaritimeEvent, type MaritimeEventType } from './events.js';
import { defaultParams, withOverrides, type Params } from './params.js';
import { builtinRegions, regionName, type Regions } from './regions.js';
import { VesselTable } from './columns.js';

export { CHOKEPOINT_CSV_MAPPING, csvMappingForHeader, formatOf, type InputFormat } from './input-formats.js';

export interface PipelineOptions {
  /** Parameter overrides by name (params.ts). */
  params?: Partial<Record<string, number>>;
  regions?: Regions;
  /** true: release buckets behind the watermark (bounded memory, late records skipped); false: keep all, any order. */
  streaming?: boolean;
  onEvent?: (e: MaritimeEvent) => void;
  /** Fixes flagged for implausible implied speed (track quality; not events). */
  onImplausibleSpeed?: (f: ImplausibleSpeed) => void;
}

export interface ImplausibleSpeed {
  mmsi: number;
  t: number;
  lat: number;
  lon: number;
  impliedKn: number;
  reportedKn: number;
  meters: number;
  seconds: number;
  /** The fix started a new segment (beyond segment.maxSpeedKn) rather than only being flagged. */
  split: boolean;
}

export const STAGES = [
  'invalid_mmsi', 'segment', 'coverage', 'identity', 'loitering', 'port_call', 'encounter', 'shared_mmsi', 'gap', 'end_of_bucket',
] as const;
export type Stage = (typeof STAGES)[number];

export interface PipelineSummary {
  positions: number;
  statics: number;
  vessels: number;
  streaming: boolean;
  tracks: TrackStats;
  segments: SegmentStats;
  events: Record<MaritimeEventType, number>;
  detectors: Record<string, unknown>;
  /** Milliseconds per stage (the time spent outside them is decoding and buffering). */
  stageMs: Record<Stage, number>;
  peakRssMiB: number;
  /** MMSIs with the most fixes flagged for implausible speed (top 20). */
  implausibleSpeedByMmsi: { mmsi: number; fixes: number }[];
}

/** The smallest gap threshold in force anywhere (base or a region override). */
function minSilenceHours(p: Params, r: Regions): number {
  let h = Math.min(p['gap.minHours'], p['port.inferMinGapHours'], p['encounter.oneSidedMinOverlapHours']);
  for (const o of r.overrides) {
    const g = o.overrides['gap.minHours'];
    if (g !== undefined) h = Math.min(h, g);
  }
  return h;
}

export class MaritimePipeline {
  readonly params: Params;
  readonly regions: Regions;
  readonly vessels = new VesselTable();
  readonly tracks: TrackBuffer;
  readonly seg: Segmenter;
  readonly identity: IdentityTracker;
  private readonly coverage: Coverage;
  private readonly identityChange: IdentityChangeDetector;
  private readonly loitering: LoiteringDetector;
  private readonly portCall: PortCallDetector;
  private readonly encounter: EncounterDetector;
  private readonly oneSided: OneSidedEncounterMatcher;
  private readonly gap: GapDetector;
  private readonly shared: SharedMmsiDetector;
  private readonly invalid: InvalidMmsiDetector;
  private readonly onEvent?: (e: MaritimeEvent) => void;
  private readonly onImplausibleSpeed?: (f: ImplausibleSpeed) => void;
  private readonly speedFlagsByMmsi = new Map<number, number>();
  private readonly streaming: boolean;
  private lastLat = new Float64Array(0);
  private lastLon = new Float64Array(0);
  private readonly eventCounts = Object.fromEntries(EVENT_TYPES.map((t) => [t, 0])) as Record<MaritimeEventType, number>;
  private readonly stageMs = Object.fromEntries(STAGES.map((s) => [s, 0])) as Record<Stage, number>;
  private peakRss = 0;
  private finished = false;

  constructor(o: PipelineOptions = {}) {
    this.params = withOverrides(o.params ?? {}, defaultParams());
    this.regions = o.regions ?? builtinRegions();
    this.onEvent = o.onEvent;
    this.onImplausibleSpeed = o.onImplausibleSpeed;
    this.streaming = o.streaming ?? false;
    this.seg = new Segmenter(this.params, minSilenceHours(this.params, this.regions));
    const ctx: DetectorContext = {
      params: this.params, regions: this.regions, vessels: this.vessels, seg: this.seg,
      emit: (d) => this.emit(d),
      lastPosition: (v) => (v < this.lastLat.length && this.lastLat[v] === this.lastLat[v]
        ? { lat: this.lastLat[v], lon: this.lastLon[v], known: true } : { lat: 0, lon: 0, known: false }),
    };
    this.coverage = new Coverage(this.params);
    this.identity = new IdentityTracker(this.params);
    this.identityChange = new IdentityChangeDetector(ctx, (v) => this.identity.current(v, 'name'));
    this.loitering = new LoiteringDetector(ctx);
    this.portCall = new PortCallDetector(ctx);
    this.encounter = new EncounterDetector(ctx);
    this.oneSided = new OneSidedEncounterMatcher(ctx);
    this.gap = new GapDetector(ctx, this.coverage);
    this.shared = new SharedMmsiDetector(ctx);
    this.invalid = new InvalidMmsiDetector(ctx);
    this.identity.onChange = this.identityChange.onChange;
    this.identity.onAlternation = this.shared.onIdentityAlternation;
    this.identityChange.sharedAround = (v, t) => this.shared.sharedAround(v, t);
    this.identityChange.onSharedNames = (v, names) => this.shared.noteNames(v, names);
    this.loitering.onLoitering = this.oneSided.onLoitering;
    this.gap.listeners.push(this.portCall.onSilence, this.oneSided.onSilence);
    this.tracks = new TrackBuffer(this.params, (b) => this.onBucket(b), this.streaming, this.vessels);
  }

  /** Handler for the AIS readers (records are copied: reuse is safe). */
  readonly addPosition = (p: AisPosition): void => this.tracks.addPosition(p);
  readonly addStatic = (s: AisStatic): void => this.tracks.addStatic(s);

  private emit(d: EventDraft): void {
    const imo: number[] = [];
    for (const m of d.mmsi) {
      const v = this.vessels.find(m);
      const i = v >= 0 ? this.identity.imoOf(v) : undefined;
      if (i !== undefined && !imo.includes(i)) imo.push(i);
    }
    const e = finishEvent(d, imo, regionName(this.regions, d.lat, d.lon));
    this.eventCounts[e.type]++;
    this.onEvent?.(e);
  }

  private time(stage: Stage, t0: number): number {
    const t = performance.now();
    this.stageMs[stage] += t - t0;
    return t;
  }

  private onBucket(b: Bucket): void {
    let t = performance.now();
    this.invalid.process(b);
    this.invalid.processStatics(b.statics);
    t = this.time('invalid_mmsi', t);
    this.seg.assign(b);
    this.updateLastPositions(b);
    if (this.seg.speedFlags.length) this.reportSpeedFlags(b);
    t = this.time('segment', t);
    this.coverage.record(b);
    t = this.time('coverage', t);
    this.identity.process(b.statics);
    this.identityChange.processStatics(b.statics);
    t = this.time('identity', t);
    this.loitering.process(b);
    t = this.time('loitering', t);
    this.portCall.process(b);
    t = this.time('port_call', t);
    this.encounter.process(b);
    t = this.time('encounter', t);
    this.shared.process(b);
    t = this.time('shared_mmsi', t);
    this.gap.collect(b);
    t = this.time('gap', t);
    this.endOfBucket(b.end);
    this.time('end_of_bucket', t);
    const rss = process.memoryUsage.rss();
    if (rss > this.peakRss) this.peakRss = rss;
  }

  private reportSpeedFlags(b: Bucket): void {
    const c = b.cols;
    for (const f of this.seg.speedFlags) {
      const mmsi = this.vessels.mmsi[c.vessel[f.row]];
      this.speedFlagsByMmsi.set(mmsi, (this.speedFlagsByMmsi.get(mmsi) ?? 0) + 1);
      this.onImplausibleSpeed?.({
        mmsi, t: c.t[f.row], lat: c.lat[f.row], lon: c.lon[f.row], impliedKn: f.impliedKn, reportedKn: f.reportedKn, meters: f.meters, seconds: f.seconds, split: f.split,
      });
    }
  }

  private endOfBucket(end: number): void {
    this.encounter.finishBucket(end);
    this.gap.finishBucket(end);
    this.closeSegments();
    this.identityChange.flush(end);
    this.shared.flush(end);
  }

  private closeSegments(): void {
    const closing = this.seg.closingSlots();
    if (closing.length) {
      this.loitering.close(closing);
      this.portCall.close(closing);
      this.encounter.close(closing);
    }
    this.seg.release();
  }

  private updateLastPositions(b: Bucket): void {
    const n = this.vessels.count;
    if (this.lastLat.length < n) {
      this.lastLat = growF64(this.lastLat, n, NaN);
      this.lastLon = growF64(this.lastLon, n, NaN);
    }
    const c = b.cols;
    for (let r = 0; r < b.runs; r++) {
      const last = b.runStart[r + 1] - 1;
      if (last < b.runStart[r]) continue;
      const v = b.runVessel[r];
      this.lastLat[v] = c.lat[last];
      this.lastLon[v] = c.lon[last];
    }
  }

  /**
   * Every MMSI's identity timeline (confirmed names, call signs, IMO numbers, ship types per class, the flag from the
   * MID) with what linkage.ts needs: IMO numbers and names.
   */
  identities(): (NonNullable<ReturnType<IdentityTracker['timeline']>> & { imos: number[]; names: string[] })[] {
    const out = [];
    for (const v of this.identity.vesselIndices()) {
      const tl = this.identity.timeline(v)!;
      const imos = [...new Set(tl.entries.filter((e) => e.field === 'imo').map((e) => Number(e.value)))];
      const names = [...new Set(tl.entries.filter((e) => e.field === 'name').map((e) => e.value))];
      out.push({ ...tl, imos, names });
    }
    return out;
  }

  /** Releases what the watermark allows (streaming mode; called by readers between chunks). */
  advance(): void {
    this.tracks.advance();
  }

  /** End of input: releases the rest, closes every segment and pending event. */
  finish(): PipelineSummary {
    if (!this.finished) {
      this.finished = true;
      this.tracks.finish();
      this.seg.closeAll();
      this.loitering.close(this.seg.closingSlots());
      this.portCall.close(this.seg.closingSlots());
      this.encounter.close(this.seg.closingSlots());
      this.encounter.finish();
      this.gap.finishBucket();
      this.seg.release();
      this.identityChange.finish();
      this.shared.finish();
      this.invalid.finish();
    }
    const tr = this.tracks.stats();
    return {
      positions: tr.positions, statics: tr.statics, vessels: this.vessels.count, streaming: this.streaming, tracks: tr,
      segments: { ...this.seg.stats }, events: { ...this.eventCounts },
      detectors: {
        encounter: this.encounter.counts, oneSidedEncounters: this.oneSided.emitted, gap: this.gap.counts, loitering: this.loitering.emitted,
        portCall: this.portCall.counts, identity: { ...this.identity.counts, ...this.identityChange.counts }, sharedMmsi: this.shared.counts,
        invalidMmsi: this.invalid.counts,
      },
      implausibleSpeedByMmsi: [...this.speedFlagsByMmsi].sort((a, b) => b[1] - a[1]).slice(0, 20).map(([mmsi, fixes]) => ({ mmsi, fixes })),
      stageMs: { ...this.stageMs }, peakRssMiB: Math.round(Math.max(this.peakRss, process.memoryUsage.rss()) / 1048576),
    };
  }
}

export interface RunOptions extends PipelineOptions {
  files: string[];
  /** Called with the identity timelines at the end of the run (see MaritimePipeline.identities). */
  onIdentities?: (ids: ReturnType<MaritimePipeline['identities']>) => void;
  /** Default: by extension (.csv → csv, else nmea). */
  format?: InputFormat;
  /** CSV layout; default chosen from each file's header. */
  mapping?: CsvColumnMapping;
  /** Force streaming (true) or in-memory (false); default: streaming when the inputs exceed ingest.inMemoryMaxMiB. */
  streaming?: boolean;
  /** Read chunk size (bytes). */
  chunkBytes?: number;
  /** Receive time (epoch ms) for messages whose line carries none (else they are skipped as no_time). */
  defaultTime?: number;
}

export interface RunSummary extends PipelineSummary {
  files: { path: string; format: InputFormat; bytes: number; decoder: AisStats }[];
  /** Everything skipped, by reason (decoder and track stages together). */
  skipped: Record<string, number>;
  wallMs: number;
  /** Wall time outside the pipeline stages: reading, decoding, buffering. */
  ingestMs: number;
  positionsPerSecond: number;
}

interface FileReader {
  path: string;
  format: InputFormat;
  bytes: number;
  it: AsyncIterator<Buffer>;
  push(chunk: Buffer): void;
  end(): void;
  stats(): AisStats;
  lastT: number;
  done: boolean;
}

/**
 * A file's chunks, read into two reused buffers in turn: each chunk is valid until the next one is asked for (the
 * NMEA decoder copies what it keeps of a chunk), and the next chunk is being read while this one is decoded. A read
 * stream's fresh buffer per chunk cost an allocation and the first-touch page faults of every byte read.
 */
async function* reusedChunks(path: string, size: number): AsyncGenerator<Buffer> {
  const fh = await open(path, 'r');
  try {
    const buffers = [Buffer.allocUnsafe(size), Buffer.allocUnsafe(size)];
    let k = 0;
    let reading = fh.read(buffers[k], 0, size, null);
    for (;;) {
      const { bytesRead } = await reading;
      if (bytesRead === 0) return;
      const chunk = buffers[k].subarray(0, bytesRead);
      k ^= 1;
      reading = fh.read(buffers[k], 0, size, null);
      yield chunk;
    }
  } finally {
    await fh.close();
  }
}

/**
 * Reads AIS files (NMEA or CSV) through the pipeline. Several files are read together in time order: the next
 * chunk always comes from the file that is furthest behind, so one watermark serves them all.
 */
export async function runFiles(o: RunOptions): Promise<RunSummary> {
  const started = performance.now();
  const base = withOverrides(o.params ?? {});
  const sizes = o.files.map((f) => statSync(f).size);
  const total = sizes.reduce((a, b) => a + b, 0);
  const streaming = o.streaming ?? total > base['ingest.inMemoryMaxMiB'] * 1048576;
  const pipe = new MaritimePipeline({ ...o, streaming });
  const readers: FileReader[] = o.files.map((path, i) => {
    const format = o.format ?? formatOf(path);
    const r: FileReader = {
      path, format, bytes: sizes[i], lastT: -Infinity, done: false,
      it: (format === 'csv' ? createReadStream(path, { highWaterMark: o.chunkBytes ?? 1 << 20 }) : reusedChunks(path, o.chunkBytes ?? 1 << 20))[Symbol.asyncIterator](),
      push: () => undefined, end: () => undefined, stats: () => ({}) as AisStats,
    };
    const onPosition = (p: AisPosition) => {
      if (p.t > r.lastT) r.lastT = p.t;
      pipe.addPosition(p);
    };
    const onStatic = (s: AisStatic) => pipe.addStatic(s);
    if (format === 'csv') {
      const dec = createCsvDecoder({ mapping: o.mapping ?? csvMappingForHeader(firstLine(path)), onPosition, onStatic, defaultTime: o.defaultTime });
      r.push = (c) => dec.push(c);
      r.end = () => dec.end();
      r.stats = () => dec.stats();
    } else {
      // Positions go straight to the track buffer as numbers (no record object: see NmeaDecoderOptions); static
      // records carry only what the track buffer keeps (StaticRecord).
      const tracks = pipe.tracks;
      const onPositionValues = (v: Float64Array) => {
        const t = v[POSITION_VALUES.t];
        if (t > r.lastT) r.lastT = t;
        tracks.addValues(v);
      };
      const dec = createNmeaDecoder({ onPositionValues, onStatic, identityOnly: true, defaultTime: o.defaultTime });
      r.push = (c) => dec.push(c);
      r.end = () => dec.end();
      r.stats = () => dec.stats();
    }
    return r;
  });
  for (;;) {
    let next: FileReader | undefined;
    for (const r of readers) if (!r.done && (!next || r.lastT < next.lastT)) next = r;
    if (!next) break;
    const chunk = await next.it.next();
    if (chunk.done) {
      next.end();
      next.done = true;
    } else next.push(chunk.value as Buffer);
    pipe.advance();
  }
  const summary = summarize(pipe, readers.map((r) => ({ path: r.path, format: r.format, bytes: r.bytes, decoder: r.stats() })), started);
  o.onIdentities?.(pipe.identities());
  return summary;
}

/** The run summary: the pipeline's, plus files, skipped records by reason and timings. */
export function summarize(pipe: MaritimePipeline, files: RunSummary['files'], started: number): RunSummary {
  const summary = pipe.finish();
  const wallMs = performance.now() - started;
  const skipped: Record<string, number> = {};
  for (const f of files) for (const [k, v] of Object.entries(f.decoder.errors)) skipped[k] = (skipped[k] ?? 0) + (v ?? 0);
  for (const [k, v] of Object.entries(summary.tracks.skipped)) if (v) skipped[k] = (skipped[k] ?? 0) + v;
  const stageTotal = Object.values(summary.stageMs).reduce((a, b) => a + b, 0);
  return {
    ...summary, files, skipped, wallMs, ingestMs: wallMs - stageTotal,
    positionsPerSecond: summary.positions / (wallMs / 1000),
  };
}

export interface WindowInput extends Omit<PipelineOptions, 'onEvent' | 'streaming'> {
  positions: Iterable<AisPosition>;
  statics?: Iterable<AisStatic>;
  /** The window [start, end), epoch ms. */
  start: number;
  end: number;
  /** Data read on each side of the window, ms (at least the longest event to be found whole). */
  overlapMs: number;
}

/**
 * A pure function of its input: runs the detectors on the records in [start − overlap, end + overlap) and returns
 * the events whose start lies in [start, end). Windows that tile a period, each given its overlap, find every event
 * shorter than the overlap exactly once.
 */
export function detectWindow(w: WindowInput): MaritimeEvent[] {
  const out: MaritimeEvent[] = [];
  const pipe = new MaritimePipeline({
    params: w.params, regions: w.regions, streaming: false,
    onEvent: (e) => {
      const s = Date.parse(e.start);
      if (s >= w.start && s < w.end) out.push(e);
    },
  });
  const lo = w.start - w.overlapMs;
  const hi = w.end + w.overlapMs;
  for (const p of w.positions) if (p.t >= lo && p.t < hi) pipe.addPosition(p);
  for (const s of w.statics ?? []) if (s.t >= lo && s.t < hi) pipe.addStatic(s);
  pipe.finish();
  return out;
}
