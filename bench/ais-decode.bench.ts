/**
 * AIS decode benchmark.
 *  1. Generates N realistic NMEA sentences (deterministic seed): class A position reports (types 1 and 3), class B
 *     (type 18), and a share of two-fragment type 5 static messages, from a fleet of vessels moving in East Asian
 *     waters; encoded with src/sources/ais/encode.ts.
 *  2. Our decoder (createNmeaDecoder, fed 64 KiB chunks of the byte stream): sentences/s, median of RUNS runs.
 *     Also on the same stream with an NMEA 4.0 tag block (`\s:…,c:…*hh\`) on every line.
 *  3. ais-stream-decoder (npm) on a subset of the same sentences, one string per write() as its README shows;
 *     ours on the same subset; the ratio.
 *  4. The real staged files (shared data ais/): counts per message type and per error reason, and time; for the CSV
 *     files also csv-parse alone (records only, no mapping) on the same bytes: why csv.ts splits records itself.
 * Run: `npx tsc -p . && node --expose-gc dist/bench/ais-decode.bench.js`
 * Knobs: BENCH_AIS_SENTENCES (default 2,000,000), BENCH_AIS_BASELINE (default 200,000), BENCH_RUNS (default 5).
 */
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { parse as csvParse } from 'csv-parse/sync';
import aisStreamDecoder from 'ais-stream-decoder';
import { sharedDataDir } from '../src/config/paths.js';
import {
  createNmeaDecoder, decodeNmeaFile, decodeCsvFile, GFW_CSV_MAPPING, AISDB_CSV_MAPPING, type AisStats, type AisPosition,
  type CsvColumnMapping,
} from '../src/sources/ais/index.js';
import { encodePosition, encodeStaticVoyage, toSentences, nmeaChecksum } from '../src/sources/ais/encode.js';
import { fmt, median, rssMiB, timeRuns } from './stats.js';
import { prng } from './stats.js';

/** The package is CommonJS compiled from TypeScript: its class is the `default` export property. */
const AisDecoder = aisStreamDecoder.default;

const N = Number(process.env.BENCH_AIS_SENTENCES ?? 2_000_000);
const BASELINE_N = Number(process.env.BENCH_AIS_BASELINE ?? 200_000);
const RUNS = Math.max(5, Number(process.env.BENCH_RUNS ?? 5));
const SEED = 0x5eed_a15;
const FLEET_SIZE = 20_000;
const CHUNK_BYTES = 64 * 1024;
/** Share of messages that are type 5 (each two sentences), class B vessels' share of the fleet, type 3 among class A. */
const STATIC_SHARE = 0.04;
const CLASS_B_SHARE = 0.25;
const TYPE3_SHARE = 0.2;
/** Box of the synthetic traffic: Yellow Sea, East China Sea, Sea of Japan. */
const LAT_MIN = 24;
const LAT_SPAN = 20;
const LON_MIN = 117;
const LON_SPAN = 20;
const START_TIME_S = 1_700_000_000;
const MIDS = [412, 413, 414, 440, 441, 445, 431, 432, 477, 416, 273, 352, 353, 370, 371, 636, 538, 563, 574, 533];
const SECONDS_PER_MESSAGE = 0.01;
const MAX_SOG_KNOTS = 20;
const HOURS_PER_SECOND = 1 / 3600;
const DEGREES_PER_NM = 1 / 60;
const MAX_RADIO = 1 << 19;


interface Vessel {
  mmsi: number;
  classB: boolean;
  lat: number;
  lon: number;
  sog: number;
  cog: number;
  name: string;
}

