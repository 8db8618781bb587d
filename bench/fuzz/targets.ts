/**
 * The fuzz targets: one per parser. Each names its input generator, how to run one input through the real entry
 * point, and which exceptions are a clear rejection. A target returns 'accepted' (parsed, possibly with counted
 * rejections or warnings) or throws; the harness calls a throw a rejection when `clear(err)` says so, and a failure
 * otherwise (TypeError, RangeError, stack overflow, an error without a message ...).
 */
import fc from 'fast-check';
import { mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { SourceError } from '../../src/sources/types.js';
import { parseOfacPublication, SDN_FILE_NAMES } from '../../src/sources/ofac/index.js';
import { parseUnConsolidated } from '../../src/sources/un/index.js';
import { parseHmtCsv, parseFcdoXml } from '../../src/sources/uk/index.js';
import { parseEuFsf } from '../../src/sources/eu/index.js';
import { createNmeaDecoder, createCsvDecoder, PINNED_CSV_MAPPING, GFW_CSV_MAPPING, AISDB_CSV_MAPPING, type AisStats } from '../../src/sources/ais/index.js';
import { readFtm, readFtmLines, textLines } from '../../src/sources/ftm/reader.js';
import { cutInto, cutsArb, mutatedBytes } from './mutate.js';
import { aisCsvTableArb, ftmBytes, matchInputArb, nmeaBytes, xmlBytes, type MatchInput } from './formats.js';
import { aisCsvSeeds, euSeeds, fcdoSeeds, ftmSeeds, hmtSeeds, nmeaSeeds, ofacSeeds, unSeeds } from './seeds.js';

/** 'accepted', or refused without a throw: the reason (an HTTP 4xx message, 'every line counted as bad' ...). */
export type Outcome = 'accepted' | { rejected: string };

export interface FuzzTarget<T = any> {
  name: string;
  /** What the parser is, for the report. */
  what: string;
  arbitrary(): fc.Arbitrary<T>;
  /** Called once per worker before the first input (a database, an app ...). */
  setup?(workDir: string): Promise<void>;
  teardown?(): Promise<void>;
  /** Runs one input: 'accepted', or 'rejected' when the parser answered with a clear refusal without throwing. */
  run(input: T, workDir: string): Promise<Outcome>;
  /** A throw that is a clear rejection (the project's error type, with a message). */
  clear(err: unknown): boolean;
  /** The input as bytes, to save a failing one. */
  serialize(input: T): Buffer;
  /** A saved input back (replay.ts); chunk cuts are not saved: a replay decodes whole and in 7-byte chunks. */
  deserialize(saved: Buffer): T;
}

/** Messages that betray an internal fault even when wrapped in the project's error type. */
export const INTERNAL_FAULT = /Cannot read propert|is not a function|is not iterable|undefined is not|null is not|Maximum call stack|Invalid array length|Invalid string length|out of memory|is not defined|Cannot convert|Cannot access|Cannot destructure|\[object Object\]/i;

export function clearSourceError(err: unknown): boolean {
  return err instanceof SourceError && err.reason.trim().length > 0 && !INTERNAL_FAULT.test(err.message);
}

const bytesOut = (b: Buffer) => b;

/** A single-file list parser reading a path: the input is written to the worker's scratch folder first. */
function fileTarget(name: string, what: string, file: string, arb: () => fc.Arbitrary<Buffer>, parse: (path: string) => Promise<unknown>): FuzzTarget<Buffer> {
  return {
    name, what, arbitrary: arb, clear: clearSourceError, serialize: bytesOut, deserialize: bytesOut,
    async run(input, dir) {
      const path = join(dir, file);
      writeFileSync(path, input);
      await parse(path);
      return 'accepted';
    },
  };
}

// ---- OFAC: one to four files, one or more of them mutated -------------------------------------------------------

interface OfacInput {
  files: Record<string, Buffer>;
}

const OFAC_NAMES = [SDN_FILE_NAMES.primary, SDN_FILE_NAMES.addresses, SDN_FILE_NAMES.aliases, SDN_FILE_NAMES.comments];

const ofac: FuzzTarget<OfacInput> = {
  name: 'ofac-csv', what: 'OFAC legacy CSV publication (sdn.csv + add/alt/comments): parseOfacPublication',
  arbitrary() {
    const seeds = ofacSeeds();
    const perFile = [0, 1, 2, 3].map((k) => {
      const bufs = seeds.map((s) => [s.sdn, s.add, s.alt, s.comments][k]).filter((b): b is Buffer => !!b);
      return mutatedBytes(bufs, { tokens: ['"', ',', '-0- ', '\r\n', '\x1a', '] [', 'a.k.a. ', 'DOB ', 'Linked To: ', '; ', 'IMO ', 'MMSI '] });
    });
    return fc.tuple(fc.nat({ max: seeds.length - 1 }), fc.array(fc.nat({ max: 3 }), { minLength: 1, maxLength: 3 }), fc.tuple(...perFile), fc.nat({ max: 19 }))
      .map(([s, which, mutated, drop]) => {
        const seed = seeds[s];
        const files: Record<string, Buffer> = {};
        [seed.sdn, seed.add, seed.alt, seed.comments].forEach((b, k) => { if (b) files[OFAC_NAMES[k]] = which.includes(k) ? mutated[k] : b; });
        if (drop < 4) delete files[OFAC_NAMES[drop]]; // a missing file: refused, or accepted when sdn.csv is alone
        return { files };
      });
  },
  async run(input, dir) {
    const paths: Record<string, string> = {};
    for (const name of OFAC_NAMES) rmSync(join(dir, name), { force: true });
    for (const [name, bytes] of Object.entries(input.files)) {
      paths[name] = join(dir, name);
      writeFileSync(paths[name], bytes);
    }
    await parseOfacPublication(paths, { names: SDN_FILE_NAMES, source: 'ofac', prefix: 'ofac' });
    return 'accepted';
  },
  clear: clearSourceError,
  serialize: (i) => Buffer.from(JSON.stringify(Object.fromEntries(Object.entries(i.files).map(([k, v]) => [k, v.toString('base64')])))),
  deserialize: (b) => ({ files: Object.fromEntries(Object.entries<string>(JSON.parse(b.toString('utf8'))).map(([k, v]) => [k, Buffer.from(v, 'base64')])) }),
};

// ---- XML lists ----------------------------------------------------------------------------------------------------

const UN_TOKENS = ['<INDIVIDUAL>', '<ENTITY>', '<REFERENCE_NUMBER>KPi.033</REFERENCE_NUMBER>', '<VALUE>', '</VALUE>', '<DATE_OF_BIRTH>', '<LISTED_ON>', 'dateGenerated="x"'];
const FCDO_TOKENS = ['<UniqueID>DPR0042</UniqueID>', '<Name>', '<Name6>', '<NameType>', '<DateDesignated>', '<Address>', '<Individual>'];
const EU_TOKENS = ['<nameAlias ', 'wholeName="x"', '<birthdate ', 'logicalId="1"', '<regulation ', 'programme="PRK"', '<identification '];

const un = fileTarget('un-xml', 'UN consolidated.xml: parseUnConsolidated', 'consolidated.xml', () => xmlBytes(unSeeds(), 'CONSOLIDATED_LIST', 'INDIVIDUAL', UN_TOKENS), parseUnConsolidated);
const fcdo = fileTarget('uk-fcdo-xml', 'UK FCDO sanctions list XML: parseFcdoXml', 'UK_Sanctions_List.xml', () => xmlBytes(fcdoSeeds(), 'Designations', 'Designation', FCDO_TOKENS), parseFcdoXml);
const eu = fileTarget('eu-xml', 'EU financial sanctions XML: parseEuFsf', 'eu-fsf.xml', () => xmlBytes(euSeeds(), 'export', 'sanctionEntity', EU_TOKENS), parseEuFsf);
const hmt = fileTarget('uk-hmt-csv', 'UK HM Treasury consolidated list CSV: parseHmtCsv', 'sanctionsconlist.csv',
  () => mutatedBytes(hmtSeeds(), { tokens: ['Last Updated,', 'Group ID', 'Name 6', 'Prime Alias', 'Individual', 'Entity', 'Ship', '01/01/1970', '31/02/2020', '00/00/0000'] }), parseHmtCsv);

// ---- AIS ----------------------------------------------------------------------------------------------------------

interface StreamInput {
  bytes: Buffer;
  cuts: number[];
}

function checkStats(s: AisStats): void {
  for (const [k, v] of Object.entries(s)) {
    if (typeof v === 'number' && !(Number.isInteger(v) && v >= 0)) throw new Error(`stats.${k} is ${v}`);
  }
}

/** Cuts every 7 bytes (as fractions), for a replayed input whose cuts were not saved. */
const SEVEN_BYTE_CUTS = (b: Buffer): number[] => Array.from({ length: Math.min(2000, Math.floor(b.length / 7)) }, (_, k) => ((k + 1) * 7) / b.length);

/** Nothing decoded and every line counted under a reason: the decoders' way of refusing an input. */
const refusedWhole = (s: AisStats) => s.positions + s.statics === 0 && Object.values(s.errors).some((n) => (n ?? 0) > 0);

/** Decoding in pieces must give the same counts as decoding whole: the chunking is the caller's, not the data's. */
function sameStats(a: AisStats, b: AisStats): void {
  const ja = JSON.stringify(a), jb = JSON.stringify(b);
  if (ja !== jb) throw new Error(`chunked decode differs from whole decode: ${ja} vs ${jb}`);
}

const nmea: FuzzTarget<StreamInput> = {
  name: 'nmea', what: 'NMEA 0183 AIS stream decoder: createNmeaDecoder (input cut into random chunks)',
  arbitrary: () => fc.record({ bytes: nmeaBytes(nmeaSeeds()), cuts: cutsArb }),
  async run(input) {
    const decode = (chunks: Buffer[]) => {
      let positions = 0;
      const d = createNmeaDecoder({
        defaultTime: 0,
        onPosition: (p) => { positions++; if (!Number.isInteger(p.mmsi)) throw new Error(`position with mmsi ${p.mmsi}`); },
        onStatic: (s) => { if (!Number.isInteger(s.mmsi)) throw new Error(`static with mmsi ${s.mmsi}`); },
      });
      for (const c of chunks) d.push(c);
      d.end();
      const s = d.stats();
      if (s.positions !== positions) throw new Error(`stats.positions ${s.positions}, handler saw ${positions}`);
      return s;
    };
    const whole = decode([input.bytes]);
    checkStats(whole);
    if (input.cuts.length) sameStats(whole, decode(cutInto(input.bytes, input.cuts)));
    return refusedWhole(whole) ? { rejected: `nothing decoded: ${Object.keys(whole.errors).join(', ')}` } : 'accepted';
  },
  clear: () => false, // the decoder counts bad lines; it never throws on content
  serialize: (i) => i.bytes,
  deserialize: (b) => ({ bytes: b, cuts: SEVEN_BYTE_CUTS(b) }),
};

interface CsvInput extends StreamInput {
  mapping: 'pinned' | 'gfw' | 'aisdb';
}

const MAPPINGS = { pinned: PINNED_CSV_MAPPING, gfw: GFW_CSV_MAPPING, aisdb: AISDB_CSV_MAPPING };

const aisCsv: FuzzTarget<CsvInput> = {
  name: 'ais-csv', what: 'AIS CSV decoder (pinned, GFW and AISdb mappings): createCsvDecoder (random chunks)',
  arbitrary() {
    const seeds = aisCsvSeeds();
    const mutated = fc.nat({ max: seeds.length - 1 }).chain((i) => fc.record({
      bytes: mutatedBytes([seeds[i].bytes], { tokens: ['"', ',', 'NA', 'None', '\r', '""', ...[0, 1].map(() => '')] }),
      mapping: fc.constant(seeds[i].name), cuts: cutsArb,
    }));
    const table = fc.record({ bytes: aisCsvTableArb, mapping: fc.constantFrom('pinned' as const, 'gfw' as const, 'aisdb' as const), cuts: cutsArb });
    return fc.oneof({ weight: 3, arbitrary: mutated }, { weight: 2, arbitrary: table });
  },
  async run(input) {
    const decode = (chunks: Buffer[]) => {
      const d = createCsvDecoder({ mapping: MAPPINGS[input.mapping], defaultTime: 0 });
      for (const c of chunks) d.push(c);
      d.end();
      return d.stats();
    };
    const whole = decode([input.bytes]);
    checkStats(whole);
    if (input.cuts.length) sameStats(whole, decode(cutInto(input.bytes, input.cuts)));
    return refusedWhole(whole) ? { rejected: `nothing decoded: ${Object.keys(whole.errors).join(', ')}` } : 'accepted';
  },
  // A header without the mapped mmsi or timestamp column is the one refusal, a plain Error naming the columns.
  clear: (err) => err instanceof Error && /^AIS CSV: the header has no column for /.test(err.message) && !INTERNAL_FAULT.test(err.message),
  serialize: (i) => Buffer.concat([Buffer.from(`# mapping ${i.mapping}\n`), i.bytes]),
  deserialize: (b) => {
    const nl = b.indexOf(0x0a);
    const mapping = /^# mapping (\w+)/.exec(b.subarray(0, nl).toString())?.[1] as CsvInput['mapping'];
    const bytes = b.subarray(nl + 1);
    return { mapping, bytes, cuts: SEVEN_BYTE_CUTS(bytes) };
  },
};

// ---- FtM ------------------------------------------------------------------------------------------------------------

interface FtmInput {
  bytes: Buffer;
  viaFile: boolean;
}

const ftm: FuzzTarget<FtmInput> = {
  name: 'ftm', what: 'FtM JSON-lines import: readFtmLines(textLines(body)) as the upload does, readFtm(path) as the CLI does',
  arbitrary: () => fc.record({ bytes: ftmBytes(ftmSeeds()), viaFile: fc.boolean() }),
  async run(input, dir) {
    let result;
    if (input.viaFile) {
      const path = join(dir, 'import.ftm.jsonl');
      writeFileSync(path, input.bytes);
      result = await readFtm(path, { external: (id) => id.startsWith('ofac-') });
    } else {
      result = await readFtmLines(textLines(input.bytes.toString('utf8')), { external: (id) => id.startsWith('ofac-') });
    }
    for (const r of result.rejected) {
      if (!(r.line >= 1) || !r.reason || INTERNAL_FAULT.test(r.reason)) throw new Error(`unclear rejection: ${JSON.stringify(r).slice(0, 300)}`);
    }
    return result.entities.length + result.edges.length === 0 && result.rejected.length ? { rejected: `every line rejected: ${result.rejected[0].reason}` } : 'accepted';
  },
  clear: clearSourceError,
  serialize: (i) => Buffer.concat([Buffer.from(i.viaFile ? 'F' : 'L'), i.bytes]),
  deserialize: (b) => ({ viaFile: b[0] === 0x46, bytes: b.subarray(1) }),
};

// ---- /match ---------------------------------------------------------------------------------------------------------

type App = { request(path: string, init?: RequestInit): Response | Promise<Response> };
let matchApp: App | undefined;
let closeMatch: (() => Promise<void>) | undefined;

const match: FuzzTarget<MatchInput> = {
  name: 'match', what: 'POST /match/{dataset} body and query (createApp in-process over a small index, app.request)',
  arbitrary: () => matchInputArb,
  async setup() {
    const { fixtureApi } = await import('../../test/api/fixtures.js');
    const { createApp } = await import('../../src/surfaces/api/app.js');
    const api = await fixtureApi();
    matchApp = createApp(api.services);
    closeMatch = api.close;
  },
  async teardown() {
    await closeMatch?.();
  },
  async run(input) {
    const headers: Record<string, string> = input.contentType ? { 'content-type': input.contentType } : {};
    const res = await matchApp!.request(`/match/${input.dataset}${input.query ? `?${input.query}` : ''}`, { method: 'POST', headers, body: input.body });
    const text = await res.text();
    if (res.status >= 500) throw new Error(`status ${res.status}: ${text.slice(0, 300)}`);
    let body: any;
    try {
      body = JSON.parse(text);
    } catch {
      throw new Error(`status ${res.status} with a body that is not JSON: ${text.slice(0, 200)}`);
    }
    if (res.status >= 400) {
      if (typeof body?.message !== 'string' || !body.message.trim() || INTERNAL_FAULT.test(body.message)) throw new Error(`status ${res.status} without a clear message: ${text.slice(0, 300)}`);
      return { rejected: `${res.status} ${body.message}` };
    }
    for (const [k, r] of Object.entries<any>(body.responses ?? {})) {
      if (r.status !== 200 && (typeof r.message !== 'string' || !r.message.trim())) throw new Error(`query ${k}: status ${r.status} without a message`);
    }
    return 'accepted';
  },
  clear: () => false,
  serialize: (i) => Buffer.from(JSON.stringify(i)),
  deserialize: (b) => JSON.parse(b.toString('utf8')) as MatchInput,
};

export const TARGETS: FuzzTarget[] = [ofac, un, hmt, fcdo, eu, nmea, aisCsv, ftm, match];

export function targetNamed(name: string): FuzzTarget {
  const t = TARGETS.find((x) => x.name === name);
  if (!t) throw new Error(`no fuzz target ${name}: one of ${TARGETS.map((x) => x.name).join(', ')}`);
  return t;
}

export function scratchDir(root: string, name: string): string {
  const dir = join(root, `${name}-${process.pid}-${Math.random().toString(36).slice(2, 8)}`);
  mkdirSync(dir, { recursive: true });
  return dir;
}
