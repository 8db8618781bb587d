/**
 * Recomputes the network results (matches to listed entities, the 50 % rule) after the lists change. Costs one
 * count query when no dataset was imported; otherwise a screening index of the listed entities is built.
 */
import type { Db } from '../../store/db.js';
import { deleteDataset, hasImportedDatasets, importedRows, replaceNetworkResults } from '../../store/datasets.js';
import { computeNetwork } from './compute.js';
import { listContext } from './list-context.js';
import { serialized } from './serial.js';

export async function refreshNetwork(db: Db): Promise<{ matches: number; blocked: number } | undefined> {
  if (!(await hasImportedDatasets(db))) return undefined;
  return serialized(async () => {
    const ctx = await listContext(db);
    const results = computeNetwork({ ...ctx, rows: await importedRows(db) });
    await replaceNetworkResults(db, results);
    return { matches: results.matches.filter((m) => m.used).length, blocked: results.blocked.length };
  });
}

/** Removes an imported dataset and recomputes the results without it. */
export function removeDataset(db: Db, name: string): Promise<boolean> {
  return serialized(async () => {
    const ctx = await listContext(db);
    const rows = (await importedRows(db)).filter((r) => r.dataset !== name);
    return deleteDataset(db, name, computeNetwork({ ...ctx, rows }));
  });
}
