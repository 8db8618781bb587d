/**
 * What the surfaces call: the provisions with their staged text, the evaluation, the ports and registries view,
 * and the data versions — one object, so the CLI, the API and the report show the same numbers.
 */
import { existsSync } from 'node:fs';
import type { Db } from '../../store/db.js';
import { sharedDataDir } from '../../config/paths.js';
import { LawText, lawDir } from '../../sources/law/index.js';
import { readUnCaps, type UnCap, type UnResolution } from '../../sources/law/un-caps.js';
import { currentVersions } from '../../store/versions.js';
import { evidenceCounts } from '../../store/evidence.js';
import { networkState } from '../../store/datasets.js';
import { listRuns } from '../../store/maritime.js';
import { designationOfSubject, evaluate, type Evaluation, type EntityResult } from './evaluate.js';
import { portsView, type PortsView } from './ports.js';
import { LOOKBACKS, OUT_OF_SCOPE, PROVISIONS, PROVISIONS_VERSION, TEXT_AS_OF, type Provision } from './provisions.js';
import { EVIDENCE_KINDS } from './evidence-kinds.js';
import type { ScreeningIndex } from '../screening/index/build.js';
import { normalizeSubjectId, SubjectResolver } from './subjects.js';

export interface ProvisionText extends Provision {
  /** The staged text at the anchor (paragraphs joined by blank lines), or null when the law folder is not found. */
  text: string | null;
  /** The words leading into it from the enclosing levels (see LawText.text). */
  context: string[];
  file: string | null;
  /** Whether `quote` is found word for word in the staged text (null: text not available). */
  quote_verified: boolean | null;
  text_error?: string;
}

export interface ProvisionsDoc {
  version: string;
  text_as_of: string;
  law_dir: string | null;
  provisions: ProvisionText[];
  out_of_scope: typeof OUT_OF_SCOPE;
  lookbacks: typeof LOOKBACKS;
  un_caps: UnCap[];
  un_resolutions: UnResolution[];
  un_file: string | null;
  evidence_kinds: typeof EVIDENCE_KINDS;
  warnings: string[];
}

/** The shared data folder the law and UN files are read from: CHOKEPOINT_SHARED_DATA or ../shared/data. */
export function mandatesDataDir(flag?: string): string {
  return flag ?? sharedDataDir();
}

const docCache = new Map<string, ProvisionsDoc>();

/** The provisions with the staged text loaded by anchor and each quotation checked against it. */
export function provisionsDoc(dataDir = mandatesDataDir()): ProvisionsDoc {
  const known = docCache.get(dataDir);
  if (known) return known;
  const warnings: string[] = [];
  const dir = lawDir(dataDir);
  let law: LawText | undefined;
  try {
    law = new LawText(dir);
  } catch (err) {
    warnings.push(`statute text not loaded (${(err as Error).message}): quotations are shown as encoded, unchecked`);
  }
  const provisions: ProvisionText[] = PROVISIONS.map((p) => {
    if (!law) return { ...p, text: null, context: [], file: null, quote_verified: null };
    try {
      const t = law.text(p.anchor);
      const ok = law.quotes(p.anchor, p.quote);
      if (!ok) warnings.push(`${p.citation}: the encoded quotation is not in the staged text at ${p.anchor} — review provisions.ts`);
      return { ...p, text: t.text, context: t.context, file: t.file, quote_verified: ok };
    } catch (err) {
      warnings.push(`${p.citation}: ${(err as Error).message}`);
      return { ...p, text: null, context: [], file: null, quote_verified: false, text_error: (err as Error).message };
    }
  });
  let caps: UnCap[] = [];
  let resolutions: UnResolution[] = [];
  let unFile: string | null = null;
  try {
    const u = readUnCaps(dataDir);
    caps = u.caps;
    resolutions = u.resolutions;
    unFile = u.file;
  } catch (err) {
    warnings.push(`UN caps not loaded: ${(err as Error).message}`);
  }
  const doc: ProvisionsDoc = {
    version: PROVISIONS_VERSION, text_as_of: TEXT_AS_OF, law_dir: law ? dir : null, provisions, out_of_scope: OUT_OF_SCOPE, lookbacks: LOOKBACKS,
    un_caps: caps, un_resolutions: resolutions, un_file: unFile, evidence_kinds: EVIDENCE_KINDS, warnings,
  };
  if (existsSync(dir)) docCache.set(dataDir, doc);
  return doc;
}

export interface DataVersions {
  lists: { source: string; version: string; published: string; records: number; dprk: number; sha256: string[] }[];
  ais_runs: { id: number; file: string; status: string; finished: string | null }[];
  network: { computed_at: string; datasets: string[]; versions: string[] } | null;
  evidence: { origin: string; kind: string; n: number }[];
  provisions_version: string;
  text_as_of: string;
}

export async function dataVersions(db: Db): Promise<DataVersions> {
  const lists = (await currentVersions(db)).map((v) => ({
    source: v.source, version: v.version, published: v.published, records: Number(v.counts.records ?? 0), dprk: Number(v.counts.dprk ?? 0),
    sha256: v.files.map((f) => f.sha256),
  }));
  const runs = (await listRuns(db, 20)).map((r) => ({ id: r.id, file: r.fileName, status: r.status, finished: r.finishedAt }));
  const ns = await networkState(db);
  return {
    lists, ais_runs: runs, network: ns ? { computed_at: ns.computed_at, datasets: ns.datasets, versions: ns.versions } : null,
    evidence: await evidenceCounts(db), provisions_version: PROVISIONS_VERSION, text_as_of: TEXT_AS_OF,
  };
}

export interface MandatesReport {
  as_of: string;
  generated_at: string;
  evaluation: Evaluation;
  ports: PortsView;
  provisions: ProvisionsDoc;
  versions: DataVersions;
}

export async function mandatesReport(db: Db, opts: { asOf?: string; dataDir?: string; screening?: ScreeningIndex } = {}): Promise<MandatesReport> {
  const asOf = opts.asOf ?? new Date().toISOString().slice(0, 10);
  const evaluation = await evaluate(db, { asOf, ...(opts.screening ? { screening: opts.screening } : {}) });
  const ports = await portsView(db, asOf);
  return { as_of: asOf, generated_at: new Date().toISOString(), evaluation, ports, provisions: provisionsDoc(mandatesDataDir(opts.dataDir)), versions: await dataVersions(db) };
}

/** One subject's evaluation (any id that names it), or undefined when nothing held knows it. */
export async function entityMandates(db: Db, id: string, asOf?: string, screening?: ScreeningIndex): Promise<EntityResult | undefined> {
  const resolver = new SubjectResolver(db);
  const s = await resolver.resolve(normalizeSubjectId(id));
  if (!s) return undefined;
  const day = asOf ?? new Date().toISOString().slice(0, 10);
  const ev = await evaluate(db, { asOf: day, ...(screening ? { screening } : {}) });
  const hit = ev.entities.find((e) => e.subject.key === s.key);
  if (hit) return hit;
  return { subject: s, designation: await designationOfSubject(db, s, day), triggers: [], evidence: [] };
}
