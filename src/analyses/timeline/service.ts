import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Db } from '../../store/db.js';
import { importLog, listVersions } from '../../store/versions.js';
import { sharedDataDir } from '../../config/paths.js';
import { SourceError } from '../../sources/types.js';
import { buildTimeline, type TimelineData, type TimelineOptions, type TimelineReport } from './analysis.js';
import { loadSeries, type SeriesData } from './announced.js';
import { loadDesignations, type ListPressure } from './designations.js';
import { loadProvocations, type Provocations } from './launches.js';
import { checkWindow } from './periods.js';

/**
 * Loads what the timeline needs (event files under a data folder, lists from the store) and builds reports.
 * Loading the pressure side reads every held list version (~5 s on the staged data), so one service keeps it
 * until the store's versions change; the event files are read once per data folder.
 */

/** Folder laid out like the shared data folder: events/, un/, actions/. */
export const EVENTS_SUBDIR = 'events';

/** The data folder of the event files: flag, then CHOKEPOINT_EVENTS, then the shared data folder. */
export function eventsDataDir(flag?: string, env: NodeJS.ProcessEnv = process.env): string {
  return resolve(flag ?? env.CHOKEPOINT_EVENTS ?? sharedDataDir());
}

async function storeKey(db: Db): Promise<string> {
  const versions = await listVersions(db);
  const derived = (await importLog(db, 1000)).filter((l) => l.source === 'ofac-derived' && l.outcome === 'imported').map((l) => l.version);
  return JSON.stringify([versions.map((v) => [v.id, v.content_hash]), derived]);
}

export class TimelineService {
  private events = new Map<string, Promise<{ provocations: Provocations; series: SeriesData }>>();
  private pressure?: { key: string; value: Promise<ListPressure> };

  constructor(private readonly db: Db, private readonly dataDir: string = eventsDataDir()) {}

  private loadEvents(): Promise<{ provocations: Provocations; series: SeriesData }> {
    let p = this.events.get(this.dataDir);
    if (!p) {
      const dir = this.dataDir;
      if (!existsSync(join(dir, EVENTS_SUBDIR))) {
        return Promise.reject(new SourceError(join(dir, EVENTS_SUBDIR), undefined, 'event data folder not found (give --events-dir or set CHOKEPOINT_EVENTS to a folder holding events/, un/ and actions/)'));
      }
      p = Promise.all([loadProvocations(dir), loadSeries(dir)]).then(([provocations, series]) => ({ provocations, series }));
      p.catch(() => this.events.delete(dir));
      this.events.set(dir, p);
    }
    return p;
  }

  private async loadPressure(): Promise<ListPressure> {
    const key = await storeKey(this.db);
    if (this.pressure?.key !== key) {
      const value = loadDesignations(this.db);
      value.catch(() => { if (this.pressure?.value === value) this.pressure = undefined; });
      this.pressure = { key, value };
    }
    return this.pressure.value;
  }

  async data(): Promise<TimelineData> {
    const [{ provocations, series }, pressure] = await Promise.all([this.loadEvents(), this.loadPressure()]);
    return { provocations, series, pressure };
  }

  /** The report for a window; a bad window throws TimelineInputError before anything is loaded. */
  async report(opts: TimelineOptions = {}): Promise<TimelineReport> {
    checkWindow(opts);
    return buildTimeline(await this.data(), opts);
  }
}
