// Runs the compiled benchmarks (dist/bench/*.bench.js), one process each, and lets them print their figures.
// `npm run bench -- ingest` runs only the benchmarks whose file name contains "ingest".
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

const only = process.argv.slice(2);
const files = readdirSync('dist/bench').filter((f) => f.endsWith('.bench.js')).sort()
  .filter((f) => !only.length || only.some((o) => f.includes(o)));
let failed = 0;
for (const f of files) {
  console.log(`\n=== ${f} ===`);
  const r = spawnSync(process.execPath, ['--expose-gc', join('dist/bench', f)], { stdio: 'inherit' });
  if (r.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
