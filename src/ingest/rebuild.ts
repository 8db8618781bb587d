import type { Db } from '../store/db.js';
import { currentVersions, listVersions, recordSpans, recordsOf } from '../store/versions.js';
import { changesOf } from '../store/changes.js';
import { replaceEntities } from '../store/entities.js';
import { buildEntities, type VersionedRecord } from '../model/merge.js';
import type { ListingDate } from '../model/entity.js';
import type { SourceRecord } from '../model/types.js';

/**
 * Listing dates from version history: a record first seen in the first version held was listed on or before that
 * date; one first seen in a later version was listed between the version before and that one. A derived change log
 * narrows the interval where it covers the record.
 */
export async function listingDates(db: Db): Promise<{ listed: Map<string, ListingDate[]>; spans: Map<string, { first: string; last: string }> }> {
  const listed = new Map<string, ListingDate[]>();
  const spans = new Map<string, { first: string; last: string }>();
  const add = (id: string, l: ListingDate) => {
    const list = listed.get(id) ?? [];
    list.push(l);
    listed.set(id, list);
  };
  const versions = await listVersions(db);
  const bySource = new Map<string, typeof versions>();
  for (const v of versions) bySource.set(v.source, [...(bySource.get(v.source) ?? []), v]);
  for (const [source, vs] of bySource) {
    const dates = [...new Set(vs.map((v) => v.published))].sort();
    const dataset = vs[0].dataset;
    for (const [id, span] of await recordSpans(db, source)) {
      const prev = spans.get(id);
      spans.set(id, prev ? { first: prev.first < span.first ? prev.first : span.first, last: prev.last > span.last ? prev.last : span.last } : span);
      const i = dates.indexOf(span.first);
      add(id, i <= 0
        ? { record: id, dataset, precision: 'on_or_before', date: span.first, basis: 'first_version' }
        : { record: id, dataset, precision: 'between', after: dates[i - 1], date: span.first, basis: 'between_versions' });
    }
  }
  for (const c of await changesOf(db, { change: 'added' })) {
    const dataset = versions.find((v) => v.source === c.source)?.dataset ?? 'us_ofac_sdn';
    add(c.id, { record: c.id, dataset, precision: 'between', date: c.date, ...(c.previous_date ? { after: c.previous_date } : {}), basis: 'change_log' });
  }
  return { listed, spans };
}

/** Rebuilds the merged entities from the newest version of every source. */
export async function rebuildEntities(db: Db, cache?: Map<number, SourceRecord[]>): Promise<{ total: number; dprk: number; ms: number }> {
  const started = Date.now();
  const items: VersionedRecord[] = [];
  for (const v of await currentVersions(db)) {
    for (const record of cache?.get(v.id) ?? await recordsOf(db, v.id, v.source)) items.push({ record, source: v.source, dataset: v.dataset, version: `${v.source}@${v.version}`, versionId: v.id });
  }
  const ctx = await listingDates(db);
  const entities = buildEntities(items, ctx);
  await replaceEntities(db, entities);
  return { total: entities.length, dprk: entities.filter((e) => e.dprk.length > 0).length, ms: Date.now() - started };
}
