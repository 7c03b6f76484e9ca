-- Ladder schema 6 (PostgreSQL): notifications (docs/notifications.md). A notification is what a
-- person's inbox shows; it is written in the transaction of the change that causes it, together
-- with its outbox row, which the delivery worker turns into deliveries (e-mail, digest, webhook)
-- following the recipient's preferences. A delivery keeps its own log: attempts, when the next
-- is due, the last error, and the lease of the worker that is sending it.

CREATE TABLE notifications (
  id         TEXT PRIMARY KEY,
  recipient  TEXT NOT NULL REFERENCES people (id),
  kind       TEXT NOT NULL,
  subject    TEXT NOT NULL,
  link       TEXT NOT NULL,
  created_at TEXT NOT NULL,
  read_at    TEXT NOT NULL,
  dedupe_key TEXT NOT NULL UNIQUE
);
CREATE INDEX notifications_recipient ON notifications (recipient, created_at);

CREATE TABLE outbox (
  notification TEXT PRIMARY KEY REFERENCES notifications (id),
  created_at   TEXT NOT NULL,
  fanned_at    TEXT NOT NULL
);
CREATE INDEX outbox_pending ON outbox (fanned_at, created_at);

CREATE TABLE deliveries (
  id           TEXT PRIMARY KEY,
  notification TEXT NOT NULL REFERENCES notifications (id),
  recipient    TEXT NOT NULL,
  channel      TEXT NOT NULL,
  target       TEXT NOT NULL,
  status       TEXT NOT NULL,
  attempts     BIGINT NOT NULL,
  due_at       TEXT NOT NULL,
  last_error   TEXT NOT NULL,
  delivered_at TEXT NOT NULL,
  lease_owner  TEXT NOT NULL,
  lease_until  TEXT NOT NULL
);
CREATE INDEX deliveries_due ON deliveries (status, due_at);

CREATE TABLE notification_prefs (
  person TEXT PRIMARY KEY REFERENCES people (id),
  doc    TEXT NOT NULL
);
