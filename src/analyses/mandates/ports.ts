/**
 * Ports and flag registries (22 U.S.C. 9225; 46 U.S.C. 70022(b)(2), (d)): for each flag registry and each foreign
 * port, the DPRK-linked vessels and events it hosts — designated vessels still flying its flag, vessels with DPRK
 * port calls or STS transfers with DPRK-linked vessels, flag changes into and out of it — with the 180-day
 * screening window and the 365-day look-back of 9225(c)(1)(B) side by side. The evidence base for the reports
 * 9225(a) requires; findings, not designation gaps.
 */
import type { Db } from '../../store/db.js';
import { listEvidence, listedVesselLinks, type EvidenceItem } from '../../store/evidence.js';
import { designatedVesselRows } from '../../store/maritime.js';
import { flagOfMmsi } from '../../sources/ais/mid.js';
import { countryName } from '../../model/countries.js';
import { LOOKBACKS } from './provisions.js';
import { SubjectResolver, type Subject } from './subjects.js';
import { daysBetween } from './evaluate.js';

export interface VesselFinding {
  key: string;
  caption: string;
  flag: string | null;
  designated: boolean;
  dprk_port_calls: number;
  sts_with_dprk_linked: number;
  last_dprk_contact: string | null;
  days_since_dprk_contact: number | null;
  /** Within the 180-day screening window / the 365-day look-back of 9225(c)(1)(B), as of the date. */
  within_180: boolean;
  within_365: boolean;
  evidence: number[];
}

export interface RegistryRow {
  flag: string;
  country: string;
  designated_vessels: { key: string; caption: string }[];
  vessels_with_dprk_contact: string[];
  dprk_port_calls: number;
  sts_transfers: number;
  flag_hops_in: number;
  flag_hops_out: number;
  within_180: number;
  within_365: number;
}

export interface PortRow {
  port: string;
  /** Named in 22 U.S.C. 9225(b) (the report must give specific findings on it). */
  named_in_9225b: boolean;
  country: string | null;
  events: number;
  vessels: string[];
  within_180: number;
  within_365: number;
  evidence: number[];
}

export interface PointFinding {
  id: number;
  kind: string;
  lat: number;
  lon: number;
  label: string;
  date: string;
}

export interface PortsView {
  as_of: string;
  lookbacks: typeof LOOKBACKS;
  vessels: VesselFinding[];
  registries: RegistryRow[];
  ports: PortRow[];
  points: PointFinding[];
}

/** The ports 22 U.S.C. 9225(b) names, with their country (from the staged text). */
export const PORTS_9225B: readonly { port: string; country: string }[] = [
  { port: 'Dandong', country: 'cn' }, { port: 'Dalian', country: 'cn' },
  { port: 'Abadan', country: 'ir' }, { port: 'Bandar-e-Abbas', country: 'ir' }, { port: 'Chabahar', country: 'ir' }, { port: 'Bandar-e-Khomeini', country: 'ir' },
  { port: 'Bushehr Port', country: 'ir' }, { port: 'Asaluyeh Port', country: 'ir' }, { port: 'Kish', country: 'ir' }, { port: 'Kharg Island', country: 'ir' },
  { port: 'Bandar-e-Lenge', country: 'ir' }, { port: 'Khorramshahr', country: 'ir' },
  { port: 'Nakhodka', country: 'ru' }, { port: 'Vanino', country: 'ru' }, { port: 'Vladivostok', country: 'ru' },
  { port: 'Latakia', country: 'sy' }, { port: 'Banias', country: 'sy' }, { port: 'Tartous', country: 'sy' },
];

const DPRK_CONTACT = new Set(['sts_transfer', 'dprk_port_call']);

