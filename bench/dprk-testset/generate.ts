/**
 * Writes the DPRK screening test set's CSV files from targets.ts and the staged lists.
 *   npx tsc -p . && node dist/bench/dprk-testset/generate.js           writes bench/dprk-testset/*.csv
 *   npx tsc -p . && node dist/bench/dprk-testset/generate.js --check   exits 1 when a committed file differs
 * The lists come from CHOKEPOINT_MIRROR, else ../shared/data/lists.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildTestSet, TESTSET_DIR } from './testset.js';

const check = process.argv.includes('--check');
const files = await buildTestSet();
let stale = 0;
for (const [name, text] of files) {
  const path = join(TESTSET_DIR, name);
  const rows = text.split('\n').filter(Boolean).length - 1;
  const same = existsSync(path) && readFileSync(path, 'utf8') === text;
  if (check) {
    if (!same) stale++;
    console.log(`${same ? 'ok   ' : 'STALE'} ${name} (${rows} rows)`);
  } else {
    if (!same) writeFileSync(path, text);
    console.log(`${same ? 'unchanged' : 'wrote    '} ${name} (${rows} rows)`);
  }
}
if (stale) {
  console.error(`${stale} file(s) differ from what targets.ts and the lists give: run node dist/bench/dprk-testset/generate.js`);
  process.exit(1);
}
