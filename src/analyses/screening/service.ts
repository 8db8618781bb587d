import type { Db } from '../../store/db.js';
import { allEntities } from '../../store/entities.js';
import { currentVersions } from '../../store/versions.js';
import { buildIndex, type ScreeningIndex } from './index/build.js';
import { withImportedEntities } from '../network/screening-entities.js';
import { matchQuery, type MatchOutcome } from './match.js';
import { MatchPool, type PoolMatchOptions } from './parallel/match-pool.js';
import type { SchemaName } from '../../model/schema.js';

/**
 * Holds the screening index of one process. The index is built from the store at start and rebuilt after list
 * updates; the old index keeps answering until the new one is ready, then is swapped in whole.
 */
export class ScreeningService {
  private current?: ScreeningIndex;
  private building?: Promise<ScreeningIndex>;
  private pool?: MatchPool;
  private poolStarting?: ScreeningIndex;

  /**
   * @param matchThreads threads that answer `match` (each holds a copy of the index); 0 screens on the calling thread.
   * @param log told when match threads fail to start or stop (screening goes on in-process).
   */
  constructor(private readonly matchThreads = 0, private readonly log: (line: string) => void = () => {}) {}

  /**
   * Screens one query against `index` (the index a request started with): on a match thread when threads hold that
   * index, else in-process. Either way the same answer.
   */
  async match(index: ScreeningIndex, schema: SchemaName, properties: Record<string, string[]>, opts: PoolMatchOptions = {}): Promise<MatchOutcome> {
    const pool = this.pool;
    if (pool && pool.index === index && !pool.broken) {
      try {
        return await pool.match(schema, properties, opts);
      } catch (err) {
        if (!pool.broken) throw err;
      }
    }
    this.followIndex();
    return matchQuery(index, schema, properties, opts);
  }

  /** Starts match threads on the current index when they hold another one (or failed); the old ones stop then. */
  private followIndex(): void {
    const index = this.current;
    if (!this.matchThreads || this.closed || !index || this.poolStarting === index || (this.pool?.index === index && !this.pool.broken)) return;
    this.poolStarting = index;
    MatchPool.start(index, this.matchThreads).then(async (pool) => {
      if (this.closed || this.current !== index) return pool.close(); // stopped, or a newer index came meanwhile
      const old = this.pool;
      this.pool = pool;
      if (this.poolStarting === index) this.poolStarting = undefined;
      await old?.close();
    }, (err: Error) => {
      this.log(`match threads did not start (screening in-process): ${err.message}`);
    });
  }

  /** True when match threads hold the current index (and answer `match`). */
  get threaded(): boolean {
    return this.pool !== undefined && this.pool.index === this.current && !this.pool.broken;
  }

  get index(): ScreeningIndex | undefined {
    return this.current;
  }

  get ready(): boolean {
    return this.current !== undefined;
  }

  private again = false;

  /**
   * (Re)builds the index from the store. A call during a build waits for that build and one more after it, so a
   * reload asked for after a list update always sees that update.
   */
  async reload(db: Db): Promise<ScreeningIndex> {
    if (this.building) {
      this.again = true;
      await this.building.catch(() => undefined);
      if (this.building) return this.building;
    }
    this.building = (async () => {
      try {
        let index: ScreeningIndex;
        do {
          this.again = false;
          const [entities, versions] = await Promise.all([allEntities(db).then((l) => withImportedEntities(db, l)), currentVersions(db)]);
          index = buildIndex(entities, versions.map((v) => `${v.source}@${v.version}`));
          this.current = index;
        } while (this.again);
        this.followIndex();
        return index;
      } finally {
        this.building = undefined;
      }
    })();
    return this.building;
  }

  /**
   * Rebuilds the index when the lists served change under this process (another process ran an update on the shared
   * PostgreSQL database, or a sibling API process did). Checks every `everyMs`; the old index answers until the new
   * one is ready. Returns a function that stops watching.
   */
  watch(db: Db, everyMs: number, onReload?: (index: ScreeningIndex) => void, onError?: (err: Error) => void): () => void {
    let busy = false;
    const timer = setInterval(async () => {
      if (busy || !this.current) return;
      busy = true;
      try {
        const versions = (await currentVersions(db)).map((v) => `${v.source}@${v.version}`);
        if (versions.join('|') !== this.current.versions.join('|')) onReload?.(await this.reload(db));
      } catch (err) {
        onError?.(err as Error);
      } finally {
        busy = false;
      }
    }, everyMs);
    timer.unref();
    return () => clearInterval(timer);
  }

  /** Uses an index built elsewhere (tests, workers). */
  use(index: ScreeningIndex): void {
    this.current = index;
    this.followIndex();
  }

  private closed = false;

  /** Stops the match threads (and any still starting). */
  async close(): Promise<void> {
    this.closed = true;
    const pool = this.pool;
    this.pool = undefined;
    await pool?.close();
  }
}
