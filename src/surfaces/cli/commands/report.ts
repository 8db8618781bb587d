import type { Command } from 'commander';
import { writeFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { buildReport, ChromiumMissingError, findChromium, htmlToPdf } from '../../report/index.js';
import { UserError, withStore, type GlobalFlags } from '../context.js';
import { checkAsOf, registerGaps } from './gaps.js';
import { registerEvidence } from './evidence.js';

/** `chokepoint report --output FILE.html|FILE.pdf [--as-of DATE]`. */
export function registerReport(program: Command): void {
  program
    .command('report')
    .description('the oversight report: gaps with citations and evidence, provocations vs pressure, maritime findings, data versions (HTML, or PDF through headless Chromium)')
    .requiredOption('--output <file>', 'FILE.html or FILE.pdf')
    .option('--as-of <date>', 'report as of this day (YYYY-MM-DD; default today)')
    .option('--events-dir <dir>', 'folder holding events/, un/ and actions/ for the timeline (also CHOKEPOINT_EVENTS)')
    .action(async (opts: { output: string; asOf?: string; eventsDir?: string }, cmd: Command) => {
      checkAsOf(opts.asOf);
      const ext = extname(opts.output).toLowerCase();
      if (ext !== '.html' && ext !== '.htm' && ext !== '.pdf') throw new UserError(`--output ${opts.output}: give a .html or .pdf file`, 2);
      if (ext === '.pdf' && !findChromium()) throw new UserError(new ChromiumMissingError().message);
      await withStore(cmd.optsWithGlobals<GlobalFlags>(), async (db) => {
        const { html, report } = await buildReport(db, { ...(opts.asOf ? { asOf: opts.asOf } : {}), ...(opts.eventsDir ? { eventsDir: opts.eventsDir } : {}) });
        if (ext === '.pdf') {
          try {
            await htmlToPdf(html, opts.output);
          } catch (err) {
            if (err instanceof ChromiumMissingError) throw new UserError(err.message);
            throw err;
          }
        } else await writeFile(opts.output, html);
        const s = report.evaluation.summary;
        process.stderr.write(`wrote ${opts.output}: as of ${report.as_of}, ${s.gaps} gaps (${s.subjects_with_gaps} subjects), ${s.evidence_items} evidence items\n`);
      });
    });
}

/** Registers report, gaps and evidence: one line in main.ts. */
export function registerMandates(program: Command): void {
  registerReport(program);
  registerGaps(program);
  registerEvidence(program);
}