export async function portsView(db: Db, asOf: string): Promise<PortsView> {
  const resolver = new SubjectResolver(db);
  const items = (await listEvidence(db, { until: `${asOf}T23:59:59Z` }));
  const subjects = new Map<string, Subject | undefined>();
  for (const id of new Set(items.flatMap((e) => [e.subject, ...(e.counterparty ? [e.counterparty] : [])]))) subjects.set(id, await resolver.resolve(id));
  const keyOf = (id: string) => subjects.get(id)?.key ?? id;

  // Listed vessels: flag and designation; only DPRK-related ones count as DPRK-linked (other programmes' vessels,
  // e.g. Iran- or Russia-related, are not the subject of 9225).
  const dprkRelated = new Set((await listedVesselLinks(db)).filter((v) => v.dprk.length > 0).map((v) => v.id));
  const listedFlag = new Map<string, string | null>();
  const listedCaption = new Map<string, string>();
  for (const v of await designatedVesselRows(db)) {
    if (!dprkRelated.has(v.id)) continue;
    listedFlag.set(v.id, v.properties.flatMap((p) => p.flag ?? [])[0] ?? null);
    listedCaption.set(v.id, v.caption);
  }

  const vessels = new Map<string, VesselFinding>();
  const vessel = (id: string): VesselFinding => {
    const key = keyOf(id);
    let v = vessels.get(key);
    if (!v) {
      const s = subjects.get(id);
      const mmsi = s?.mmsi ?? /^mmsi-(\d+)$/.exec(id)?.[1];
      const flag = (s?.entityId ? listedFlag.get(s.entityId) : undefined) ?? s?.flag ?? (mmsi ? flagOfMmsi(Number(mmsi)) : undefined) ?? null;
      v = {
        key, caption: s?.caption ?? id, flag, designated: s?.kind === 'listed', dprk_port_calls: 0, sts_with_dprk_linked: 0, last_dprk_contact: null,
        days_since_dprk_contact: null, within_180: false, within_365: false, evidence: [],
      };
      vessels.set(key, v);
    }
    return v;
  };

  const hops: { from: string; to: string }[] = [];
  const points: PointFinding[] = [];
  const portRows = new Map<string, PortRow>(PORTS_9225B.map((p) => [p.port.toLowerCase(), { port: p.port, named_in_9225b: true, country: p.country, events: 0, vessels: [], within_180: 0, within_365: 0, evidence: [] }]));

  const onPort = (name: string, e: EvidenceItem, vesselKey: string) => {
    const named = PORTS_9225B.find((p) => name.toLowerCase().includes(p.port.toLowerCase()));
    const k = (named?.port ?? name).toLowerCase();
    const row = portRows.get(k) ?? { port: named?.port ?? name, named_in_9225b: !!named, country: named?.country ?? null, events: 0, vessels: [], within_180: 0, within_365: 0, evidence: [] };
    row.events++;
    if (!row.vessels.includes(vesselKey)) row.vessels.push(vesselKey);
    const d = daysBetween(e.end, asOf);
    if (d <= LOOKBACKS.screening.days) row.within_180++;
    if (d <= LOOKBACKS.inspection.days) row.within_365++;
    row.evidence.push(e.id);
    portRows.set(k, row);
  };

  for (const e of items) {
    if (e.kind === 'sts_transfer' || e.kind === 'dprk_port_call' || e.kind === 'identity_change' || e.kind === 'foreign_port_call') {
      const v = vessel(e.subject);
      // A vessel known by IMO only: the flag its broadcast MMSI's MID gives.
      if (!v.flag && typeof e.detail.mmsi === 'number') v.flag = flagOfMmsi(e.detail.mmsi) ?? null;
      v.evidence.push(e.id);
      if (DPRK_CONTACT.has(e.kind)) {
        if (e.kind === 'dprk_port_call') v.dprk_port_calls++;
        else v.sts_with_dprk_linked++;
        const end = e.end.slice(0, 10);
        if (!v.last_dprk_contact || end > v.last_dprk_contact) v.last_dprk_contact = end;
      }
      if (e.kind === 'identity_change') {
        const mm = (e.detail.mmsi as number[] | undefined) ?? [];
        const [a, b] = mm.map((m) => flagOfMmsi(m));
        if (a && b && a !== b) hops.push({ from: a, to: b });
      }
      if ((e.kind === 'sts_transfer' || e.kind === 'foreign_port_call') && e.place) onPort(e.place.replace(/^.*\(near (.*)\)$/, '$1'), e, v.key);
      if (typeof e.lat === 'number' && typeof e.lon === 'number') {
        points.push({ id: e.id, kind: e.kind, lat: e.lat, lon: e.lon, label: `${v.caption}: ${e.kind.replace(/_/g, ' ')}${e.counterparty ? ` with ${subjects.get(e.counterparty)?.caption ?? e.counterparty}` : ''}`, date: e.start.slice(0, 10) });
      }
    }
  }
  for (const v of vessels.values()) {
    if (v.last_dprk_contact) {
      v.days_since_dprk_contact = daysBetween(v.last_dprk_contact, asOf);
      v.within_180 = v.days_since_dprk_contact <= LOOKBACKS.screening.days;
      v.within_365 = v.days_since_dprk_contact <= LOOKBACKS.inspection.days;
    }
  }

  const registries = new Map<string, RegistryRow>();
  const reg = (flag: string): RegistryRow => {
    let r = registries.get(flag);
    if (!r) registries.set(flag, (r = { flag, country: countryName(flag), designated_vessels: [], vessels_with_dprk_contact: [], dprk_port_calls: 0, sts_transfers: 0, flag_hops_in: 0, flag_hops_out: 0, within_180: 0, within_365: 0 }));
    return r;
  };
  // DPRK-related designated vessels still flying a flag other than the DPRK's.
  for (const [id, flag] of listedFlag) if (flag && flag !== 'kp') reg(flag).designated_vessels.push({ key: id, caption: listedCaption.get(id) ?? id });
  for (const v of vessels.values()) {
    if (!v.flag || !v.last_dprk_contact) continue;
    const r = reg(v.flag);
    r.vessels_with_dprk_contact.push(v.key);
    r.dprk_port_calls += v.dprk_port_calls;
    r.sts_transfers += v.sts_with_dprk_linked;
    if (v.within_180) r.within_180++;
    if (v.within_365) r.within_365++;
  }
  for (const h of hops) { reg(h.from).flag_hops_out++; reg(h.to).flag_hops_in++; }

  const score = (r: RegistryRow) => r.designated_vessels.length * 3 + r.vessels_with_dprk_contact.length * 2 + r.flag_hops_in;
  return {
    as_of: asOf, lookbacks: LOOKBACKS,
    vessels: [...vessels.values()].filter((v) => v.last_dprk_contact).sort((a, b) => (a.days_since_dprk_contact ?? 1e9) - (b.days_since_dprk_contact ?? 1e9) || (a.key < b.key ? -1 : 1)),
    registries: [...registries.values()].sort((a, b) => score(b) - score(a) || (a.flag < b.flag ? -1 : 1)),
    ports: [...portRows.values()].sort((a, b) => b.events - a.events || Number(b.named_in_9225b) - Number(a.named_in_9225b) || (a.port < b.port ? -1 : 1)),
    points,
  };
}
