/**
 * Replays saved fuzz inputs (test-output/fuzz/<target>-seed<S>-input<N>.bin) through their target, once each, and
 * prints the outcome and the time: `node dist/bench/fuzz/replay.js <target> FILE...`.
 */
import { readFileSync, rmSync } from 'node:fs';
import { scratchRoot } from './harness.js';
import { scratchDir, targetNamed } from './targets.js';

const [name, ...files] = process.argv.slice(2);
if (!name || !files.length) {
  console.error('usage: node dist/bench/fuzz/replay.js <target> FILE...');
  process.exit(2);
}
const target = targetNamed(name);
const dir = scratchDir(scratchRoot(), `replay-${name}`);
await target.setup?.(dir);
let failed = 0;
for (const file of files) {
  const input = target.deserialize(readFileSync(file));
  const t = performance.now();
  let outcome: string;
  try {
    const o = await target.run(input, dir);
    outcome = o === 'accepted' ? 'accepted' : `rejected: ${o.rejected}`;
  } catch (err) {
    const clear = target.clear(err);
    if (!clear) failed++;
    const text = err instanceof Error ? (clear ? `${err.name}: ${err.message}` : `${err.name}: ${err.message}\n${err.stack ?? ''}`) : String(err);
    outcome = `${clear ? 'rejected (clear)' : 'FAILURE'}: ${text}`;
  }
  console.log(`${file}: ${(performance.now() - t).toFixed(1)} ms, ${outcome.slice(0, 2000)}`);
}
await target.teardown?.();
rmSync(dir, { recursive: true, force: true });
process.exitCode = failed ? 1 : 0;
