/**
 * Bulk screening as jobs. The submitter reads the input (CSV/XLSX, the same reader as `chokepoint screen --input`),
 * cuts its rows into N contiguous ranges and stores each range with the batch: a worker needs nothing but the
 * database. A worker screens its range against the index it builds from the store and writes the output rows (the
 * columns and formatting of the single-process batch) as CSV text; the merge is the header and the partitions' text
 * in partition order, so the file is byte for byte the single-process file.
 *
 * List versions: the batch records the versions served when it was submitted. A worker whose index was built from
 * other versions rebuilds it from the store; if the store now serves other versions (a list update since the
 * submission), the partition is refused with an error naming both, and the batch fails: a batch is screened
 * against one set of lists or not at all.
 */
import { stringify } from 'csv-stringify/sync';
import type { Db } from '../../store/db.js';
import { currentVersions } from '../../store/versions.js';
import { partitionInput } from '../../store/jobs.js';
import { ScreeningService } from '../screening/service.js';
import { datasetScope } from '../screening/datasets.js';
import type { ScreeningIndex, IndexedEntity } from '../screening/index/build.js';
import { batchColumns, outputRecord, screenRows, type BatchQuery } from '../screening/batch.js';
import { readInput, type InputOptions } from '../../sources/input/index.js';
import { PermanentJobError, type PartitionOutput } from './types.js';

export interface ScreenSpec {
  input: string;
  threshold: number;
  dataset: string;
  rows: number;
}

/** The index a worker screens with, rebuilt when the lists the store serves change. */
export class IndexCache {
  private readonly service = new ScreeningService();
  private pending?: Promise<ScreeningIndex>;

  get versions(): string[] | undefined {
    return this.service.index?.versions;
  }

  async current(db: Db): Promise<ScreeningIndex> {
    const served = (await currentVersions(db)).map((v) => `${v.source}@${v.version}`).join('|');
    const have = this.service.index;
    if (have && have.versions.join('|') === served) return have;
    this.pending ??= this.service.reload(db).finally(() => (this.pending = undefined));
    return this.pending;
  }
}

/** The versions served now, as `source@version` (what a batch is screened against). */
export async function servedVersions(db: Db): Promise<string[]> {
  return (await currentVersions(db)).map((v) => `${v.source}@${v.version}`);
}

/** Reads the input and cuts it into `partitions` contiguous row ranges (the last ones may be empty for tiny inputs). */
export async function splitInput(path: string, partitions: number, opts: InputOptions): Promise<{ parts: BatchQuery[][]; rows: number; describe: string }> {
  const input = await readInput(path, opts);
  const rows: BatchQuery[] = [];
  try {
    for await (const r of input.rows) {
      const { position: _position, ...row } = r;
      rows.push(row);
    }
  } finally {
    input.close();
  }
  const size = Math.max(1, Math.ceil(rows.length / partitions));
  const parts: BatchQuery[][] = [];
  for (let p = 0; p < partitions; p++) parts.push(rows.slice(p * size, (p + 1) * size));
  const describe = `${input.format}, ${input.format === 'csv' ? `delimiter ${input.detail}` : `sheet "${input.detail}"`}; columns: ${input.mappingText}`;
  return { parts, rows: rows.length, describe };
}

/** Yields to the event loop every few hundred rows, so the worker's heartbeat keeps running during a long partition. */
async function* yielding<T>(items: T[], every = 200): AsyncGenerator<T> {
  for (let i = 0; i < items.length; i++) {
    if (i % every === every - 1) await new Promise((r) => setImmediate(r));
    yield items[i];
  }
}

export function screenHeader(): string {
  const cols = batchColumns(false);
  return stringify([Object.fromEntries(cols.map((c) => [c, c]))], { header: false, columns: cols });
}

/** Runs one screening partition. */
export async function runScreenPartition(
  db: Db, cache: IndexCache, batch: { id: string; spec: ScreenSpec; versions: string[] }, partition: number,
): Promise<PartitionOutput> {
  const rows = await partitionInput<BatchQuery[]>(db, batch.id, partition);
  if (!rows) throw new PermanentJobError(`batch ${batch.id} has no input for partition ${partition}`);
  const index = await cache.current(db);
  if (index.versions.join('|') !== batch.versions.join('|')) {
    throw new PermanentJobError(`the lists changed since batch ${batch.id} was submitted (submitted against ${batch.versions.join(', ')}; `
      + `the database now serves ${index.versions.join(', ')}): submit the batch again`, index.versions);
  }
  let filter: ((e: IndexedEntity) => boolean) | undefined;
  if (batch.spec.dataset !== 'default') {
    const known = new Set(index.entities.flatMap((e) => e.datasets));
    filter = datasetScope(batch.spec.dataset, known);
    if (!filter) throw new PermanentJobError(`dataset "${batch.spec.dataset}" is not held`, index.versions);
  }
  const records: Record<string, string>[] = [];
  let matches = 0, errors = 0;
  for await (const r of screenRows(index, yielding(rows), { threshold: batch.spec.threshold, ...(filter ? { filter } : {}) })) {
    if (r.row.error) errors++;
    if (r.screening?.results[0]?.match) matches++;
    records.push(outputRecord(r, index.versions));
  }
  const output = records.length ? stringify(records, { header: false, columns: batchColumns(false) }) : '';
  return { output, items: records.length, versions: index.versions, stats: { matches, errors } };
}
