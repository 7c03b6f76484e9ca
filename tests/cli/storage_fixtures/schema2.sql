PRAGMA foreign_keys=OFF;
BEGIN TRANSACTION;
CREATE TABLE schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL);
INSERT INTO schema_version VALUES(1,'initial','2026-12-06T20:35:43.075Z');
INSERT INTO schema_version VALUES(2,'search','2026-12-06T20:35:43.076Z');
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
INSERT INTO framework_versions VALUES('harbour','3','Harbour Operations','','published','','2026-12-06T20:35:43.095Z','2026-12-06T20:35:43.096Z',1,1,'{"ladder":1,"framework":{"id":"harbour","name":"Harbour Operations","family":"","version":"3","status":"published","effective":"","cumulative":false,"consensus":"unanimous","description":"","source":{"file":"","format":""}},"groups":[],"competencies":[{"id":"seamanship","name":"Seamanship","description":""},{"id":"logistics","name":"Logistics","description":""}],"tracks":[{"id":"crew","name":"Crew","kind":"ic","description":"","levels":[{"code":"C1","rank":1,"title":"Deckhand","summary":"","state":"defined","note":"","inherits":"","attributes":[],"expectations":[{"competency":"seamanship","summary":"","behaviours":["Ties the six standard knots without looking them up."],"undefined":false,"note":""},{"competency":"logistics","summary":"","behaviours":["Loads a pallet to the marked weight."],"undefined":false,"note":""}],"requirements":[]},{"code":"C2","rank":2,"title":"Bosun","summary":"","state":"defined","note":"","inherits":"","attributes":[],"expectations":[{"competency":"seamanship","summary":"","behaviours":["Plans the mooring of a vessel in a crosswind."],"undefined":false,"note":""},{"competency":"logistics","summary":"","behaviours":["Schedules the cranes of one berth for a week."],"undefined":false,"note":""}],"requirements":[{"text":"At least 12 months as a Deckhand","rule":{"kind":"time_at_level","level":"C1","months":12}},{"text":"Led two night shifts on the quay","rule":{"kind":"manual"}}]}]}],"overlays":[{"id":"pilot","name":"Harbour Pilot","description":"","duties":["Guides vessels through the channel."],"levels":["crew/C2"],"needs_documented_need":true,"requirements":[{"text":"Holds the channel licence","rule":{"kind":"manual"}}]}],"transitions":[],"policy":[],"notes":[],"roles":[]}');
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
INSERT INTO levels VALUES('harbour','3','crew','C1',1,'Deckhand');
INSERT INTO levels VALUES('harbour','3','crew','C2',2,'Bosun');
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
  body        TEXT NOT NULL, ord INTEGER NOT NULL DEFAULT 0, terms TEXT NOT NULL DEFAULT '',
  FOREIGN KEY (framework, version) REFERENCES framework_versions (framework, version)
) STRICT;
INSERT INTO passages VALUES(1,'harbour','3','behaviour','crew','C1','Deckhand','seamanship','','Ties the six standard knots without looking them up.',0,'ti the six standard knot without look them up');
INSERT INTO passages VALUES(2,'harbour','3','behaviour','crew','C1','Deckhand','logistics','','Loads a pallet to the marked weight.',1,'load a pallet to the mark weight');
INSERT INTO passages VALUES(3,'harbour','3','behaviour','crew','C2','Bosun','seamanship','','Plans the mooring of a vessel in a crosswind.',2,'plan the moor of a vessel in a crosswind');
INSERT INTO passages VALUES(4,'harbour','3','behaviour','crew','C2','Bosun','logistics','','Schedules the cranes of one berth for a week.',3,'schedul the crane of on berth for a week');
INSERT INTO passages VALUES(5,'harbour','3','requirement','crew','C2','Bosun','','','At least 12 months as a Deckhand',4,'at least 12 month as a deckhand');
INSERT INTO passages VALUES(6,'harbour','3','requirement','crew','C2','Bosun','','','Led two night shifts on the quay',5,'led two night shift on the quai');
CREATE TABLE people (
  id      TEXT PRIMARY KEY,
  name    TEXT NOT NULL,
  email   TEXT NOT NULL,
  manager TEXT REFERENCES people (id),
  hired   TEXT NOT NULL
) STRICT;
INSERT INTO people VALUES('cap','Cora Vale','cora@example.com',NULL,'2018-04-01');
INSERT INTO people VALUES('m1','Milo Frey','milo@example.com','cap','2020-02-01');
INSERT INTO people VALUES('d1','Dina Holt','dina@example.com','m1','2023-03-01');
INSERT INTO people VALUES('d2','Ezra Lund','','m1','2022-06-15');
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
INSERT INTO assignments VALUES('as-38b5e62334edbff2','cap','harbour','3','crew','C2','2018-04-01','','{"id":"as-38b5e62334edbff2","person":"cap","framework":"harbour","version":"3","track":"crew","level":"C2","overlays":[],"from":"2018-04-01","to":"","reason":"import"}');
INSERT INTO assignments VALUES('as-ce9f37723681f19f','d1','harbour','3','crew','C1','2023-03-01','2024-05-01','{"id":"as-ce9f37723681f19f","person":"d1","framework":"harbour","version":"3","track":"crew","level":"C1","overlays":[],"from":"2023-03-01","to":"2024-05-01","reason":"import"}');
INSERT INTO assignments VALUES('as-c69414be88fc882c','d2','harbour','3','crew','C1','2022-06-15','2024-06-15','{"id":"as-c69414be88fc882c","person":"d2","framework":"harbour","version":"3","track":"crew","level":"C1","overlays":[],"from":"2022-06-15","to":"2024-06-15","reason":"import"}');
INSERT INTO assignments VALUES('as-279e3d057f8ba386','d2','harbour','3','crew','C2','2024-06-15','','{"id":"as-279e3d057f8ba386","person":"d2","framework":"harbour","version":"3","track":"crew","level":"C2","overlays":[],"from":"2024-06-15","to":"","reason":"import"}');
INSERT INTO assignments VALUES('as-bf25a183cdee87e5','m1','harbour','3','crew','C2','2020-02-01','','{"id":"as-bf25a183cdee87e5","person":"m1","framework":"harbour","version":"3","track":"crew","level":"C2","overlays":[],"from":"2020-02-01","to":"","reason":"import"}');
INSERT INTO assignments VALUES('as-6e22cdcb72b03c7e','d1','harbour','3','crew','C2','2024-05-01','','{"id":"as-6e22cdcb72b03c7e","person":"d1","framework":"harbour","version":"3","track":"crew","level":"C2","overlays":[],"from":"2024-05-01","to":"","reason":"case-d1"}');
CREATE TABLE evidence (
  id     TEXT PRIMARY KEY,
  person TEXT NOT NULL REFERENCES people (id),
  day    TEXT NOT NULL,
  doc    TEXT NOT NULL
) STRICT;
INSERT INTO evidence VALUES('ev-berth','d1','2024-02-10','{"id":"ev-berth","person":"d1","kind":"project","title":"Moved the night ferry berth","date":"2024-02-10","end":"","role":"","skill":"","signed_off_by":"","competencies":["logistics"],"url":"https://example.com/berth","note":""}');
INSERT INTO evidence VALUES('ev-shift-open','d1','2024-05-01','{"id":"ev-shift-open","person":"d1","kind":"role","title":"Night shift lead","date":"2024-05-01","end":"","role":"shift-lead","skill":"","signed_off_by":"","competencies":[],"url":"","note":""}');
INSERT INTO evidence VALUES('ev-shift-closed','d1','2023-11-01','{"id":"ev-shift-closed","person":"d1","kind":"role","title":"Winter relief lead","date":"2023-11-01","end":"2024-01-31","role":"shift-lead","skill":"","signed_off_by":"","competencies":[],"url":"","note":""}');
CREATE TABLE metrics (
  id     TEXT PRIMARY KEY,
  person TEXT NOT NULL REFERENCES people (id),
  day    TEXT NOT NULL,
  doc    TEXT NOT NULL
) STRICT;
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
INSERT INTO assessments VALUES('at-fe445cac85f2ed54','d1','m1','harbour','3','2024-01-01','{"id":"at-fe445cac85f2ed54","person":"d1","assessor":"m1","role":"manager","period_start":"2024-01-01","period_end":"2024-03-31","competency":"seamanship","rating":"next","note":"Ready for the bosun''s work","framework":"harbour","version":"3","level":"C1"}');
INSERT INTO assessments VALUES('at-90f82807dc04ce35','d1','m1','harbour','3','2024-01-01','{"id":"at-90f82807dc04ce35","person":"d1","assessor":"m1","role":"manager","period_start":"2024-01-01","period_end":"2024-03-31","competency":"logistics","rating":"next","note":"Ready for the bosun''s work","framework":"harbour","version":"3","level":"C1"}');
CREATE TABLE signoffs (
  id     TEXT PRIMARY KEY,
  person TEXT NOT NULL REFERENCES people (id),
  day    TEXT NOT NULL,
  doc    TEXT NOT NULL
) STRICT;
INSERT INTO signoffs VALUES('so-d2f6424110277088','d1','2024-04-02','{"id":"so-d2f6424110277088","person":"d1","requirement":"Led two night shifts on the quay","by":"m1","date":"2024-04-02","note":"Seen on the rota"}');
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
INSERT INTO cases VALUES('case-d1','d1','harbour','3','2024-04-10','closed','{"id":"case-d1","person":"d1","framework":"harbour","version":"3","target_track":"crew","target_level":"C2","target_overlay":"","opened_by":"m1","opened":"2024-04-10","status":"closed","portfolio":["ev-berth"],"panel":["cap","d2"],"votes":[{"reviewer":"cap","choice":"for","note":"Knows the quay","date":"2024-04-13"},{"reviewer":"d2","choice":"abstain","note":"","date":"2024-04-14"}],"consensus":"unanimous","decision":{"outcome":"promoted","effective":"2024-05-01","decided_by":"cap","note":"Welcome aboard"},"history":[{"date":"2024-04-10","actor":"m1","what":"opened for crew/C2 by m1"},{"date":"2024-04-10","actor":"m1","what":"added evidence ev-berth (Moved the night ferry berth)"},{"date":"2024-04-11","actor":"m1","what":"panel: cap, d2"},{"date":"2024-04-11","actor":"m1","what":"moved to portfolio"},{"date":"2024-04-12","actor":"m1","what":"moved to peer_review"},{"date":"2024-04-13","actor":"cap","what":"voted for"},{"date":"2024-04-14","actor":"d2","what":"voted abstain"},{"date":"2024-04-16","actor":"m1","what":"moved to decision"},{"date":"2024-05-01","actor":"cap","what":"decided: promoted (Welcome aboard)"}]}');
INSERT INTO cases VALUES('case-d2','d2','harbour','3','2024-10-01','open','{"id":"case-d2","person":"d2","framework":"harbour","version":"3","target_track":"","target_level":"","target_overlay":"pilot","opened_by":"m1","opened":"2024-10-01","status":"open","portfolio":[],"panel":[],"votes":[],"consensus":"unanimous","decision":null,"history":[{"date":"2024-10-01","actor":"m1","what":"opened for Harbour Pilot by m1"}]}');
CREATE TABLE waivers (
  id     TEXT PRIMARY KEY,
  person TEXT NOT NULL REFERENCES people (id),
  day    TEXT NOT NULL,
  doc    TEXT NOT NULL
) STRICT;
INSERT INTO waivers VALUES('wa-sea','d1','2024-04-15','{"id":"wa-sea","person":"d1","case_id":"case-d1","requirement":"At least 12 months as a Deckhand","approver":"cap","reason":"Joined with sea time","granted":"2024-04-15","expires":""}');
CREATE TABLE needs (
  id        TEXT PRIMARY KEY,
  framework TEXT NOT NULL,
  day       TEXT NOT NULL,
  doc       TEXT NOT NULL
) STRICT;
INSERT INTO needs VALUES('need-pilot','harbour','2024-03-01','{"id":"need-pilot","framework":"harbour","track":"","level":"","overlay":"pilot","reason":"The channel needs a second pilot","opened_by":"cap","opened":"2024-03-01","status":"open","filled_by_case":"","closed":""}');
INSERT INTO needs VALUES('need-bosun','harbour','2024-03-02','{"id":"need-bosun","framework":"harbour","track":"crew","level":"C2","overlay":"","reason":"A new berth opens","opened_by":"cap","opened":"2024-03-02","status":"filled","filled_by_case":"case-d1","closed":"2024-05-01"}');
INSERT INTO needs VALUES('need-summer','harbour','2024-06-01','{"id":"need-summer","framework":"harbour","track":"crew","level":"C1","overlay":"","reason":"Summer season","opened_by":"cap","opened":"2024-06-01","status":"closed","filled_by_case":"","closed":"2024-09-30"}');
CREATE TABLE raises (
  id     TEXT PRIMARY KEY,
  person TEXT NOT NULL REFERENCES people (id),
  day    TEXT NOT NULL,
  doc    TEXT NOT NULL
) STRICT;
INSERT INTO raises VALUES('ra-8718c2cb0801951b','d2','2024-09-01','{"id":"ra-8718c2cb0801951b","person":"d2","date":"2024-09-01","note":"Covered two berths","approved_by":"m1"}');
CREATE TABLE users (
  id            TEXT PRIMARY KEY,
  person        TEXT REFERENCES people (id),
  password_hash TEXT NOT NULL,
  doc           TEXT NOT NULL
) STRICT;
INSERT INTO users VALUES('cora','cap','$argon2id$v=19$m=19456,t=2,p=1$SVGeNRscNu4KR4q6LH0PSg$zPvxUQymu5GOVerOcI8f0QCE5OonpGAM5DqrZHIuKMA','{"id":"cora","person":"cap","name":"Cora Vale","roles":["admin"],"disabled":false}');
INSERT INTO users VALUES('auditor',NULL,'$argon2id$v=19$m=19456,t=2,p=1$SLUSAMyafm402lxM0Ucqhg$0Gr3U2nY1PNFbeM6y2HrNo6UWpDo8qA6ml4KQF6GQaU','{"id":"auditor","person":"","name":"auditor","roles":["reviewer"],"disabled":false}');
CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  user_id    TEXT NOT NULL REFERENCES users (id),
  csrf_token TEXT NOT NULL,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL
) STRICT;
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
INSERT INTO api_tokens VALUES('tok-789410e0001c0f82','cora','nightly export','0e6a9bee8f96b6e23c0f756642dd77e481fe9ec5611dc8847e6ee8ce85c94ba3','2026-12-06T20:35:44.980Z','2030-01-01T23:59:59.999Z','',0);
CREATE TABLE audit_log (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  at          TEXT NOT NULL,
  actor       TEXT NOT NULL,
  action      TEXT NOT NULL,
  subject     TEXT NOT NULL,
  before_json TEXT NOT NULL,
  after_json  TEXT NOT NULL
) STRICT;
INSERT INTO audit_log VALUES(1,'2026-12-06T20:35:43.096Z','cli:unknown','framework.save_draft','framework:harbour@3','','{"framework":"harbour","version":"3","status":"draft","name":"Harbour Operations"}');
INSERT INTO audit_log VALUES(2,'2026-12-06T20:35:43.096Z','cli:unknown','framework.publish','framework:harbour@3','{"status":"draft"}','{"status":"published","effective":""}');
INSERT INTO audit_log VALUES(3,'2026-12-06T20:35:43.158Z','cli:root','person.create','person:cap','','{"id":"cap","name":"Cora Vale","email":"cora@example.com","manager":"","hired":"2018-04-01"}');
INSERT INTO audit_log VALUES(4,'2026-12-06T20:35:43.158Z','cli:root','person.create','person:m1','','{"id":"m1","name":"Milo Frey","email":"milo@example.com","manager":"cap","hired":"2020-02-01"}');
INSERT INTO audit_log VALUES(5,'2026-12-06T20:35:43.158Z','cli:root','person.create','person:d1','','{"id":"d1","name":"Dina Holt","email":"dina@example.com","manager":"m1","hired":"2023-03-01"}');
INSERT INTO audit_log VALUES(6,'2026-12-06T20:35:43.158Z','cli:root','person.create','person:d2','','{"id":"d2","name":"Ezra Lund","email":"","manager":"m1","hired":"2022-06-15"}');
INSERT INTO audit_log VALUES(7,'2026-12-06T20:35:43.158Z','cli:root','assignment.create','assignment:as-38b5e62334edbff2','','{"id":"as-38b5e62334edbff2","person":"cap","framework":"harbour","version":"3","track":"crew","level":"C2","overlays":[],"from":"2018-04-01","to":"","reason":"import"}');
INSERT INTO audit_log VALUES(8,'2026-12-06T20:35:43.158Z','cli:root','assignment.create','assignment:as-ce9f37723681f19f','','{"id":"as-ce9f37723681f19f","person":"d1","framework":"harbour","version":"3","track":"crew","level":"C1","overlays":[],"from":"2023-03-01","to":"","reason":"import"}');
INSERT INTO audit_log VALUES(9,'2026-12-06T20:35:43.158Z','cli:root','assignment.create','assignment:as-c69414be88fc882c','','{"id":"as-c69414be88fc882c","person":"d2","framework":"harbour","version":"3","track":"crew","level":"C1","overlays":[],"from":"2022-06-15","to":"2024-06-15","reason":"import"}');
INSERT INTO audit_log VALUES(10,'2026-12-06T20:35:43.158Z','cli:root','assignment.create','assignment:as-279e3d057f8ba386','','{"id":"as-279e3d057f8ba386","person":"d2","framework":"harbour","version":"3","track":"crew","level":"C2","overlays":[],"from":"2024-06-15","to":"","reason":"import"}');
INSERT INTO audit_log VALUES(11,'2026-12-06T20:35:43.158Z','cli:root','assignment.create','assignment:as-bf25a183cdee87e5','','{"id":"as-bf25a183cdee87e5","person":"m1","framework":"harbour","version":"3","track":"crew","level":"C2","overlays":[],"from":"2020-02-01","to":"","reason":"import"}');
INSERT INTO audit_log VALUES(12,'2026-12-06T20:35:43.229Z','cli:root','evidence.create','evidence:ev-berth','','{"id":"ev-berth","person":"d1","kind":"project","title":"Moved the night ferry berth","date":"2024-02-10","end":"","role":"","skill":"","signed_off_by":"","competencies":["logistics"],"url":"https://example.com/berth","note":""}');
INSERT INTO audit_log VALUES(13,'2026-12-06T20:35:43.295Z','cli:root','evidence.create','evidence:ev-shift-open','','{"id":"ev-shift-open","person":"d1","kind":"role","title":"Night shift lead","date":"2024-05-01","end":"","role":"shift-lead","skill":"","signed_off_by":"","competencies":[],"url":"","note":""}');
INSERT INTO audit_log VALUES(14,'2026-12-06T20:35:43.348Z','cli:root','evidence.create','evidence:ev-shift-closed','','{"id":"ev-shift-closed","person":"d1","kind":"role","title":"Winter relief lead","date":"2023-11-01","end":"2024-01-31","role":"shift-lead","skill":"","signed_off_by":"","competencies":[],"url":"","note":""}');
INSERT INTO audit_log VALUES(15,'2026-12-06T20:35:43.406Z','cli:root','assessment.create','assessment:at-fe445cac85f2ed54','','{"id":"at-fe445cac85f2ed54","person":"d1","assessor":"m1","role":"manager","period_start":"2024-01-01","period_end":"2024-03-31","competency":"seamanship","rating":"next","note":"Ready for the bosun''s work","framework":"harbour","version":"3","level":"C1"}');
INSERT INTO audit_log VALUES(16,'2026-12-06T20:35:43.417Z','cli:root','assessment.create','assessment:at-90f82807dc04ce35','','{"id":"at-90f82807dc04ce35","person":"d1","assessor":"m1","role":"manager","period_start":"2024-01-01","period_end":"2024-03-31","competency":"logistics","rating":"next","note":"Ready for the bosun''s work","framework":"harbour","version":"3","level":"C1"}');
INSERT INTO audit_log VALUES(17,'2026-12-06T20:35:43.485Z','cli:root','signoff.create','signoff:so-d2f6424110277088','','{"id":"so-d2f6424110277088","person":"d1","requirement":"Led two night shifts on the quay","by":"m1","date":"2024-04-02","note":"Seen on the rota"}');
INSERT INTO audit_log VALUES(18,'2026-12-06T20:35:43.550Z','cli:root','raise.create','raise:ra-8718c2cb0801951b','','{"id":"ra-8718c2cb0801951b","person":"d2","date":"2024-09-01","note":"Covered two berths","approved_by":"m1"}');
INSERT INTO audit_log VALUES(19,'2026-12-06T20:35:43.616Z','cli:root','need.create','need:need-pilot','','{"id":"need-pilot","framework":"harbour","track":"","level":"","overlay":"pilot","reason":"The channel needs a second pilot","opened_by":"cap","opened":"2024-03-01","status":"open","filled_by_case":"","closed":""}');
INSERT INTO audit_log VALUES(20,'2026-12-06T20:35:43.678Z','cli:root','need.create','need:need-bosun','','{"id":"need-bosun","framework":"harbour","track":"crew","level":"C2","overlay":"","reason":"A new berth opens","opened_by":"cap","opened":"2024-03-02","status":"open","filled_by_case":"","closed":""}');
INSERT INTO audit_log VALUES(21,'2026-12-06T20:35:43.752Z','cli:root','case.create','case:case-d1','','{"id":"case-d1","person":"d1","framework":"harbour","version":"3","target_track":"crew","target_level":"C2","target_overlay":"","opened_by":"m1","opened":"2024-04-10","status":"open","portfolio":[],"panel":[],"votes":[],"consensus":"unanimous","decision":null,"history":[{"date":"2024-04-10","actor":"m1","what":"opened for crew/C2 by m1"}]}');
INSERT INTO audit_log VALUES(22,'2026-12-06T20:35:43.820Z','cli:root','case.update','case:case-d1','{"id":"case-d1","person":"d1","framework":"harbour","version":"3","target_track":"crew","target_level":"C2","target_overlay":"","opened_by":"m1","opened":"2024-04-10","status":"open","portfolio":[],"panel":[],"votes":[],"consensus":"unanimous","decision":null,"history":[{"date":"2024-04-10","actor":"m1","what":"opened for crew/C2 by m1"}]}','{"id":"case-d1","person":"d1","framework":"harbour","version":"3","target_track":"crew","target_level":"C2","target_overlay":"","opened_by":"m1","opened":"2024-04-10","status":"open","portfolio":["ev-berth"],"panel":[],"votes":[],"consensus":"unanimous","decision":null,"history":[{"date":"2024-04-10","actor":"m1","what":"opened for crew/C2 by m1"},{"date":"2024-04-10","actor":"m1","what":"added evidence ev-berth (Moved the night ferry berth)"}]}');
INSERT INTO audit_log VALUES(23,'2026-12-06T20:35:43.892Z','cli:root','case.update','case:case-d1','{"id":"case-d1","person":"d1","framework":"harbour","version":"3","target_track":"crew","target_level":"C2","target_overlay":"","opened_by":"m1","opened":"2024-04-10","status":"open","portfolio":["ev-berth"],"panel":[],"votes":[],"consensus":"unanimous","decision":null,"history":[{"date":"2024-04-10","actor":"m1","what":"opened for crew/C2 by m1"},{"date":"2024-04-10","actor":"m1","what":"added evidence ev-berth (Moved the night ferry berth)"}]}','{"id":"case-d1","person":"d1","framework":"harbour","version":"3","target_track":"crew","target_level":"C2","target_overlay":"","opened_by":"m1","opened":"2024-04-10","status":"open","portfolio":["ev-berth"],"panel":["cap","d2"],"votes":[],"consensus":"unanimous","decision":null,"history":[{"date":"2024-04-10","actor":"m1","what":"opened for crew/C2 by m1"},{"date":"2024-04-10","actor":"m1","what":"added evidence ev-berth (Moved the night ferry berth)"},{"date":"2024-04-11","actor":"m1","what":"panel: cap, d2"}]}');
INSERT INTO audit_log VALUES(24,'2026-12-06T20:35:43.960Z','cli:root','case.update','case:case-d1','{"id":"case-d1","person":"d1","framework":"harbour","version":"3","target_track":"crew","target_level":"C2","target_overlay":"","opened_by":"m1","opened":"2024-04-10","status":"open","portfolio":["ev-berth"],"panel":["cap","d2"],"votes":[],"consensus":"unanimous","decision":null,"history":[{"date":"2024-04-10","actor":"m1","what":"opened for crew/C2 by m1"},{"date":"2024-04-10","actor":"m1","what":"added evidence ev-berth (Moved the night ferry berth)"},{"date":"2024-04-11","actor":"m1","what":"panel: cap, d2"}]}','{"id":"case-d1","person":"d1","framework":"harbour","version":"3","target_track":"crew","target_level":"C2","target_overlay":"","opened_by":"m1","opened":"2024-04-10","status":"portfolio","portfolio":["ev-berth"],"panel":["cap","d2"],"votes":[],"consensus":"unanimous","decision":null,"history":[{"date":"2024-04-10","actor":"m1","what":"opened for crew/C2 by m1"},{"date":"2024-04-10","actor":"m1","what":"added evidence ev-berth (Moved the night ferry berth)"},{"date":"2024-04-11","actor":"m1","what":"panel: cap, d2"},{"date":"2024-04-11","actor":"m1","what":"moved to portfolio"}]}');
INSERT INTO audit_log VALUES(25,'2026-12-06T20:35:44.020Z','cli:root','case.update','case:case-d1','{"id":"case-d1","person":"d1","framework":"harbour","version":"3","target_track":"crew","target_level":"C2","target_overlay":"","opened_by":"m1","opened":"2024-04-10","status":"portfolio","portfolio":["ev-berth"],"panel":["cap","d2"],"votes":[],"consensus":"unanimous","decision":null,"history":[{"date":"2024-04-10","actor":"m1","what":"opened for crew/C2 by m1"},{"date":"2024-04-10","actor":"m1","what":"added evidence ev-berth (Moved the night ferry berth)"},{"date":"2024-04-11","actor":"m1","what":"panel: cap, d2"},{"date":"2024-04-11","actor":"m1","what":"moved to portfolio"}]}','{"id":"case-d1","person":"d1","framework":"harbour","version":"3","target_track":"crew","target_level":"C2","target_overlay":"","opened_by":"m1","opened":"2024-04-10","status":"peer_review","portfolio":["ev-berth"],"panel":["cap","d2"],"votes":[],"consensus":"unanimous","decision":null,"history":[{"date":"2024-04-10","actor":"m1","what":"opened for crew/C2 by m1"},{"date":"2024-04-10","actor":"m1","what":"added evidence ev-berth (Moved the night ferry berth)"},{"date":"2024-04-11","actor":"m1","what":"panel: cap, d2"},{"date":"2024-04-11","actor":"m1","what":"moved to portfolio"},{"date":"2024-04-12","actor":"m1","what":"moved to peer_review"}]}');
INSERT INTO audit_log VALUES(26,'2026-12-06T20:35:44.084Z','cli:root','case.vote','case:case-d1','{"id":"case-d1","person":"d1","framework":"harbour","version":"3","target_track":"crew","target_level":"C2","target_overlay":"","opened_by":"m1","opened":"2024-04-10","status":"peer_review","portfolio":["ev-berth"],"panel":["cap","d2"],"votes":[],"consensus":"unanimous","decision":null,"history":[{"date":"2024-04-10","actor":"m1","what":"opened for crew/C2 by m1"},{"date":"2024-04-10","actor":"m1","what":"added evidence ev-berth (Moved the night ferry berth)"},{"date":"2024-04-11","actor":"m1","what":"panel: cap, d2"},{"date":"2024-04-11","actor":"m1","what":"moved to portfolio"},{"date":"2024-04-12","actor":"m1","what":"moved to peer_review"}]}','{"id":"case-d1","person":"d1","framework":"harbour","version":"3","target_track":"crew","target_level":"C2","target_overlay":"","opened_by":"m1","opened":"2024-04-10","status":"peer_review","portfolio":["ev-berth"],"panel":["cap","d2"],"votes":[{"reviewer":"cap","choice":"for","note":"Knows the quay","date":"2024-04-13"}],"consensus":"unanimous","decision":null,"history":[{"date":"2024-04-10","actor":"m1","what":"opened for crew/C2 by m1"},{"date":"2024-04-10","actor":"m1","what":"added evidence ev-berth (Moved the night ferry berth)"},{"date":"2024-04-11","actor":"m1","what":"panel: cap, d2"},{"date":"2024-04-11","actor":"m1","what":"moved to portfolio"},{"date":"2024-04-12","actor":"m1","what":"moved to peer_review"},{"date":"2024-04-13","actor":"cap","what":"voted for"}]}');
INSERT INTO audit_log VALUES(27,'2026-12-06T20:35:44.151Z','cli:root','case.vote','case:case-d1','{"id":"case-d1","person":"d1","framework":"harbour","version":"3","target_track":"crew","target_level":"C2","target_overlay":"","opened_by":"m1","opened":"2024-04-10","status":"peer_review","portfolio":["ev-berth"],"panel":["cap","d2"],"votes":[{"reviewer":"cap","choice":"for","note":"Knows the quay","date":"2024-04-13"}],"consensus":"unanimous","decision":null,"history":[{"date":"2024-04-10","actor":"m1","what":"opened for crew/C2 by m1"},{"date":"2024-04-10","actor":"m1","what":"added evidence ev-berth (Moved the night ferry berth)"},{"date":"2024-04-11","actor":"m1","what":"panel: cap, d2"},{"date":"2024-04-11","actor":"m1","what":"moved to portfolio"},{"date":"2024-04-12","actor":"m1","what":"moved to peer_review"},{"date":"2024-04-13","actor":"cap","what":"voted for"}]}','{"id":"case-d1","person":"d1","framework":"harbour","version":"3","target_track":"crew","target_level":"C2","target_overlay":"","opened_by":"m1","opened":"2024-04-10","status":"peer_review","portfolio":["ev-berth"],"panel":["cap","d2"],"votes":[{"reviewer":"cap","choice":"for","note":"Knows the quay","date":"2024-04-13"},{"reviewer":"d2","choice":"abstain","note":"","date":"2024-04-14"}],"consensus":"unanimous","decision":null,"history":[{"date":"2024-04-10","actor":"m1","what":"opened for crew/C2 by m1"},{"date":"2024-04-10","actor":"m1","what":"added evidence ev-berth (Moved the night ferry berth)"},{"date":"2024-04-11","actor":"m1","what":"panel: cap, d2"},{"date":"2024-04-11","actor":"m1","what":"moved to portfolio"},{"date":"2024-04-12","actor":"m1","what":"moved to peer_review"},{"date":"2024-04-13","actor":"cap","what":"voted for"},{"date":"2024-04-14","actor":"d2","what":"voted abstain"}]}');
INSERT INTO audit_log VALUES(28,'2026-12-06T20:35:44.232Z','cli:root','waiver.create','waiver:wa-sea','','{"id":"wa-sea","person":"d1","case_id":"case-d1","requirement":"At least 12 months as a Deckhand","approver":"cap","reason":"Joined with sea time","granted":"2024-04-15","expires":""}');
INSERT INTO audit_log VALUES(29,'2026-12-06T20:35:44.295Z','cli:root','case.update','case:case-d1','{"id":"case-d1","person":"d1","framework":"harbour","version":"3","target_track":"crew","target_level":"C2","target_overlay":"","opened_by":"m1","opened":"2024-04-10","status":"peer_review","portfolio":["ev-berth"],"panel":["cap","d2"],"votes":[{"reviewer":"cap","choice":"for","note":"Knows the quay","date":"2024-04-13"},{"reviewer":"d2","choice":"abstain","note":"","date":"2024-04-14"}],"consensus":"unanimous","decision":null,"history":[{"date":"2024-04-10","actor":"m1","what":"opened for crew/C2 by m1"},{"date":"2024-04-10","actor":"m1","what":"added evidence ev-berth (Moved the night ferry berth)"},{"date":"2024-04-11","actor":"m1","what":"panel: cap, d2"},{"date":"2024-04-11","actor":"m1","what":"moved to portfolio"},{"date":"2024-04-12","actor":"m1","what":"moved to peer_review"},{"date":"2024-04-13","actor":"cap","what":"voted for"},{"date":"2024-04-14","actor":"d2","what":"voted abstain"}]}','{"id":"case-d1","person":"d1","framework":"harbour","version":"3","target_track":"crew","target_level":"C2","target_overlay":"","opened_by":"m1","opened":"2024-04-10","status":"decision","portfolio":["ev-berth"],"panel":["cap","d2"],"votes":[{"reviewer":"cap","choice":"for","note":"Knows the quay","date":"2024-04-13"},{"reviewer":"d2","choice":"abstain","note":"","date":"2024-04-14"}],"consensus":"unanimous","decision":null,"history":[{"date":"2024-04-10","actor":"m1","what":"opened for crew/C2 by m1"},{"date":"2024-04-10","actor":"m1","what":"added evidence ev-berth (Moved the night ferry berth)"},{"date":"2024-04-11","actor":"m1","what":"panel: cap, d2"},{"date":"2024-04-11","actor":"m1","what":"moved to portfolio"},{"date":"2024-04-12","actor":"m1","what":"moved to peer_review"},{"date":"2024-04-13","actor":"cap","what":"voted for"},{"date":"2024-04-14","actor":"d2","what":"voted abstain"},{"date":"2024-04-16","actor":"m1","what":"moved to decision"}]}');
INSERT INTO audit_log VALUES(30,'2026-12-06T20:35:44.369Z','cli:root','assignment.close','assignment:as-ce9f37723681f19f','{"id":"as-ce9f37723681f19f","person":"d1","framework":"harbour","version":"3","track":"crew","level":"C1","overlays":[],"from":"2023-03-01","to":"","reason":"import"}','{"id":"as-ce9f37723681f19f","person":"d1","framework":"harbour","version":"3","track":"crew","level":"C1","overlays":[],"from":"2023-03-01","to":"2024-05-01","reason":"import"}');
INSERT INTO audit_log VALUES(31,'2026-12-06T20:35:44.370Z','cli:root','assignment.create','assignment:as-6e22cdcb72b03c7e','','{"id":"as-6e22cdcb72b03c7e","person":"d1","framework":"harbour","version":"3","track":"crew","level":"C2","overlays":[],"from":"2024-05-01","to":"","reason":"case-d1"}');
INSERT INTO audit_log VALUES(32,'2026-12-06T20:35:44.370Z','cli:root','need.update','need:need-bosun','{"id":"need-bosun","framework":"harbour","track":"crew","level":"C2","overlay":"","reason":"A new berth opens","opened_by":"cap","opened":"2024-03-02","status":"open","filled_by_case":"","closed":""}','{"id":"need-bosun","framework":"harbour","track":"crew","level":"C2","overlay":"","reason":"A new berth opens","opened_by":"cap","opened":"2024-03-02","status":"filled","filled_by_case":"case-d1","closed":"2024-05-01"}');
INSERT INTO audit_log VALUES(33,'2026-12-06T20:35:44.370Z','cli:root','case.update','case:case-d1','{"id":"case-d1","person":"d1","framework":"harbour","version":"3","target_track":"crew","target_level":"C2","target_overlay":"","opened_by":"m1","opened":"2024-04-10","status":"decision","portfolio":["ev-berth"],"panel":["cap","d2"],"votes":[{"reviewer":"cap","choice":"for","note":"Knows the quay","date":"2024-04-13"},{"reviewer":"d2","choice":"abstain","note":"","date":"2024-04-14"}],"consensus":"unanimous","decision":null,"history":[{"date":"2024-04-10","actor":"m1","what":"opened for crew/C2 by m1"},{"date":"2024-04-10","actor":"m1","what":"added evidence ev-berth (Moved the night ferry berth)"},{"date":"2024-04-11","actor":"m1","what":"panel: cap, d2"},{"date":"2024-04-11","actor":"m1","what":"moved to portfolio"},{"date":"2024-04-12","actor":"m1","what":"moved to peer_review"},{"date":"2024-04-13","actor":"cap","what":"voted for"},{"date":"2024-04-14","actor":"d2","what":"voted abstain"},{"date":"2024-04-16","actor":"m1","what":"moved to decision"}]}','{"id":"case-d1","person":"d1","framework":"harbour","version":"3","target_track":"crew","target_level":"C2","target_overlay":"","opened_by":"m1","opened":"2024-04-10","status":"closed","portfolio":["ev-berth"],"panel":["cap","d2"],"votes":[{"reviewer":"cap","choice":"for","note":"Knows the quay","date":"2024-04-13"},{"reviewer":"d2","choice":"abstain","note":"","date":"2024-04-14"}],"consensus":"unanimous","decision":{"outcome":"promoted","effective":"2024-05-01","decided_by":"cap","note":"Welcome aboard"},"history":[{"date":"2024-04-10","actor":"m1","what":"opened for crew/C2 by m1"},{"date":"2024-04-10","actor":"m1","what":"added evidence ev-berth (Moved the night ferry berth)"},{"date":"2024-04-11","actor":"m1","what":"panel: cap, d2"},{"date":"2024-04-11","actor":"m1","what":"moved to portfolio"},{"date":"2024-04-12","actor":"m1","what":"moved to peer_review"},{"date":"2024-04-13","actor":"cap","what":"voted for"},{"date":"2024-04-14","actor":"d2","what":"voted abstain"},{"date":"2024-04-16","actor":"m1","what":"moved to decision"},{"date":"2024-05-01","actor":"cap","what":"decided: promoted (Welcome aboard)"}]}');
INSERT INTO audit_log VALUES(34,'2026-12-06T20:35:44.430Z','cli:root','case.create','case:case-d2','','{"id":"case-d2","person":"d2","framework":"harbour","version":"3","target_track":"","target_level":"","target_overlay":"pilot","opened_by":"m1","opened":"2024-10-01","status":"open","portfolio":[],"panel":[],"votes":[],"consensus":"unanimous","decision":null,"history":[{"date":"2024-10-01","actor":"m1","what":"opened for Harbour Pilot by m1"}]}');
INSERT INTO audit_log VALUES(35,'2026-12-06T20:35:44.510Z','cli:root','need.create','need:need-summer','','{"id":"need-summer","framework":"harbour","track":"crew","level":"C1","overlay":"","reason":"Summer season","opened_by":"cap","opened":"2024-06-01","status":"open","filled_by_case":"","closed":""}');
INSERT INTO audit_log VALUES(36,'2026-12-06T20:35:44.587Z','cli:root','need.update','need:need-summer','{"id":"need-summer","framework":"harbour","track":"crew","level":"C1","overlay":"","reason":"Summer season","opened_by":"cap","opened":"2024-06-01","status":"open","filled_by_case":"","closed":""}','{"id":"need-summer","framework":"harbour","track":"crew","level":"C1","overlay":"","reason":"Summer season","opened_by":"cap","opened":"2024-06-01","status":"closed","filled_by_case":"","closed":"2024-09-30"}');
INSERT INTO audit_log VALUES(37,'2026-12-06T20:35:44.771Z','cli:root','user.create','user:cora','','{"id":"cora","person":"cap","name":"Cora Vale","roles":["admin"],"disabled":false}');
INSERT INTO audit_log VALUES(38,'2026-12-06T20:35:44.901Z','cli:root','user.create','user:auditor','','{"id":"auditor","person":"","name":"auditor","roles":["reviewer"],"disabled":false}');
INSERT INTO audit_log VALUES(39,'2026-12-06T20:35:44.980Z','cli:root','token.create','token:tok-789410e0001c0f82','','{"user":"cora","name":"nightly export"}');
PRAGMA writable_schema=ON;
INSERT INTO sqlite_schema(type,name,tbl_name,rootpage,sql)VALUES('table','passages_fts','passages_fts',0,'CREATE VIRTUAL TABLE passages_fts USING fts5 (
  terms, content = ''passages'', content_rowid = ''id'', tokenize = ''ascii'')');
