/**
 * Feeds that turn held data into evidence items. Each item cites where it comes from and links to the underlying
 * record; each has a dedup key so running a feed again adds only what is new.
 *
 *  - maritime: stored AIS runs (maritime_events, migration 002) or a JSON Lines file from `chokepoint ais detect`.
 *    Encounters where the other vessel is designated or DPRK-flagged become `sts_transfer` items for each side that
 *    met such a vessel; DPRK port calls become `dprk_port_call`; identity changes of DPRK-linked vessels
 *    `identity_change`. Other events are not evidence for a mandate and are left out.
 *  - network: imported Ownership edges (migration 003) become `owns`; entities the OFAC 50 % rule blocks
 *    (network_blocked) become `owned_by_designated`.
 *  - list: a listed vessel's stated link to a company ("Linked To:") becomes `operates` (company -> vessel); a listed
 *    vessel flying the DPRK flag becomes `dprk_owned_vessel` (the flag, not a stated owner: confidence 0.7).
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { createHash } from 'node:crypto';
import type { Db } from '../../store/db.js';
import { findEvents, type EventRecord } from '../../store/maritime.js';
import { networkBlocked, networkState } from '../../store/datasets.js';
import { importedOwnership, insertEvidence, withdrawStale, listedReasons, listedVesselLinks, servedVersions, type NewEvidence } from '../../store/evidence.js';
import { matchRemarks } from './remark-rules.js';
import { parsePercentage } from '../network/ownership.js';
import { SubjectResolver } from './subjects.js';
import { SourceError } from '../../sources/types.js';
import { designatedVesselRows } from '../../store/maritime.js';

export interface FeedResult {
  feed: string;
  considered: number;
  added: number;
  /** Items of an earlier run the data no longer states (withdrawn, kept for the record). */
  withdrawn?: number;
  skipped: Record<string, number>;
}

const bump = (m: Record<string, number>, k: string) => { m[k] = (m[k] ?? 0) + 1; };

/** Ids of the sides of an event: IMO where the event gives one per MMSI, else the MMSI. */
function sides(e: EventRecord): string[] {
  const aligned = e.imo.length === e.mmsi.length;
  return e.mmsi.map((m, i) => (aligned && e.imo[i] ? `imo-${e.imo[i]}` : `mmsi-${m}`));
}

export interface EventSource {
  /** Reference kept in the link: { maritime_event, run } or { file, line }. */
  link: Record<string, unknown>;
  citation: string;
  key: string;
}

/** Items from maritime events (already read). */
export async function maritimeItems(db: Db, events: { event: EventRecord; source: EventSource }[], resolver = new SubjectResolver(db)): Promise<{ items: NewEvidence[]; skipped: Record<string, number> }> {
  const items: NewEvidence[] = [];
  const skipped: Record<string, number> = {};
  const linked = async (id: string): Promise<{ designated: boolean; flagged: boolean }> => {
    const lv = await resolver.listedVessel(id);
    const flagged = /^mmsi-445\d{6}$/.test(id) || lv?.flag === 'kp';
    return { designated: lv !== undefined, flagged };
  };
  for (const { event: e, source } of events) {
    const ids = sides(e);
    const base = { start: e.start, end: e.end, lat: e.lat, lon: e.lon, origin: 'maritime' as const, link: source.link, confidence: e.confidence };
    if (e.type === 'encounter' && ids.length === 2) {
      let any = false;
      for (let i = 0; i < 2; i++) {
        const other = ids[1 - i];
        const l = await linked(other);
        if (!l.designated && !l.flagged) continue;
        any = true;
        const near = (e.evidence.nearestPort as { name?: string } | null | undefined)?.name;
        items.push({
          ...base, kind: 'sts_transfer', subject: ids[i], counterparty: other, place: near ? `${e.region} (near ${near})` : e.region,
          citation: source.citation, detail: { event: e.evidence, mmsi: e.mmsi[i], counterparty_mmsi: e.mmsi[1 - i], counterparty_designated: l.designated, counterparty_dprk_flag: l.flagged },
          dedupKey: `${source.key}:sts:${i}`,
        });
      }
      if (!any) bump(skipped, 'encounter_without_dprk_link');
    } else if (e.type === 'port_call') {
      const port = typeof e.evidence.port === 'string' ? e.evidence.port : undefined;
      items.push({
        ...base, kind: 'dprk_port_call', subject: ids[0], counterparty: null, place: port ? `${port}, DPRK` : e.region, citation: source.citation,
        detail: { event: e.evidence, mmsi: e.mmsi[0], inferred: e.evidence.inferred === true }, dedupKey: `${source.key}:port`,
      });
    } else if (e.type === 'identity_change') {
      const l = await Promise.all(ids.map(linked));
      if (!l.some((x) => x.designated || x.flagged)) { bump(skipped, 'identity_change_not_dprk_linked'); continue; }
      items.push({ ...base, kind: 'identity_change', subject: ids[0], counterparty: ids[1] ?? null, place: e.region, citation: source.citation, detail: { event: e.evidence, mmsi: e.mmsi }, dedupKey: `${source.key}:identity` });
    } else bump(skipped, `type_${e.type}`);
  }
  return { items, skipped };
}

