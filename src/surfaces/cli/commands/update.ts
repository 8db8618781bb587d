import type { Command } from 'commander';
import cliProgress from 'cli-progress';
import { update, type UpdateReport } from '../../../ingest/update.js';
import { withStore, type GlobalFlags } from '../context.js';

export function registerUpdate(program: Command): void {
  program
    .command('update')
    .description('fetch the official lists (or read a local mirror) and import every new publication')
    .option('--mirror <dir>', 'mirror folder laid out as <source>/<date>/<files> (also CHOKEPOINT_MIRROR)')
    .option('--source <name...>', 'only these sources (ofac, ofac-cons, un, uk, uk-fcdo, eu)')
    .option('--force', 'import publications the plausibility checks refuse')
    .action(async (opts: { mirror?: string; source?: string[]; force?: boolean }, cmd: Command) => {
      const flags = { ...cmd.optsWithGlobals<GlobalFlags>(), ...opts };
      const report = await withStore(flags, (db, settings) => runUpdate(db, { ...settings, sources: opts.source, force: !!opts.force }));
      process.exitCode = report.outcomes.some((o) => o.outcome === 'failed') ? 1 : 0;
    });
}

const LOGGED_STEPS: Partial<Record<string, string>> = { store: 'storing', done: 'stored', entities: 'merging entities' };

export async function runUpdate(
  db: Parameters<typeof update>[0],
  s: { mirror?: string; dataDir: string; sources?: string[]; force?: boolean; quiet?: boolean },
): Promise<UpdateReport> {
  const tty = process.stderr.isTTY && !s.quiet;
  const bars = new cliProgress.MultiBar({ format: ' {source} |{bar}| {value}/{total} {status}', hideCursor: true, clearOnComplete: false, noTTYOutput: false }, cliProgress.Presets.shades_classic);
  const perSource = new Map<string, cliProgress.SingleBar>();
  const report = await update(db, {
    ...(s.mirror ? { mirror: s.mirror } : {}), dataDir: s.dataDir, ...(s.sources ? { sources: s.sources } : {}), force: !!s.force,
    onProgress: (e) => {
      if (!tty) {
        // Logs (not a terminal): one line per step that writes, so an interrupted run shows where it stopped.
        const step = LOGGED_STEPS[e.phase];
        if (step && !s.quiet) process.stderr.write(`${e.source === 'entities' ? '' : `${e.source} ${e.version ?? ''}: `}${step}\n`);
        return;
      }
      if (e.phase === 'parse' && e.total !== undefined) {
        let bar = perSource.get(e.source);
        if (!bar) perSource.set(e.source, (bar = bars.create(e.total, 0, { source: e.source.padEnd(9), status: '' })));
        bar.update(e.index ?? 0, { status: e.version ?? '' });
      }
      if (e.phase === 'done' || e.phase === 'skip' || e.phase === 'refused') perSource.get(e.source)?.increment(1, { status: `${e.version} ${e.phase}` });
    },
  });
  bars.stop();
  if (!s.quiet) {
    for (const o of report.outcomes) {
      const extra = o.outcome === 'imported' ? `${o.records} entries in ${o.ms} ms` : (o.message ?? '');
      process.stderr.write(`${o.outcome.padEnd(9)} ${o.source.padEnd(12)} ${o.version.padEnd(20)} ${extra}\n`);
    }
    if (report.entities) process.stderr.write(`entities  ${report.entities.total} merged (${report.entities.dprk} DPRK-related) in ${report.entities.ms} ms\n`);
  }
  return report;
}
