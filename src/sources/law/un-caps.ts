/**
 * The UN Security Council DPRK resolutions file (`<shared>/un/unsc-dprk-resolutions-compiled.csv`, compiled by hand
 * from UN summary pages; see its SOURCES.md): the caps that 22 U.S.C. 9214(g)(1)(A)(i)(II) refers to ("above limits
 * set by the United Nations Security Council"). Values are carried as the file states them, with the row's sources
 * and verification note, never rounded or re-worded. No database access.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { SourceError } from '../types.js';

export interface UnCap {
  resolution: string;
  adopted: string;
  /** What is capped: 'refined_petroleum', 'crude_oil', 'coal'. */
  item: 'refined_petroleum' | 'crude_oil' | 'coal';
  /** The cap as the file states it (barrels per year for refined petroleum; text otherwise). */
  value: string;
  /** Numeric barrels per year, when the file gives a number. */
  barrelsPerYear?: number;
  sources: string[];
  verification: string;
  /** 1-based line in the file. */
  line: number;
}

export interface UnResolution {
  resolution: string;
  adopted: string;
  maritime: string;
  sources: string[];
  verification: string;
}

export const UN_RESOLUTIONS_FILE = join('un', 'unsc-dprk-resolutions-compiled.csv');

export function readUnCaps(sharedData: string): { caps: UnCap[]; resolutions: UnResolution[]; file: string } {
  const file = join(sharedData, UN_RESOLUTIONS_FILE);
  if (!existsSync(file)) throw new SourceError(file, undefined, 'the UN resolutions file is missing');
  let rows: Record<string, string>[];
  try {
    rows = parse(readFileSync(file, 'utf8'), { columns: true, skip_empty_lines: true }) as Record<string, string>[];
  } catch (err) {
    throw new SourceError(file, undefined, (err as Error).message);
  }
  const caps: UnCap[] = [];
  const resolutions: UnResolution[] = [];
  rows.forEach((r, i) => {
    const base = {
      resolution: r.resolution, adopted: r.adoption_date,
      sources: (r.source_urls ?? '').split('|').map((s) => s.trim()).filter(Boolean), verification: r.verification ?? '', line: i + 2,
    };
    resolutions.push({ resolution: base.resolution, adopted: base.adopted, maritime: r.maritime_provisions ?? '', sources: base.sources, verification: base.verification });
    const refined = (r.refined_petroleum_cap_bbl_per_year ?? '').trim();
    if (refined) {
      const n = Number(refined.replace(/,/g, ''));
      caps.push({ ...base, item: 'refined_petroleum', value: refined, ...(Number.isFinite(n) ? { barrelsPerYear: n } : {}) });
    }
    const crude = (r.crude_oil_cap ?? '').trim();
    if (crude) caps.push({ ...base, item: 'crude_oil', value: crude });
    const coal = (r.coal_export_rule ?? '').trim();
    if (coal && !/^\(unchanged/.test(coal)) caps.push({ ...base, item: 'coal', value: coal });
  });
  return { caps, resolutions, file };
}

/** The cap in force on a day: the latest resolution adopted on or before it. */
export function capInForce(caps: readonly UnCap[], item: UnCap['item'], day: string): UnCap | undefined {
  return caps.filter((c) => c.item === item && c.adopted <= day).sort((a, b) => (a.adopted < b.adopted ? 1 : -1))[0];
}
