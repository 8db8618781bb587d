import type { Command } from 'commander';
import Table from 'cli-table3';
import { compareRecords } from '../../../analyses/screening/compare.js';
import { schemaOf, QUERY_SCHEMAS } from '../../../sources/input/index.js';
import { printJson, UserError } from '../context.js';

/** Scores two names with the screening model (the scoring /match and `screen` use); needs no database. */
export function registerCompare(program: Command): void {
  program
    .command('compare <name1> <name2>')
    .description('score two names with the screening model and explain the score (no database needed)')
    .option('--schema <schema>', `what both names are: ${QUERY_SCHEMAS.join(', ')} (default any)`)
    .option('--json', 'machine-readable output: {score, match, explanations}')
    .action((a: string, b: string, o: { schema?: string; json?: boolean }) => {
      const schema = o.schema === undefined ? 'Thing' : schemaOf(o.schema);
      if (!schema) throw new UserError(`--schema "${o.schema}": one of ${QUERY_SCHEMAS.join(', ')}`);
      const r = compareRecords(schema, { name: [a] }, { name: [b] });
      if (o.json) return printJson({ schema, a: { name: [a] }, b: { name: [b] }, score: r.score, match: r.match, explanations: r.explanations });
      const t = new Table({ head: ['feature', 'score', 'contribution', 'detail'], style: { head: [], border: [] }, wordWrap: true, colWidths: [null, null, null, 60] });
      for (const [f, e] of Object.entries(r.explanations)) t.push([f, String(e.score), `${e.contribution >= 0 ? '+' : ''}${e.contribution}`, e.detail]);
      process.stdout.write(`"${a}" vs "${b}" as ${schema}: score ${r.score} — ${r.match ? 'match ✓' : 'no match ✗'}\n${t.toString()}\n`);
    });
}
