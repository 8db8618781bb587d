/**
 * The maritime event record: the PINNED "Maritime events: JSON Lines" schema of docs/ARCHITECTURE.md. Defined in
 * the model because the detectors write it, the store keeps it and the surfaces serve it.
 */
export const EVENT_TYPES = ['encounter', 'gap', 'loitering', 'port_call', 'identity_change', 'shared_mmsi', 'invalid_mmsi'] as const;
export type MaritimeEventType = (typeof EVENT_TYPES)[number];
/** Types whose start and end are the same instant. */
export const POINT_EVENT_TYPES: ReadonlySet<MaritimeEventType> = new Set(['identity_change', 'invalid_mmsi']);

export interface MaritimeEvent {
  type: MaritimeEventType;
  /** One MMSI, or two (encounters; identity changes that moved to another MMSI). */
  mmsi: number[];
  /** IMO numbers broadcast by those MMSIs (may be empty). */
  imo: number[];
  /** ISO 8601 UTC. */
  start: string;
  end: string;
  lat: number;
  lon: number;
  region: string;
  /** 0..1. */
  confidence: number;
  /** What supports the event: positions, statistics, the values compared. */
  evidence: Record<string, unknown>;
  /** The parameter values the detector used (after region overrides). */
  params: Record<string, number>;
}
