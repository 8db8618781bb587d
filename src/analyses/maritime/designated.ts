/**
 * Designated vessels for linkage (linkage.ts), from the lists held in the store: every merged Vessel entity with the
 * names, IMO numbers and MMSIs its records give. An entity whose records give two IMO numbers becomes two entries
 * with the same id (either hull number links).
 */
import type { Db } from '../../store/db.js';
import { designatedVesselRows, type DesignatedVesselRow } from '../../store/maritime.js';
import type { DesignatedVessel } from './linkage.js';

const NAME_PROPS = ['name', 'alias', 'previousName', 'weakAlias'];
/** IMO numbers are seven digits; MMSIs nine at most. */
const IMO_DIGITS = /(?:^|\D)(\d{7})(?:\D|$)/;
const MMSI_DIGITS = /^\D*(\d{6,9})\D*$/;

export function designatedFromRows(rows: readonly DesignatedVesselRow[]): DesignatedVessel[] {
  const out: DesignatedVessel[] = [];
  for (const r of rows) {
    const names = new Set<string>([r.caption]);
    const imos = new Set<number>();
    const mmsis = new Set<number>();
    for (const p of r.properties) {
      for (const k of NAME_PROPS) for (const v of p[k] ?? []) names.add(v);
      for (const v of p.imoNumber ?? []) {
        const m = IMO_DIGITS.exec(v);
        if (m) imos.add(Number(m[1]));
      }
      for (const v of p.mmsi ?? []) {
        const m = MMSI_DIGITS.exec(v);
        if (m) mmsis.add(Number(m[1]));
      }
    }
    const base = { id: r.id, names: [...names], ...(mmsis.size ? { mmsi: [...mmsis] } : {}) };
    if (!imos.size) out.push(base);
    for (const imo of imos) out.push({ ...base, imo });
  }
  return out;
}

export async function designatedVessels(db: Db): Promise<DesignatedVessel[]> {
  return designatedFromRows(await designatedVesselRows(db));
}
