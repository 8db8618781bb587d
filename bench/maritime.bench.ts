/**
 * Maritime benchmark.
 *  1. Accuracy: the scenario simulator (bench/maritime-sim/) on several seeds — STS transfers (two-sided and
 *     one-sided), deliberate gaps, visible and dark DPRK port calls, identity changes, re-flagging, shared and invalid
 *     MMSIs, with decoys (anchorage crowds, close passes, coverage holes, garbled names, spoofed fixes) — scored per
 *     event type: precision, recall, F1; NMEA input, and CSV for the first seed (same scores expected); then the same
 *     seeds with sparse, satellite-like reception.
 *  2. Speed at scale: BENCH_MARITIME_POSITIONS simulated positions written as NMEA with tag blocks, then the whole
 *     pipeline (read → decode → tracks → all detectors) in a fresh process per run, streaming (bounded memory):
 *     positions/s by wall time and by CPU time (median of BENCH_RUNS runs), per-stage times, peak RSS (the OS's
 *     maxRSS of the process); also decoding alone, for reference.
 *  3. Real data: identity changes against GFW's list and implausible-speed flags (gfw-fleet150-identity).
 * Generated files go to a temp folder (removed at the end unless BENCH_MARITIME_KEEP=1).
 * Run: `npx tsc -p . && node --expose-gc dist/bench/maritime.bench.js`
 * Knobs: BENCH_MARITIME_POSITIONS (50,000,000), BENCH_RUNS (3), BENCH_MARITIME_SEEDS (1,2,3), BENCH_MARITIME_VESSELS
 * (300) and BENCH_MARITIME_DAYS (4) for the accuracy runs, BENCH_MARITIME_DIR (keep files there).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { simulate } from './maritime-sim/simulate.js';
import { CsvWriter, NmeaWriter, teeSink } from './maritime-sim/writers.js';
import { formatScores, scoreEvents, type TypeScore } from './maritime-sim/truth.js';
import { runFiles, type ImplausibleSpeed, type RunSummary } from '../src/analyses/maritime/pipeline.js';
import { EVENT_TYPES, type MaritimeEvent } from '../src/analyses/maritime/events.js';
import { identityKey } from '../src/analyses/maritime/identity.js';
import { createNmeaDecoder, GFW_CSV_MAPPING } from '../src/sources/ais/index.js';
import { sharedDataDir } from '../src/config/paths.js';
import { fmt, median } from './stats.js';

const POSITIONS = Number(process.env.BENCH_MARITIME_POSITIONS ?? 50_000_000);
const RUNS = Math.max(3, Number(process.env.BENCH_RUNS ?? 3));
const SEEDS = (process.env.BENCH_MARITIME_SEEDS ?? '1,2,3').split(',').map(Number);
const VESSELS = Number(process.env.BENCH_MARITIME_VESSELS ?? 300);
const DAYS = Number(process.env.BENCH_MARITIME_DAYS ?? 4);
/** Measured: about 2.55 M positions per 1,000 vessel-days with the default report intervals. */
const POSITIONS_PER_VESSEL_DAY = 2_550;
const SCALE_VESSELS = 5_000;
const SELF = fileURLToPath(import.meta.url);

interface RunResult {
  positions: number;
  wallMs: number;
  cpuMs: number;
  maxRssMiB: number;
  peakRssMiB?: number;
  ingestMs?: number;
  stageMs?: Record<string, number>;
  events?: Record<string, number>;
  skipped?: Record<string, number>;
}

