// Runs every compiled test file (dist/test/**/*.test.js) with node's test runner.
// Node 20's runner does not expand globs itself, so the files are listed here explicitly.
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { spawnSync } from 'node:child_process';

function find(dir) {
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...find(p));
    else if (name.endsWith('.test.js')) out.push(p);
  }
  return out;
}

const only = process.argv.slice(2);
let files = find('dist/test');
if (only.length) files = files.filter((f) => only.some((o) => f.includes(o)));
if (!files.length) {
  console.error('no test files found under dist/test');
  process.exit(1);
}
console.log(`running ${files.length} test files`);
const r = spawnSync(process.execPath, ['--test', '--test-reporter=spec', ...files.map((f) => relative('.', f))], { stdio: 'inherit' });
process.exit(r.status ?? 1);
