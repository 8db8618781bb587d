/**
 * Identity timeline from static messages: per MMSI and transceiver class, the broadcast name, call sign, IMO number
 * and ship type over time, and the flag from the MMSI's MID (AIS carries no flag field).
 *
 * Values are compared by key (upper case, letters and digits only, after dropping the 1-2 characters of padding junk
 * some transponders leave after a run of spaces, e.g. "SHUNHANG1     TT"). A value becomes the confirmed one when it
 * is heard identity.confirmMessages times over at least identity.confirmMinutes, or when a third value follows it
 * identity.thirdValueMinutes or more later (sparse data: one message a day); a value heard briefly before the confirmed one returns is a reception glitch (the GFW fleet150
 * data has many: "HAHHHNG1" for "HAIHANG1", "LURONGYUANYU 0XX" for "LURONGYUANYU 715") and is only counted. A name
 * that differs from the confirmed one by a couple of letters with the same digits is a variant (isVariant), never a
 * change.
 * Class A (type 5) and class B (types 19/24) are tracked apart: one vessel may carry both, and two transponders
 * alternating different confirmed names on one MMSI is reported to the shared-MMSI detector.
 */
import { flagOfMmsi } from '../../sources/ais/index.js';
import type { StaticRecord } from './tracks.js';
import { MS_PER_MINUTE } from './geo.js';
import type { Params } from './params.js';

export const IDENTITY_FIELDS = ['name', 'callSign', 'imo', 'shipType'] as const;
export type IdentityField = (typeof IDENTITY_FIELDS)[number];

export interface TimelineEntry {
  field: IdentityField;
  cls: 'A' | 'B';
  value: string;
  key: string;
  firstSeen: number;
  lastSeen: number;
  messages: number;
}

export interface IdentityChange {
  vessel: number;
  mmsi: number;
  cls: 'A' | 'B';
  field: IdentityField;
  from: string;
  to: string;
  lastSeenFrom: number;
  /** First message with the new value (the change time). */
  t: number;
  messagesTo: number;
}

export interface IdentityAlternation {
  vessel: number;
  t: number;
  values: [string, string];
}

const TRAILING_JUNK = /\s{2,}[A-Z]{1,2}$/;
const NOT_KEY = /[^A-Z0-9]/g;
const JUNK_CHARS = /[^A-Z0-9 .,\-/&'()#]/;
const IMO_MIN = 1_000_000;
const IMO_MAX = 9_999_999;

/** Display form: trimmed, runs of spaces collapsed, padding junk dropped. */
export function cleanValue(raw: string): string {
  return raw.toUpperCase().replace(TRAILING_JUNK, '').replace(/\s+/g, ' ').trim();
}

/** Levenshtein distance, stopping early beyond `max` (returns max + 1). */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (cur[j] < best) best = cur[j];
    }
    if (best > max) return max + 1;
    prev = cur;
  }
  return prev[b.length];
}

const DIGITS = /[^0-9]/g;

/**
 * Whether key b is a spelling variant or garble of key a: the same digits, and at most identity.variantMaxEdits
 * letter edits (one more for keys of 12 characters or more). "HAHHHNG1" for "HAIHANG1" is; "LURONGYUANYU195" for
 * "LURONGYUANYU715" (another hull number) is not.
 */
export function isVariant(a: string, b: string, maxEdits: number): boolean {
  if (a.replace(DIGITS, '') !== b.replace(DIGITS, '')) return false;
  const max = maxEdits + (Math.max(a.length, b.length) >= 12 ? 1 : 0);
  return editDistance(a, b, max) <= max;
}

/** Comparison key: letters and digits of the display form. */
export function identityKey(raw: string): string {
  return cleanValue(raw).replace(NOT_KEY, '');
}

/** Whether a value has characters names do not use (a sign of garbling). */
export function looksGarbled(raw: string): boolean {
  return JUNK_CHARS.test(cleanValue(raw));
}

/** IMO numbers are 7 digits whose last is the check digit: Σ digit_i × (7 − i), i = 0..5, mod 10. */
export function imoCheckDigitValid(imo: number): boolean {
  if (!Number.isInteger(imo) || imo < IMO_MIN || imo > IMO_MAX) return false;
  let rest = Math.floor(imo / 10);
  let sum = 0;
  for (let w = 2; w <= 7; w++) {
    sum += (rest % 10) * w;
    rest = Math.floor(rest / 10);
  }
  return sum % 10 === imo % 10;
}

const SHIP_TYPE_STRINGS = Array.from({ length: 256 }, (_, i) => String(i));

class FieldTracker {
  key = '';
  value = '';
  since = 0;
  lastSeen = 0;
  candKey = '';
  candValue = '';
  candFirst = 0;
  candLast = 0;
  candCount = 0;
  entries: TimelineEntry[] = [];
  /** The entry of the confirmed value. */
  current: TimelineEntry | undefined;
  transients = 0;
  variants = 0;
}

