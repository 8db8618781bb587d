/**
 * Access control and the screening audit trail. Tokens are kept only as SHA-256 hashes (the token itself is shown
 * once, when made). The audit log answers "what did we screen, against which list versions, on that day": one row
 * per screening request, the query kept as a hash (the log proves what was asked without holding customer data),
 * the results as entity ids and scores. Distributed PostgreSQL: audit_log by id (append-only), tokens a reference table.
 */
export const sql = `
CREATE TABLE api_tokens (
  id           serial PRIMARY KEY,
  name         text NOT NULL UNIQUE,
  scope        text NOT NULL CHECK (scope IN ('read', 'write', 'admin')),
  hash         text NOT NULL UNIQUE,
  created_at   timestamptz NOT NULL DEFAULT now(),
  last_used_at timestamptz,
  revoked_at   timestamptz
);
CREATE TABLE audit_log (
  id          bigserial PRIMARY KEY,
  at          timestamptz NOT NULL,
  who         text NOT NULL,
  endpoint    text NOT NULL,
  dataset     text,
  query_hash  text NOT NULL,
  queries     integer NOT NULL,
  versions    jsonb NOT NULL,
  results     jsonb NOT NULL,
  status      integer NOT NULL
);
CREATE INDEX audit_log_at ON audit_log (at);
CREATE INDEX audit_log_query_hash ON audit_log (query_hash);
`;
