/**
 * Who an evidence item is about. A subject id is one of
 *   - a listed entity or any of its referents (`ofac-23736`, `un-KPe.001`);
 *   - an imported entity (an FtM dataset id, e.g. a company from a registry);
 *   - a vessel by number: `imo-8604917` or `mmsi-445123000`.
 * At evaluation, ids that name the same thing fold into one subject: a vessel number a held list carries becomes
 * that listed vessel, an imported entity the network layer matched (or whose exact name a listed record of the same
 * kind carries) becomes that listed entity. How each fold was made is kept as `basis`, shown in the report.
 */
import type { Db } from '../../store/db.js';
import { designatedVesselRows } from '../../store/maritime.js';
import { networkMatches } from '../../store/datasets.js';
import { aisImosOf, aisSaw, evidenceNames, importedSubject, importedSubjects, importedVessels, listedByCaption, listedReferentTable, type ListedRef } from '../../store/evidence.js';
import { flagOfMmsi } from '../../sources/ais/mid.js';

export interface Subject {
  /** The key evidence is grouped under: a listed entity id, an imported id, or `imo-N` / `mmsi-N`. */
  key: string;
  kind: 'listed' | 'imported' | 'vessel';
  caption: string;
  schema: string;
  /** Listed entity id when the subject is (or folded into) a listed entity. */
  entityId?: string;
  imo?: string;
  mmsi?: string;
  /** Flag (ISO alpha-2, lower case) from the list, the import, or the MMSI's MID. */
  flag?: string;
  /** How raw ids folded into this subject: "IMO 8604917 on ofac-23736", "name matches fake-2" ... */
  basis: string[];
  /** The raw ids folded into it. */
  ids: string[];
}

/** Digits of an IMO or MMSI value as lists write it ('IMO 8604917', '8604917'). */
export function digits(v: string): string {
  return v.replace(/\D+/g, '');
}

/** Normalizes a vessel id a user may write: 'IMO 8604917', 'imo:8604917' -> 'imo-8604917'; MMSI likewise. */
export function normalizeSubjectId(raw: string): string {
  const s = raw.trim();
  const m = /^(imo|mmsi)[\s:\-_]*(\d+)$/i.exec(s);
  if (m) return `${m[1].toLowerCase()}-${m[2]}`;
  return s;
}

/** Whether an IMO number's check digit is right (7 digits; weights 7..2 on the first six). */
export function validImo(n: string): boolean {
  if (!/^\d{7}$/.test(n)) return false;
  let sum = 0;
  for (let i = 0; i < 6; i++) sum += Number(n[i]) * (7 - i);
  return sum % 10 === Number(n[6]);
}

export const normName = (s: string): string => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

interface VesselEntry { entityId: string; caption: string; flag?: string; type?: string }

/** Resolves subject ids for one evaluation (look-ups cached). */
export class SubjectResolver {
  private vesselsByImo = new Map<string, VesselEntry>();
  private vesselsByMmsi = new Map<string, VesselEntry>();
  private importedVesselByNumber = new Map<string, { id: string; caption: string; flag?: string }>();
  private matches = new Map<string, { entityId: string; rule: string }>();
  private referents = new Map<string, ListedRef>();
  private cache = new Map<string, Promise<Subject | undefined>>();
  private loaded?: Promise<void>;

  constructor(private readonly db: Db) {}

  private load(): Promise<void> {
    this.loaded ??= (async () => {
      for (const r of await listedReferentTable(this.db)) this.referents.set(r.referent, { entityId: r.id, caption: r.caption, schema: r.schema });
      for (const v of await designatedVesselRows(this.db)) {
        const flag = v.properties.flatMap((p) => p.flag ?? [])[0];
        const type = v.properties.flatMap((p) => p.type ?? [])[0];
        const entry = { entityId: v.id, caption: v.caption, ...(flag ? { flag } : {}), ...(type ? { type } : {}) };
        for (const p of v.properties) {
          for (const imo of p.imoNumber ?? []) if (digits(imo).length === 7) this.vesselsByImo.set(digits(imo), entry);
          for (const m of p.mmsi ?? []) if (digits(m).length === 9) this.vesselsByMmsi.set(digits(m), entry);
        }
      }
      for (const v of await importedVessels(this.db)) {
        const flag = v.properties.flag?.[0];
        for (const imo of v.properties.imoNumber ?? []) this.importedVesselByNumber.set(`imo-${digits(imo)}`, { id: v.id, caption: v.caption, ...(flag ? { flag } : {}) });
        for (const m of v.properties.mmsi ?? []) this.importedVesselByNumber.set(`mmsi-${digits(m)}`, { id: v.id, caption: v.caption, ...(flag ? { flag } : {}) });
      }
      for (const m of await networkMatches(this.db)) if (m.used && !this.matches.has(m.id)) this.matches.set(m.id, { entityId: m.entity_id, rule: m.rule });
    })();
    return this.loaded;
  }

  /** The listed vessel carrying an IMO or MMSI, if any. */
  async listedVessel(id: string): Promise<VesselEntry | undefined> {
    await this.load();
    const m = /^(imo|mmsi)-(\d+)$/.exec(id);
    if (!m) return undefined;
    return m[1] === 'imo' ? this.vesselsByImo.get(m[2]) : this.vesselsByMmsi.get(m[2]);
  }

