/**
 * Evidence for the mandates analysis: one row per item (what, who, when, where, source, confidence, link to the
 * underlying record). Feeds (maritime events, network ownership, list data) write rows with a `dedup_key` so a
 * re-run adds nothing twice; analysts' rows carry the citation they gave. Rows are never updated in place:
 * withdrawing an item stamps `withdrawn_at` with a reason, and the evaluation skips it.
 *
 * Distributed PostgreSQL (Citus): distribute by `subject` (the evaluation reads per subject). SQL kept to
 * PostgreSQL 15 (PGlite is 18).
 */
export const sql = `
CREATE TABLE evidence (
  id                bigserial PRIMARY KEY,
  kind              text NOT NULL,
  subject           text NOT NULL,
  counterparty      text,
  start_at          timestamptz NOT NULL,
  end_at            timestamptz NOT NULL,
  place             text,
  lat               double precision,
  lon               double precision,
  origin            text NOT NULL CHECK (origin IN ('maritime', 'network', 'list', 'analyst')),
  citation          text NOT NULL CHECK (length(btrim(citation)) > 0),
  confidence        double precision NOT NULL CHECK (confidence >= 0 AND confidence <= 1),
  attempt           boolean NOT NULL DEFAULT false,
  link              jsonb NOT NULL DEFAULT '{}',
  detail            jsonb NOT NULL DEFAULT '{}',
  note              text,
  author            text,
  dedup_key         text UNIQUE,
  created_at        timestamptz NOT NULL DEFAULT now(),
  withdrawn_at      timestamptz,
  withdrawn_reason  text,
  CHECK (end_at >= start_at)
);
CREATE INDEX evidence_subject ON evidence (subject);
CREATE INDEX evidence_counterparty ON evidence (counterparty);
CREATE INDEX evidence_kind ON evidence (kind, start_at);
`;
