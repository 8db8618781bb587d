import type { Command } from 'commander';
import { createReadStream, statSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { datasetNameProblem, importDataset, ImportRefused, type ImportReport } from '../../../analyses/network/import.js';
import { printJson, UserError, withStore, type GlobalFlags } from '../context.js';

/** The import report as text: counts, every rejection with its line, matches with their reasons, blocked entities. */
export function formatImportReport(r: ImportReport): string {
  const lines = [`${r.outcome === 'imported' ? 'imported' : 'REFUSED'}: ${r.message}`, `dataset ${r.dataset}  origin ${r.origin}  sha256 ${r.sha256 || '-'}${r.replaced ? '  (replaced the previous import)' : ''}`];
  if (r.accepted.entities || r.accepted.edges) lines.push(`accepted: ${Object.entries(r.accepted.bySchema).map(([s, n]) => `${n} ${s}`).join(', ')}`);
  if (r.rejected.length) {
    lines.push(`rejected (${r.rejected.length}):`);
    for (const x of r.rejected.slice(0, 200)) lines.push(`  line ${x.line}${x.id ? ` id ${x.id}` : ''}: ${x.reason}`);
    if (r.rejected.length > 200) lines.push(`  ... and ${r.rejected.length - 200} more (--json for all)`);
  }
  if (r.references.length) {
    lines.push('references to listed entities:');
    for (const x of r.references) lines.push(`  ${x.edge}.${x.prop} = ${x.referent} -> ${x.entity}`);
  }
  if (r.matches.length) {
    lines.push('matched to listed entities:');
    for (const m of r.matches) lines.push(`  ${m.id} -> ${m.entity_id} (${String(m.detail.listedCaption ?? '')}): ${m.rule}${m.used ? '' : ', for review only'}, score ${m.score}; ${String(m.detail.reason ?? `${m.detail.kind} ${m.detail.value}`)}`);
  }
  if (r.blocked.length) {
    lines.push('blocked by ownership (OFAC 50 % rule):');
    for (const b of r.blocked) lines.push(`  ${b.id}: ${b.aggregate} % via ${b.paths.map((p) => p.nodes.join(' > ')).join('; ')}`);
  }
  return lines.join('\n');
}

export function registerImport(program: Command): void {
  program
    .command('import <file>')
    .description('import an FtM JSON-lines file (registry, investigation, leak) as a separate dataset, replacing an earlier import of it')
    .requiredOption('--dataset <name>', 'the dataset name (lower-case; never a list\'s or a collection\'s name)')
    .option('--json', 'the import report as JSON')
    .action(async (file: string, opts: { dataset: string; json?: boolean }, cmd: Command) => {
      const problem = datasetNameProblem(opts.dataset);
      if (problem) throw new UserError(problem);
      try {
        if (!statSync(file).isFile()) throw new Error('not a file');
      } catch (err) {
        throw new UserError(`cannot read ${file}: ${(err as Error).message}`);
      }
      await withStore(cmd.optsWithGlobals<GlobalFlags>(), async (db) => {
        let report: ImportReport;
        try {
          const lines = createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
          report = await importDataset(db, { name: opts.dataset, origin: file, lines });
        } catch (err) {
          if (!(err instanceof ImportRefused)) throw err;
          report = err.report;
          process.exitCode = 1;
        }
        if (opts.json) printJson(report);
        else process.stdout.write(`${formatImportReport(report)}\n`);
      });
    });
}