  /** Vessel type the held lists state for a listed vessel entity (for the 'tanker' test). */
  async vesselType(entityId: string): Promise<string | undefined> {
    await this.load();
    for (const v of this.vesselsByImo.values()) if (v.entityId === entityId && v.type) return v.type;
    for (const v of this.vesselsByMmsi.values()) if (v.entityId === entityId && v.type) return v.type;
    return undefined;
  }

  /** The subject an id names, or undefined when nothing held knows it. */
  resolve(rawId: string): Promise<Subject | undefined> {
    const id = normalizeSubjectId(rawId);
    let p = this.cache.get(id);
    if (!p) this.cache.set(id, (p = this.resolveUncached(id)));
    return p;
  }

  private async listed(id: string): Promise<ListedRef | undefined> {
    await this.load();
    return this.referents.get(id);
  }

  private async resolveUncached(id: string): Promise<Subject | undefined> {
    await this.load();
    const listed = await this.listed(id);
    if (listed) {
      const v = [...this.vesselsByImo.entries()].find(([, e]) => e.entityId === listed.entityId);
      return {
        key: listed.entityId, kind: 'listed', caption: listed.caption, schema: listed.schema, entityId: listed.entityId,
        ...(v ? { imo: v[0], ...(v[1].flag ? { flag: v[1].flag } : {}) } : {}),
        basis: id === listed.entityId ? [] : [`${id} is a referent of ${listed.entityId}`], ids: [id],
      };
    }
    const vm = /^(imo|mmsi)-(\d+)$/.exec(id);
    if (vm) {
      const [, scheme, num] = vm;
      const lv = scheme === 'imo' ? this.vesselsByImo.get(num) : this.vesselsByMmsi.get(num);
      const mmsiFlag = scheme === 'mmsi' ? flagOfMmsi(Number(num)) : undefined;
      if (lv) {
        return {
          key: lv.entityId, kind: 'listed', caption: lv.caption, schema: 'Vessel', entityId: lv.entityId, [scheme]: num,
          ...(lv.flag ?? mmsiFlag ? { flag: lv.flag ?? mmsiFlag } : {}), basis: [`${scheme.toUpperCase()} ${num} is on listed vessel ${lv.entityId}`], ids: [id],
        };
      }
      // An MMSI whose AIS static data gives exactly one IMO is that IMO's vessel.
      if (scheme === 'mmsi') {
        const imos = (await aisImosOf(this.db, Number(num))).filter((x) => validImo(String(x)));
        if (imos.length === 1) {
          const byImo = await this.resolve(`imo-${imos[0]}`);
          if (byImo) return { ...byImo, mmsi: num, ...(byImo.flag ?? mmsiFlag ? { flag: byImo.flag ?? mmsiFlag } : {}), basis: [...byImo.basis, `MMSI ${num} broadcasts IMO ${imos[0]} (stored AIS runs)`], ids: [...byImo.ids, id] };
        }
      }
      const iv = this.importedVesselByNumber.get(id);
      const known = iv !== undefined || await aisSaw(this.db, scheme === 'imo' ? { imo: Number(num) } : { mmsi: Number(num) }) || await evidenceNames(this.db, id);
      if (!known) return undefined;
      if (scheme === 'imo' && !validImo(num)) return undefined;
      return {
        key: id, kind: 'vessel', caption: iv ? `${iv.caption} (${scheme.toUpperCase()} ${num})` : `${scheme.toUpperCase()} ${num}`, schema: 'Vessel', [scheme]: num,
        ...(iv?.flag ?? mmsiFlag ? { flag: iv?.flag ?? mmsiFlag } : {}), basis: iv ? [`${scheme.toUpperCase()} ${num} is imported vessel ${iv.id}`] : [], ids: [id],
      };
    }
    const imp = await importedSubject(this.db, id);
    if (!imp) return undefined;
    // Imported vessel with a number: key it by the number so AIS evidence and registry evidence meet.
    if (imp.schema === 'Vessel') {
      const imo = (imp.properties.imoNumber ?? []).map(digits).find((x) => x.length === 7);
      if (imo) {
        const s = await this.resolve(`imo-${imo}`);
        if (s) return { ...s, basis: [...s.basis, `${id} is the imported vessel with IMO ${imo}`], ids: [...s.ids, id] };
      }
    }
    const match = this.matches.get(id);
    if (match) {
      const l = await this.listed(match.entityId);
      if (l) return { key: l.entityId, kind: 'listed', caption: l.caption, schema: l.schema, entityId: l.entityId, basis: [`imported ${id} matched ${l.entityId} (${match.rule})`], ids: [id] };
    }
    const byName = (await listedByCaption(this.db, [normName(imp.caption)])).filter((r) => sameKind(r.schema, imp.schema));
    const distinct = [...new Set(byName.map((r) => r.entity_id))];
    if (distinct.length === 1) {
      const l = await this.listed(distinct[0]);
      if (l) return { key: l.entityId, kind: 'listed', caption: l.caption, schema: l.schema, entityId: l.entityId, basis: [`imported ${id} "${imp.caption}" has the exact name of listed ${l.entityId}`], ids: [id] };
    }
    return { key: id, kind: 'imported', caption: imp.caption, schema: imp.schema, basis: [`imported from dataset ${imp.dataset}`], ids: [id] };
  }

  /** Captions for many imported ids at once (report tables). */
  async importedCaptions(ids: string[]): Promise<Map<string, string>> {
    return new Map((await importedSubjects(this.db, ids)).map((r) => [r.id, r.caption]));
  }
}

function sameKind(a: string, b: string): boolean {
  const org = new Set(['Company', 'Organization', 'LegalEntity']);
  return a === b || (org.has(a) && org.has(b));
}
