import { readFileSync, writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { runFiles, type InputFormat } from '../../../analyses/maritime/pipeline.js';
import { GeoJsonWriter, JsonLinesWriter } from '../../../analyses/maritime/events.js';
import { loadRegions, regionsDirSetting } from '../../../analyses/maritime/regions.js';
import { executeRun, queueRun } from '../../../analyses/maritime/stored-run.js';
import { UserError, withStore, type GlobalFlags } from '../context.js';
import { registerAisQueries } from './ais/events.js';

interface DetectFlags {
  format?: string;
  output: string;
  geojson?: string;
  regions?: string;
  params?: string;
  streaming?: boolean;
  inMemory?: boolean;
  summary?: string;
  defaultTime?: string;
  identities?: string;
  store?: boolean;
  quiet?: boolean;
}

function readOverrides(path?: string): Record<string, number> {
  if (!path) return {};
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as Record<string, number>;
  } catch (err) {
    throw new UserError(`cannot read parameter overrides ${path}: ${(err as Error).message}`);
  }
}

/**
 * `chokepoint ais detect FILE... [--format nmea|csv] --output EVENTS.jsonl [--geojson OUT.geojson] [--store]`, and the
 * queries of stored runs (`ais events`, `ais runs`: ais/events.ts).
 */
export function registerAis(program: Command): void {
  const ais = program.command('ais').description('AIS: maritime evasion detection');
  ais
    .command('detect <files...>')
    .description('detect encounters, gaps, loitering, DPRK port calls, identity changes, shared and invalid MMSIs in AIS files')
    .option('--format <format>', 'nmea or csv (default: by file extension, .csv = csv)')
    .requiredOption('--output <events.jsonl>', 'events, one JSON object per line (pinned schema)')
    .option('--geojson <out.geojson>', 'also write the events as a GeoJSON FeatureCollection')
    .option('--regions <dir>', 'regions folder (dprk-ports.csv, hotspots.geojson, optional ports.csv); also CHOKEPOINT_REGIONS_DIR')
    .option('--params <file.json>', 'parameter overrides, e.g. {"gap.minHours": 12}')
    .option('--streaming', 'bounded memory: records later than ingest.maxLatenessMinutes are skipped (default for large inputs)')
    .option('--in-memory', 'read everything before detecting (any order accepted; default for small inputs)')
    .option('--summary <file.json>', 'write the run summary (counts, skipped records by reason, timings) as JSON')
    .option('--default-time <iso>', 'receive time for lines that carry none (otherwise they are skipped as no_time)')
    .option('--identities <file.jsonl>', 'also write each MMSI\'s identity timeline (names, call signs, IMO numbers, flag), one per line')
    .option('--store', 'also store the run (events, vessel summaries with linkage and risk) in the database (--data-dir / DATABASE_URL)')
    .option('--quiet', 'no summary on stderr')
    .action(async (files: string[], opts: DetectFlags, cmd: Command) => {
      if (opts.format && opts.format !== 'nmea' && opts.format !== 'csv') throw new UserError(`--format must be nmea or csv, not ${opts.format}`);
      if (opts.streaming && opts.inMemory) throw new UserError('--streaming and --in-memory exclude each other');
      const params = readOverrides(opts.params);
      const defaultTime = opts.defaultTime === undefined ? undefined : Date.parse(opts.defaultTime);
      if (defaultTime !== undefined && Number.isNaN(defaultTime)) throw new UserError(`--default-time: not a time: ${opts.defaultTime}`);
      const regions = loadRegions(regionsDirSetting(opts.regions));
      const out = new JsonLinesWriter(opts.output);
      const geo = opts.geojson ? new GeoJsonWriter(opts.geojson) : undefined;
      let summary;
      let stored = '';
      try {
        const run = {
          format: opts.format as InputFormat | undefined, params, regions, defaultTime,
          streaming: opts.streaming ? true : opts.inMemory ? false : undefined,
          onEvent: (e: Parameters<JsonLinesWriter['write']>[0]) => {
            out.write(e);
            geo?.write(e);
          },
          onIdentities: opts.identities
            ? (ids: { entries: { firstSeen: number; lastSeen: number }[] }[]) => writeFileSync(opts.identities!, ids.map((x) => JSON.stringify({
              ...x, entries: x.entries.map((e) => ({ ...e, firstSeen: new Date(e.firstSeen).toISOString(), lastSeen: new Date(e.lastSeen).toISOString() })),
            })).join('\n') + (ids.length ? '\n' : ''))
            : undefined,
        };
        if (opts.store) {
          summary = await withStore(cmd.optsWithGlobals<GlobalFlags>(), async (db) => {
            const o = { ...run, files: files.map((path) => ({ path })) };
            const id = await queueRun(db, o, 'cli');
            const outcome = await executeRun(db, id, o);
            if (!outcome.ok) throw outcome.error;
            stored = ` (stored as AIS run ${id})`;
            return outcome.summary;
          });
        } else {
          summary = await runFiles({ ...run, files });
        }
      } catch (err) {
        const e = err as NodeJS.ErrnoException;
        if (e.code === 'ENOENT') throw new UserError(`no such file: ${e.path ?? ''}`);
        if (/unknown maritime parameter|must be a finite number|header has no column/.test(e.message)) throw new UserError(e.message);
        throw err;
      } finally {
        out.close();
        geo?.close();
      }
      if (opts.summary) writeFileSync(opts.summary, `${JSON.stringify(summary, null, 2)}\n`);
      if (!opts.quiet) {
        const skipped = Object.entries(summary.skipped).filter(([, v]) => v).map(([k, v]) => `${k} ${v}`).join(', ') || 'none';
        const events = Object.entries(summary.events).map(([k, v]) => `${k} ${v}`).join(', ');
        process.stderr.write(
          `${summary.positions} positions, ${summary.statics} static messages, ${summary.vessels} MMSIs in ${(summary.wallMs / 1000).toFixed(1)} s `
          + `(${Math.round(summary.positionsPerSecond).toLocaleString('en-US')} positions/s, peak RSS ${summary.peakRssMiB} MiB, `
          + `${summary.streaming ? 'streaming' : 'in memory'})\n`
          + `events: ${events} → ${opts.output}${opts.geojson ? ` and ${opts.geojson}` : ''}${stored}\n`
          + `skipped: ${skipped}\n`,
        );
      }
    });
  registerAisQueries(ais);
}
