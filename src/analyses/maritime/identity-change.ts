/**
 * Identity-change detector: events from the identity timeline (identity.ts).
 *  - Same MMSI: a confirmed name, call sign or IMO number replaced by another; changes of one vessel within
 *    identity.mergeMinutes are one event (a renamed ship usually changes name and call sign together).
 *  - Another MMSI: a valid IMO number (check digit correct) claimed by a new MMSI — re-flagging or a new identity
 *    for the same hull; mmsi = [old, new], with the flag from each MMSI's MID and whether the old MMSI was still
 *    broadcasting that IMO (concurrent use).
 * Ship type changes stay in the timeline only (too noisy to report). Point events: start = end = the first message
 * with the new value.
 */
import { flagOfMmsi } from '../../sources/ais/index.js';
import type { StaticRecord } from './tracks.js';
import type { DetectorContext } from './context.js';
import { imoCheckDigitValid, looksGarbled, type IdentityChange } from './identity.js';
import { isoTime, MS_PER_HOUR, MS_PER_MINUTE } from './geo.js';
import { paramsWithPrefix } from './params.js';

interface Group {
  vessel: number;
  firstT: number;
  changes: IdentityChange[];
}

interface ImoOwner {
  vessel: number;
  firstT: number;
  lastT: number;
}

interface Claim {
  first: number;
  last: number;
  count: number;
}

const FIELD_CONFIDENCE: Record<string, number> = { name: 0.7, callSign: 0.6, imo: 0.8 };
/** Groups wait this long past their merge window: a change is confirmed some time after its first message. */
const FLUSH_DELAY_MS = 24 * MS_PER_HOUR;

export class IdentityChangeDetector {
  private readonly pending = new Map<number, Group>();
  private readonly owners = new Map<number, ImoOwner>();
  private readonly claims = new Map<string, Claim>();
  private readonly mergeMs: number;
  private readonly confirmMessages: number;
  private readonly confirmMs: number;
  private readonly concurrentMs: number;
  counts = { sameMmsi: 0, crossMmsi: 0, explainedBySharedMmsi: 0 };
  /** Set by the pipeline: whether a vessel's MMSI was shared around a time (its name changes are then not reported). */
  sharedAround?: (vessel: number, t: number) => boolean;
  onSharedNames?: (vessel: number, names: string[]) => void;

  constructor(private readonly ctx: DetectorContext, private readonly nameOf: (vessel: number) => string | undefined) {
    this.mergeMs = ctx.params['identity.mergeMinutes'] * MS_PER_MINUTE;
    this.confirmMessages = ctx.params['identity.confirmMessages'];
    this.confirmMs = ctx.params['identity.confirmMinutes'] * MS_PER_MINUTE;
    this.concurrentMs = ctx.params['identity.concurrentImoMinutes'] * MS_PER_MINUTE;
  }

  /** Listener for IdentityTracker.onChange. */
  onChange = (c: IdentityChange): void => {
    if (c.field === 'shipType') return;
    const g = this.pending.get(c.vessel);
    if (g && c.t - g.firstT <= this.mergeMs) {
      g.changes.push(c);
      return;
    }
    if (g) this.emitGroup(g);
    this.pending.set(c.vessel, { vessel: c.vessel, firstT: c.t, changes: [c] });
  };

  /** IMO claims across MMSIs (statics of one bucket, time order). */
  processStatics(statics: readonly StaticRecord[]): void {
    for (const s of statics) {
      if (s.imo === undefined || !imoCheckDigitValid(s.imo)) continue;
      const owner = this.owners.get(s.imo);
      if (!owner) {
        this.owners.set(s.imo, { vessel: s.vessel, firstT: s.t, lastT: s.t });
        continue;
      }
      if (owner.vessel === s.vessel) {
        owner.lastT = s.t;
        continue;
      }
      const key = `${s.vessel}:${s.imo}`;
      let claim = this.claims.get(key);
      if (!claim) this.claims.set(key, (claim = { first: s.t, last: s.t, count: 0 }));
      claim.count++;
      claim.last = s.t;
      if (claim.count >= this.confirmMessages && claim.last - claim.first >= this.confirmMs) {
        this.claims.delete(key);
        this.emitCrossMmsi(s.imo, owner, s.vessel, claim);
        this.owners.set(s.imo, { vessel: s.vessel, firstT: claim.first, lastT: s.t });
      }
    }
  }

