import type { Command } from 'commander';
import Table from 'cli-table3';
import { FilterError, parseEventFilter, wholeNumber, type RawEventFilter } from '../../../../analyses/maritime/filters.js';
import { findEvents, listRuns } from '../../../../store/maritime.js';
import { printJson, UserError, withStore, type GlobalFlags } from '../../context.js';

/** The filters as flags (repeatable --type), plus --json. */
interface EventFlags extends Omit<RawEventFilter, 'type'> {
  type?: string[];
  json?: boolean;
}

/** Runs listed by `ais runs` unless --limit says otherwise. */
const RUNS_SHOWN = '20';

const collect = (v: string, prev: string[] = []) => [...prev, v];

/** `chokepoint ais events [--type T] [--mmsi N] [--bbox …] [--from D] [--to D] [--json]` and `chokepoint ais runs`. */
export function registerAisQueries(ais: Command): void {
  ais
    .command('events')
    .description('query the events of stored AIS runs (ais detect --store, or uploads to the API)')
    .option('--type <type>', 'event type (repeatable, or comma-separated): encounter, gap, loitering, port_call, identity_change, shared_mmsi, invalid_mmsi', collect)
    .option('--mmsi <n>', 'events involving this MMSI (either side of an encounter)')
    .option('--bbox <minLon,minLat,maxLon,maxLat>', 'events located in this box (degrees)')
    .option('--from <date>', 'events ending on or after this ISO date or date-time')
    .option('--to <date>', 'events starting on or before this ISO date (the whole day) or date-time')
    .option('--run <id>', 'events of one run only')
    .option('--limit <n>', 'at most this many (default 100, up to 10000)')
    .option('--offset <n>', 'skip this many first')
    .option('--json', 'machine-readable output: {total, events} (each event: id, run, then the pinned record)')
    .action(async (opts: EventFlags, cmd: Command) => {
      let filter;
      try {
        filter = parseEventFilter({ ...opts, type: opts.type });
      } catch (err) {
        if (err instanceof FilterError) throw new UserError(`--${err.message}`);
        throw err;
      }
      await withStore(cmd.optsWithGlobals<GlobalFlags>(), async (db) => {
        const { total, events } = await findEvents(db, filter);
        if (opts.json) {
          printJson({ total, limit: filter.limit, offset: filter.offset, events });
          return;
        }
        const t = new Table({ head: ['id', 'run', 'type', 'mmsi', 'start', 'end', 'lat', 'lon', 'region', 'conf.'] });
        for (const e of events) t.push([e.id, e.run, e.type, e.mmsi.join('\n'), e.start, e.end, e.lat, e.lon, e.region, e.confidence]);
        process.stdout.write(`${t.toString()}\n${events.length} of ${total} events${total > events.length ? ' (--limit, --offset for more)' : ''}\n`);
      });
    });

  ais
    .command('runs')
    .description('stored AIS runs, newest first: files, status, counts, skipped records')
    .option('--limit <n>', `at most this many (default ${RUNS_SHOWN})`, RUNS_SHOWN)
    .option('--json', 'machine-readable output')
    .action(async (opts: { limit: string; json?: boolean }, cmd: Command) => {
      let limit;
      try {
        limit = wholeNumber(opts.limit, 'limit', 1, 10_000);
      } catch (err) {
        throw new UserError(`--${(err as Error).message}`);
      }
      await withStore(cmd.optsWithGlobals<GlobalFlags>(), async (db) => {
        const runs = await listRuns(db, limit);
        if (opts.json) {
          printJson({ runs });
          return;
        }
        const t = new Table({ head: ['id', 'status', 'files', 'format', 'positions', 'events', 'skipped', 'finished'] });
        for (const r of runs) {
          t.push([r.id, r.status, r.fileName, r.format, String(r.counts.positions ?? ''), String(r.counts.events ?? ''),
            Object.entries(r.skipped).filter(([, v]) => v).map(([k, v]) => `${k} ${v}`).join('\n') || (r.error ?? ''), r.finishedAt ?? '']);
        }
        process.stdout.write(`${t.toString()}\n`);
      });
    });
}
