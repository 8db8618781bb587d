/**
 * List versions and their records. Every ingest is one version; the records of a version are kept whole,
 * so deltas and designation dates come from comparing versions. Large tables carry an obvious distribution
 * key for distributed PostgreSQL: records by (version_id, id).
 */
export const sql = `
CREATE TABLE list_versions (
  id            serial PRIMARY KEY,
  source        text NOT NULL,
  dataset       text NOT NULL,
  version       text NOT NULL,
  published     date NOT NULL,
  stated_date   date,
  origin        text NOT NULL,
  files         jsonb NOT NULL,
  content_hash  text NOT NULL,
  counts        jsonb NOT NULL,
  warnings      jsonb NOT NULL DEFAULT '[]',
  status        text NOT NULL CHECK (status IN ('staging', 'ready')),
  imported_at   timestamptz NOT NULL DEFAULT now(),
  UNIQUE (source, version)
);

CREATE TABLE records (
  version_id  integer NOT NULL REFERENCES list_versions(id) ON DELETE CASCADE,
  id          text NOT NULL,
  schema      text NOT NULL,
  caption     text NOT NULL,
  properties  jsonb NOT NULL,
  sanctions   jsonb NOT NULL,
  links       jsonb NOT NULL,
  line        integer,
  hash        text NOT NULL,
  PRIMARY KEY (version_id, id)
);
CREATE INDEX records_id ON records (id);

-- Every attempt to import a publication, refused ones included, with the reason.
CREATE TABLE import_log (
  id          serial PRIMARY KEY,
  source      text NOT NULL,
  version     text NOT NULL,
  origin      text NOT NULL,
  outcome     text NOT NULL CHECK (outcome IN ('imported', 'unchanged', 'refused', 'failed')),
  message     text,
  at          timestamptz NOT NULL DEFAULT now()
);

-- Merged entities built from the newest ready version of every source (rebuilt after each import). Properties and
-- sanctions are not copied here: they are read from the records the entity names, the one place they are kept.
CREATE TABLE entities (
  id          text PRIMARY KEY,
  schema      text NOT NULL,
  caption     text NOT NULL,
  referents   text[] NOT NULL,
  datasets    text[] NOT NULL,
  topics      text[] NOT NULL,
  records     jsonb NOT NULL,
  links       jsonb NOT NULL,
  dprk        jsonb NOT NULL,
  merge       jsonb NOT NULL,
  listed      jsonb NOT NULL,
  first_seen  date,
  last_seen   date
);
CREATE TABLE entity_referents (
  referent   text PRIMARY KEY,
  entity_id  text NOT NULL
);

-- Change logs derived outside the product (e.g. a daily scrape history of sdn.csv), kept apart from versions.
CREATE TABLE list_changes (
  source          text NOT NULL,
  origin          text NOT NULL,
  date            date NOT NULL,
  previous_date   date,
  change          text NOT NULL,
  id              text NOT NULL,
  changed_fields  text[] NOT NULL DEFAULT '{}',
  row             jsonb NOT NULL
);
CREATE INDEX list_changes_id ON list_changes (id);
CREATE INDEX list_changes_date ON list_changes (date);
`;
