-- Ladder schema 10 (PostgreSQL): change requests (docs/change-requests.md). A draft version of a
-- framework proposed for publishing, with why, who proposed it and its reviews, kept as one
-- document; the columns are what lists filter on (by framework and version, by status).

CREATE TABLE change_requests (
  id        TEXT PRIMARY KEY,
  framework TEXT NOT NULL,
  version   TEXT NOT NULL,
  status    TEXT NOT NULL,
  opened    TEXT NOT NULL,
  doc       TEXT NOT NULL,
  FOREIGN KEY (framework, version) REFERENCES framework_versions (framework, version)
);
CREATE INDEX change_requests_version ON change_requests (framework, version);
CREATE INDEX change_requests_status ON change_requests (status, opened);
