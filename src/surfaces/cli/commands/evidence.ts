import type { Command } from 'commander';
import Table from 'cli-table3';
import { addAnalystEvidence, EvidenceInputError } from '../../../analyses/mandates/evidence.js';
import { EVIDENCE_KINDS } from '../../../analyses/mandates/evidence-kinds.js';
import { feedLists, feedMaritimeFile, feedMaritimeStore, feedNetwork } from '../../../analyses/mandates/feeds.js';
import { normalizeSubjectId } from '../../../analyses/mandates/subjects.js';
import { listEvidence, withdrawEvidence } from '../../../store/evidence.js';
import { printJson, UserError, withStore, type GlobalFlags } from '../context.js';

interface AddFlags {
  kind: string; subject: string; counterparty?: string; date: string; end?: string; place?: string; lat?: string; lon?: string;
  citation?: string; confidence?: string; attempt?: boolean; note?: string; author?: string; cargo?: string; json?: boolean;
}

const num = (v: string | undefined, name: string): number | undefined => {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isFinite(n)) throw new UserError(`--${name} ${v}: expected a number`, 2);
  return n;
};

/** `chokepoint evidence add|list|sync|withdraw|kinds`. */
export function registerEvidence(program: Command): void {
  const ev = program.command('evidence').description('evidence for the mandates analysis: analyst entries with a citation, and feeds from AIS, network and lists');

  ev.command('add')
    .description('add one analyst evidence item (a citation is required; the subject must be a known entity)')
    .requiredOption('--kind <kind>', `evidence kind (chokepoint evidence kinds): e.g. sts_transfer, sectoral_trade, financial_services_to_designated`)
    .requiredOption('--subject <id>', 'listed entity id or referent (ofac-23736), imported entity id, or vessel imo-NNNNNNN / mmsi-NNNNNNNNN')
    .option('--counterparty <id>', 'the other party (the other vessel, the designated customer, the owned vessel)')
    .requiredOption('--date <date>', 'when (YYYY-MM-DD or ISO UTC time)')
    .option('--end <date>', 'end of the conduct, when it lasted')
    .option('--place <text>', 'where')
    .option('--lat <deg>', 'latitude').option('--lon <deg>', 'longitude')
    .option('--citation <text>', 'the source: UN Panel of Experts report and paragraph, court filing, news report with URL (required)')
    .option('--confidence <0..1>', 'how sure the source is (default 0.6)')
    .option('--attempt', 'the source reports an attempt (22 U.S.C. 9214(a)(15))')
    .option('--cargo <text>', 'cargo, when the source states it (e.g. refined petroleum)')
    .option('--note <text>', 'analyst note').option('--author <name>', 'who entered it')
    .option('--json', 'print the stored item as JSON')
    .action(async (o: AddFlags, cmd: Command) => {
      await withStore(cmd.optsWithGlobals<GlobalFlags>(), async (db) => {
        try {
          const item = await addAnalystEvidence(db, {
            kind: o.kind, subject: o.subject, ...(o.counterparty ? { counterparty: o.counterparty } : {}), date: o.date, ...(o.end ? { end: o.end } : {}),
            ...(o.place ? { place: o.place } : {}), ...(o.lat !== undefined ? { lat: num(o.lat, 'lat') } : {}), ...(o.lon !== undefined ? { lon: num(o.lon, 'lon') } : {}),
            citation: o.citation ?? '', ...(o.confidence !== undefined ? { confidence: num(o.confidence, 'confidence') } : {}), attempt: !!o.attempt,
            ...(o.note ? { note: o.note } : {}), ...(o.author ? { author: o.author } : {}), ...(o.cargo ? { detail: { cargo: o.cargo } } : {}),
          });
          if (o.json) printJson(item);
          else process.stdout.write(`added evidence #${item.id}: ${item.kind} ${item.subject}${item.counterparty ? ` with ${item.counterparty}` : ''} on ${item.start.slice(0, 10)} (${item.citation})\n`);
        } catch (err) {
          if (err instanceof EvidenceInputError) throw new UserError(`evidence refused: ${err.message}`, 2);
          throw err;
        }
      });
    });

  ev.command('list')
    .description('evidence items held (live ones; --all includes withdrawn)')
    .option('--subject <id>', 'items about (or naming as counterparty) this id')
    .option('--kind <kind>', 'only this kind')
    .option('--origin <origin>', 'maritime, network, list or analyst')
    .option('--all', 'include withdrawn items')
    .option('--json', 'JSON')
    .action(async (o: { subject?: string; kind?: string; origin?: string; all?: boolean; json?: boolean }, cmd: Command) => {
      await withStore(cmd.optsWithGlobals<GlobalFlags>(), async (db) => {
        const items = await listEvidence(db, {
          ...(o.subject ? { subject: [normalizeSubjectId(o.subject)] } : {}), ...(o.kind ? { kind: [o.kind] } : {}),
          ...(o.origin ? { origin: [o.origin as 'analyst'] } : {}), includeWithdrawn: !!o.all,
        });
        if (o.json) return printJson(items);
        const t = new Table({ head: ['#', 'kind', 'subject', 'counterparty', 'when', 'origin', 'conf.', 'citation'], colWidths: [6, 18, 20, 20, 12, 9, 6, 50], wordWrap: true });
        for (const e of items) t.push([e.id, e.kind, e.subject, e.counterparty ?? '', e.start.slice(0, 10), e.origin, e.confidence.toFixed(2), `${e.citation}${e.withdrawn ? ` [withdrawn: ${e.withdrawnReason}]` : ''}`]);
        process.stdout.write(`${items.length} items\n${t.toString()}\n`);
      });
    });

  ev.command('sync')
    .description('run the feeds: stored AIS runs (or --events FILE.jsonl from chokepoint ais detect), imported ownership, list data')
    .option('--events <file...>', 'maritime events JSON Lines files (instead of the stored AIS runs)')
    .option('--json', 'JSON')
    .action(async (o: { events?: string[]; json?: boolean }, cmd: Command) => {
      await withStore(cmd.optsWithGlobals<GlobalFlags>(), async (db) => {
        const results = [await feedLists(db), await feedNetwork(db)];
        if (o.events?.length) for (const f of o.events) results.push(await feedMaritimeFile(db, f));
        else results.push(await feedMaritimeStore(db));
        if (o.json) return printJson(results);
        for (const r of results) process.stdout.write(`${r.feed}: ${r.considered} considered, ${r.added} added${r.withdrawn ? `, ${r.withdrawn} withdrawn (no longer stated)` : ''}${Object.keys(r.skipped).length ? `; skipped ${Object.entries(r.skipped).map(([k, v]) => `${k} ${v}`).join(', ')}` : ''}\n`);
      });
    });

  ev.command('withdraw <id>')
    .description('withdraw an item (kept for the record, left out of the evaluation)')
    .requiredOption('--reason <text>', 'why')
    .action(async (id: string, o: { reason: string }, cmd: Command) => {
      await withStore(cmd.optsWithGlobals<GlobalFlags>(), async (db) => {
        if (!(await withdrawEvidence(db, Number(id), o.reason))) throw new UserError(`no live evidence item #${id}`);
        process.stdout.write(`withdrew evidence #${id}\n`);
      });
    });

  ev.command('kinds')
    .description('the evidence kinds and what each means')
    .action(() => {
      for (const k of EVIDENCE_KINDS) process.stdout.write(`${k.kind.padEnd(34)} ${k.label}${k.counterparty === 'required' ? ' (needs --counterparty)' : ''}\n${''.padEnd(34)} ${k.description}\n`);
    });
}
