-- Ladder schema 1 (SQLite): frameworks and their versions with the rows search and foreign keys
-- need, people and the records of the review process, accounts, the audit log.
-- Records keep their full value in `doc` (JSON) and the columns queries and keys need beside it.

CREATE TABLE framework_versions (
  framework    TEXT NOT NULL,
  version      TEXT NOT NULL,
  name         TEXT NOT NULL,
  family       TEXT NOT NULL,
  status       TEXT NOT NULL CHECK (status IN ('draft', 'published')),
  effective    TEXT NOT NULL,
  saved_at     TEXT NOT NULL,
  published_at TEXT NOT NULL,
  save_seq     INTEGER NOT NULL,
  publish_seq  INTEGER NOT NULL,
  document     TEXT NOT NULL,
  PRIMARY KEY (framework, version)
) STRICT;

CREATE TABLE levels (
  framework TEXT NOT NULL,
  version   TEXT NOT NULL,
  track     TEXT NOT NULL,
  code      TEXT NOT NULL,
  rank      INTEGER NOT NULL,
  title     TEXT NOT NULL,
  PRIMARY KEY (framework, version, track, code),
  FOREIGN KEY (framework, version) REFERENCES framework_versions (framework, version)
) STRICT;

CREATE TABLE roles (
  framework TEXT NOT NULL,
  version   TEXT NOT NULL,
  ord       INTEGER NOT NULL,
  family    TEXT NOT NULL,
  seniority TEXT NOT NULL,
  title     TEXT NOT NULL,
  doc       TEXT NOT NULL,
  PRIMARY KEY (framework, version, ord),
  FOREIGN KEY (framework, version) REFERENCES framework_versions (framework, version)
) STRICT;
CREATE INDEX roles_family ON roles (lower(family), lower(seniority));

-- Every searchable passage of a version: behaviours, summaries, notes, roles.
CREATE TABLE passages (
  id          INTEGER PRIMARY KEY,
  framework   TEXT NOT NULL,
  version     TEXT NOT NULL,
  kind        TEXT NOT NULL,
  track       TEXT NOT NULL,
  level       TEXT NOT NULL,
  level_title TEXT NOT NULL,
  competency  TEXT NOT NULL,
  title       TEXT NOT NULL,
  body        TEXT NOT NULL,
  FOREIGN KEY (framework, version) REFERENCES framework_versions (framework, version)
) STRICT;
CREATE INDEX passages_version ON passages (framework, version);

CREATE VIRTUAL TABLE passages_fts USING fts5 (
  title, body, content = 'passages', content_rowid = 'id', tokenize = 'porter unicode61');
CREATE TRIGGER passages_ai AFTER INSERT ON passages BEGIN
  INSERT INTO passages_fts (rowid, title, body) VALUES (new.id, new.title, new.body);
END;
CREATE TRIGGER passages_ad AFTER DELETE ON passages BEGIN
  INSERT INTO passages_fts (passages_fts, rowid, title, body)
    VALUES ('delete', old.id, old.title, old.body);
END;

CREATE TABLE people (
  id      TEXT PRIMARY KEY,
  name    TEXT NOT NULL,
  email   TEXT NOT NULL,
  manager TEXT REFERENCES people (id),
  hired   TEXT NOT NULL
) STRICT;
CREATE INDEX people_manager ON people (manager);

CREATE TABLE assignments (
  id        TEXT PRIMARY KEY,
  person    TEXT NOT NULL REFERENCES people (id),
  framework TEXT NOT NULL,
  version   TEXT NOT NULL,
  track     TEXT NOT NULL,
  level     TEXT NOT NULL,
  from_date TEXT NOT NULL,
  to_date   TEXT NOT NULL,
  doc       TEXT NOT NULL,
  FOREIGN KEY (framework, version, track, level) REFERENCES levels (framework, version, track, code)
) STRICT;
CREATE INDEX assignments_person ON assignments (person, from_date);
CREATE INDEX assignments_level ON assignments (framework, version, track, level);

