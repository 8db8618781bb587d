/**
 * The network as the surfaces use it: loaded from the store once per screening index (the index is rebuilt after
 * list updates and imports, so the network follows), the front-company ranking with the screening engine deciding
 * whether a former name is a designated name, and maritime events from stored AIS runs.
 */
import type { Db } from '../../store/db.js';
import { importedRows, maritimeEventsFor } from '../../store/datasets.js';
import type { IndexedEntity, ScreeningIndex } from '../screening/index/build.js';
import { matchQuery } from '../screening/match.js';
import { loadNetwork } from './load-network.js';
import type { Network } from './network.js';
import { rankFrontCompanies, type FrontCompanyRanking, type MaritimeEventRef } from './front-companies.js';
import { FRONT_COMPANY_RULES } from './front-company-rules.js';
import { listContext } from './list-context.js';

const cache = new WeakMap<object, Promise<Network>>();

/** The network for this index (built once per index), or freshly from the store when no index is given. */
export function networkFor(db: Db, index?: ScreeningIndex): Promise<Network> {
  if (!index) return loadNetwork(db);
  let p = cache.get(index);
  if (!p) {
    p = loadNetwork(db);
    cache.set(index, p);
    p.catch(() => cache.delete(index));
  }
  return p;
}

/** Former name -> designated entity, by the screening model over listed entities only. */
export function designatedNameMatcher(index: ScreeningIndex, listed: (e: IndexedEntity) => boolean) {
  return (name: string, schema: Parameters<typeof matchQuery>[1]) => {
    const r = matchQuery(index, schema, { name: [name] }, { threshold: FRONT_COMPANY_RULES.formerNameScore, limit: 1, filter: listed });
    const top = r.results[0];
    return top && top.score >= FRONT_COMPANY_RULES.formerNameScore ? { id: top.entity.id, score: Math.round(top.score * 1000) / 1000 } : undefined;
  };
}

/** Imported vessels' identifiers -> maritime events in stored AIS runs (a missing maritime store counts as none). */
async function storedEvents(db: Db, rows: Awaited<ReturnType<typeof importedRows>>): Promise<MaritimeEventRef[]> {
  const vessels = rows.filter((r) => r.schema === 'Vessel');
  const num = (v: string) => Number(v.replace(/\D/g, ''));
  const imos = vessels.flatMap((v) => (v.properties.imoNumber ?? []).map(num)).filter((n) => n > 0);
  const mmsis = vessels.flatMap((v) => (v.properties.mmsi ?? []).map(num)).filter((n) => n > 0);
  try {
    return await maritimeEventsFor(db, imos, mmsis);
  } catch {
    return [];
  }
}

export async function frontCompaniesFor(
  db: Db, opts: { index?: ScreeningIndex; listed?: (e: IndexedEntity) => boolean; events?: MaritimeEventRef[] } = {},
): Promise<FrontCompanyRanking> {
  let index = opts.index;
  let listed = opts.listed;
  if (!index || !listed) {
    const ctx = await listContext(db);
    index = ctx.index;
    listed = ctx.listed;
  }
  const [net, rows] = await Promise.all([networkFor(db, opts.index), importedRows(db)]);
  const events = [...(opts.events ?? []), ...await storedEvents(db, rows)];
  return rankFrontCompanies(net, { rows, designatedName: designatedNameMatcher(index, listed), events });
}
