import type { Db } from '../../store/db.js';

/** What the HTTP routes use: the store and readiness state. Routes hold no logic of their own. */
export interface Services {
  db: Db;
  /** Set once the data is loaded and the in-memory indexes are built. */
  ready: boolean;
  /** Why the service is not ready, for /readyz. */
  notReadyReason?: string;
  startedAt: Date;
}