CREATE TABLE IF NOT EXISTS 'passages_fts_data'(id INTEGER PRIMARY KEY, block BLOB);
INSERT INTO passages_fts_data VALUES(1,X'0630');
INSERT INTO passages_fts_data VALUES(10,X'000000000106060006010101020101030101040101050101060101');
INSERT INTO passages_fts_data VALUES(137438953473,X'0000005105306b6e6f7401020601046c6f6f6b0102080103736978010204020774616e64617264010205010374686501020304016d0102090201690102020102757001020a0107776974686f7574010207040909080c08060607');
INSERT INTO passages_fts_data VALUES(274877906945,X'0000004002306102020301046c6f616402020201046d61726b020207010670616c6c6574020204010374686502020602016f0202050106776569676874020208040609090b0806');
INSERT INTO passages_fts_data VALUES(412316860417,X'0000004c02306103040605010963726f737377696e6403020a0102696e03020801046d6f6f7203020401026f660302050104706c616e0302020103746865030203010676657373656c03020704070e0709070908');
INSERT INTO passages_fts_data VALUES(549755813889,X'000000500230610402090105626572746804020701056372616e650402040103666f7204020801026f6604020502016e04020601077363686564756c040202010374686504020301047765656b04020a04060a0a0807060c08');
INSERT INTO passages_fts_data VALUES(687194767361,X'0000003e0330313205020401016105020702017305020602017405020201086465636b68616e6405020801056c6561737405020301056d6f6e746805020504070606060d0a');
INSERT INTO passages_fts_data VALUES(824633720833,X'0000003f04306c656406020201056e6967687406020401026f6e0602060104717561690602080105736869667406020501037468650602070202776f06020304080a07090a08');
CREATE TABLE IF NOT EXISTS 'passages_fts_idx'(segid, term, pgno, PRIMARY KEY(segid, term)) WITHOUT ROWID;
INSERT INTO passages_fts_idx VALUES(1,X'',2);
INSERT INTO passages_fts_idx VALUES(2,X'',2);
INSERT INTO passages_fts_idx VALUES(3,X'',2);
INSERT INTO passages_fts_idx VALUES(4,X'',2);
INSERT INTO passages_fts_idx VALUES(5,X'',2);
INSERT INTO passages_fts_idx VALUES(6,X'',2);
CREATE TABLE IF NOT EXISTS 'passages_fts_docsize'(id INTEGER PRIMARY KEY, sz BLOB);
INSERT INTO passages_fts_docsize VALUES(1,X'09');
INSERT INTO passages_fts_docsize VALUES(2,X'07');
INSERT INTO passages_fts_docsize VALUES(3,X'09');
INSERT INTO passages_fts_docsize VALUES(4,X'09');
INSERT INTO passages_fts_docsize VALUES(5,X'07');
INSERT INTO passages_fts_docsize VALUES(6,X'07');
CREATE TABLE IF NOT EXISTS 'passages_fts_config'(k PRIMARY KEY, v) WITHOUT ROWID;
INSERT INTO passages_fts_config VALUES('version',4);
DELETE FROM sqlite_sequence;
INSERT INTO sqlite_sequence VALUES('audit_log',39);
CREATE INDEX roles_family ON roles (lower(family), lower(seniority));
CREATE INDEX passages_version ON passages (framework, version);
CREATE INDEX people_manager ON people (manager);
CREATE INDEX assignments_person ON assignments (person, from_date);
CREATE INDEX assignments_level ON assignments (framework, version, track, level);
CREATE INDEX evidence_person ON evidence (person, day);
CREATE INDEX metrics_person ON metrics (person, day);
CREATE INDEX assessments_person ON assessments (person, day);
CREATE INDEX assessments_version ON assessments (framework, version);
CREATE INDEX signoffs_person ON signoffs (person, day);
CREATE INDEX cases_person ON cases (person, day);
CREATE INDEX cases_version ON cases (framework, version);
CREATE INDEX waivers_person ON waivers (person, day);
CREATE INDEX needs_framework ON needs (framework, day);
CREATE INDEX raises_person ON raises (person, day);
CREATE INDEX sessions_expiry ON sessions (expires_at);
CREATE INDEX api_tokens_user ON api_tokens (user_id);
CREATE INDEX audit_subject ON audit_log (subject);
CREATE TRIGGER passages_ai AFTER INSERT ON passages BEGIN
  INSERT INTO passages_fts (rowid, terms) VALUES (new.id, new.terms);
END;
CREATE TRIGGER passages_ad AFTER DELETE ON passages BEGIN
  INSERT INTO passages_fts (passages_fts, rowid, terms) VALUES ('delete', old.id, old.terms);
END;
CREATE TRIGGER passages_au AFTER UPDATE ON passages BEGIN
  INSERT INTO passages_fts (passages_fts, rowid, terms) VALUES ('delete', old.id, old.terms);
  INSERT INTO passages_fts (rowid, terms) VALUES (new.id, new.terms);
END;
PRAGMA writable_schema=OFF;
COMMIT;
