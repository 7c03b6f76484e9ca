-- Ladder schema 8 (PostgreSQL): growth plans (docs/growth-plans.md). The actions a person and their
-- manager agree (kept by due date) and their check-ins (kept by date), each one document like
-- evidence.

CREATE TABLE plan_actions (
  id     TEXT PRIMARY KEY,
  person TEXT NOT NULL REFERENCES people (id),
  day    TEXT NOT NULL,
  doc    TEXT NOT NULL
);
CREATE INDEX plan_actions_person ON plan_actions (person, day);

CREATE TABLE checkins (
  id     TEXT PRIMARY KEY,
  person TEXT NOT NULL REFERENCES people (id),
  day    TEXT NOT NULL,
  doc    TEXT NOT NULL
);
CREATE INDEX checkins_person ON checkins (person, day);
