import type { Command } from 'commander';
import { diffVersions } from '../../../analyses/deltas/diff.js';
import { printJson, withStore, type GlobalFlags } from '../context.js';

export function registerDiff(program: Command): void {
  program
    .command('diff <versionA> <versionB>')
    .description('entries added, removed and changed between two versions, e.g. diff ofac@2021-07-07 ofac@2023-12-28')
    .option('--json', 'machine-readable output')
    .option('--limit <n>', 'rows shown per section', '50')
    .action(async (a: string, b: string, opts: { json?: boolean; limit: string }, cmd: Command) => {
      await withStore(cmd.optsWithGlobals<GlobalFlags>(), async (db) => {
        const d = await diffVersions(db, a, b);
        if (opts.json) return printJson(d);
        const limit = Number(opts.limit);
        const out: string[] = [`${d.from.source}@${d.from.version} -> ${d.to.source}@${d.to.version}: ` +
          `${d.added.length} added, ${d.removed.length} removed, ${d.changed.length} changed, ${d.unchanged} unchanged`];
        const section = (title: string, rows: string[]) => {
          if (!rows.length) return;
          out.push('', `${title}:`, ...rows.slice(0, limit).map((r) => `  ${r}`));
          if (rows.length > limit) out.push(`  … ${rows.length - limit} more (--limit, --json)`);
        };
        section('added', d.added.map((r) => `${r.id}  ${r.schema}  ${r.caption}`));
        section('removed', d.removed.map((r) => `${r.id}  ${r.schema}  ${r.caption}`));
        section('changed', d.changed.map((r) => `${r.id}  ${r.caption}: ${r.changes.map((c) => c.prop).join(', ')}`));
        process.stdout.write(`${out.join('\n')}\n`);
      });
    });
}
