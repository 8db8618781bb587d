/**
 * What the batch screening threads say to each other. Entities travel once, at start, without their prepared
 * forms (each thread prepares and indexes them again, in the same order); results travel back as entity positions
 * in that order, so the main thread answers with its own index's entities and the output is the same as in-process.
 */
import type { Explanation } from '../score.js';
import type { IndexedEntity } from '../index/build.js';
import type { BatchQuery } from '../batch.js';
import type { Suppression } from '../suppressions.js';
import type { SchemaName } from '../../../model/schema.js';
import type { ScreeningParams } from '../params.js';

export type PlainEntity = Omit<IndexedEntity, 'prepared'>;

export interface WorkerSetup {
  entities: PlainEntity[];
  versions: string[];
  /** A dataset or collection name (datasets.ts); 'default' screens everything. */
  dataset: string;
  suppressions: Suppression[];
  threshold?: number;
  limit: number;
}

export interface WireResult {
  /** Position of the entity in the index (the same in every thread). */
  at: number;
  score: number;
  match: boolean;
  explanations: Record<string, Explanation>;
}

export interface WireScreening {
  results: WireResult[];
  suppressed: { result: WireResult; suppression: Suppression }[];
  total: number;
  candidates: number;
}

export interface WireRow {
  row: BatchQuery;
  screening?: WireScreening;
}

/** Main → worker: screen these rows. Worker → main: `{ seq, rows }` with the same rows screened, or `{ seq, error }`. */
export interface ChunkRequest {
  seq: number;
  rows: BatchQuery[];
}

export type ChunkReply = { seq: number; rows: WireRow[] } | { seq: number; error: string } | { ready: true };

/** Main → match thread: screen one query. `mask` (entity positions allowed, 1 = yes) comes with a key's first use. */
export interface MatchRequest {
  id: number;
  schema: SchemaName;
  properties: Record<string, string[]>;
  threshold?: number;
  limit?: number;
  floor?: number;
  params?: Partial<ScreeningParams>;
  maskKey?: string;
  mask?: Uint8Array;
}

/** Match thread → main: the outcome, entities as positions in the shared order. */
export type MatchReply =
  | { id: number; results: WireResult[]; total: number; candidates: number; usable: boolean }
  | { id: number; error: string }
  | { ready: true };
