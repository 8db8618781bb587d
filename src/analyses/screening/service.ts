import type { Db } from '../../store/db.js';
import { allEntities } from '../../store/entities.js';
import { currentVersions } from '../../store/versions.js';
import { buildIndex, type ScreeningIndex } from './index/build.js';
import { withImportedEntities } from '../network/screening-entities.js';

/**
 * Holds the screening index of one process. The index is built from the store at start and rebuilt after list
 * updates; the old index keeps answering until the new one is ready, then is swapped in whole.
 */
export class ScreeningService {
  private current?: ScreeningIndex;
  private building?: Promise<ScreeningIndex>;

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
  }
}
