import type { Db } from '../../store/db.js';
import { allEntities } from '../../store/entities.js';
import { currentVersions } from '../../store/versions.js';
import { buildIndex, type ScreeningIndex } from './index/build.js';

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

  /** (Re)builds the index from the store; concurrent calls share one build. */
  async reload(db: Db): Promise<ScreeningIndex> {
    if (this.building) return this.building;
    this.building = (async () => {
      try {
        const [entities, versions] = await Promise.all([allEntities(db), currentVersions(db)]);
        const index = buildIndex(entities, versions.map((v) => `${v.source}@${v.version}`));
        this.current = index;
        return index;
      } finally {
        this.building = undefined;
      }
    })();
    return this.building;
  }

  /** Uses an index built elsewhere (tests, workers). */
  use(index: ScreeningIndex): void {
    this.current = index;
  }
}