const FIELD_INDEX: Record<IdentityField, number> = { name: 0, callSign: 1, imo: 2, shipType: 3 };

class VesselIdentity {
  /** Trackers by class (A = 0, B = 1) × field. */
  readonly trackers: (FieldTracker | undefined)[] = [undefined, undefined, undefined, undefined, undefined, undefined, undefined, undefined];
  lastNameKey = '';
  lastNameCls: 'A' | 'B' = 'A';
  // Normalisation caches: most static messages repeat the previous text.
  rawName = '';
  nameKey = '';
  nameValue = '';
  rawCall = '';
  callKey = '';
  callValue = '';
  rawImo = -1;
  imoKey = '';
  constructor(readonly mmsi: number) {}

  tracker(cls: 'A' | 'B', field: IdentityField): FieldTracker {
    const k = (cls === 'A' ? 0 : 4) + FIELD_INDEX[field];
    return (this.trackers[k] ??= new FieldTracker());
  }

  peek(cls: 'A' | 'B', field: IdentityField): FieldTracker | undefined {
    return this.trackers[(cls === 'A' ? 0 : 4) + FIELD_INDEX[field]];
  }
}

export class IdentityTracker {
  private readonly vessels: (VesselIdentity | undefined)[] = [];
  private readonly confirmMessages: number;
  private readonly confirmMs: number;
  private readonly maxEntries: number;
  onChange?: (c: IdentityChange) => void;
  onAlternation?: (a: IdentityAlternation) => void;
  counts = { messages: 0, changes: 0, transients: 0, variants: 0 };
  private readonly variantEdits: number;
  private readonly holdMs: number;

  constructor(p: Params) {
    this.confirmMessages = p['identity.confirmMessages'];
    this.confirmMs = p['identity.confirmMinutes'] * MS_PER_MINUTE;
    this.maxEntries = p['identity.maxValuesPerMmsi'];
    this.variantEdits = p['identity.variantMaxEdits'];
    this.holdMs = p['identity.thirdValueMinutes'] * MS_PER_MINUTE;
  }

  /** Static records of one bucket, in time order. */
  process(statics: readonly StaticRecord[]): void {
    for (const s of statics) {
      this.counts.messages++;
      const vi = (this.vessels[s.vessel] ??= new VesselIdentity(s.mmsi));
      if (s.name !== undefined) {
        if (s.name !== vi.rawName) {
          vi.rawName = s.name;
          vi.nameValue = cleanValue(s.name);
          vi.nameKey = vi.nameValue.replace(NOT_KEY, '');
        }
        if (vi.nameKey) {
          this.observe(vi, s, 'name', vi.nameValue, vi.nameKey);
          this.checkAlternation(vi, s, vi.nameKey);
        }
      }
      if (s.callSign !== undefined) {
        if (s.callSign !== vi.rawCall) {
          vi.rawCall = s.callSign;
          vi.callValue = cleanValue(s.callSign);
          vi.callKey = vi.callValue.replace(NOT_KEY, '');
        }
        if (vi.callKey) this.observe(vi, s, 'callSign', vi.callValue, vi.callKey);
      }
      if (s.imo !== undefined && s.imo >= IMO_MIN && s.imo <= IMO_MAX) {
        if (s.imo !== vi.rawImo) {
          vi.rawImo = s.imo;
          vi.imoKey = String(s.imo);
        }
        this.observe(vi, s, 'imo', vi.imoKey, vi.imoKey);
      }
      if (s.shipType !== undefined) {
        const k = SHIP_TYPE_STRINGS[s.shipType] ?? String(s.shipType);
        this.observe(vi, s, 'shipType', k, k);
      }
    }
  }