  private emitCrossMmsi(imo: number, owner: ImoOwner, vessel: number, claim: Claim): void {
    const oldMmsi = this.ctx.vessels.mmsi[owner.vessel];
    const newMmsi = this.ctx.vessels.mmsi[vessel];
    const changes: Record<string, unknown>[] = [{ field: 'mmsi', from: oldMmsi, to: newMmsi }];
    const fFrom = flagOfMmsi(oldMmsi);
    const fTo = flagOfMmsi(newMmsi);
    if (fFrom !== fTo) changes.push({ field: 'flag', from: fFrom ?? null, to: fTo ?? null });
    const nFrom = this.nameOf(owner.vessel);
    const nTo = this.nameOf(vessel);
    if (nFrom && nTo && nFrom !== nTo) changes.push({ field: 'name', from: nFrom, to: nTo });
    const concurrent = claim.first - owner.lastT < this.concurrentMs;
    const pos = this.ctx.lastPosition(vessel);
    this.counts.crossMmsi++;
    this.ctx.emit({
      type: 'identity_change', mmsi: [oldMmsi, newMmsi], startMs: claim.first, endMs: claim.first, lat: pos.lat, lon: pos.lon,
      confidence: concurrent ? 0.9 : 0.85,
      evidence: {
        kind: 'imo_on_new_mmsi', imo, imoCheckDigitValid: true, changes, concurrent, lastSeenOldMmsi: isoTime(owner.lastT),
        messagesNewMmsi: claim.count, positionKnown: pos.known,
      },
      params: paramsWithPrefix(this.ctx.params, 'identity'),
    });
  }

  private emitGroup(g: Group): void {
    this.pending.delete(g.vessel);
    if (this.sharedAround?.(g.vessel, g.firstT)) {
      this.counts.explainedBySharedMmsi++;
      this.onSharedNames?.(g.vessel, g.changes.filter((c) => c.field === 'name').flatMap((c) => [c.from, c.to]));
      return;
    }
    let miss = 1;
    const changes = g.changes.map((c) => {
      const garbled = looksGarbled(c.to) || looksGarbled(c.from);
      miss *= 1 - (FIELD_CONFIDENCE[c.field] ?? 0.5) * (garbled ? 0.6 : 1);
      const out: Record<string, unknown> = {
        field: c.field, class: c.cls, from: c.field === 'imo' ? Number(c.from) : c.from, to: c.field === 'imo' ? Number(c.to) : c.to,
        lastSeenFrom: isoTime(c.lastSeenFrom), firstSeenTo: isoTime(c.t), messagesTo: c.messagesTo,
      };
      if (c.field === 'imo') out.checkDigitValid = { from: imoCheckDigitValid(Number(c.from)), to: imoCheckDigitValid(Number(c.to)) };
      return out;
    });
    const mmsi = this.ctx.vessels.mmsi[g.vessel];
    const pos = this.ctx.lastPosition(g.vessel);
    this.counts.sameMmsi++;
    this.ctx.emit({
      type: 'identity_change', mmsi: [mmsi], startMs: g.firstT, endMs: g.firstT, lat: pos.lat, lon: pos.lon, confidence: Math.min(0.95, 1 - miss),
      evidence: { kind: 'same_mmsi', changes, flag: flagOfMmsi(mmsi) ?? null, positionKnown: pos.known },
      params: paramsWithPrefix(this.ctx.params, 'identity'),
    });
  }

  /** Emits the groups whose merge window closed before `now`. */
  flush(now: number): void {
    for (const g of [...this.pending.values()]) if (g.firstT + this.mergeMs + FLUSH_DELAY_MS <= now) this.emitGroup(g);
  }

  finish(): void {
    for (const g of [...this.pending.values()]) this.emitGroup(g);
  }
}
