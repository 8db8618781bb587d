/** Shared pieces of the maritime store and API tests: a small simulated AIS file and a designated vessel in the store. */
import { join } from 'node:path';
import { storeVersion } from '../../src/store/versions.js';
import { replaceEntities } from '../../src/store/entities.js';
import { recordContent } from '../../src/model/merge.js';
import { recordHash, versionCounts } from '../../src/ingest/update.js';
import type { SourceRecord } from '../../src/model/types.js';
import type { Db } from '../../src/store/db.js';
import { simulate } from '../../bench/maritime-sim/simulate.js';
import { NmeaWriter } from '../../bench/maritime-sim/writers.js';
import type { TruthEvent } from '../../bench/maritime-sim/truth.js';

/** Small and quick (40 vessels, 2 days), with every scenario kind. */
export const SIM = {
  seed: 5, vessels: 40, days: 2,
  scenarios: { sts: 2, dark_gap: 2, port_call: 2, port_call_dark: 1, identity_change: 2, reflag: 1, shared_mmsi: 1, invalid_mmsi: 2, sts_one_sided: 1 },
};

/** Writes the simulated NMEA file into `dir`; returns its path and the truth. */
export function simFile(dir: string, name = 'sim.nmea'): { path: string; truth: TruthEvent[]; positions: number } {
  const path = join(dir, name);
  const w = new NmeaWriter(path);
  const s = simulate(SIM, w);
  w.close();
  return { path, truth: s.truth, positions: s.positions };
}

/** Stores one OFAC version holding a designated vessel and merges it into an entity (as an import would). */
export async function storeDesignatedVessel(db: Db, v: { id: string; name: string; imo?: number; mmsi?: number }): Promise<void> {
  const properties: Record<string, string[]> = { name: [v.name], flag: ['kp'] };
  if (v.imo) properties.imoNumber = [`IMO ${v.imo}`];
  if (v.mmsi) properties.mmsi = [String(v.mmsi)];
  const record: SourceRecord = {
    id: v.id, source: 'ofac', recordId: v.id.slice(5), schema: 'Vessel', caption: v.name, properties,
    sanctions: [{ authority: 'OFAC', programs: ['DPRK3'] }], links: [],
  };
  const versionId = await storeVersion(db, {
    source: 'ofac', dataset: 'us_ofac_sdn', version: '2024-05-03', published: '2024-05-03', origin: 'test', files: [],
    contentHash: 'maritime-test', counts: versionCounts([record]), warnings: [],
  }, [{ ...record, hash: recordHash(record) }]);
  await replaceEntities(db, [{
    id: v.id, schema: 'Vessel', caption: v.name, referents: [v.id], datasets: ['us_ofac_sdn'], topics: ['sanction'],
    ...recordContent([{ record, source: 'ofac', dataset: 'us_ofac_sdn', version: 'ofac@2024-05-03' }], 'Vessel'),
    records: [{ id: v.id, source: 'ofac', dataset: 'us_ofac_sdn', version: 'ofac@2024-05-03', versionId }],
    links: [], dprk: [{ kind: 'program', detail: 'DPRK3', record: v.id, strong: true }], merge: [], listed: [],
  }]);
}