/** Feeds the events of every stored AIS run (maritime_events). */
export async function feedMaritimeStore(db: Db): Promise<FeedResult> {
  const all: { event: EventRecord; source: EventSource }[] = [];
  for (let offset = 0; ; offset += 5000) {
    const { events } = await findEvents(db, { types: ['encounter', 'port_call', 'identity_change'], limit: 5000, offset });
    for (const e of events) {
      all.push({ event: e, source: { link: { maritime_event: e.id, run: e.run }, citation: `AIS run ${e.run}, event ${e.id} (${e.type}, ${e.start}, chokepoint ais detect)`, key: `ais:${e.run}:${e.id}` } });
    }
    if (events.length < 5000) break;
  }
  const { items, skipped } = await maritimeItems(db, all);
  const added = await insertEvidence(db, items);
  return { feed: 'maritime (stored AIS runs)', considered: all.length, added: added.length, skipped };
}

/** Feeds a JSON Lines events file (the pinned maritime event record, one per line). */
export async function feedMaritimeFile(db: Db, path: string): Promise<FeedResult> {
  const all: { event: EventRecord; source: EventSource }[] = [];
  const rl = createInterface({ input: createReadStream(path), crlfDelay: Infinity });
  let line = 0;
  for await (const text of rl) {
    line++;
    if (!text.trim()) continue;
    let e: EventRecord;
    try {
      e = JSON.parse(text) as EventRecord;
    } catch (err) {
      throw new SourceError(path, line, `not JSON: ${(err as Error).message}`);
    }
    if (!e || typeof e.type !== 'string' || !Array.isArray(e.mmsi) || !Array.isArray(e.imo) || typeof e.start !== 'string') throw new SourceError(path, line, 'not a maritime event record (type, mmsi, imo, start, end ...)');
    const hash = createHash('sha1').update(text).digest('hex').slice(0, 16);
    all.push({ event: e, source: { link: { file: path, line }, citation: `${path.split('/').pop()}:${line} (${e.type}, ${e.start}, chokepoint ais detect)`, key: `aisfile:${hash}` } });
  }
  const { items, skipped } = await maritimeItems(db, all);
  const added = await insertEvidence(db, items);
  return { feed: `maritime (${path})`, considered: all.length, added: added.length, skipped };
}

