/**
 * Distributed batch work (src/analyses/jobs): the queue itself is pg-boss (its own schema, `pgboss`); these tables
 * hold what pg-boss does not: the batch and its spec, each partition's input (screening rows travel with the batch,
 * so workers need no shared file system for them) and each partition's result. Results are keyed by
 * (batch_id, partition): a retried partition overwrites its earlier result instead of adding a second one.
 * Distributed PostgreSQL (Citus): all three tables distributed by batch_id, co-located.
 */
export const sql = `
CREATE TABLE job_batches (
  id            text PRIMARY KEY,
  kind          text NOT NULL CHECK (kind IN ('screen', 'ais')),
  partitions    integer NOT NULL,
  spec          jsonb NOT NULL,
  versions      jsonb NOT NULL DEFAULT '[]',
  status        text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'done', 'failed')),
  error         text,
  submitted_at  timestamptz NOT NULL DEFAULT now(),
  finished_at   timestamptz
);
CREATE TABLE job_partitions (
  batch_id   text NOT NULL REFERENCES job_batches (id) ON DELETE CASCADE,
  partition  integer NOT NULL,
  job_id     text NOT NULL,
  input      jsonb,
  PRIMARY KEY (batch_id, partition)
);
CREATE TABLE job_results (
  batch_id     text NOT NULL REFERENCES job_batches (id) ON DELETE CASCADE,
  partition    integer NOT NULL,
  worker       text NOT NULL,
  attempts     integer NOT NULL DEFAULT 1,
  versions     jsonb NOT NULL DEFAULT '[]',
  items        integer NOT NULL,
  output       text NOT NULL,
  error        text,
  stats        jsonb NOT NULL DEFAULT '{}',
  finished_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (batch_id, partition)
);
`;
