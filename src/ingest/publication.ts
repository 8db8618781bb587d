import { createHash } from 'node:crypto';
import { createReadStream, existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { ListSource, PublicationFiles } from '../sources/types.js';
import type { FileInfo } from '../store/versions.js';

/** One publication of one list, found on disk (a mirror folder or a fresh download). */
export interface Publication {
  source: ListSource;
  /** Version label: the publication date, plus a suffix the folder carries (e.g. '2025-12-24-partial'). */
  version: string;
  /** Publication date, YYYY-MM-DD. */
  published: string;
  dir: string;
  origin: string;
  files: PublicationFiles;
}

const DATE = /(\d{4}-\d{2}-\d{2})/;

/** Every publication of `source` under a mirror root laid out as `<mirrorDir>/<date>/<official files>`. */
export function discoverPublications(mirrorRoot: string, source: ListSource): Publication[] {
  const base = join(mirrorRoot, source.mirrorDir);
  if (!existsSync(base)) return [];
  const out: Publication[] = [];
  for (const folder of readdirSync(base).sort()) {
    const dir = join(base, folder);
    if (!statSync(dir).isDirectory() || !source.folderPattern.test(folder)) continue;
    const date = DATE.exec(folder)?.[1];
    if (!date) continue;
    out.push(publicationIn(source, dir, folder.replace(/^[a-z]+-(?=\d{4})/, ''), date, `mirror:${source.mirrorDir}/${folder}`));
  }
  return out;
}

/** A publication from the files present in `dir` (only the source's official file names are taken). */
export function publicationIn(source: ListSource, dir: string, version: string, published: string, origin: string): Publication {
  const files: PublicationFiles = {};
  for (const f of source.files) {
    const p = join(dir, f.name);
    if (existsSync(p)) files[f.name] = p;
  }
  return { source, version, published, dir, origin, files };
}

export async function sha256File(path: string): Promise<string> {
  const h = createHash('sha256');
  for await (const chunk of createReadStream(path)) h.update(chunk as Buffer);
  return h.digest('hex');
}

/** Name, size and sha256 of each file, and one hash over all of them (to recognise a publication seen before). */
export async function fingerprint(pub: Publication): Promise<{ files: FileInfo[]; contentHash: string }> {
  const files: FileInfo[] = [];
  for (const name of Object.keys(pub.files).sort()) {
    const path = pub.files[name];
    files.push({ name, bytes: statSync(path).size, sha256: await sha256File(path) });
  }
  const contentHash = createHash('sha256').update(files.map((f) => `${f.name}:${f.sha256}`).join('\n')).digest('hex');
  return { files, contentHash };
}