/** Child mode: one measured run, printed as JSON. */
async function child(mode: string, file: string): Promise<void> {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  let out: RunResult;
  if (mode === '--decode-only') {
    let positions = 0;
    const d = createNmeaDecoder({ onPosition: () => { positions++; } });
    const { createReadStream } = await import('node:fs');
    for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) d.push(chunk as Buffer);
    d.end();
    out = { positions, wallMs: performance.now() - t0, cpuMs: 0, maxRssMiB: 0 };
  } else {
    const s: RunSummary = await runFiles({ files: [file], streaming: true, onEvent: () => undefined });
    out = {
      positions: s.positions, wallMs: s.wallMs, cpuMs: 0, maxRssMiB: 0, peakRssMiB: s.peakRssMiB, ingestMs: s.ingestMs, stageMs: s.stageMs,
      events: s.events, skipped: s.skipped,
    };
  }
  const c = process.cpuUsage(c0);
  out.cpuMs = (c.user + c.system) / 1000;
  out.maxRssMiB = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(`${JSON.stringify(out)}\n`);
}

function runChild(args: string[]): RunResult {
  const r = spawnSync(process.execPath, ['--expose-gc', SELF, ...args], { encoding: 'utf8', maxBuffer: 1 << 24 });
  if (r.status !== 0) throw new Error(`child failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop()!) as RunResult;
}

async function accuracy(dir: string): Promise<void> {
  console.log(`\n== 1. accuracy: simulator, ${VESSELS} background vessels × ${DAYS} days, seeds ${SEEDS.join(', ')} ==`);
  const pooled = new Map<string, { tp: number; fp: number; fn: number }>();
  for (const seed of SEEDS) {
    const nmea = join(dir, `acc-${seed}.nmea`);
    const csv = join(dir, `acc-${seed}.csv`);
    const w = new NmeaWriter(nmea);
    const c = seed === SEEDS[0] ? new CsvWriter(csv) : undefined;
    const t = performance.now();
    const sim = simulate({ seed, vessels: VESSELS, days: DAYS }, c ? teeSink(w, c) : w);
    w.close();
    c?.close();
    const simMs = performance.now() - t;
    const events: MaritimeEvent[] = [];
    const s = await runFiles({ files: [nmea], onEvent: (e) => events.push(e) });
    const score = scoreEvents(events, sim.truth);
    console.log(`seed ${seed}: ${fmt(sim.positions, 0)} positions, ${fmt(sim.statics, 0)} static messages, ${sim.vessels} vessels (simulated in `
      + `${fmt(simMs / 1000)} s); decoys ${JSON.stringify(sim.decoys)}; pipeline ${fmt(s.wallMs / 1000)} s`);
    console.log(formatScores(score.perType));
    for (const m of score.missed) console.log(`    missed: ${m.type} ${m.mmsi.join(',')} ${new Date(m.start).toISOString()} (${m.scenario})`);
    for (const e of score.falsePositives) console.log(`    false:  ${e.type} ${e.mmsi.join(',')} ${e.start} ${e.region}`);
    for (const x of score.perType) {
      const p = pooled.get(x.type) ?? { tp: 0, fp: 0, fn: 0 };
      pooled.set(x.type, { tp: p.tp + x.tp, fp: p.fp + x.fp, fn: p.fn + x.fn });
    }
    if (c) {
      const ev2: MaritimeEvent[] = [];
      const s2 = await runFiles({ files: [csv], onEvent: (e) => ev2.push(e) });
      const f1 = scoreEvents(ev2, sim.truth).perType.map((x: TypeScore) => `${x.type} ${x.f1.toFixed(3)}`).join(', ');
      console.log(`  same simulation as CSV (${fmt(statSync(csv).size / 1048576, 0)} MiB, ${fmt(s2.positionsPerSecond / 1e6, 2)} M positions/s): F1 ${f1}`);
    }
  }
  console.log('sparse, satellite-like reception (reports every 3-15 min, 30 % lost, 15 min at rest), same seeds:');
  for (const seed of SEEDS) {
    const file = join(dir, `sparse-${seed}.nmea`);
    const w = new NmeaWriter(file);
    const sim = simulate({ seed, vessels: VESSELS, days: DAYS, movingIntervalS: [180, 900], restIntervalS: 900, dropout: 0.3 }, w);
    w.close();
    const events: MaritimeEvent[] = [];
    await runFiles({ files: [file], onEvent: (e) => events.push(e) });
    const score = scoreEvents(events, sim.truth);
    console.log(`  seed ${seed} (${fmt(sim.positions, 0)} positions): ${score.perType.map((x) => `${x.type} ${x.f1.toFixed(3)}`).join(', ')}`);
  }
  console.log('pooled over seeds (normal reception):');
  for (const type of EVENT_TYPES) {
    const p = pooled.get(type)!;
    const precision = p.tp / Math.max(1, p.tp + p.fp);
    const recall = p.tp / Math.max(1, p.tp + p.fn);
    console.log(`  ${type.padEnd(16)} tp ${p.tp} fp ${p.fp} fn ${p.fn}  P ${precision.toFixed(3)}  R ${recall.toFixed(3)}  F1 ${((2 * p.tp) / (2 * p.tp + p.fp + p.fn)).toFixed(3)}`);
  }
}

function summarizeRuns(label: string, runs: RunResult[]): void {
  const wall = median(runs.map((r) => r.wallMs));
  const cpu = median(runs.map((r) => r.cpuMs));
  const n = runs[0].positions;
  console.log(`${label}: ${fmt(n / wall / 1000, 2)} M positions/s by wall time (median ${fmt(wall / 1000)} s of ${runs.length}: `
    + `${runs.map((r) => fmt(r.wallMs / 1000)).join(', ')} s); ${fmt(n / cpu / 1000, 2)} M positions per CPU second; `
    + `peak RSS ${fmt(Math.max(...runs.map((r) => r.maxRssMiB)), 0)} MiB`);
  if (runs[0].stageMs) {
    const stages = Object.keys(runs[0].stageMs).map((k) => `${k} ${fmt(median(runs.map((r) => r.stageMs![k])) / 1000)}`).join(', ');
    console.log(`  per stage (s, median): read+decode+buffer+sort ${fmt(median(runs.map((r) => r.ingestMs!)) / 1000)}, ${stages}`);
    console.log(`  events: ${JSON.stringify(runs[0].events)}; skipped: ${JSON.stringify(runs[0].skipped)}`);
  }
}

function scale(dir: string): void {
  const days = Math.max(0.5, POSITIONS / (SCALE_VESSELS * POSITIONS_PER_VESSEL_DAY));
  console.log(`\n== 2. speed: ~${fmt(POSITIONS / 1e6, 0)} M simulated positions (${SCALE_VESSELS} vessels × ${fmt(days, 2)} days), NMEA with tag blocks, streaming ==`);
  const file = join(dir, 'scale.nmea');
  const w = new NmeaWriter(file);
  const t = performance.now();
  const sim = simulate({ seed: 99, vessels: SCALE_VESSELS, days }, w);
  const bytes = w.close();
  console.log(`generated ${fmt(sim.positions, 0)} positions + ${fmt(sim.statics, 0)} static messages, ${fmt(bytes / 1048576, 0)} MiB, in ${fmt((performance.now() - t) / 1000)} s`);
  const decode = Array.from({ length: RUNS }, () => runChild(['--decode-only', file]));
  console.log(`decoding alone (for reference): ${fmt(decode[0].positions / median(decode.map((r) => r.wallMs)) / 1000, 2)} M positions/s by wall time, `
    + `${fmt(decode[0].positions / median(decode.map((r) => r.cpuMs)) / 1000, 2)} M per CPU second`);
  summarizeRuns('whole pipeline, one thread', Array.from({ length: RUNS }, () => runChild(['--run', file])));
}

async function realData(): Promise<void> {
  const G = join(sharedDataDir(), 'ais', 'gfw-fleet150-identity');
  if (!existsSync(G)) return;
  console.log('\n== 3. real data: gfw-fleet150-identity ==');
  const ref = (parse(readFileSync(join(G, 'name_changes_150voi_local.csv')), { columns: true }) as Record<string, string>[])
    .map((r) => ({ mmsi: Number(r.ssvid), t: Date.parse(`${r.timestamp.replace(' UTC', '').replace(' ', 'T')}Z`), from: identityKey(r.shipname ?? ''), to: identityKey(r.next_name ?? '') }))
    .filter((r) => r.from !== r.to);
  const gfwMmsis = new Set(ref.map((r) => r.mmsi));
  for (const [file, mapping] of [['non_gear_outside_CHN.csv', GFW_CSV_MAPPING], ['daily_identity.csv', { ...GFW_CSV_MAPPING, timestamp: ['timestamp', 'day'] }]] as const) {
    const events: MaritimeEvent[] = [];
    const s = await runFiles({ files: [join(G, file)], mapping, onEvent: (e) => events.push(e) });
    const ours: { mmsi: number; t: number; from: string; to: string }[] = [];
    for (const e of events) {
      if (e.type !== 'identity_change' || e.evidence.kind !== 'same_mmsi') continue;
      for (const c of e.evidence.changes as { field: string; from: string; to: string; firstSeenTo: string }[]) {
        if (c.field === 'name') ours.push({ mmsi: e.mmsi[0], t: Date.parse(c.firstSeenTo), from: identityKey(c.from), to: identityKey(c.to) });
      }
    }
    const used = new Set<number>();
    let matched = 0;
    for (const r of ref) {
      const i = ours.findIndex((c, k) => !used.has(k) && c.mmsi === r.mmsi && c.from === r.from && c.to === r.to && c.t >= r.t - 2 * 86_400_000 && c.t <= r.t + 30 * 86_400_000);
      if (i >= 0) {
        used.add(i);
        matched++;
      }
    }
    const onGfw = ours.filter((c) => gfwMmsis.has(c.mmsi)).length;
    console.log(`${file}: ${fmt(s.positions, 0)} positions, ${fmt(s.statics, 0)} static messages; name changes: GFW lists ${ref.length} real ones, `
      + `we match ${matched}; ours on GFW's MMSIs ${onGfw} (${onGfw - matched} not in GFW's list as such); on other MMSIs ${ours.length - onGfw}; `
      + `glitches held back ${(s.detectors.identity as { transients: number }).transients}; events ${JSON.stringify(s.events)}`);
  }
  const flags: ImplausibleSpeed[] = [];
  await runFiles({ files: [join(G, '150402951_01dec2021_15feb2022.csv')], onImplausibleSpeed: (f) => flags.push(f) });
  const research = (parse(readFileSync(join(G, 'implausible_speed_research_messages_150_412.csv')), { columns: true }) as Record<string, string>[])
    .filter((r) => r.ssvid === '150402951').map((r) => Math.round(Date.parse(`${r.timestamp.replace(' UTC', '').replace(' ', 'T')}Z`) / 1000))
    .filter((t) => t >= Date.UTC(2021, 11, 1) / 1000 && t < Date.UTC(2022, 1, 15) / 1000);
  const flagged = new Set(flags.map((f) => Math.round(f.t / 1000)));
  console.log(`implausible speeds, 150402951 (14,558 positions): GFW's research list has ${research.length} in this track, we flag or split `
    + `${research.filter((t) => flagged.has(t)).length}; ${flags.length} fixes flagged in all (${flags.filter((f) => f.split).length} split the track)`);
}

async function main(): Promise<void> {
  const [mode, file] = process.argv.slice(2);
  if (mode === '--run' || mode === '--decode-only') return child(mode, file);
  console.log(`node ${process.version}; ${RUNS} runs per measurement`);
  const dir = process.env.BENCH_MARITIME_DIR ?? mkdtempSync(join(tmpdir(), 'chokepoint-maritime-bench-'));
  try {
    await accuracy(dir);
    scale(dir);
    await realData();
  } finally {
    if (!process.env.BENCH_MARITIME_KEEP && !process.env.BENCH_MARITIME_DIR) rmSync(dir, { recursive: true, force: true });
  }
}

await main();