/** N sentences (lines without line breaks) and, for the tag-block variant, the receive second of each. */
function generate(n: number): { lines: string[]; seconds: number[] } {
  const rand = prng(SEED);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
  const fleet: Vessel[] = Array.from({ length: FLEET_SIZE }, (_, i) => ({
    mmsi: pick(MIDS) * 1_000_000 + Math.floor(rand() * 1_000_000),
    classB: rand() < CLASS_B_SHARE,
    lat: LAT_MIN + rand() * LAT_SPAN,
    lon: LON_MIN + rand() * LON_SPAN,
    sog: Math.round(rand() * MAX_SOG_KNOTS * 10) / 10,
    cog: Math.round(rand() * 3599) / 10,
    name: `VESSEL ${i}`,
  }));
  const lines: string[] = [];
  const seconds: number[] = [];
  let seq = 0;
  for (let m = 0; lines.length < n; m++) {
    const v = pick(fleet);
    const second = START_TIME_S + Math.floor(m * SECONDS_PER_MESSAGE);
    const channel = rand() < 0.5 ? 'A' : 'B';
    let sentences: string[];
    if (!v.classB && rand() < STATIC_SHARE) {
      sentences = toSentences(encodeStaticVoyage({
        mmsi: v.mmsi, imo: 9_000_000 + (v.mmsi % 999_999), callSign: `C${v.mmsi % 100_000}`, name: v.name, shipType: 70 + (v.mmsi % 20),
        bow: 100, stern: 40, port: 12, starboard: 12, draught: 8.5, destination: 'NAMPO', eta: { month: 6, day: 1, hour: 12, minute: 0 },
      }), { channel, seqId: seq++ % 10 });
    } else {
      const step = v.sog * SECONDS_PER_MESSAGE * FLEET_SIZE * HOURS_PER_SECOND * DEGREES_PER_NM;
      v.lat += step * Math.cos((v.cog * Math.PI) / 180);
      v.lon += step * Math.sin((v.cog * Math.PI) / 180);
      const type = v.classB ? 18 : rand() < TYPE3_SHARE ? 3 : 1;
      sentences = toSentences(encodePosition({
        type, mmsi: v.mmsi, lat: v.lat, lon: v.lon, sog: v.sog, cog: v.cog, heading: Math.round(v.cog) % 360,
        navStatus: 0, second: second % 60, radio: Math.floor(rand() * MAX_RADIO),
      }), { channel });
    }
    for (const s of sentences) {
      lines.push(s);
      seconds.push(second);
    }
  }
  lines.length = n;
  seconds.length = n;
  return { lines, seconds };
}

/** An NMEA 4.0 tag block giving the receive time, as a receiver network writes it. */
function tagBlock(second: number): string {
  const tag = `s:bench,c:${second}`;
  return `\\${tag}*${nmeaChecksum(tag)}\\`;
}

/** The lines as one byte stream (LF after each), cut into CHUNK_BYTES chunks; `prefix` is put before line i. */
function chunks(lines: string[], prefix: (i: number) => string = () => ''): Buffer[] {
  let size = 0;
  for (let i = 0; i < lines.length; i++) size += prefix(i).length + lines[i].length + 1;
  const all = Buffer.allocUnsafe(size);
  let at = 0;
  for (let i = 0; i < lines.length; i++) {
    at += all.write(prefix(i), at, 'latin1');
    at += all.write(lines[i], at, 'latin1');
    all[at++] = 0x0a;
  }
  const out: Buffer[] = [];
  for (let i = 0; i < all.length; i += CHUNK_BYTES) out.push(all.subarray(i, i + CHUNK_BYTES));
  return out;
}

/** Our decoder over the chunks; returns its stats (and keeps a sink so nothing is optimised away). */
let sink = 0;
function decodeOurs(input: Buffer[], defaultTime?: number): AisStats {
  const d = createNmeaDecoder({
    defaultTime,
    onPosition: (p: AisPosition) => { sink += p.lat; },
    onStatic: () => { sink++; },
  });
  for (const c of input) d.push(c);
  d.end();
  return d.stats();
}

/** ais-stream-decoder: one sentence per write(), decoded messages read from 'data'; resolves with their count. */
function decodeBaseline(lines: string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const d = new AisDecoder({ silent: true });
    let n = 0;
    d.on('data', () => { n++; });
    d.on('error', reject);
    d.on('end', () => resolve(n));
    for (const l of lines) d.write(l);
    d.end();
  });
}

function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/** Median wall-clock rate of RUNS timed runs after a warm-up; also the rate by this process's CPU time (the machine
 * may be shared: CPU time shows the decoder's own cost when other work competes for the cores). */
async function measure(label: string, sentences: number, fn: () => unknown): Promise<number> {
  gc();
  await fn(); // warm-up
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    gc();
    const before = process.cpuUsage();
    wall.push(...(await timeRuns(1, fn)));
    const used = process.cpuUsage(before);
    cpu.push((used.user + used.system) / 1000);
  }
  const ms = median(wall);
  const rate = sentences / (ms / 1000);
  console.log(`${label}: ${fmt(rate / 1e6, 2)} M sentences/s (median wall ${fmt(ms, 0)} ms of ${RUNS} runs; `
    + `min ${fmt(Math.min(...wall), 0)}, max ${fmt(Math.max(...wall), 0)} ms; ${sentences.toLocaleString('en-US')} sentences); `
    + `by CPU time ${fmt(sentences / (median(cpu) / 1000) / 1e6, 2)} M/s`);
  return rate;
}

function summary(s: AisStats): string {
  return `lines ${s.lines}, sentences ${s.sentences}, messages ${s.messages}, positions ${s.positions}, statics ${s.statics}\n`
    + `      decoded ${JSON.stringify(s.decoded)}\n      unsupported ${JSON.stringify(s.unsupportedTypes)}\n`
    + `      errors ${JSON.stringify(s.errors)}${s.timeDefaulted ? `, timeDefaulted ${s.timeDefaulted}` : ''}`;
}

