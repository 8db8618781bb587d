/**
 * Invalid-MMSI detector: one event per MMSI, at its first position (or, for an MMSI heard only in static messages,
 * at the end of the run, without a position), when the MMSI cannot be a ship's (ITU-R M.585: 9 digits, first digit
 * 2-7, an allocated MID — mid.ts mmsiValidity): `not_9_digits`, `unknown_mid` (e.g. the "150…" squid-jigger
 * fleet), `not_a_ship` (coast stations, SART, aids to navigation … sending position reports). A valid MMSI with MID
 * 445 is DPRK-flagged: reported separately as reason `dprk_flag`.
 */
import { mmsiValidity, flagOfMmsi } from '../../sources/ais/index.js';
import type { Bucket, StaticRecord } from './tracks.js';
import type { DetectorContext } from './context.js';

/** ITU MID of the Democratic People's Republic of Korea. */
export const DPRK_MID = 445;
const MID_DIVISOR = 1_000_000;
const CONFIDENCE: Record<string, number> = { not_9_digits: 1, unknown_mid: 1, not_a_ship: 0.6, dprk_flag: 1 };

/** The reason an MMSI is reported, or undefined for an ordinary valid MMSI. */
export function mmsiReason(mmsi: number): 'not_9_digits' | 'unknown_mid' | 'not_a_ship' | 'dprk_flag' | undefined {
  const v = mmsiValidity(mmsi);
  if (!v.valid) return v.reason;
  return Math.floor(mmsi / MID_DIVISOR) === DPRK_MID ? 'dprk_flag' : undefined;
}

export class InvalidMmsiDetector {
  private seen = new Uint8Array(1024);
  /** MMSIs heard only in statics so far: vessel → first time. */
  private readonly staticOnly = new Map<number, number>();
  counts: Record<string, number> = {};

  constructor(private readonly ctx: DetectorContext) {}

  private grow(v: number): void {
    if (v < this.seen.length) return;
    const s = new Uint8Array(Math.max(v + 1, this.seen.length * 2));
    s.set(this.seen);
    this.seen = s;
  }

  process(b: Bucket): void {
    const c = b.cols;
    for (let r = 0; r < b.runs; r++) {
      const v = b.runVessel[r];
      this.grow(v);
      if (this.seen[v]) continue;
      this.seen[v] = 1;
      this.staticOnly.delete(v);
      const i = b.runStart[r];
      this.report(v, c.t[i], c.lat[i], c.lon[i], true);
    }
  }

  processStatics(statics: readonly StaticRecord[]): void {
    for (const s of statics) {
      this.grow(s.vessel);
      if (!this.seen[s.vessel] && !this.staticOnly.has(s.vessel)) this.staticOnly.set(s.vessel, s.t);
    }
  }

  private report(v: number, t: number, lat: number, lon: number, known: boolean): void {
    const mmsi = this.ctx.vessels.mmsi[v];
    const reason = mmsiReason(mmsi);
    if (!reason) return;
    this.counts[reason] = (this.counts[reason] ?? 0) + 1;
    this.ctx.emit({
      type: 'invalid_mmsi', mmsi: [mmsi], startMs: t, endMs: t, lat, lon, confidence: CONFIDENCE[reason],
      evidence: {
        reason, digits: String(mmsi).length, mid: String(mmsi).length === 9 ? Math.floor(mmsi / MID_DIVISOR) : null,
        flag: flagOfMmsi(mmsi) ?? null, positionKnown: known,
      },
      params: {},
    });
  }

  /** End of input: MMSIs never heard with a position. */
  finish(): void {
    for (const [v, t] of this.staticOnly) {
      this.seen[v] = 1;
      this.report(v, t, 0, 0, false);
    }
    this.staticOnly.clear();
  }
}
