/**
 * Screening recall and false positives on the project's own DPRK test set (bench/dprk-testset/, see its README):
 * designated DPRK persons, organizations and vessels queried as analysts write them (Hangul, Revised
 * Romanization, press spellings, order swaps, joined given names, typos, legal forms, IMO numbers), and
 * Korean-looking names and South Korean companies that are not listed.
 *
 * Loads every staged OFAC SDN and UN publication (CHOKEPOINT_MIRROR, else ../shared/data/lists) into an
 * in-memory PGlite, builds the screening index and screens every row at threshold 0.70 (top 5 results).
 *   npx tsc -p . && node dist/bench/screening-dprk.bench.js            figures, sweep, 10 worst misses and false positives
 *   npx tsc -p . && node dist/bench/screening-dprk.bench.js --all      every miss and false positive
 */
import {
  evaluate, missCauses, formatFalsePositive, formatMiss, formatSummary, formatSweep, realIndex, summarize, THRESHOLD, worstFalsePositives, worstMisses,
} from './dprk-testset/evaluate.js';
import { listsMirror } from './dprk-testset/lists.js';
import { loadTestSet } from './dprk-testset/testset.js';

const all = process.argv.includes('--all');
const set = loadTestSet();
const { index, versions, loadMs } = await realIndex(listsMirror());
console.log(`lists ${versions.join(', ')} from ${listsMirror()}: ${index.entities.length} entities, loaded and indexed in ${(loadMs / 1000).toFixed(1)} s`);

const ev = evaluate(index, set);
const n = ev.positives.length + ev.negatives.length;
console.log(`${ev.positives.length} positive and ${ev.negatives.length} negative queries screened in ${ev.ms.toFixed(0)} ms (${(ev.ms / n).toFixed(2)} ms per query)`);
console.log('');
for (const l of formatSummary(summarize(ev, THRESHOLD))) console.log(l);
console.log('');
for (const l of formatSweep(ev)) console.log(l);

const causes = missCauses(ev, THRESHOLD);
const byKind = (os: { row: { file: string; kind: string } }[]) => {
  const m = new Map<string, number>();
  for (const o of os) m.set(`${o.row.file}/${o.row.kind}`, (m.get(`${o.row.file}/${o.row.kind}`) ?? 0) + 1);
  return [...m].sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${v}`).join(', ');
};
console.log(`\nMisses at ${THRESHOLD.toFixed(2)} by cause:`);
console.log(`  not retrieved, though the expected entity scores >= ${THRESHOLD.toFixed(2)} directly: ${causes.retrieval.length} (${byKind(causes.retrieval)})`);
console.log(`  expected entity scores below ${THRESHOLD.toFixed(2)}: ${causes.score.length} (${byKind(causes.score)})`);

const misses = worstMisses(ev, THRESHOLD, all ? Infinity : 10);
console.log(`\n${all ? 'All' : `The ${misses.length} worst`} misses at ${THRESHOLD.toFixed(2)} (lowest score of the expected entity first):`);
for (const o of misses) for (const l of formatMiss(o)) console.log(`  ${l}`);

const fps = worstFalsePositives(ev, THRESHOLD, all ? Infinity : 10);
console.log(`\n${all ? 'All' : `The ${fps.length} worst`} false positives at ${THRESHOLD.toFixed(2)} (highest score first):`);
for (const o of fps) for (const l of formatFalsePositive(o)) console.log(`  ${l}`);