async function main(): Promise<void> {
  console.log(`node ${process.version}, ${RUNS} timed runs after one warm-up; RSS ${fmt(rssMiB(), 0)} MiB`);
  let t = performance.now();
  const generated = generate(N);
  const plain = chunks(generated.lines);
  const tagged = chunks(generated.lines, (i) => tagBlock(generated.seconds[i]));
  const subset = generated.lines.slice(0, BASELINE_N);
  generated.lines.length = 0; // keep the heap small while timing: only the byte chunks and the baseline subset stay
  generated.seconds.length = 0;
  const bytes = plain.reduce((a, c) => a + c.length, 0);
  console.log(`generated ${N.toLocaleString('en-US')} sentences (${fmt(bytes / 2 ** 20, 1)} MiB plain) in ${fmt(performance.now() - t, 0)} ms`);
  const check = decodeOurs(plain, START_TIME_S * 1000);
  console.log(`  content: ${summary(check)}`);
  console.log(`  RSS ${fmt(rssMiB(), 0)} MiB`);

  console.log('\n== our decoder, full stream ==');
  const oursPlain = await measure('ours, plain sentences', N, () => decodeOurs(plain, START_TIME_S * 1000));
  console.log(`  = ${fmt(bytes / 2 ** 20 / (N / oursPlain), 1)} MiB/s`);
  await measure('ours, every line with a tag block (c: time)', N, () => decodeOurs(tagged));

  console.log(`\n== ais-stream-decoder vs ours, first ${BASELINE_N.toLocaleString('en-US')} sentences ==`);
  const subsetChunks = chunks(subset);
  const theirs = await measure('ais-stream-decoder (write per line)', BASELINE_N, () => decodeBaseline(subset));
  const ours = await measure('ours (64 KiB chunks, same sentences)', BASELINE_N, () => decodeOurs(subsetChunks, START_TIME_S * 1000));
  const oursSubset = decodeOurs(subsetChunks, START_TIME_S * 1000);
  console.log(`  ratio ours / ais-stream-decoder: ${fmt(ours / theirs, 1)}x`);
  console.log(`  messages decoded: ais-stream-decoder ${(await decodeBaseline(subset)).toLocaleString('en-US')}, `
    + `ours ${(oursSubset.positions + oursSubset.statics).toLocaleString('en-US')} (ours drops duplicate payloads: `
    + `${oursSubset.errors.duplicate ?? 0}; orphan fragments at the cut: ${oursSubset.errors.orphan_fragment ?? 0})`);
  console.log(`  RSS ${fmt(rssMiB(), 0)} MiB`);

  console.log('\n== real staged files ==');
  const ais = join(sharedDataDir(), 'ais');
  const nmea: Array<[string, number | undefined]> = [
    ['nmea-samples/stream_example.txt', undefined],
    ['nmea-samples/test_data_20211101.nm4', undefined],
    ['nmea-samples/nmea_data_sample.txt', 0], // no time in the file: defaultTime 0
  ];
  for (const [file, defaultTime] of nmea) {
    t = performance.now();
    const s = await decodeNmeaFile(join(ais, file), { defaultTime });
    console.log(`${file} (${fmt(performance.now() - t, 1)} ms): ${summary(s)}`);
  }
  const csv: Array<[string, CsvColumnMapping]> = [
    ['gfw-fleet150-identity/non_gear_outside_CHN.csv', GFW_CSV_MAPPING],
    ['gfw-fleet150-identity/150402951_01dec2021_15feb2022.csv', GFW_CSV_MAPPING],
    ['gfw-fleet150-identity/412334074_seg1.csv', GFW_CSV_MAPPING],
    ['nmea-samples/test_data_20210701.csv', AISDB_CSV_MAPPING],
  ];
  for (const [file, mapping] of csv) {
    const path = join(ais, file);
    await decodeCsvFile(path, { mapping }); // warm-up
    t = performance.now();
    const s = await decodeCsvFile(path, { mapping });
    const ms = performance.now() - t;
    const bytes = readFileSync(path);
    csvParse(bytes, { bom: true, relax_column_count: true }); // warm-up
    t = performance.now();
    const records = (csvParse(bytes, { bom: true, relax_column_count: true }) as unknown[]).length;
    const parseMs = performance.now() - t;
    console.log(`${file} (${fmt(ms, 1)} ms, ${fmt(s.lines / (ms / 1000) / 1000, 0)} k rows/s; csv-parse alone, records only: `
      + `${fmt(parseMs, 1)} ms for ${records} records): ${summary(s)}`);
  }
  console.log(`\nRSS ${fmt(rssMiB(), 0)} MiB (sink ${sink > 0 ? 'ok' : 'empty'})`);
}

await main();