/** Feeds imported ownership edges and the 50 % rule results. */
export async function feedNetwork(db: Db): Promise<FeedResult> {
  const skipped: Record<string, number> = {};
  const items: NewEvidence[] = [];
  const today = new Date().toISOString().slice(0, 10);
  const edges = await importedOwnership(db);
  for (const e of edges) {
    const pct = e.percentage === null ? undefined : parsePercentage(e.percentage);
    items.push({
      kind: 'owns', subject: e.owner, counterparty: e.asset, start: today, origin: 'network', confidence: 0.9,
      citation: `imported dataset ${e.dataset}, Ownership ${e.id}${e.line ? ` (line ${e.line})` : ''}`,
      link: { dataset: e.dataset, edge: e.id, line: e.line }, detail: { percentage: pct ?? null }, dedupKey: `own:${e.dataset}:${e.id}:${e.owner}:${e.asset}`,
    });
  }
  const state = await networkState(db);
  for (const b of await networkBlocked(db)) {
    items.push({
      kind: 'owned_by_designated', subject: b.id, counterparty: null, start: state?.computed_at ?? today, origin: 'network', confidence: 0.9,
      citation: state?.citation ?? 'OFAC 50 % rule', link: { network_blocked: b.id, dataset: b.dataset, paths: b.paths }, detail: { aggregate: b.aggregate, contributions: b.contributions },
      dedupKey: `blocked:${b.id}:${b.aggregate}`,
    });
  }
  const added = await insertEvidence(db, items);
  const withdrawn = await withdrawStale(db, ['own:', 'blocked:'], items.map((i) => i.dedupKey!), 'no longer in the imported datasets or the 50 % rule results');
  return { feed: 'network (imported ownership, 50 % rule)', considered: items.length, added: added.length, withdrawn, skipped };
}

/** Feeds what the held lists state about vessels: operators (Linked To:) and the DPRK flag. */
export async function feedLists(db: Db): Promise<FeedResult> {
  const skipped: Record<string, number> = {};
  const items: NewEvidence[] = [];
  const versions = new Map((await servedVersions(db)).map((v) => [v.source, v]));
  const flags = new Map((await designatedVesselRows(db)).map((v) => [v.id, v.properties.flatMap((p) => p.flag ?? [])]));
  for (const v of await listedVesselLinks(db)) {
    for (const l of v.links) {
      if (!l.target) { bump(skipped, 'link_unresolved'); continue; }
      const src = versions.get(l.record.split('-')[0]);
      items.push({
        kind: 'operates', subject: l.target, counterparty: v.id, start: src?.published ?? new Date().toISOString().slice(0, 10), origin: 'list', confidence: 0.8,
        citation: `${l.record}${src ? ` (${src.source}@${src.version})` : ''}: ${l.type.replace(/_/g, ' ')} ${l.targetName ?? l.target}`,
        link: { record: l.record, version: src ? `${src.source}@${src.version}` : null }, detail: { link_type: l.type }, dedupKey: `listlink:${l.record}:${l.target}`,
      });
    }
    if ((flags.get(v.id) ?? []).includes('kp')) {
      const rec = v.dprk.find((d) => d.kind === 'flag')?.record ?? v.id;
      const src = versions.get(rec.split('-')[0]);
      items.push({
        kind: 'dprk_owned_vessel', subject: v.id, counterparty: null, start: src?.published ?? new Date().toISOString().slice(0, 10), origin: 'list', confidence: 0.7,
        citation: `${rec}${src ? ` (${src.source}@${src.version})` : ''}: flag Democratic People's Republic of Korea`, link: { record: rec, version: src ? `${src.source}@${src.version}` : null },
        detail: { basis: 'DPRK flag on the list (registration in the DPRK); a stated owner is not required' }, dedupKey: `listflag:${v.id}`,
      });
    }
  }
  // The lists' narratives (UN reasons for listing): conduct sentences become items about the listed entity.
  for (const r of await listedReasons(db)) {
    for (const m of matchRemarks(r.reason, r.caption)) {
      items.push({
        kind: m.rule.kind, subject: r.id, counterparty: null, start: r.listed_on ?? versions.get(r.record.split('-')[0])?.published ?? new Date().toISOString().slice(0, 10),
        origin: 'list', confidence: m.rule.confidence, citation: `${r.record} (${r.version}), reason for listing: "${m.sentence}"`,
        link: { record: r.record, version: r.version }, detail: { rule: m.rule.why, dated: r.listed_on ? 'the listing date (the conduct is earlier)' : 'the version date' },
        dedupKey: `remark:${r.record}:${m.rule.kind}`,
      });
    }
  }
  const added = await insertEvidence(db, items);
  const withdrawn = await withdrawStale(db, ['listlink:', 'listflag:', 'remark:'], items.map((i) => i.dedupKey!), 'no longer stated by the served list versions (or no longer read so by the rules)');
  return { feed: 'lists (vessel operators, DPRK flag, reasons for listing)', considered: items.length, added: added.length, withdrawn, skipped };
}
