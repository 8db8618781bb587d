import type { Command } from 'commander';
import { createWriteStream } from 'node:fs';
import { allEntities } from '../../../store/entities.js';
import { toFtm } from '../../../model/ftm.js';
import { UserError, withStore, type GlobalFlags } from '../context.js';

export function registerExport(program: Command): void {
  program
    .command('export')
    .description('export the merged entities as FollowTheMoney JSON lines')
    .requiredOption('--ftm', 'FollowTheMoney JSON lines (the only format so far)')
    .option('--output <file>', 'write to a file instead of standard output')
    .option('--dprk', 'only DPRK-related entities')
    .action(async (opts: { output?: string; dprk?: boolean }, cmd: Command) => {
      await withStore(cmd.optsWithGlobals<GlobalFlags>(), async (db) => {
        const entities = (await allEntities(db)).filter((e) => !opts.dprk || e.dprk.length > 0);
        if (!entities.length) throw new UserError('no entities stored yet: run `chokepoint update` first');
        const out = opts.output ? createWriteStream(opts.output) : process.stdout;
        for (const e of entities) for (const f of toFtm(e)) out.write(`${JSON.stringify(f)}\n`);
        if (opts.output) await new Promise<void>((res, rej) => (out as ReturnType<typeof createWriteStream>).end((err?: Error | null) => (err ? rej(err) : res())));
      });
    });
}
