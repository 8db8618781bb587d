import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository (package) root: the nearest folder above this file holding package.json. */
export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('cannot find the chokepoint package root');
    dir = up;
  }
  return dir;
}

/**
 * The shared data folder (`../shared/data` beside the repo by default), settable with CHOKEPOINT_SHARED_DATA.
 * Used by tests and benchmarks only; the product reads lists through CHOKEPOINT_MIRROR or the official URLs.
 */
export function sharedDataDir(): string {
  return resolve(process.env.CHOKEPOINT_SHARED_DATA ?? join(packageRoot(), '..', 'shared', 'data'));
}
