/**
 * Linkage: which vessels seen on AIS are designated ships, and which fall under the 180-day look-back.
 *
 * Matching (linkVessels): an IMO number broadcast by the MMSI equal to a designated ship's IMO first (the IMO is the
 * hull's permanent number); then an MMSI the designation lists; then, for vessels still unmatched, each broadcast name
 * through a callback (plug in the screening engine; the default compares identity keys exactly), kept at
 * linkage.nameMinScore or above.
 *
 * Look-back (lookback): a vessel that called at a DPRK port, or met such a vessel in a ship-to-ship transfer, within
 * linkage.lookbackDays before the reference time (Executive Order 13810 § 2; the brief cites 46 U.S.C. 70022, whose
 * staged text has no such look-back — statute.ts quotes it, and every hit carries that citation). "Such a vessel" is
 * one with a DPRK port call in the look-back days before the encounter, or (option) a DPRK-flagged vessel (MID 445).
 */
import { identityKey, imoCheckDigitValid } from './identity.js';
import type { MaritimeEvent } from './events.js';
import { MS_PER_DAY } from './geo.js';
import { defaultParams, type Params } from './params.js';
import { DPRK_MID } from './invalid-mmsi.js';

export interface DesignatedVessel {
  /** The designation's id (e.g. an entity id or referent such as `ofac-12345`). */
  id: string;
  names: string[];
  imo?: number;
  mmsi?: number[];
}

/** What AIS says about one MMSI (e.g. from IdentityTracker.timeline). */
export interface VesselIdentityInfo {
  mmsi: number;
  imos: number[];
  names: string[];
}

export interface NameCandidate {
  id: string;
  score: number;
}

/** Name screening: candidates for a name (sync or async). */
export type NameMatcher = (name: string) => NameCandidate[] | Promise<NameCandidate[]>;

export interface VesselLink {
  mmsi: number;
  designatedId: string;
  by: 'imo' | 'mmsi' | 'name';
  score: number;
  evidence: Record<string, unknown>;
}

/** The default name matcher: identity keys equal (letters and digits, upper case). */
export function exactNameMatcher(designated: readonly DesignatedVessel[]): NameMatcher {
  const byKey = new Map<string, string[]>();
  for (const d of designated) {
    for (const n of d.names) {
      const k = identityKey(n);
      if (!k) continue;
      const ids = byKey.get(k) ?? [];
      if (!ids.includes(d.id)) ids.push(d.id);
      byKey.set(k, ids);
    }
  }
  return (name) => (byKey.get(identityKey(name)) ?? []).map((id) => ({ id, score: 1 }));
}

export async function linkVessels(vessels: readonly VesselIdentityInfo[], designated: readonly DesignatedVessel[],
  o: { nameMatcher?: NameMatcher; params?: Params } = {}): Promise<VesselLink[]> {
  const p = o.params ?? defaultParams();
  const byImo = new Map<number, DesignatedVessel[]>();
  const byMmsi = new Map<number, DesignatedVessel[]>();
  for (const d of designated) {
    if (d.imo) byImo.set(d.imo, [...(byImo.get(d.imo) ?? []), d]);
    for (const m of d.mmsi ?? []) byMmsi.set(m, [...(byMmsi.get(m) ?? []), d]);
  }
  const matcher = o.nameMatcher ?? exactNameMatcher(designated);
  const links: VesselLink[] = [];
  for (const v of vessels) {
    const found: VesselLink[] = [];
    for (const imo of v.imos) {
      for (const d of byImo.get(imo) ?? []) {
        found.push({ mmsi: v.mmsi, designatedId: d.id, by: 'imo', score: 1, evidence: { imo, checkDigitValid: imoCheckDigitValid(imo) } });
      }
    }
    if (!found.length) {
      for (const d of byMmsi.get(v.mmsi) ?? []) found.push({ mmsi: v.mmsi, designatedId: d.id, by: 'mmsi', score: 0.95, evidence: { mmsi: v.mmsi } });
    }
    if (!found.length) {
      const best = new Map<string, VesselLink>();
      for (const name of v.names) {
        for (const c of await matcher(name)) {
          if (c.score < p['linkage.nameMinScore']) continue;
          const prev = best.get(c.id);
          if (!prev || prev.score < c.score) {
            best.set(c.id, { mmsi: v.mmsi, designatedId: c.id, by: 'name', score: c.score, evidence: { name } });
          }
        }
      }
      found.push(...best.values());
    }
    links.push(...found);
  }
  return links;
}

export interface LookbackHit {
  mmsi: number;
  reason: 'dprk_port_call' | 'sts_with_dprk_vessel';
  /** The event that puts the vessel in the look-back (its port call, or its encounter). */
  event: MaritimeEvent;
  /** For STS: the other vessel and why it counts (its port call, or its DPRK flag). */
  via?: { mmsi: number; portCall?: MaritimeEvent; dprkFlag?: boolean };
}

function isDprkFlagged(mmsi: number): boolean {
  return mmsi >= 100_000_000 && mmsi <= 999_999_999 && Math.floor(mmsi / 1_000_000) === DPRK_MID;
}

/**
 * Vessels in the look-back as of `asOf` (epoch ms): MMSI → the reasons, each with its evidence.
 * Events are the detector output (any order).
 */
export function lookback(events: readonly MaritimeEvent[], asOf: number,
  o: { params?: Params; dprkFlaggedCounts?: boolean } = {}): Map<number, LookbackHit[]> {
  const p = o.params ?? defaultParams();
  const span = p['linkage.lookbackDays'] * MS_PER_DAY;
  const from = asOf - span;
  const out = new Map<number, LookbackHit[]>();
  const add = (h: LookbackHit) => out.set(h.mmsi, [...(out.get(h.mmsi) ?? []), h]);
  const calls = events.filter((e) => e.type === 'port_call').map((e) => ({ e, start: Date.parse(e.start), end: Date.parse(e.end) }));
  const callsOf = new Map<number, typeof calls>();
  for (const c of calls) for (const m of c.e.mmsi) callsOf.set(m, [...(callsOf.get(m) ?? []), c]);
  for (const c of calls) {
    if (c.end >= from && c.start <= asOf) for (const m of c.e.mmsi) add({ mmsi: m, reason: 'dprk_port_call', event: c.e });
  }
  for (const e of events) {
    if (e.type !== 'encounter' || e.mmsi.length !== 2) continue;
    const s = Date.parse(e.start);
    const en = Date.parse(e.end);
    if (en < from || s > asOf) continue;
    for (const [me, other] of [[e.mmsi[0], e.mmsi[1]], [e.mmsi[1], e.mmsi[0]]]) {
      const prior = (callsOf.get(other) ?? []).filter((c) => c.start <= s && c.end >= s - span).sort((a, b) => b.start - a.start)[0];
      if (prior) add({ mmsi: me, reason: 'sts_with_dprk_vessel', event: e, via: { mmsi: other, portCall: prior.e } });
      else if ((o.dprkFlaggedCounts ?? true) && isDprkFlagged(other)) add({ mmsi: me, reason: 'sts_with_dprk_vessel', event: e, via: { mmsi: other, dprkFlag: true } });
    }
  }
  return out;
}
