import { freshPglite } from '../helpers/db.js';
import { storeVersion } from '../../src/store/versions.js';
import { replaceEntities } from '../../src/store/entities.js';
import { recordContent } from '../../src/model/merge.js';
import { recordHash, versionCounts } from '../../src/ingest/update.js';
import type { Entity, EntityRecord } from '../../src/model/entity.js';
import type { SourceRecord, SanctionInfo } from '../../src/model/types.js';
import type { DprkReason } from '../../src/model/dprk.js';
import type { SchemaName } from '../../src/model/schema.js';
import type { Db } from '../../src/store/db.js';
import { ScreeningService } from '../../src/analyses/screening/service.js';
import { createApp } from '../../src/surfaces/api/app.js';
import { serve, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import type { Services } from '../../src/surfaces/api/services.js';

/**
 * A handful of hand-made list records (two list versions), merged by hand into entities, stored in a fresh embedded
 * database; the screening index is built from the store as `serve` builds it.
 */

const OFAC: SanctionInfo = { authority: 'OFAC', programs: ['DPRK2'] };
const UN: SanctionInfo = { authority: 'UN Security Council', programs: ['DPRK'], listingDate: '2016-11-30' };

function rec(id: string, schema: SchemaName, caption: string, properties: Record<string, string[]>, sanctions: SanctionInfo[]): SourceRecord {
  const source = id.slice(0, id.indexOf('-'));
  return { id, source, recordId: id.slice(id.indexOf('-') + 1), schema, caption, properties, sanctions, links: [] };
}

const ofacRecords: SourceRecord[] = [
  rec('ofac-33936', 'Person', 'RI, Yong Gil', { name: ['RI, Yong Gil'], alias: ['RI, Yong-kil'], birthDate: ['1955'], nationality: ['kp'], gender: ['male'] }, [OFAC]),
  rec('ofac-30001', 'Person', 'RI, Yong Ho', { name: ['RI, Yong Ho'], birthDate: ['1956'], nationality: ['kp'] }, [OFAC]),
  rec('ofac-17069', 'Vessel', 'CHONG CHON GANG', { name: ['CHONG CHON GANG'], imoNumber: ['7937317'], flag: ['kp'], type: ['General Cargo'] }, [OFAC]),
  rec('ofac-9345', 'Company', 'KOREA MINING DEVELOPMENT TRADING CORPORATION', { name: ['KOREA MINING DEVELOPMENT TRADING CORPORATION'], alias: ['KOMID'], country: ['kp'] }, [OFAC]),
  rec('ofac-306', 'Company', 'BANCO NACIONAL DE CUBA', { name: ['BANCO NACIONAL DE CUBA'], country: ['cu'] }, [{ authority: 'OFAC', programs: ['CUBA'] }]),
  rec('ofac-7000', 'Person', 'SMITH, John', { name: ['SMITH, John'], nationality: ['gb'] }, [{ authority: 'OFAC', programs: ['SDGT'] }]),
];
const unRecords: SourceRecord[] = [
  rec('un-KPi.077', 'Person', 'RI YONG GIL', { name: ['RI YONG GIL'], birthDate: ['1955'], nationality: ['kp'] }, [UN]),
  rec('un-KPe.001', 'Organization', 'KOREA MINING DEVELOPMENT TRADING CORPORATION', { name: ['KOREA MINING DEVELOPMENT TRADING CORPORATION'], alias: ['KOMID'] }, [UN]),
  rec('un-KPi.050', 'Person', 'KIM YONG CHOL', { name: ['KIM YONG CHOL'], nationality: ['kp'] }, [UN]),
];

const VERSIONS = [
  { source: 'ofac', dataset: 'us_ofac_sdn', version: '2024-05-03', records: ofacRecords },
  { source: 'un', dataset: 'un_sc_sanctions', version: '2026-05-08', records: unRecords },
];

/** Entities by hand: which records form each, and why it is DPRK-related. */
const MERGED: { id: string; schema: SchemaName; records: string[]; dprk: boolean }[] = [
  { id: 'ofac-33936', schema: 'Person', records: ['ofac-33936', 'un-KPi.077'], dprk: true },
  { id: 'ofac-30001', schema: 'Person', records: ['ofac-30001'], dprk: true },
  { id: 'ofac-17069', schema: 'Vessel', records: ['ofac-17069'], dprk: true },
  { id: 'ofac-9345', schema: 'Company', records: ['ofac-9345', 'un-KPe.001'], dprk: true },
  { id: 'ofac-306', schema: 'Company', records: ['ofac-306'], dprk: false },
  { id: 'ofac-7000', schema: 'Person', records: ['ofac-7000'], dprk: false },
  { id: 'un-KPi.050', schema: 'Person', records: ['un-KPi.050'], dprk: true },
];

async function store(db: Db): Promise<Entity[]> {
  const refs = new Map<string, { record: SourceRecord; ref: EntityRecord }>();
  for (const v of VERSIONS) {
    const versionId = await storeVersion(db, {
      source: v.source, dataset: v.dataset, version: v.version, published: v.version, origin: 'test', files: [],
      contentHash: `${v.source}-${v.version}`, counts: versionCounts(v.records), warnings: [],
    }, v.records.map((r) => ({ ...r, hash: recordHash(r) })));
    for (const r of v.records) refs.set(r.id, { record: r, ref: { id: r.id, source: v.source, dataset: v.dataset, version: `${v.source}@${v.version}`, versionId } });
  }
  return MERGED.map((m) => {
    const parts = m.records.map((id) => refs.get(id)!);
    const items = parts.map((p) => ({ record: p.record, source: p.ref.source, dataset: p.ref.dataset, version: p.ref.version }));
    const dprk: DprkReason[] = m.dprk ? [{ kind: 'program', detail: 'DPRK', record: m.records[0], strong: true }] : [];
    return {
      id: m.id, schema: m.schema, caption: parts[0].record.caption, referents: m.records, datasets: [...new Set(parts.map((p) => p.ref.dataset))],
      topics: ['sanction'], ...recordContent(items, m.schema), records: parts.map((p) => p.ref), links: [], dprk,
      merge: m.records.length > 1 ? [{ a: m.records[0], b: m.records[1], rule: 'un_reference', detail: 'hand-made test merge' }] : [],
      listed: [], firstSeen: '2021-07-07', lastSeen: '2024-05-03',
    };
  });
}

export interface TestApi {
  services: Services;
  db: Db;
  request(path: string, init?: RequestInit): Promise<{ status: number; body: any; text: string; type: string | null }>;
  post(path: string, body: unknown): Promise<{ status: number; body: any; text: string; type: string | null }>;
  close(): Promise<void>;
}

/** How the fixture API is reached. */
export interface FixtureOptions {
  /** Over real HTTP (the Node server `serve` runs, on a free loopback port) instead of `app.request`. */
  http?: boolean;
  /** Match threads of the screening service; the API is returned once they hold the index. */
  matchThreads?: number;
}

/** The app over the fixture: a fresh database, the fixture stored, the index built. */
export async function fixtureApi(o: FixtureOptions = {}): Promise<TestApi> {
  const db = await freshPglite();
  await replaceEntities(db, await store(db));
  const screening = new ScreeningService(o.matchThreads ?? 0);
  await screening.reload(db);
  for (let waited = 0; o.matchThreads && !screening.threaded; waited += 50) {
    if (waited > 60_000) throw new Error('match threads did not start');
    await new Promise((r) => setTimeout(r, 50));
  }
  const services: Services = { db, screening, ready: true, startedAt: new Date() };
  return o.http ? httpApiOver(services) : apiOver(services);
}

type Answer = { status: number; body: any; text: string; type: string | null };

async function answer(res: Response): Promise<Answer> {
  const text = await res.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  return { status: res.status, body, text, type: res.headers.get('content-type') };
}

function testApi(services: Services, request: (path: string, init?: RequestInit) => Promise<Answer>, stop = async () => {}): TestApi {
  return {
    services, db: services.db, request,
    post: (path, body) => request(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body) }),
    close: async () => {
      await stop();
      await services.screening.close();
      await services.db.close();
    },
  };
}

export function apiOver(services: Services): TestApi {
  const app = createApp(services);
  return testApi(services, async (path, init) => answer(await app.request(path, init)));
}

async function httpApiOver(services: Services): Promise<TestApi> {
  const app = createApp(services);
  const server = await new Promise<ServerType>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return testApi(services, async (path, init) => answer(await fetch(`http://127.0.0.1:${port}${path}`, init)),
    () => new Promise<void>((resolve) => server.close(() => resolve())));
}
