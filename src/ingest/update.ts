import { createHash } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from '../store/db.js';
import { currentVersions, findByContentHash, findVersion, listVersions, logImport, storeVersion, type StoredRecord } from '../store/versions.js';
import { importLog } from '../store/versions.js';
import { replaceChanges } from '../store/changes.js';
import type { ListSource } from '../sources/types.js';
import { SourceError } from '../sources/types.js';
import { LIST_SOURCES } from '../sources/index.js';
import { CHANGE_LOG_PATTERN, OFAC_DERIVED_DIR, parseChangeLog } from '../sources/ofac-derived/index.js';
import type { SourceRecord } from '../model/types.js';
import { hasDprkProgram } from '../model/dprk.js';
import { canonicalJson } from '../model/canonical.js';
import { discoverPublications, fingerprint, sha256File, type Publication } from './publication.js';
import { downloadPublication } from './download.js';
import { checkPlausible } from './plausibility.js';
import { rebuildEntities } from './rebuild.js';
import { refreshNetwork } from '../analyses/network/refresh.js';

export interface UpdateOptions {
  /** Mirror root laid out as `<source>/<date>/<files>`; without it the official URLs are fetched. */
  mirror?: string;
  /** Source names to update (default: all). */
  sources?: string[];
  /** Import publications the plausibility rules refuse. */
  force?: boolean;
  /** Where downloads go (official URLs). */
  dataDir?: string;
  onProgress?: (e: ProgressEvent) => void;
}

export interface ProgressEvent {
  source: string;
  version?: string;
  phase: 'discover' | 'hash' | 'parse' | 'store' | 'done' | 'skip' | 'refused' | 'entities';
  index?: number;
  total?: number;
  message?: string;
}

export interface UpdateOutcome {
  source: string;
  version: string;
  origin: string;
  outcome: 'imported' | 'unchanged' | 'refused' | 'failed';
  message?: string;
  records?: number;
  ms?: number;
}

export interface UpdateReport {
  outcomes: UpdateOutcome[];
  entities?: { total: number; dprk: number; ms: number };
}

export function recordHash(r: SourceRecord): string {
  return createHash('sha1').update(canonicalJson([r.schema, r.caption, r.properties, r.sanctions, r.links])).digest('hex');
}

export function versionCounts(records: SourceRecord[]): Record<string, number> {
  const counts: Record<string, number> = { records: records.length, dprk: 0 };
  for (const r of records) {
    counts[r.schema] = (counts[r.schema] ?? 0) + 1;
    if (hasDprkProgram(r)) counts.dprk++;
  }
  return counts;
}

export function selectSources(names?: string[]): ListSource[] {
  if (!names?.length) return LIST_SOURCES;
  const unknown = names.filter((n) => !LIST_SOURCES.some((s) => s.name === n));
  if (unknown.length) throw new Error(`unknown source ${unknown.join(', ')}; known: ${LIST_SOURCES.map((s) => s.name).join(', ')}`);
  return LIST_SOURCES.filter((s) => names.includes(s.name));
}

/** Imports one publication: parse, check, store atomically. Never replaces good data with bad. */
export async function importPublication(
  db: Db, pub: Publication, opts: Pick<UpdateOptions, 'force' | 'onProgress'> = {}, cache?: Map<number, SourceRecord[]>,
): Promise<UpdateOutcome> {
  const started = Date.now();
  const { source } = pub;
  const base = { source: source.name, version: pub.version, origin: pub.origin };
  const emit = (phase: ProgressEvent['phase'], message?: string) => opts.onProgress?.({ source: source.name, version: pub.version, phase, ...(message ? { message } : {}) });
  const finish = async (o: UpdateOutcome): Promise<UpdateOutcome> => {
    await logImport(db, { ...base, outcome: o.outcome, ...(o.message ? { message: o.message } : {}) });
    return o;
  };
  try {
    emit('hash');
    const fp = await fingerprint(pub);
    const seen = await findByContentHash(db, source.name, fp.contentHash);
    if (seen && !opts.force) {
      emit('skip', `unchanged (same files as ${seen.version})`);
      return { ...base, outcome: 'unchanged', message: `same files as version ${seen.version}` };
    }
    emit('parse');
    const parsed = await source.parse(pub.files);
    const served = (await currentVersions(db)).find((v) => v.source === source.name);
    const isNewest = !served || pub.published >= served.published;
    const check = checkPlausible(parsed.records, isNewest ? served?.counts.records : undefined);
    if (!check.ok && !opts.force) {
      const message = `refused ${source.name} ${pub.version}: ${check.reason}; version ${served?.version ?? '(none)'} stays served`;
      emit('refused', message);
      return finish({ ...base, outcome: 'refused', message });
    }
    let version = pub.version;
    const existing = await findVersion(db, source.name, version);
    if (existing) version = `${version}+${fp.contentHash.slice(0, 8)}`;
    emit('store');
    const records: StoredRecord[] = parsed.records.map((r) => ({ ...r, hash: recordHash(r) }));
    const versionId = await storeVersion(db, {
      source: source.name, dataset: source.dataset, version, published: pub.published,
      ...(parsed.statedDate ? { statedDate: parsed.statedDate } : {}), origin: pub.origin, files: fp.files,
      contentHash: fp.contentHash, counts: versionCounts(parsed.records), warnings: parsed.warnings.slice(0, 200),
    }, records);
    cache?.set(versionId, records);
    emit('done');
    return finish({ ...base, version, outcome: 'imported', records: records.length, ms: Date.now() - started });
  } catch (err) {
    const message = err instanceof SourceError
      ? `refused ${source.name} ${pub.version}: ${err.message}`
      : `failed ${source.name} ${pub.version}: ${(err as Error).message}`;
    emit('refused', message);
    return finish({ ...base, outcome: err instanceof SourceError ? 'refused' : 'failed', message });
  }
}

