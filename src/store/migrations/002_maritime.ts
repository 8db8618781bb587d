/**
 * Maritime results: AIS runs (one processed upload or `ais detect --store`), their events (the pinned JSON Lines
 * record, columns for the filters) and per-vessel summaries (identity timeline, linkage to designated vessels, risk
 * reasons with evidence). A run's events and summaries are written in one transaction with its `done` status, so a
 * failed run leaves no rows and never touches earlier runs.
 *
 * Distributed PostgreSQL (Citus): `ais_runs` is small (a reference table); `maritime_events` and `vessel_summaries`
 * are distributed by `mmsi` (an event's first MMSI; `mmsis` holds all, GIN-indexed), and their keys include it.
 * SQL kept to PostgreSQL 15 (PGlite is 18).
 */
export const sql = `
CREATE TABLE ais_runs (
  id           bigserial PRIMARY KEY,
  file_name    text NOT NULL,
  format       text NOT NULL CHECK (format IN ('nmea', 'csv', 'mixed')),
  sha256       text NOT NULL,
  bytes        bigint NOT NULL,
  files        jsonb NOT NULL DEFAULT '[]',
  origin       text NOT NULL DEFAULT 'cli',
  status       text NOT NULL CHECK (status IN ('queued', 'running', 'done', 'failed')),
  counts       jsonb NOT NULL DEFAULT '{}',
  skipped      jsonb NOT NULL DEFAULT '{}',
  params       jsonb NOT NULL DEFAULT '{}',
  summary      jsonb,
  error        text,
  created_at   timestamptz NOT NULL DEFAULT now(),
  started_at   timestamptz,
  finished_at  timestamptz
);
CREATE INDEX ais_runs_status ON ais_runs (status, id);

CREATE TABLE maritime_events (
  id          bigserial NOT NULL,
  run_id      bigint NOT NULL REFERENCES ais_runs(id) ON DELETE CASCADE,
  mmsi        bigint NOT NULL,
  type        text NOT NULL,
  mmsis       bigint[] NOT NULL,
  imos        bigint[] NOT NULL,
  start_at    timestamptz NOT NULL,
  end_at      timestamptz NOT NULL,
  lat         double precision NOT NULL,
  lon         double precision NOT NULL,
  region      text NOT NULL,
  confidence  double precision NOT NULL,
  evidence    jsonb NOT NULL,
  params      jsonb NOT NULL,
  PRIMARY KEY (mmsi, id)
);
CREATE INDEX maritime_events_run ON maritime_events (run_id, id);
CREATE INDEX maritime_events_time ON maritime_events (start_at, end_at);
CREATE INDEX maritime_events_type ON maritime_events (type, start_at);
CREATE INDEX maritime_events_place ON maritime_events (lon, lat);
CREATE INDEX maritime_events_mmsis ON maritime_events USING gin (mmsis);

CREATE TABLE vessel_summaries (
  run_id      bigint NOT NULL REFERENCES ais_runs(id) ON DELETE CASCADE,
  mmsi        bigint NOT NULL,
  flag        text,
  names       text[] NOT NULL DEFAULT '{}',
  imos        bigint[] NOT NULL DEFAULT '{}',
  identity    jsonb NOT NULL,
  links       jsonb NOT NULL,
  risk_score  double precision NOT NULL,
  reasons     jsonb NOT NULL,
  lookback    jsonb NOT NULL,
  events      jsonb NOT NULL,
  PRIMARY KEY (mmsi, run_id)
);
CREATE INDEX vessel_summaries_run ON vessel_summaries (run_id, risk_score DESC);
CREATE INDEX vessel_summaries_score ON vessel_summaries (risk_score DESC, mmsi);
`;
