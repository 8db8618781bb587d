/**
 * Temporary mirrors holding chosen staged OFAC / UN publications (symbolic links into the staged data), among them
 * the newest OFAC SDN and UN publications: benchmarks measure against "the full newest OFAC + UN index".
 */
import { mkdtempSync, mkdirSync, symlinkSync, readdirSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { sharedDataDir } from '../src/config/paths.js';

/** The staged lists (CHOKEPOINT_MIRROR, else the shared data folder's lists), as an absolute path. */
export const STAGED_LISTS = resolve(process.env.CHOKEPOINT_MIRROR ?? join(sharedDataDir(), 'lists'));

/** The publication folders to put in a mirror, by source folder: `{ ofac: ['2023-12-28'], un: ['2024-09-26'] }`. */
export type MirrorFolders = { ofac?: readonly string[]; un?: readonly string[]; uk?: readonly string[] };

/**
 * A temporary mirror (`<tmp>/<prefix>…/<source>/<folder>`) holding the given staged publications, each a symbolic
 * link with an absolute target under STAGED_LISTS (so a relative CHOKEPOINT_MIRROR does not make dangling links).
 */
export function mirrorOf(folders: MirrorFolders, prefix = 'cp-mirror-'): string {
  const root = mkdtempSync(join(tmpdir(), prefix));
  for (const [source, list] of Object.entries(folders)) {
    for (const folder of list ?? []) {
      mkdirSync(join(root, source), { recursive: true });
      symlinkSync(join(STAGED_LISTS, source, folder), join(root, source, folder));
    }
  }
  return root;
}

/** The file a complete publication of each source holds. */
const COMPLETE_FILE = { ofac: 'sdn.csv', un: 'consolidated.xml' } as const;

/** The newest complete staged publication folder (a date) of `source`. */
export function newestPublication(source: keyof typeof COMPLETE_FILE): string {
  const dir = join(STAGED_LISTS, source);
  const folders = readdirSync(dir).filter((f) => /^\d{4}-\d{2}-\d{2}$/.test(f) && existsSync(join(dir, f, COMPLETE_FILE[source]))).sort();
  const last = folders.at(-1);
  if (!last) throw new Error(`no publication in ${dir}`);
  return last;
}

/** A temporary mirror with the newest complete OFAC SDN and UN publications. */
export function newestMirror(): string {
  return mirrorOf({ ofac: [newestPublication('ofac')], un: [newestPublication('un')] }, 'cp-newest-');
}