/** Loads the derived OFAC change log from a mirror, once per distinct file. */
async function importDerived(db: Db, mirror: string): Promise<UpdateOutcome | undefined> {
  const dir = join(mirror, OFAC_DERIVED_DIR);
  if (!existsSync(dir)) return undefined;
  const file = readdirSync(dir).find((f) => CHANGE_LOG_PATTERN.test(f));
  if (!file) return undefined;
  const started = Date.now();
  const path = join(dir, file);
  const hash = await sha256File(path);
  const base = { source: 'ofac-derived', version: hash.slice(0, 12), origin: `mirror:${OFAC_DERIVED_DIR}/${file}` };
  const log = await importLog(db, 1000);
  if (log.some((l) => l.source === 'ofac-derived' && l.version === base.version && l.outcome === 'imported')) {
    return { ...base, outcome: 'unchanged' };
  }
  try {
    const rows = await parseChangeLog(path);
    await replaceChanges(db, base.origin, rows);
    await logImport(db, { ...base, outcome: 'imported' });
    return { ...base, outcome: 'imported', records: rows.length, ms: Date.now() - started };
  } catch (err) {
    const message = `refused derived change log: ${(err as Error).message}`;
    await logImport(db, { ...base, outcome: 'refused', message });
    return { ...base, outcome: 'refused', message };
  }
}

/** Fetches (or reads from a mirror) and imports every selected list, then rebuilds the merged entities. */
export async function update(db: Db, opts: UpdateOptions): Promise<UpdateReport> {
  const sources = selectSources(opts.sources);
  const outcomes: UpdateOutcome[] = [];
  const cache = new Map<number, SourceRecord[]>();
  for (const source of sources) {
    opts.onProgress?.({ source: source.name, phase: 'discover' });
    let pubs: Publication[];
    try {
      pubs = opts.mirror ? discoverPublications(opts.mirror, source) : [await downloadPublication(source, opts.dataDir ?? 'data')];
    } catch (err) {
      const message = `could not fetch ${source.name}: ${(err as Error).message}`;
      outcomes.push({ source: source.name, version: '-', origin: 'download', outcome: 'failed', message });
      await logImport(db, { source: source.name, version: '-', origin: 'download', outcome: 'failed', message });
      continue;
    }
    pubs.sort((a, b) => a.published.localeCompare(b.published) || a.version.localeCompare(b.version));
    for (const [i, pub] of pubs.entries()) {
      opts.onProgress?.({ source: source.name, version: pub.version, phase: 'parse', index: i, total: pubs.length });
      outcomes.push(await importPublication(db, pub, opts, cache));
    }
  }
  if (opts.mirror && sources.some((s) => s.name === 'ofac')) {
    const d = await importDerived(db, opts.mirror);
    if (d) outcomes.push(d);
  }
  const changed = outcomes.some((o) => o.outcome === 'imported');
  const report: UpdateReport = { outcomes };
  const haveEntities = (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM entities'))[0].n > 0;
  if (changed || (!haveEntities && (await listVersions(db)).length)) {
    opts.onProgress?.({ source: 'entities', phase: 'entities' });
    report.entities = await rebuildEntities(db, cache);
    await refreshNetwork(db); // 50 % rule and matches of imported datasets against the new lists (docs/network.md)
  }
  return report;
}
