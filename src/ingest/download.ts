import { mkdirSync, renameSync, rmSync, createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ListSource } from '../sources/types.js';
import { publicationIn, type Publication } from './publication.js';

/** How long one official file may take to download before the attempt is given up. */
export const DOWNLOAD_TIMEOUT_MS = 120_000;

/**
 * Downloads a source's official files into `<dataDir>/downloads/<mirrorDir>/<today>/` (the mirror layout, so a
 * download folder can serve as a mirror later). Each file is written to a temporary name and renamed when whole.
 */
export async function downloadPublication(source: ListSource, dataDir: string, today = new Date().toISOString().slice(0, 10)): Promise<Publication> {
  const dir = join(dataDir, 'downloads', source.mirrorDir, source.mirrorDir === 'ofac' && source.name !== 'ofac' ? `consolidated-${today}` : today);
  mkdirSync(dir, { recursive: true });
  for (const f of source.files) {
    const target = join(dir, f.name);
    const part = `${target}.part`;
    try {
      const res = await fetch(f.url, { signal: AbortSignal.timeout(DOWNLOAD_TIMEOUT_MS), redirect: 'follow' });
      if (!res.ok || !res.body) throw new Error(`HTTP ${res.status} ${res.statusText}`);
      await pipeline(Readable.fromWeb(res.body as import('node:stream/web').ReadableStream), createWriteStream(part));
      renameSync(part, target);
    } catch (err) {
      rmSync(part, { force: true });
      const msg = `could not download ${f.name} from ${f.url}: ${(err as Error).message}`;
      if (f.required) throw new Error(msg);
    }
  }
  return publicationIn(source, dir, today, today, `download:${new Date().toISOString()}`);
}
