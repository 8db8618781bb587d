/**
 * The staged official lists, read through the project's own parsers (src/sources): the records the test set names,
 * and the Korean name keys of every listed person (so that a negative is really not a listed name).
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { sharedDataDir } from '../../src/config/paths.js';
import { recordDprkReasons, UN_DPRK_REFERENCE } from '../../src/model/dprk.js';
import type { SourceRecord } from '../../src/model/types.js';
import { koreanName } from '../../src/analyses/screening/normalize/index.js';
import { NAME_PROPS } from '../../src/analyses/screening/prepared.js';
import { ofacSdn, SDN_FILE_NAMES } from '../../src/sources/ofac/index.js';
import { parseUnConsolidated, UN_FILE } from '../../src/sources/un/index.js';

/** The lists mirror: CHOKEPOINT_MIRROR, else the staged lists under the shared data folder. */
export function listsMirror(): string {
  return process.env.CHOKEPOINT_MIRROR ?? join(sharedDataDir(), 'lists');
}

const DATE_FOLDER = /^\d{4}-\d{2}-\d{2}$/;

/** Publication folders of one source holding `file`, oldest first (partial and consolidated folders excluded). */
export function versionDirs(mirror: string, source: 'ofac' | 'un', file: string): string[] {
  const dir = join(mirror, source);
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((v) => DATE_FOLDER.test(v) && existsSync(join(dir, v, file))).sort().map((v) => join(dir, v));
}

async function parseOfacDir(dir: string): Promise<SourceRecord[]> {
  const files: Record<string, string> = {};
  for (const name of [SDN_FILE_NAMES.primary, SDN_FILE_NAMES.addresses, SDN_FILE_NAMES.aliases, SDN_FILE_NAMES.comments]) {
    if (existsSync(join(dir, name))) files[name] = join(dir, name);
  }
  return (await ofacSdn.parse(files)).records;
}

async function parseUnDir(dir: string): Promise<SourceRecord[]> {
  return (await parseUnConsolidated(join(dir, UN_FILE))).records;
}

export interface ListedRecord {
  id: string;
  schema: string;
  caption: string;
  names: string[];
  /** Carries a DPRK programme (OFAC DPRK* tag, UN 1718 list type / KP reference). */
  dprkProgram: boolean;
  /** IMO numbers as the record states them (imoNumber, or a bare registration number). */
  imo: string[];
  version: string;
}

function namesOf(r: SourceRecord): string[] {
  const out: string[] = [];
  for (const prop of Object.keys(NAME_PROPS)) for (const v of r.properties[prop] ?? []) if (!out.includes(v)) out.push(v);
  return out;
}

function listed(r: SourceRecord, version: string): ListedRecord {
  return {
    id: r.id, schema: r.schema, caption: r.caption, names: namesOf(r), version,
    dprkProgram: recordDprkReasons(r).some((x) => x.kind === 'program' || x.kind === 'un_reference') || UN_DPRK_REFERENCE.test(r.recordId),
    imo: [...(r.properties.imoNumber ?? []), ...(r.properties.registrationNumber ?? []).filter((v) => /^\d{7}$/.test(v))],
  };
}

/** The newest OFAC SDN and UN publications: id → record. These are the lists the test set's ids come from. */
export async function newestLists(mirror = listsMirror()): Promise<Map<string, ListedRecord>> {
  const out = new Map<string, ListedRecord>();
  const ofac = versionDirs(mirror, 'ofac', SDN_FILE_NAMES.primary).at(-1);
  const un = versionDirs(mirror, 'un', UN_FILE).at(-1);
  if (!ofac || !un) throw new Error(`no staged OFAC sdn.csv or UN ${UN_FILE} under ${mirror}`);
  for (const r of await parseOfacDir(ofac)) out.set(r.id, listed(r, `ofac@${ofac.split(/[\\/]/).at(-1)}`));
  for (const r of await parseUnDir(un)) out.set(r.id, listed(r, `un@${un.split(/[\\/]/).at(-1)}`));
  return out;
}

/** One listed person name behind a Korean key: who, and whether the record carries a DPRK programme. */
export interface KeyOwner {
  id: string;
  name: string;
  dprk: boolean;
}

/**
 * The Korean order-free keys of every person name (name, alias, weak alias, previous name) in every staged OFAC SDN
 * and UN publication, any programme: a superset of the listed DPRK individuals, so that no negative is a name
 * the engine would be right to flag. Key → the first listed name giving it (DPRK-tagged owners preferred).
 */
export async function listedPersonKeys(mirror = listsMirror()): Promise<Map<string, KeyOwner>> {
  const out = new Map<string, KeyOwner>();
  const add = (r: SourceRecord) => {
    if (r.schema !== 'Person') return;
    const dprk = recordDprkReasons(r).length > 0;
    for (const name of namesOf(r)) {
      for (const k of koreanName(name)?.orderFreeKeys ?? []) {
        const had = out.get(k);
        if (!had || (dprk && !had.dprk)) out.set(k, { id: r.id, name, dprk });
      }
    }
  };
  for (const dir of versionDirs(mirror, 'ofac', SDN_FILE_NAMES.primary)) for (const r of await parseOfacDir(dir)) add(r);
  for (const dir of versionDirs(mirror, 'un', UN_FILE)) for (const r of await parseUnDir(dir)) add(r);
  return out;
}

/** The first listed person a name's Korean keys meet, if any. */
export function keyCollision(query: string, keys: Map<string, KeyOwner>): KeyOwner | undefined {
  for (const k of koreanName(query)?.orderFreeKeys ?? []) {
    const owner = keys.get(k);
    if (owner) return owner;
  }
  return undefined;
}
