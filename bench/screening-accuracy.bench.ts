/**
 * Screening accuracy on the labelled name pairs of ../shared/data/bench/screening/cases.csv, beside
 * OpenSanctions logic-v2's frozen scores of the same pairs (logicv2-frozen.csv), at threshold 0.70.
 * `node dist/bench/screening-accuracy.bench.js --errors` also lists the misclassified pairs, each with the
 * explanation of its score (every feature: what it compared, what it found, its contribution).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { sharedDataDir } from '../src/config/paths.js';
import { compareRecords } from '../src/analyses/screening/compare.js';
import { SCREENING_PARAMS } from '../src/analyses/screening/params.js';
import { parseSchema } from '../src/analyses/screening/prepared.js';

interface Row { case_group: string; schema: string; name1: string; name2: string; is_match: string; quality: string; category: string }
interface Frozen { name1: string; name2: string; predicted_match: string; is_match: string; quality: string }

const dir = join(sharedDataDir(), 'bench', 'screening');
const rows = parse(readFileSync(join(dir, 'cases.csv')), { columns: true }) as Row[];
const frozen = parse(readFileSync(join(dir, 'logicv2-frozen.csv')), { columns: true }) as Frozen[];

interface Tally { tp: number; fp: number; tn: number; fn: number }
const empty = (): Tally => ({ tp: 0, fp: 0, tn: 0, fn: 0 });
const add = (t: Tally, truth: boolean, pred: boolean) => {
  if (truth && pred) t.tp++;
  else if (!truth && pred) t.fp++;
  else if (truth && !pred) t.fn++;
  else t.tn++;
};
const f1 = (t: Tally) => {
  const p = t.tp / (t.tp + t.fp || 1), r = t.tp / (t.tp + t.fn || 1);
  return { p, r, f1: p + r ? (2 * p * r) / (p + r) : 0 };
};
const line = (label: string, t: Tally) => {
  const m = f1(t);
  return `${label.padEnd(26)} F1 ${m.f1.toFixed(3)}  P ${m.p.toFixed(3)}  R ${m.r.toFixed(3)}  (TP ${t.tp} FP ${t.fp} FN ${t.fn} TN ${t.tn})`;
};

const ours = new Map<string, Tally>([['all', empty()]]);
const theirs = new Map<string, Tally>([['all', empty()]]);
const errors: string[] = [];
const t0 = performance.now();
for (const r of rows) {
  const truth = r.is_match === 'true';
  const res = compareRecords(parseSchema(r.schema), { name: [r.name1] }, { name: [r.name2] });
  const pred = res.score >= SCREENING_PARAMS.threshold;
  for (const k of ['all', r.quality, `group:${r.case_group}`]) {
    if (!ours.has(k)) ours.set(k, empty());
    add(ours.get(k)!, truth, pred);
  }
  if (pred !== truth) {
    const why = Object.entries(res.explanations).map(([k, e]) => `\n      ${k} ${e.contribution >= 0 ? '+' : ''}${e.contribution}: ${e.detail}`).join('');
    errors.push(`${truth ? 'FN' : 'FP'} ${res.score.toFixed(3)} ${r.schema} | ${r.name1} | ${r.name2} | ${r.quality} ${r.category}${why}`);
  }
}
const ms = performance.now() - t0;
for (const f of frozen) {
  const truth = f.is_match === 'true', pred = f.predicted_match === 'true';
  for (const k of ['all', f.quality]) {
    if (!theirs.has(k)) theirs.set(k, empty());
    add(theirs.get(k)!, truth, pred);
  }
}
console.log(`cases.csv: ${rows.length} labelled pairs, threshold ${SCREENING_PARAMS.threshold}, scored in ${ms.toFixed(0)} ms`);
for (const k of ['all', 'STRONG', 'MEDIUM', 'WEAK']) {
  console.log(line(`chokepoint ${k}`, ours.get(k) ?? empty()));
  console.log(line(`logic-v2   ${k}`, theirs.get(k) ?? empty()));
}
for (const [k, t] of ours) if (k.startsWith('group:')) console.log(line(`chokepoint ${k.slice(6)}`, t));
const tiers = ['STRONG', 'MEDIUM', 'WEAK'].map((k) => `${k} ${f1(ours.get(k) ?? empty()).f1.toFixed(3)}`).join(', ');
console.log(`per quality tier F1: ${tiers}`);
if (process.argv.includes('--errors')) for (const e of errors.sort()) console.log(e);
