/**
 * Small valid inputs the fuzzers start from: the test fixtures, and a few entries cut from the staged official files
 * (../shared/data) when they are there. Everything is read once and kept in memory.
 */
import { existsSync, readFileSync, readdirSync, openSync, readSync, closeSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot, sharedDataDir } from '../../src/config/paths.js';

const FIXTURES = join(packageRoot(), 'test', 'fixtures');

function fixture(...parts: string[]): Buffer {
  return readFileSync(join(FIXTURES, ...parts));
}

/** The first `bytes` bytes of a file (a staged file may be tens of MB), or undefined when it is absent. */
function head(path: string, bytes: number): Buffer | undefined {
  if (!existsSync(path)) return undefined;
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(bytes);
    const n = readSync(fd, buf, 0, bytes, 0);
    return buf.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

function newestFolder(dir: string, file: string): string | undefined {
  if (!existsSync(dir)) return undefined;
  const f = readdirSync(dir).filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d) && existsSync(join(dir, d, file))).sort().at(-1);
  return f && join(dir, f, file);
}

const LISTS = join(sharedDataDir(), 'lists');

/** The first `n` complete CRLF rows of a staged OFAC file, with the 0x1A end byte: a small valid publication. */
function ofacHead(file: string, n: number): Buffer | undefined {
  const path = newestFolder(join(LISTS, 'ofac'), file);
  const buf = path && head(path, 64 * 1024);
  if (!buf) return undefined;
  let end = 0;
  for (let i = 0; i < n; i++) {
    const lf = buf.indexOf(0x0a, end);
    if (lf < 0) break;
    end = lf + 1;
  }
  return end ? Buffer.concat([buf.subarray(0, end), Buffer.from([0x1a])]) : undefined;
}

/** The first `n` records of a staged XML file, closed again so it is well-formed. */
function xmlHead(path: string | undefined, record: string, n: number, closing: string): Buffer | undefined {
  const buf = path && head(path, 256 * 1024);
  if (!buf) return undefined;
  const text = buf.toString('utf8');
  let end = 0;
  for (let i = 0; i < n; i++) {
    const at = text.indexOf(`</${record}>`, end);
    if (at < 0) return undefined;
    end = at + record.length + 3;
  }
  return Buffer.from(text.slice(0, end) + closing, 'utf8');
}

const defined = <T>(xs: (T | undefined)[]): T[] => xs.filter((x): x is T => x !== undefined);

export interface OfacSeed {
  sdn: Buffer;
  add?: Buffer;
  alt?: Buffer;
  comments?: Buffer;
}

export function ofacSeeds(): OfacSeed[] {
  const mini: OfacSeed = {
    sdn: fixture('ofac', 'mini', 'sdn.csv'), add: fixture('ofac', 'mini', 'add.csv'),
    alt: fixture('ofac', 'mini', 'alt.csv'), comments: fixture('ofac', 'mini', 'sdn_comments.csv'),
  };
  const staged = ofacHead('sdn.csv', 40);
  return [mini, { sdn: mini.sdn }, ...(staged ? [{ sdn: staged }] : [])];
}

export function unSeeds(): Buffer[] {
  return defined([
    fixture('un', 'sample.xml'),
    xmlHead(newestFolder(join(LISTS, 'un'), 'consolidated.xml'), 'INDIVIDUAL', 4, '\n</INDIVIDUALS>\n<ENTITIES/>\n</CONSOLIDATED_LIST>\n'),
  ]);
}

export function hmtSeeds(): Buffer[] {
  const staged = head(join(LISTS, 'uk', '2014-04-02', 'sanctionsconlist.csv'), 12 * 1024);
  const cut = staged && staged.subarray(0, staged.lastIndexOf(0x0a) + 1);
  return defined([fixture('uk', 'hmt-small.csv'), cut]);
}

export const fcdoSeeds = (): Buffer[] => [fixture('uk', 'fcdo-sample.xml')];
export const euSeeds = (): Buffer[] => [fixture('eu', 'sample.xml')];

const NMEA = join(sharedDataDir(), 'ais', 'nmea-samples');

/** A few lines of each staged NMEA sample (plain, $PGHP-timed, tag-blocked). */
export function nmeaSeeds(): Buffer[] {
  const cut = (file: string, n: number) => {
    const buf = head(join(NMEA, file), 16 * 1024);
    if (!buf) return undefined;
    return Buffer.from(buf.toString('latin1').split('\n').slice(0, n).join('\n') + '\n', 'latin1');
  };
  return defined([
    cut('nmea_data_sample.txt', 30), cut('stream_example.txt', 30), cut('test_data_20211101.nm4', 30),
    // Always present: a two-part type 5 and three position reports.
    Buffer.from([
      '!AIVDM,2,1,3,B,55P5TL01VIaAL@7WKO@mBplU@<PDhh000000001S;AJ::4A80?4i@E53,0*3E',
      '!AIVDM,2,2,3,B,1@0000000000000,2*55',
      '!AIVDM,1,1,,A,13u?etPv2;0n:dDPwUM1U1Cb069D,0*24',
      '\\s:rORBCOMM000,c:1426800000*4E\\!AIVDM,1,1,,A,B52K>;h00Fc>jpUlNV@ikwpUoP06,0*4C',
      '2021-07-01 00:00:00,!AIVDM,1,1,,B,33P;Tw0tjBQO22:E7dm66DrB20UP,0*2D',
    ].join('\r\n') + '\r\n', 'latin1'),
  ]);
}

/** AIS CSV seeds with the mapping each is read with. */
export function aisCsvSeeds(): { name: 'pinned' | 'gfw' | 'aisdb'; bytes: Buffer }[] {
  const cut = (path: string, n: number) => {
    const buf = head(path, 64 * 1024);
    if (!buf) return undefined;
    return Buffer.from(buf.toString('utf8').split('\n').slice(0, n).join('\n') + '\n', 'utf8');
  };
  const gfw = cut(join(sharedDataDir(), 'ais', 'gfw-fleet150-identity', 'implausible_speed_research_messages_150_412.csv'), 15);
  const aisdb = cut(join(NMEA, 'test_data_20210701.csv'), 8);
  return [
    { name: 'pinned', bytes: fixture('ais', 'pinned.csv') },
    ...(gfw ? [{ name: 'gfw' as const, bytes: gfw }] : []),
    ...(aisdb ? [{ name: 'aisdb' as const, bytes: aisdb }] : []),
  ];
}

export function ftmSeeds(): Buffer[] {
  return [
    fixture('network', 'ftm', 'good.jsonl'), fixture('network', 'ftm', 'bad.jsonl'),
    fixture('network', 'import', 'registry.ftm.jsonl'),
  ];
}
