import { Command, CommanderError } from 'commander';
import { registerUpdate } from './commands/update.js';
import { registerLists } from './commands/lists.js';
import { registerDiff } from './commands/diff.js';
import { registerEntity } from './commands/entity.js';
import { registerExport } from './commands/export.js';
import { registerServe } from './commands/serve.js';
import { registerScreen } from './commands/screen.js';
import { registerCompare } from './commands/compare.js';
import { registerTimeline } from './commands/timeline.js';
import { registerAis } from './commands/ais.js';
import { registerImport } from './commands/import.js';
import { registerNetwork } from './commands/network.js';
import { registerToken } from './commands/token.js';
import { UserError } from './context.js';
import { SourceError } from '../../sources/types.js';

const program = new Command('chokepoint')
  .description('Chokepoint: screening, maritime evasion detection and enforcement accountability for the DPRK sanctions')
  .option('--data-dir <dir>', 'embedded database folder (also CHOKEPOINT_DATA; default ./data); DATABASE_URL selects PostgreSQL')
  .showHelpAfterError()
  .exitOverride();

registerUpdate(program);
registerLists(program);
registerDiff(program);
registerEntity(program);
registerExport(program);
registerServe(program);
registerScreen(program);
registerCompare(program);
registerTimeline(program);
registerAis(program);
registerImport(program);
registerNetwork(program);
(await import('./commands/report.js')).registerMandates(program);
registerToken(program);
(await import('./commands/worker.js')).registerWorker(program);
(await import('./commands/jobs.js')).registerJobs(program);

try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (err instanceof CommanderError) process.exit(err.exitCode);
  if (err instanceof UserError || err instanceof SourceError) {
    process.stderr.write(`chokepoint: ${err.message}\n`);
    process.exit(err instanceof UserError ? err.exitCode : 1);
  }
  const e = err as Error;
  process.stderr.write(`chokepoint: ${e.message}\n`);
  if (process.env.CHOKEPOINT_DEBUG) process.stderr.write(`${e.stack}\n`);
  process.exit(1);
}
