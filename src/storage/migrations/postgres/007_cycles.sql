-- Ladder schema 7 (PostgreSQL): review cycles (docs/cycles.md). A cycle is one document (its scope,
-- phases with deadlines, notes and history); its candidates are the snapshot taken when it
-- opened, one row per person in scope, with their nomination and, once the cycle closed, the
-- outcome of their case. Cases name the cycle they belong to.

CREATE TABLE cycles (
  id     TEXT PRIMARY KEY,
  status TEXT NOT NULL,
  day    TEXT NOT NULL,
  doc    TEXT NOT NULL
);

CREATE TABLE cycle_candidates (
  cycle     TEXT NOT NULL REFERENCES cycles (id),
  person    TEXT NOT NULL REFERENCES people (id),
  readiness TEXT NOT NULL,
  doc       TEXT NOT NULL,
  PRIMARY KEY (cycle, person)
);
CREATE INDEX cycle_candidates_person ON cycle_candidates (person);

ALTER TABLE cases ADD COLUMN cycle TEXT;
CREATE INDEX cases_cycle ON cases (cycle);
