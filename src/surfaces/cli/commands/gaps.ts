import type { Command } from 'commander';
import Table from 'cli-table3';
import { evaluate } from '../../../analyses/mandates/evaluate.js';
import { printJson, UserError, withStore, type GlobalFlags } from '../context.js';

export const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function checkAsOf(asOf: string | undefined): void {
  if (asOf !== undefined && (!DAY.test(asOf) || Number.isNaN(Date.parse(asOf)))) throw new UserError(`--as-of ${asOf}: expected YYYY-MM-DD`, 2);
}

/** `chokepoint gaps`: subjects whose evidence meets a mandatory trigger and who are not designated by the U.S. */
export function registerGaps(program: Command): void {
  program
    .command('gaps')
    .description('mandatory triggers met by the evidence held, not designated by the United States (22 U.S.C. 9214, 9221b, ...)')
    .option('--as-of <date>', 'evaluate as of this day (YYYY-MM-DD; default today)')
    .option('--json', 'the evaluation as JSON: gaps, per-provision counts, every subject with its chains (same as GET /mandates/gaps)')
    .action(async (opts: { asOf?: string; json?: boolean }, cmd: Command) => {
      checkAsOf(opts.asOf);
      await withStore(cmd.optsWithGlobals<GlobalFlags>(), async (db) => {
        const ev = await evaluate(db, opts.asOf ? { asOf: opts.asOf } : {});
        if (opts.json) return printJson({ as_of: ev.as_of, summary: ev.summary, gaps: ev.gaps, to_check: ev.to_check, provisions: ev.provisions });
        const s = ev.summary;
        const out = [`Gaps as of ${ev.as_of}: ${s.gaps} (subjects ${s.subjects_with_gaps}); ${s.subjects_triggering} subjects meet a designation or sanctions mandate, ${s.designated_triggering} of them designated by the U.S.; ${s.subjects_with_findings_only} more meet only provisions that cannot be checked here (vessel list, reports); ${s.evidence_items} evidence items.`];
        if (ev.gaps.length) {
          const t = new Table({ head: ['subject', 'provision', 'strength', 'latest evidence', 'days', 'first chain'], colWidths: [30, 30, 12, 13, 6, 60], wordWrap: true });
          for (const g of ev.gaps) {
            const c = g.chains[0];
            t.push([`${g.caption}\n${g.subject}`, `${g.citation}\n${g.short_title}`, `${g.strength_label} ${g.strength.toFixed(2)}`, g.latest_evidence, g.days_since_evidence,
              `#${c.evidence.id} ${c.evidence.label}${c.evidence.counterparty_caption ? ` with ${c.evidence.counterparty_caption}` : ''} (${c.evidence.citation})${c.via ? ` via #${c.via.id} ${c.via.label}` : ''}`]);
          }
          out.push(t.toString());
        }
        if (ev.to_check.length) {
          out.push(`To check by hand (an OFAC entry carries a name containing theirs; not counted as gaps): ${ev.to_check.length}`);
          for (const g of ev.to_check) out.push(`  ${g.caption} (${g.subject}) ${g.citation}: compare ${g.possible_us_listings.map((p) => `${p.record} ${p.caption}`).join('; ')}`);
        }
        process.stdout.write(`${out.join('\n')}\n`);
      });
    });
}
