/**
 * Imported datasets (FtM files from registries, investigations, leaks) kept apart from the official lists, and the
 * network results derived from them: which imported entities were matched to listed ones and why, and which are
 * blocked by ownership (OFAC 50 % rule) with the paths that explain it.
 *
 * An imported dataset is replaced whole, in one transaction (store/datasets.ts). Entity ids are kept as given;
 * an id is unique across imported datasets (imported_entities_id) so `GET /entities/{id}` names one entity.
 * Distribution key for distributed PostgreSQL: dataset (imported_entities), id (network_blocked).
 */
export const sql = `
CREATE TABLE imported_datasets (
  name         text PRIMARY KEY,
  origin       text NOT NULL,
  sha256       text NOT NULL,
  imported_at  timestamptz NOT NULL DEFAULT now(),
  counts       jsonb NOT NULL,
  rejected     jsonb NOT NULL DEFAULT '[]'
);

CREATE TABLE imported_entities (
  dataset     text NOT NULL REFERENCES imported_datasets(name) ON DELETE CASCADE,
  id          text NOT NULL,
  schema      text NOT NULL,
  caption     text NOT NULL,
  properties  jsonb NOT NULL,
  line        integer,
  PRIMARY KEY (dataset, id)
);
CREATE UNIQUE INDEX imported_entities_id ON imported_entities (id);

-- Imported entity -> listed entity it was matched to, with the rule and the evidence. Replaced whole on refresh.
CREATE TABLE network_matches (
  dataset     text NOT NULL,
  id          text NOT NULL,
  entity_id   text NOT NULL,
  rule        text NOT NULL,
  score       double precision NOT NULL,
  used        boolean NOT NULL,
  detail      jsonb NOT NULL,
  PRIMARY KEY (dataset, id, entity_id)
);

-- Entities blocked by ownership under the OFAC 50 % rule, with the explanation. Replaced whole on refresh.
CREATE TABLE network_blocked (
  id             text PRIMARY KEY,
  dataset        text NOT NULL,
  aggregate      double precision NOT NULL,
  round          integer NOT NULL,
  contributions  jsonb NOT NULL,
  paths          jsonb NOT NULL
);

-- One row: when the network results were computed and from which list versions and datasets.
CREATE TABLE network_state (
  singleton    boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  computed_at  timestamptz NOT NULL DEFAULT now(),
  versions     jsonb NOT NULL,
  datasets     jsonb NOT NULL,
  threshold    double precision NOT NULL,
  citation     text NOT NULL
);
`;
