/** A maritime event (the pinned JSON Lines shape; the API may add an id and an upload). */
export interface MaritimeEvent {
  id?: string | number;
  type: string;
  mmsi: number[];
  imo?: (number | string)[];
  start: string;
  end: string;
  lat: number;
  lon: number;
  region?: string;
  confidence: number;
  evidence?: Record<string, unknown>;
  params?: Record<string, unknown>;
  upload?: string | number;
}

export const EVENT_TYPES = ['encounter', 'gap', 'loitering', 'port_call', 'identity_change', 'shared_mmsi', 'invalid_mmsi'] as const;

export const EVENT_COLORS: Record<string, string> = {
  encounter: '#d62728', gap: '#7f7f7f', loitering: '#ff7f0e', port_call: '#1f77b4', identity_change: '#9467bd', shared_mmsi: '#8c564b', invalid_mmsi: '#e377c2',
};
