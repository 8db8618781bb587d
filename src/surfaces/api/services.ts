import type { Db } from '../../store/db.js';
import type { ScreeningService } from '../../analyses/screening/service.js';
import type { AccessControl } from './access/control.js';
import type { AuditTrail } from './access/audit.js';

/** What the HTTP routes use: the store, the screening index and readiness state. Routes hold no logic of their own. */
export interface Services {
  db: Db;
  /** The in-memory screening index (built from the store at start and after list updates). */
  screening: ScreeningService;
  /** Set once the data is loaded and the in-memory indexes are built. */
  ready: boolean;
  /** Why the service is not ready, for /readyz. */
  notReadyReason?: string;
  startedAt: Date;
  /**
   * Tokens, scopes, rate limits and CORS (access/). `chokepoint serve` always sets it; an app made without it (an
   * in-process test) has no access control at all.
   */
  access?: AccessControl;
  /** The screening audit trail (what was screened, by whom, against which list versions). */
  audit?: AuditTrail;
}