CREATE TABLE evidence (
  id     TEXT PRIMARY KEY,
  person TEXT NOT NULL REFERENCES people (id),
  day    TEXT NOT NULL,
  doc    TEXT NOT NULL
) STRICT;
CREATE INDEX evidence_person ON evidence (person, day);

CREATE TABLE metrics (
  id     TEXT PRIMARY KEY,
  person TEXT NOT NULL REFERENCES people (id),
  day    TEXT NOT NULL,
  doc    TEXT NOT NULL
) STRICT;
CREATE INDEX metrics_person ON metrics (person, day);

CREATE TABLE assessments (
  id        TEXT PRIMARY KEY,
  person    TEXT NOT NULL REFERENCES people (id),
  assessor  TEXT REFERENCES people (id),
  framework TEXT,
  version   TEXT,
  day       TEXT NOT NULL,
  doc       TEXT NOT NULL,
  FOREIGN KEY (framework, version) REFERENCES framework_versions (framework, version)
) STRICT;
CREATE INDEX assessments_person ON assessments (person, day);
CREATE INDEX assessments_version ON assessments (framework, version);

CREATE TABLE signoffs (
  id     TEXT PRIMARY KEY,
  person TEXT NOT NULL REFERENCES people (id),
  day    TEXT NOT NULL,
  doc    TEXT NOT NULL
) STRICT;
CREATE INDEX signoffs_person ON signoffs (person, day);

CREATE TABLE cases (
  id        TEXT PRIMARY KEY,
  person    TEXT NOT NULL REFERENCES people (id),
  framework TEXT,
  version   TEXT,
  day       TEXT NOT NULL,
  status    TEXT NOT NULL,
  doc       TEXT NOT NULL,
  FOREIGN KEY (framework, version) REFERENCES framework_versions (framework, version)
) STRICT;
CREATE INDEX cases_person ON cases (person, day);
CREATE INDEX cases_version ON cases (framework, version);

CREATE TABLE waivers (
  id     TEXT PRIMARY KEY,
  person TEXT NOT NULL REFERENCES people (id),
  day    TEXT NOT NULL,
  doc    TEXT NOT NULL
) STRICT;
CREATE INDEX waivers_person ON waivers (person, day);

CREATE TABLE needs (
  id        TEXT PRIMARY KEY,
  framework TEXT NOT NULL,
  day       TEXT NOT NULL,
  doc       TEXT NOT NULL
) STRICT;
CREATE INDEX needs_framework ON needs (framework, day);

CREATE TABLE raises (
  id     TEXT PRIMARY KEY,
  person TEXT NOT NULL REFERENCES people (id),
  day    TEXT NOT NULL,
  doc    TEXT NOT NULL
) STRICT;
CREATE INDEX raises_person ON raises (person, day);

CREATE TABLE users (
  id            TEXT PRIMARY KEY,
  person        TEXT REFERENCES people (id),
  password_hash TEXT NOT NULL,
  doc           TEXT NOT NULL
) STRICT;

CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  user_id    TEXT NOT NULL REFERENCES users (id),
  csrf_token TEXT NOT NULL,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL
) STRICT;
CREATE INDEX sessions_expiry ON sessions (expires_at);

CREATE TABLE api_tokens (
  id           TEXT PRIMARY KEY,
  user_id      TEXT NOT NULL REFERENCES users (id),
  name         TEXT NOT NULL,
  token_hash   TEXT NOT NULL UNIQUE,
  created_at   TEXT NOT NULL,
  expires_at   TEXT NOT NULL,
  last_used_at TEXT NOT NULL,
  revoked      INTEGER NOT NULL
) STRICT;
CREATE INDEX api_tokens_user ON api_tokens (user_id);

CREATE TABLE audit_log (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  at          TEXT NOT NULL,
  actor       TEXT NOT NULL,
  action      TEXT NOT NULL,
  subject     TEXT NOT NULL,
  before_json TEXT NOT NULL,
  after_json  TEXT NOT NULL
) STRICT;
CREATE INDEX audit_subject ON audit_log (subject);
