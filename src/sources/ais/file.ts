import { createReadStream } from 'node:fs';
import type { AisStats } from './stats.js';

/** Read size for AIS files: large chunks keep the per-chunk cost out of the decoders' hot path. */
export const READ_CHUNK_BYTES = 1 << 20;

/** Streams a whole file through a push-style AIS decoder (bounded memory) and resolves with its counts. */
export async function pushFile(decoder: { push(chunk: Uint8Array): void; end(): void; stats(): AisStats }, path: string): Promise<AisStats> {
  for await (const chunk of createReadStream(path, { highWaterMark: READ_CHUNK_BYTES })) decoder.push(chunk as Buffer);
  decoder.end();
  return decoder.stats();
}
