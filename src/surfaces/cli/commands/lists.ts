import type { Command } from 'commander';
import Table from 'cli-table3';
import { currentVersions, importLog, listVersions } from '../../../store/versions.js';
import { printJson, withStore, type GlobalFlags } from '../context.js';

/** Days between a date and today (UTC). */
function ageDays(date: string, now = new Date()): number {
  return Math.floor((now.getTime() - Date.parse(`${date}T00:00:00Z`)) / 86_400_000);
}

export function registerLists(program: Command): void {
  program
    .command('lists')
    .description('the list versions held: counts, file hashes, freshness, and refused imports')
    .option('--json', 'machine-readable output')
    .action(async (opts: { json?: boolean }, cmd: Command) => {
      await withStore(cmd.optsWithGlobals<GlobalFlags>(), async (db) => {
        const versions = await listVersions(db);
        const served = new Set((await currentVersions(db)).map((v) => v.id));
        const refused = (await importLog(db, 500)).filter((l) => l.outcome === 'refused' || l.outcome === 'failed');
        if (opts.json) {
          printJson({ versions: versions.map((v) => ({ ...v, served: served.has(v.id), age_days: ageDays(v.published) })), refused });
          return;
        }
        const t = new Table({ head: ['source', 'version', 'served', 'entries', 'DPRK', 'age (days)', 'files (sha256)'] });
        for (const v of versions) {
          t.push([v.source, v.version, served.has(v.id) ? 'yes' : '', v.counts.records, v.counts.dprk ?? 0, ageDays(v.published),
            v.files.map((f) => `${f.name} ${f.sha256.slice(0, 12)}`).join('\n')]);
        }
        process.stdout.write(`${t.toString()}\n`);
        if (refused.length) {
          process.stdout.write('\nRefused or failed imports (the previous version stays served):\n');
          const seen = new Set<string>();
          for (const r of refused) {
            const key = `${r.source}@${r.version}`;
            if (seen.has(key)) continue;
            seen.add(key);
            process.stdout.write(`  ${key}: ${r.message}\n`);
          }
        }
      });
    });
}
