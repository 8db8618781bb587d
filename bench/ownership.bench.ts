// OFAC 50 % rule at scale: 1 M companies, 3 M ownership edges, ~1 % blocked seeds (deterministic seed).
// Reports the median of 3 runs of the dense core (propagateIndexed) and of the full string-id API
// (blockedByOwnership on a prebuilt index, paths included; index build and one-shot timed once), and peak RSS. Goal: < 2 s.
// Run: npx tsc -p . && node --expose-gc dist/bench/ownership.bench.js   (or: npm run bench -- ownership)
import { blockedByOwnership, indexOwnership, propagateIndexed, type OwnershipEdge } from '../src/analyses/network/ownership.js';
import { median, fmt, timeRuns } from './stats.js';
import { prng as mulberry32 } from './stats.js';

const N = 1_000_000;
const M = 3_000_000;


const rand = mulberry32(20140813);
const owner = new Int32Array(M);
const asset = new Int32Array(M);
const pct = new Float64Array(M);
let k = 0;
// Chains: 20 000 chains of length 5 with majority stakes (holding structures).
for (let c = 0; c < 20_000 && k < M; c++) {
  let u = Math.floor(rand() * N);
  for (let j = 0; j < 5 && k < M; j++) {
    const v = Math.floor(rand() * N);
    owner[k] = u; asset[k] = v; pct[k] = 50 + Math.floor(rand() * 51); k++;
    u = v;
  }
}
// Cycles: 10 000 cross-holdings of 2-4 companies.
for (let c = 0; c < 10_000 && k < M; c++) {
  const len = 2 + Math.floor(rand() * 3);
  const members = Array.from({ length: len }, () => Math.floor(rand() * N));
  for (let j = 0; j < len && k < M; j++) {
    owner[k] = members[j]; asset[k] = members[(j + 1) % len]; pct[k] = 20 + Math.floor(rand() * 50); k++;
  }
}
// The rest: mostly small stakes (85 % under 20 %), some large.
while (k < M) {
  owner[k] = Math.floor(rand() * N);
  asset[k] = Math.floor(rand() * N);
  const r = rand();
  pct[k] = r < 0.85 ? Math.round(rand() * 2000) / 100 : r < 0.95 ? 20 + Math.round(rand() * 3000) / 100 : 50 + Math.round(rand() * 5000) / 100;
  k++;
}
const seeds: number[] = [];
for (let i = 0; i < N; i++) if (rand() < 0.01) seeds.push(i);

let peak = process.memoryUsage().rss;
const sample = () => { peak = Math.max(peak, process.memoryUsage().rss); };
const timer = setInterval(sample, 20);

let blocked = 0;
const core = await timeRuns(3, () => {
  const r = propagateIndexed(N, owner, asset, pct, seeds);
  blocked = r.order.length;
  sample();
});
const corePeak = peak;

// Full API: string ids as the store would give them.
const names = Array.from({ length: N }, (_, i) => `co-${i}`);
const edges: OwnershipEdge[] = new Array(M);
for (let i = 0; i < M; i++) edges[i] = { id: `own-${i}`, owner: names[owner[i]], asset: names[asset[i]], percentage: pct[i], source: 'bench' };
const seedIds = seeds.map((i) => names[i]);
sample();
let blockedFull = 0;
const t0 = performance.now();
const index = indexOwnership(edges);
const indexMs = performance.now() - t0;
sample();
const onIndex = await timeRuns(3, () => {
  const r = blockedByOwnership(seedIds, index);
  blockedFull = r.blocked.length;
  sample();
});
const oneShot = await timeRuns(1, () => blockedByOwnership(seedIds, edges));
clearInterval(timer);
sample();

console.log(`companies ${N.toLocaleString('en-US')}, edges ${M.toLocaleString('en-US')}, seeds ${seeds.length.toLocaleString('en-US')}`);
console.log(`blocked by ownership: ${blocked.toLocaleString('en-US')} (full API: ${blockedFull.toLocaleString('en-US')})`);
console.log(`core propagateIndexed: median ${fmt(median(core))} ms of 3 runs [${core.map((x) => fmt(x)).join(', ')}], peak RSS ${fmt(corePeak / 1048576)} MiB`);
console.log(`indexOwnership (string ids -> dense, once): ${fmt(indexMs)} ms`);
console.log(`blockedByOwnership on the index (string ids, contributions, paths): median ${fmt(median(onIndex))} ms of 3 runs [${onIndex.map((x) => fmt(x)).join(', ')}]`);
console.log(`blockedByOwnership one-shot from edge objects (index + rule): ${fmt(oneShot[0])} ms`);
console.log(`peak RSS ${fmt(peak / 1048576)} MiB (includes the 3 M edge objects)`);
if (blocked !== blockedFull) { console.error('core and full API disagree'); process.exit(1); }