  private observe(vi: VesselIdentity, s: StaticRecord, field: IdentityField, value: string, key: string): void {
    const f = vi.tracker(s.cls, field);
    const t = s.t;
    if (key === f.key && !f.candKey) {
      // The common case: the confirmed value again.
      f.lastSeen = t;
      const e = f.current;
      if (e && e.key === key) {
        e.lastSeen = t;
        e.messages++;
      } else this.touchEntry(f, key, t);
      return;
    }
    if (!f.key) {
      // The first value is confirmed like any other (a garbled first message must not become the reference).
      if (key === f.candKey) {
        f.candCount++;
        f.candLast = t;
        if (f.candCount >= this.confirmMessages && f.candLast - f.candFirst >= this.confirmMs) {
          f.key = key;
          f.value = f.candValue;
          f.since = f.candFirst;
          f.lastSeen = t;
          this.addEntry(f, field, s.cls, f.candValue, key, f.candFirst, t, f.candCount);
          f.candKey = '';
        }
      } else {
        f.candKey = key;
        f.candValue = value;
        f.candFirst = t;
        f.candLast = t;
        f.candCount = 1;
      }
      return;
    }
    if (key === f.key || (field === 'name' && this.variantEdits >= 0 && key !== f.candKey && isVariant(f.key, key, this.variantEdits))) {
      if (key !== f.key) {
        f.variants++;
        this.counts.variants++;
        return;
      }
      f.lastSeen = t;
      this.touchEntry(f, key, t);
      if (f.candKey) {
        f.transients++;
        this.counts.transients++;
        f.candKey = '';
      }
      return;
    }
    if (key === f.candKey) {
      f.candCount++;
      f.candLast = t;
      if (f.candCount >= this.confirmMessages && f.candLast - f.candFirst >= this.confirmMs) this.confirm(vi, s.vessel, s.cls, field, f);
      return;
    }
    // A third value: the pending one counts if it held long enough.
    if (f.candKey && t - f.candFirst >= this.holdMs && !looksGarbled(f.candValue)) this.confirm(vi, s.vessel, s.cls, field, f);
    f.candKey = key;
    f.candValue = value;
    f.candFirst = t;
    f.candLast = t;
    f.candCount = 1;
  }

  private confirm(vi: VesselIdentity, vessel: number, cls: 'A' | 'B', field: IdentityField, f: FieldTracker): void {
    const change: IdentityChange = {
      vessel, mmsi: vi.mmsi, cls, field, from: f.value, to: f.candValue, lastSeenFrom: f.lastSeen, t: f.candFirst, messagesTo: f.candCount,
    };
    f.key = f.candKey;
    f.value = f.candValue;
    f.since = f.candFirst;
    f.lastSeen = f.candLast;
    this.addEntry(f, field, cls, f.candValue, f.candKey, f.candFirst, f.candLast, f.candCount);
    f.candKey = '';
    this.counts.changes++;
    this.onChange?.(change);
  }

  private addEntry(f: FieldTracker, field: IdentityField, cls: 'A' | 'B', value: string, key: string, t: number, last = t, n = 1): void {
    const existing = f.entries.find((e) => e.key === key);
    if (existing) {
      existing.lastSeen = Math.max(existing.lastSeen, last);
      existing.messages += n;
      f.current = existing;
      return;
    }
    if (f.entries.length >= this.maxEntries) {
      f.current = undefined;
      return;
    }
    const e = { field, cls, value, key, firstSeen: t, lastSeen: last, messages: n };
    f.entries.push(e);
    f.current = e;
  }

  private touchEntry(f: FieldTracker, key: string, t: number): void {
    for (let i = f.entries.length - 1; i >= 0; i--) {
      const e = f.entries[i];
      if (e.key === key) {
        e.lastSeen = t;
        e.messages++;
        return;
      }
    }
  }

  /** Class A and class B broadcasting different confirmed names by turns. */
  private checkAlternation(vi: VesselIdentity, s: StaticRecord, key: string): void {
    const prev = vi.lastNameKey;
    const prevCls = vi.lastNameCls;
    vi.lastNameKey = key;
    vi.lastNameCls = s.cls;
    if (!prev || prev === key || prevCls === s.cls) return;
    const mine = vi.peek(s.cls, 'name');
    const theirs = vi.peek(prevCls, 'name');
    if (mine?.key === key && theirs?.key === prev) {
      this.onAlternation?.({ vessel: s.vessel, t: s.t, values: [theirs.value, mine.value] });
    }
  }

  /** The confirmed value of a field (class A first), if any. */
  current(vessel: number, field: IdentityField): string | undefined {
    const vi = this.vessels[vessel];
    if (!vi) return undefined;
    return vi.peek('A', field)?.value || vi.peek('B', field)?.value || undefined;
  }

  imoOf(vessel: number): number | undefined {
    const v = this.current(vessel, 'imo');
    return v ? Number(v) : undefined;
  }

  /** The vessel's timeline: every confirmed value per class and field, plus the flag from the MMSI. */
  timeline(vessel: number): { mmsi: number; flag?: string; entries: TimelineEntry[]; transients: number } | undefined {
    const vi = this.vessels[vessel];
    if (!vi) return undefined;
    const entries: TimelineEntry[] = [];
    let transients = 0;
    for (const f of vi.trackers) {
      if (!f) continue;
      entries.push(...f.entries);
      transients += f.transients;
    }
    entries.sort((a, b) => a.firstSeen - b.firstSeen || a.field.localeCompare(b.field));
    return { mmsi: vi.mmsi, flag: flagOfMmsi(vi.mmsi), entries, transients };
  }

  /** Vessel indices with any identity record. */
  *vesselIndices(): Iterable<number> {
    for (let v = 0; v < this.vessels.length; v++) if (this.vessels[v]) yield v;
  }
}
