/**
 * A mirror holding only the newest staged OFAC SDN and UN publications (symbolic links into the staged data),
 * and helpers to import it: benchmarks measure against "the full newest OFAC + UN index".
 */
import { mkdtempSync, mkdirSync, symlinkSync, readdirSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sharedDataDir } from '../src/config/paths.js';

export const STAGED_LISTS = process.env.CHOKEPOINT_MIRROR ?? join(sharedDataDir(), 'lists');

function newest(dir: string, test: (folder: string) => boolean): string {
  const folders = readdirSync(dir).filter((f) => /^\d{4}-\d{2}-\d{2}$/.test(f) && test(join(dir, f))).sort();
  const last = folders.at(-1);
  if (!last) throw new Error(`no publication in ${dir}`);
  return last;
}

/** A temporary mirror with the newest complete OFAC SDN and UN publications. */
export function newestMirror(): string {
  const root = mkdtempSync(join(tmpdir(), 'cp-newest-'));
  const ofac = newest(join(STAGED_LISTS, 'ofac'), (d) => existsSync(join(d, 'sdn.csv')));
  const un = newest(join(STAGED_LISTS, 'un'), (d) => existsSync(join(d, 'consolidated.xml')));
  mkdirSync(join(root, 'ofac'));
  mkdirSync(join(root, 'un'));
  symlinkSync(join(STAGED_LISTS, 'ofac', ofac), join(root, 'ofac', ofac));
  symlinkSync(join(STAGED_LISTS, 'un', un), join(root, 'un', un));
  return root;
}
