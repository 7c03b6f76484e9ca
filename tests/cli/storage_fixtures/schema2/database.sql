PRAGMA foreign_keys=OFF;
BEGIN TRANSACTION;
CREATE TABLE schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL);
INSERT INTO schema_version VALUES(1,'initial','2026-12-06T20:28:52.387Z');
INSERT INTO schema_version VALUES(2,'search','2026-12-06T20:28:52.388Z');
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
INSERT INTO framework_versions VALUES('platform','2025.1','Platform Engineering','','published','','2026-12-06T20:28:52.428Z','2026-12-06T20:28:52.428Z',1,1,'{"ladder":1,"framework":{"id":"platform","name":"Platform Engineering","family":"","version":"2025.1","status":"published","effective":"","cumulative":false,"consensus":"unanimous","description":"","source":{"file":"","format":""}},"groups":[],"competencies":[{"id":"quality","name":"Quality","description":""},{"id":"ops","name":"Operations","description":""}],"tracks":[{"id":"ic","name":"Individual Contributor","kind":"ic","description":"","levels":[{"code":"P1","rank":1,"title":"Platform Engineer","summary":"Keeps the build green and learns the deployment tooling.","state":"defined","note":"","inherits":"","attributes":[],"expectations":[{"competency":"quality","summary":"","behaviours":["Asks for a code review before merging any change to shared pipelines."],"undefined":false,"note":""},{"competency":"ops","summary":"","behaviours":["Follows the runbook during on-call shifts."],"undefined":false,"note":""}],"requirements":[]},{"code":"P2","rank":2,"title":"Senior Platform Engineer","summary":"Designs services that other teams deploy without help.","state":"defined","note":"","inherits":"","attributes":[],"expectations":[{"competency":"quality","summary":"","behaviours":["Gives thorough code review on infrastructure changes from other teams."],"undefined":false,"note":""},{"competency":"ops","summary":"","behaviours":["Leads incident response and writes the follow-up review."],"undefined":false,"note":""}],"requirements":[]}]}],"overlays":[],"transitions":[],"policy":[],"notes":[{"title":"How levels change","markdown":"Promotions follow a calibration meeting each half-year."}],"roles":[]}');
INSERT INTO framework_versions VALUES('field-service','2025.2','Field Service','Operations','published','','2026-12-06T20:28:52.428Z','2026-12-06T20:28:52.429Z',2,2,'{"ladder":1,"framework":{"id":"field-service","name":"Field Service","family":"Operations","version":"2025.2","status":"published","effective":"","cumulative":true,"consensus":"majority","description":"How field technicians grow, from the first site visit to leading a region.","source":{"file":"field-service.md","format":"levels-table"}},"groups":[{"id":"craft","name":"Craft","description":"","competencies":["repair","safety"]}],"competencies":[{"id":"repair","name":"Repair","description":""},{"id":"safety","name":"Safety","description":"Keeps people and equipment out of harm''s way."}],"tracks":[{"id":"tech","name":"Technician","kind":"ic","description":"","levels":[{"code":"F1","rank":1,"title":"Field Technician","summary":"","state":"defined","note":"","inherits":"","attributes":[["scope","one site"],["experience","0-2 years"]],"expectations":[{"competency":"repair","summary":"","behaviours":["Restores a unit to service with the manual at hand."],"undefined":false,"note":""},{"competency":"safety","summary":"Follows the rules.","behaviours":["Locks out a unit before opening it."],"undefined":false,"note":"Checked on every visit."}],"requirements":[]},{"code":"F2","rank":2,"title":"Senior Field Technician","summary":"","state":"defined","note":"","inherits":"","attributes":[],"expectations":[{"competency":"repair","summary":"","behaviours":["Diagnoses faults the manual does not list."],"undefined":false,"note":""},{"competency":"safety","summary":"","behaviours":[],"undefined":true,"note":"Not described for this level yet."}],"requirements":[{"text":"A year as a Field Technician","rule":{"kind":"time_at_level","level":"F1","months":12}},{"text":"A year at any first level","rule":{"kind":"time_at_level","level":"1","months":12}},{"text":"Six months at the current level","rule":{"kind":"time_at_level","level":"","months":6}},{"text":"Consistent at F1 for six months","rule":{"kind":"consistent_performance","level":"tech/F1","months":6}},{"text":"Consistent for a year","rule":{"kind":"consistent_performance","level":"","months":12}},{"text":"Three months performing at the next level in every category","rule":{"kind":"performing_at_next","months":3,"all_competencies":true}},{"text":"Two months performing at the next level in one category","rule":{"kind":"performing_at_next","months":2,"all_competencies":false}},{"text":"Three site reports","rule":{"kind":"evidence_count","evidence_kind":"doc","count":3,"within_months":0}},{"text":"Two talks or write-ups in the last year","rule":{"kind":"evidence_count","evidence_kind":"talk, doc","count":2,"within_months":12}},{"text":"Six months as shift lead","rule":{"kind":"time_in_role","role":"shift-lead","months":6}},{"text":"Expert in two systems","rule":{"kind":"sme_skillsets","count":2,"skill":""}},{"text":"Expert in refrigeration","rule":{"kind":"sme_skillsets","count":1,"skill":"refrigeration"}},{"text":"First-time fix rate of at least 85.5","rule":{"kind":"metric","name":"first_time_fix","at_least":85.5}},{"text":"Calls resolved on site","rule":{"kind":"metric","name":"on_site_resolution","at_least":90.0}},{"text":"A positive panel","rule":{"kind":"peer_review"}},{"text":"A documented need for another senior technician","rule":{"kind":"documented_need"}},{"text":"Approved by the regional head","rule":{"kind":"approval","by":"VP: operations"}},{"text":"Approved by someone who may","rule":{"kind":"approval","by":""}},{"text":"Approved by the yes-committee","rule":{"kind":"approval","by":"yes"}},{"text":"Shows judgement on hazardous jobs","rule":{"kind":"manual"}}]}]},{"id":"lead","name":"Leadership","kind":"management","description":"","levels":[{"code":"R1","rank":3,"title":"Regional Lead","summary":"Leads the technicians of a region.","state":"defined","note":"","inherits":"","attributes":[],"expectations":[],"requirements":[]}]}],"overlays":[{"id":"shift-lead","name":"Shift Lead","description":"","duties":["Plans the day''s visits for the crew."],"levels":["F2"],"needs_documented_need":true,"requirements":[{"text":"Three months at the current level","rule":{"kind":"time_at_level","level":"","months":3}}]}],"transitions":[{"from":"tech","to":"lead","description":"Technicians who lead a region move to the leadership track.","requirements":[{"text":"A year as shift lead","rule":{"kind":"time_in_role","role":"shift-lead","months":12}},{"text":"Approved by the director","rule":{"kind":"approval","by":"director"}}]}],"policy":[{"text":"Successful promotion panel","rule":{"kind":"peer_review"}}],"notes":[{"title":"Calibration","markdown":"Promotions are calibrated across regions twice a year."}],"roles":[{"id":"field-technician","family":"Field","seniority":"Associate","title":"Field Technician","summary":"Keeps customer equipment running.","responsibilities":["Repairs units on site."],"skills":[],"kpis":[],"path":""}]}');
INSERT INTO framework_versions VALUES('field-service','2025.3','Field Service','Operations','draft','','2026-12-06T20:28:52.628Z','',3,0,'{"ladder":1,"framework":{"id":"field-service","name":"Field Service","family":"Operations","version":"2025.3","status":"draft","effective":"","cumulative":true,"consensus":"majority","description":"How field technicians grow, from the first site visit to leading a region.","source":{"file":"field-service.md","format":"levels-table"}},"groups":[{"id":"craft","name":"Craft","description":"","competencies":["repair","safety"]}],"competencies":[{"id":"repair","name":"Repair","description":""},{"id":"safety","name":"Safety","description":"Keeps people and equipment out of harm''s way."}],"tracks":[{"id":"tech","name":"Technician","kind":"ic","description":"","levels":[{"code":"F1","rank":1,"title":"Field Technician","summary":"","state":"defined","note":"","inherits":"","attributes":[["scope","one site"],["experience","0-2 years"]],"expectations":[{"competency":"repair","summary":"","behaviours":["Restores any unit to service with the manual at hand."],"undefined":false,"note":""},{"competency":"safety","summary":"Follows the rules.","behaviours":["Locks out a unit before opening it."],"undefined":false,"note":"Checked on every visit."}],"requirements":[]},{"code":"F2","rank":2,"title":"Senior Field Technician","summary":"","state":"defined","note":"","inherits":"","attributes":[],"expectations":[{"competency":"repair","summary":"","behaviours":["Diagnoses faults the manual does not list."],"undefined":false,"note":""},{"competency":"safety","summary":"","behaviours":[],"undefined":true,"note":"Not described for this level yet."}],"requirements":[{"text":"A year as a Field Technician","rule":{"kind":"time_at_level","level":"F1","months":12}},{"text":"A year at any first level","rule":{"kind":"time_at_level","level":"1","months":12}},{"text":"Six months at the current level","rule":{"kind":"time_at_level","level":"","months":6}},{"text":"Consistent at F1 for six months","rule":{"kind":"consistent_performance","level":"tech/F1","months":6}},{"text":"Consistent for a year","rule":{"kind":"consistent_performance","level":"","months":12}},{"text":"Three months performing at the next level in every category","rule":{"kind":"performing_at_next","months":3,"all_competencies":true}},{"text":"Two months performing at the next level in one category","rule":{"kind":"performing_at_next","months":2,"all_competencies":false}},{"text":"Three site reports","rule":{"kind":"evidence_count","evidence_kind":"doc","count":3,"within_months":0}},{"text":"Two talks or write-ups in the last year","rule":{"kind":"evidence_count","evidence_kind":"talk, doc","count":2,"within_months":12}},{"text":"Six months as shift lead","rule":{"kind":"time_in_role","role":"shift-lead","months":6}},{"text":"Expert in two systems","rule":{"kind":"sme_skillsets","count":2,"skill":""}},{"text":"Expert in refrigeration","rule":{"kind":"sme_skillsets","count":1,"skill":"refrigeration"}},{"text":"First-time fix rate of at least 85.5","rule":{"kind":"metric","name":"first_time_fix","at_least":85.5}},{"text":"Calls resolved on site","rule":{"kind":"metric","name":"on_site_resolution","at_least":90.0}},{"text":"A positive panel","rule":{"kind":"peer_review"}},{"text":"A documented need for another senior technician","rule":{"kind":"documented_need"}},{"text":"Approved by the regional head","rule":{"kind":"approval","by":"VP: operations"}},{"text":"Approved by someone who may","rule":{"kind":"approval","by":""}},{"text":"Approved by the yes-committee","rule":{"kind":"approval","by":"yes"}},{"text":"Shows judgement on hazardous jobs","rule":{"kind":"manual"}}]}]},{"id":"lead","name":"Leadership","kind":"management","description":"","levels":[{"code":"R1","rank":3,"title":"Regional Lead","summary":"Leads the technicians of a region.","state":"defined","note":"","inherits":"","attributes":[],"expectations":[],"requirements":[]}]}],"overlays":[{"id":"shift-lead","name":"Shift Lead","description":"","duties":["Plans the day''s visits for the crew."],"levels":["F2"],"needs_documented_need":true,"requirements":[{"text":"Three months at the current level","rule":{"kind":"time_at_level","level":"","months":3}}]}],"transitions":[{"from":"tech","to":"lead","description":"Technicians who lead a region move to the leadership track.","requirements":[{"text":"A year as shift lead","rule":{"kind":"time_in_role","role":"shift-lead","months":12}},{"text":"Approved by the director","rule":{"kind":"approval","by":"director"}}]}],"policy":[{"text":"Successful promotion panel","rule":{"kind":"peer_review"}}],"notes":[{"title":"Calibration","markdown":"Promotions are calibrated across regions twice a year."}],"roles":[{"id":"field-technician","family":"Field","seniority":"Associate","title":"Field Technician","summary":"Keeps customer equipment running.","responsibilities":["Repairs units on site."],"skills":[],"kpis":[],"path":""}]}');
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
INSERT INTO levels VALUES('platform','2025.1','ic','P1',1,'Platform Engineer');
INSERT INTO levels VALUES('platform','2025.1','ic','P2',2,'Senior Platform Engineer');
INSERT INTO levels VALUES('field-service','2025.2','tech','F1',1,'Field Technician');
INSERT INTO levels VALUES('field-service','2025.2','tech','F2',2,'Senior Field Technician');
INSERT INTO levels VALUES('field-service','2025.2','lead','R1',3,'Regional Lead');
INSERT INTO levels VALUES('field-service','2025.3','tech','F1',1,'Field Technician');
INSERT INTO levels VALUES('field-service','2025.3','tech','F2',2,'Senior Field Technician');
INSERT INTO levels VALUES('field-service','2025.3','lead','R1',3,'Regional Lead');
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
INSERT INTO roles VALUES('field-service','2025.2',0,'Field','Associate','Field Technician','{"id":"field-technician","family":"Field","seniority":"Associate","title":"Field Technician","summary":"Keeps customer equipment running.","responsibilities":["Repairs units on site."],"skills":[],"kpis":[],"path":""}');
INSERT INTO roles VALUES('field-service','2025.3',0,'Field','Associate','Field Technician','{"id":"field-technician","family":"Field","seniority":"Associate","title":"Field Technician","summary":"Keeps customer equipment running.","responsibilities":["Repairs units on site."],"skills":[],"kpis":[],"path":""}');
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
INSERT INTO passages VALUES(1,'platform','2025.1','level_summary','ic','P1','Platform Engineer','','Platform Engineer','Keeps the build green and learns the deployment tooling.',0,'platform engin keep the build green and learn the deploy tool');
INSERT INTO passages VALUES(2,'platform','2025.1','behaviour','ic','P1','Platform Engineer','quality','','Asks for a code review before merging any change to shared pipelines.',1,'ask for a code review befor merg ani chang to share pipelin');
INSERT INTO passages VALUES(3,'platform','2025.1','behaviour','ic','P1','Platform Engineer','ops','','Follows the runbook during on-call shifts.',2,'follow the runbook dure on call shift');
INSERT INTO passages VALUES(4,'platform','2025.1','level_summary','ic','P2','Senior Platform Engineer','','Senior Platform Engineer','Designs services that other teams deploy without help.',3,'senior platform engin design servic that other team deploi without help');
INSERT INTO passages VALUES(5,'platform','2025.1','behaviour','ic','P2','Senior Platform Engineer','quality','','Gives thorough code review on infrastructure changes from other teams.',4,'give thorough code review on infrastructur chang from other team');
INSERT INTO passages VALUES(6,'platform','2025.1','behaviour','ic','P2','Senior Platform Engineer','ops','','Leads incident response and writes the follow-up review.',5,'lead incid respons and write the follow up review');
INSERT INTO passages VALUES(7,'platform','2025.1','note','','','','','How levels change','Promotions follow a calibration meeting each half-year.',6,'how level chang promot follow a calibr meet each half year');
INSERT INTO passages VALUES(8,'field-service','2025.2','attribute','tech','F1','Field Technician','','scope','one site',0,'scope on site');
INSERT INTO passages VALUES(9,'field-service','2025.2','attribute','tech','F1','Field Technician','','experience','0-2 years',1,'experi 0 2 year');
INSERT INTO passages VALUES(10,'field-service','2025.2','behaviour','tech','F1','Field Technician','repair','','Restores a unit to service with the manual at hand.',2,'restor a unit to servic with the manual at hand');
INSERT INTO passages VALUES(11,'field-service','2025.2','expectation_summary','tech','F1','Field Technician','safety','','Follows the rules.',3,'follow the rule');
INSERT INTO passages VALUES(12,'field-service','2025.2','behaviour','tech','F1','Field Technician','safety','','Locks out a unit before opening it.',4,'lock out a unit befor open it');
INSERT INTO passages VALUES(13,'field-service','2025.2','behaviour','tech','F2','Senior Field Technician','repair','','Diagnoses faults the manual does not list.',5,'diagnos fault the manual doe not list');
INSERT INTO passages VALUES(14,'field-service','2025.2','requirement','tech','F2','Senior Field Technician','','','A year as a Field Technician',6,'a year as a field technician');
INSERT INTO passages VALUES(15,'field-service','2025.2','requirement','tech','F2','Senior Field Technician','','','A year at any first level',7,'a year at ani first level');
INSERT INTO passages VALUES(16,'field-service','2025.2','requirement','tech','F2','Senior Field Technician','','','Six months at the current level',8,'six month at the current level');
INSERT INTO passages VALUES(17,'field-service','2025.2','requirement','tech','F2','Senior Field Technician','','','Consistent at F1 for six months',9,'consist at f1 for six month');
INSERT INTO passages VALUES(18,'field-service','2025.2','requirement','tech','F2','Senior Field Technician','','','Consistent for a year',10,'consist for a year');
INSERT INTO passages VALUES(19,'field-service','2025.2','requirement','tech','F2','Senior Field Technician','','','Three months performing at the next level in every category',11,'three month perform at the next level in everi categori');
INSERT INTO passages VALUES(20,'field-service','2025.2','requirement','tech','F2','Senior Field Technician','','','Two months performing at the next level in one category',12,'two month perform at the next level in on categori');
INSERT INTO passages VALUES(21,'field-service','2025.2','requirement','tech','F2','Senior Field Technician','','','Three site reports',13,'three site report');
INSERT INTO passages VALUES(22,'field-service','2025.2','requirement','tech','F2','Senior Field Technician','','','Two talks or write-ups in the last year',14,'two talk or write up in the last year');
INSERT INTO passages VALUES(23,'field-service','2025.2','requirement','tech','F2','Senior Field Technician','','','Six months as shift lead',15,'six month as shift lead');
INSERT INTO passages VALUES(24,'field-service','2025.2','requirement','tech','F2','Senior Field Technician','','','Expert in two systems',16,'expert in two system');
INSERT INTO passages VALUES(25,'field-service','2025.2','requirement','tech','F2','Senior Field Technician','','','Expert in refrigeration',17,'expert in refriger');
INSERT INTO passages VALUES(26,'field-service','2025.2','requirement','tech','F2','Senior Field Technician','','','First-time fix rate of at least 85.5',18,'first time fix rate of at least 85 5');
INSERT INTO passages VALUES(27,'field-service','2025.2','requirement','tech','F2','Senior Field Technician','','','Calls resolved on site',19,'call resolv on site');
INSERT INTO passages VALUES(28,'field-service','2025.2','requirement','tech','F2','Senior Field Technician','','','A positive panel',20,'a posit panel');
INSERT INTO passages VALUES(29,'field-service','2025.2','requirement','tech','F2','Senior Field Technician','','','A documented need for another senior technician',21,'a document need for anoth senior technician');
INSERT INTO passages VALUES(30,'field-service','2025.2','requirement','tech','F2','Senior Field Technician','','','Approved by the regional head',22,'approv by the region head');
INSERT INTO passages VALUES(31,'field-service','2025.2','requirement','tech','F2','Senior Field Technician','','','Approved by someone who may',23,'approv by someon who mai');
INSERT INTO passages VALUES(32,'field-service','2025.2','requirement','tech','F2','Senior Field Technician','','','Approved by the yes-committee',24,'approv by the ye committe');
INSERT INTO passages VALUES(33,'field-service','2025.2','requirement','tech','F2','Senior Field Technician','','','Shows judgement on hazardous jobs',25,'show judgement on hazard job');
INSERT INTO passages VALUES(34,'field-service','2025.2','level_summary','lead','R1','Regional Lead','','Regional Lead','Leads the technicians of a region.',26,'region lead lead the technician of a region');
INSERT INTO passages VALUES(35,'field-service','2025.2','note','','','','','Calibration','Promotions are calibrated across regions twice a year.',27,'calibr promot ar calibr across region twice a year');
INSERT INTO passages VALUES(36,'field-service','2025.2','role','','','','','Field Technician',replace('Keeps customer equipment running.\nRepairs units on site.','\n',char(10)),28,'field technician keep custom equip run repair unit on site');
INSERT INTO passages VALUES(37,'field-service','2025.3','attribute','tech','F1','Field Technician','','scope','one site',0,'scope on site');
INSERT INTO passages VALUES(38,'field-service','2025.3','attribute','tech','F1','Field Technician','','experience','0-2 years',1,'experi 0 2 year');
INSERT INTO passages VALUES(39,'field-service','2025.3','behaviour','tech','F1','Field Technician','repair','','Restores any unit to service with the manual at hand.',2,'restor ani unit to servic with the manual at hand');
INSERT INTO passages VALUES(40,'field-service','2025.3','expectation_summary','tech','F1','Field Technician','safety','','Follows the rules.',3,'follow the rule');
INSERT INTO passages VALUES(41,'field-service','2025.3','behaviour','tech','F1','Field Technician','safety','','Locks out a unit before opening it.',4,'lock out a unit befor open it');
INSERT INTO passages VALUES(42,'field-service','2025.3','behaviour','tech','F2','Senior Field Technician','repair','','Diagnoses faults the manual does not list.',5,'diagnos fault the manual doe not list');
INSERT INTO passages VALUES(43,'field-service','2025.3','requirement','tech','F2','Senior Field Technician','','','A year as a Field Technician',6,'a year as a field technician');
INSERT INTO passages VALUES(44,'field-service','2025.3','requirement','tech','F2','Senior Field Technician','','','A year at any first level',7,'a year at ani first level');
INSERT INTO passages VALUES(45,'field-service','2025.3','requirement','tech','F2','Senior Field Technician','','','Six months at the current level',8,'six month at the current level');
INSERT INTO passages VALUES(46,'field-service','2025.3','requirement','tech','F2','Senior Field Technician','','','Consistent at F1 for six months',9,'consist at f1 for six month');
INSERT INTO passages VALUES(47,'field-service','2025.3','requirement','tech','F2','Senior Field Technician','','','Consistent for a year',10,'consist for a year');
INSERT INTO passages VALUES(48,'field-service','2025.3','requirement','tech','F2','Senior Field Technician','','','Three months performing at the next level in every category',11,'three month perform at the next level in everi categori');
INSERT INTO passages VALUES(49,'field-service','2025.3','requirement','tech','F2','Senior Field Technician','','','Two months performing at the next level in one category',12,'two month perform at the next level in on categori');
INSERT INTO passages VALUES(50,'field-service','2025.3','requirement','tech','F2','Senior Field Technician','','','Three site reports',13,'three site report');
INSERT INTO passages VALUES(51,'field-service','2025.3','requirement','tech','F2','Senior Field Technician','','','Two talks or write-ups in the last year',14,'two talk or write up in the last year');
INSERT INTO passages VALUES(52,'field-service','2025.3','requirement','tech','F2','Senior Field Technician','','','Six months as shift lead',15,'six month as shift lead');
INSERT INTO passages VALUES(53,'field-service','2025.3','requirement','tech','F2','Senior Field Technician','','','Expert in two systems',16,'expert in two system');
INSERT INTO passages VALUES(54,'field-service','2025.3','requirement','tech','F2','Senior Field Technician','','','Expert in refrigeration',17,'expert in refriger');
INSERT INTO passages VALUES(55,'field-service','2025.3','requirement','tech','F2','Senior Field Technician','','','First-time fix rate of at least 85.5',18,'first time fix rate of at least 85 5');
INSERT INTO passages VALUES(56,'field-service','2025.3','requirement','tech','F2','Senior Field Technician','','','Calls resolved on site',19,'call resolv on site');
INSERT INTO passages VALUES(57,'field-service','2025.3','requirement','tech','F2','Senior Field Technician','','','A positive panel',20,'a posit panel');
INSERT INTO passages VALUES(58,'field-service','2025.3','requirement','tech','F2','Senior Field Technician','','','A documented need for another senior technician',21,'a document need for anoth senior technician');
INSERT INTO passages VALUES(59,'field-service','2025.3','requirement','tech','F2','Senior Field Technician','','','Approved by the regional head',22,'approv by the region head');
INSERT INTO passages VALUES(60,'field-service','2025.3','requirement','tech','F2','Senior Field Technician','','','Approved by someone who may',23,'approv by someon who mai');
INSERT INTO passages VALUES(61,'field-service','2025.3','requirement','tech','F2','Senior Field Technician','','','Approved by the yes-committee',24,'approv by the ye committe');
INSERT INTO passages VALUES(62,'field-service','2025.3','requirement','tech','F2','Senior Field Technician','','','Shows judgement on hazardous jobs',25,'show judgement on hazard job');
INSERT INTO passages VALUES(63,'field-service','2025.3','level_summary','lead','R1','Regional Lead','','Regional Lead','Leads the technicians of a region.',26,'region lead lead the technician of a region');
INSERT INTO passages VALUES(64,'field-service','2025.3','note','','','','','Calibration','Promotions are calibrated across regions twice a year.',27,'calibr promot ar calibr across region twice a year');
INSERT INTO passages VALUES(65,'field-service','2025.3','role','','','','','Field Technician',replace('Keeps customer equipment running.\nRepairs units on site.','\n',char(10)),28,'field technician keep custom equip run repair unit on site');
CREATE TABLE people (
  id      TEXT PRIMARY KEY,
  name    TEXT NOT NULL,
  email   TEXT NOT NULL,
  manager TEXT REFERENCES people (id),
  hired   TEXT NOT NULL
) STRICT;
INSERT INTO people VALUES('r1','Rosa Quint','rosa@example.com',NULL,'2020-03-01');
INSERT INTO people VALUES('t1','Tomas Ek','tomas@example.com','r1','2023-05-01');
INSERT INTO people VALUES('t2','Ines Moro','ines@example.com','r1','2024-02-15');
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
INSERT INTO assignments VALUES('as-dccff5369d80f11a','r1','field-service','2025.2','lead','R1','2020-03-01','','{"id":"as-dccff5369d80f11a","person":"r1","framework":"field-service","version":"2025.2","track":"lead","level":"R1","overlays":[],"from":"2020-03-01","to":"","reason":"import"}');
INSERT INTO assignments VALUES('as-aecb3f01d7111799','t1','field-service','2025.2','tech','F1','2023-05-01','','{"id":"as-aecb3f01d7111799","person":"t1","framework":"field-service","version":"2025.2","track":"tech","level":"F1","overlays":[],"from":"2023-05-01","to":"","reason":"import"}');
INSERT INTO assignments VALUES('as-20969e14606c265b','t2','field-service','2025.2','tech','F1','2024-02-15','','{"id":"as-20969e14606c265b","person":"t2","framework":"field-service","version":"2025.2","track":"tech","level":"F1","overlays":[],"from":"2024-02-15","to":"","reason":"import"}');
CREATE TABLE evidence (
  id     TEXT PRIMARY KEY,
  person TEXT NOT NULL REFERENCES people (id),
  day    TEXT NOT NULL,
  doc    TEXT NOT NULL
) STRICT;
INSERT INTO evidence VALUES('ev-1','t1','2024-03-02','{"id":"ev-1","person":"t1","kind":"doc","title":"Compressor teardown report","date":"2024-03-02","end":"","role":"","skill":"","signed_off_by":"","competencies":[],"url":"","note":""}');
INSERT INTO evidence VALUES('ev-2','t1','2024-06-10','{"id":"ev-2","person":"t1","kind":"sme","title":"refrigeration","date":"2024-06-10","end":"","role":"","skill":"refrigeration","signed_off_by":"r1","competencies":[],"url":"","note":""}');
INSERT INTO evidence VALUES('ev-3','t1','2024-01-01','{"id":"ev-3","person":"t1","kind":"role","title":"Shift lead, north crew","date":"2024-01-01","end":"","role":"shift-lead","skill":"","signed_off_by":"","competencies":[],"url":"","note":""}');
CREATE TABLE metrics (
  id     TEXT PRIMARY KEY,
  person TEXT NOT NULL REFERENCES people (id),
  day    TEXT NOT NULL,
  doc    TEXT NOT NULL
) STRICT;
INSERT INTO metrics VALUES('me-03b46ca0e4885ada','t1','2024-01-01','{"id":"me-03b46ca0e4885ada","person":"t1","name":"first_time_fix","period_start":"2024-01-01","period_end":"2024-03-31","value":87.5}');
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
INSERT INTO assessments VALUES('at-813c2d41a3040e2d','t1','r1','field-service','2025.2','2024-01-01','{"id":"at-813c2d41a3040e2d","person":"t1","assessor":"r1","role":"manager","period_start":"2024-01-01","period_end":"2024-03-31","competency":"repair","rating":"meeting","note":"","framework":"field-service","version":"2025.2","level":"F1"}');
INSERT INTO assessments VALUES('at-fd2a5fca3acbf321','t1','r1','field-service','2025.2','2024-01-01','{"id":"at-fd2a5fca3acbf321","person":"t1","assessor":"r1","role":"manager","period_start":"2024-01-01","period_end":"2024-03-31","competency":"safety","rating":"meeting","note":"","framework":"field-service","version":"2025.2","level":"F1"}');
INSERT INTO assessments VALUES('at-e229965350018c75','t1','t1','field-service','2025.2','2024-01-01','{"id":"at-e229965350018c75","person":"t1","assessor":"t1","role":"self","period_start":"2024-01-01","period_end":"2024-03-31","competency":"repair","rating":"next","note":"Took the hardest calls","framework":"field-service","version":"2025.2","level":"F1"}');
CREATE TABLE signoffs (
  id     TEXT PRIMARY KEY,
  person TEXT NOT NULL REFERENCES people (id),
  day    TEXT NOT NULL,
  doc    TEXT NOT NULL
) STRICT;
INSERT INTO signoffs VALUES('so-35d5321bf2a050a8','t1','2024-07-01','{"id":"so-35d5321bf2a050a8","person":"t1","requirement":"Shows judgement on hazardous jobs","by":"r1","date":"2024-07-01","note":"Seen on the March outage"}');
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
INSERT INTO cases VALUES('case-1','t1','field-service','2025.2','2024-08-01','peer_review','{"id":"case-1","person":"t1","framework":"field-service","version":"2025.2","target_track":"tech","target_level":"F2","target_overlay":"","opened_by":"r1","opened":"2024-08-01","status":"peer_review","portfolio":["ev-1"],"panel":["r1","t2"],"votes":[{"reviewer":"t2","choice":"for","note":"Solid reports","date":"2024-08-10"}],"consensus":"majority","decision":null,"history":[{"date":"2024-08-01","actor":"r1","what":"opened for tech/F2 by r1"},{"date":"2024-08-02","actor":"r1","what":"added evidence ev-1 (Compressor teardown report)"},{"date":"2024-08-03","actor":"r1","what":"panel: r1, t2"},{"date":"2024-08-04","actor":"r1","what":"moved to portfolio"},{"date":"2024-08-05","actor":"r1","what":"moved to peer_review"},{"date":"2024-08-10","actor":"t2","what":"voted for"}]}');
CREATE TABLE waivers (
  id     TEXT PRIMARY KEY,
  person TEXT NOT NULL REFERENCES people (id),
  day    TEXT NOT NULL,
  doc    TEXT NOT NULL
) STRICT;
INSERT INTO waivers VALUES('waiver-1','t1','2024-08-11','{"id":"waiver-1","person":"t1","case_id":"case-1","requirement":"Three site reports","approver":"r1","reason":"Reports were lost in the move","granted":"2024-08-11","expires":"2025-08-01"}');
CREATE TABLE needs (
  id        TEXT PRIMARY KEY,
  framework TEXT NOT NULL,
  day       TEXT NOT NULL,
  doc       TEXT NOT NULL
) STRICT;
INSERT INTO needs VALUES('need-1','field-service','2024-07-15','{"id":"need-1","framework":"field-service","track":"tech","level":"F2","overlay":"","reason":"The north region grows","opened_by":"r1","opened":"2024-07-15","status":"open","filled_by_case":"","closed":""}');
CREATE TABLE raises (
  id     TEXT PRIMARY KEY,
  person TEXT NOT NULL REFERENCES people (id),
  day    TEXT NOT NULL,
  doc    TEXT NOT NULL
) STRICT;
INSERT INTO raises VALUES('ra-03125e0fed2bc3df','t2','2024-09-01','{"id":"ra-03125e0fed2bc3df","person":"t2","date":"2024-09-01","note":"Market adjustment","approved_by":"r1"}');
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
CREATE TABLE audit_log (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  at          TEXT NOT NULL,
  actor       TEXT NOT NULL,
  action      TEXT NOT NULL,
  subject     TEXT NOT NULL,
  before_json TEXT NOT NULL,
  after_json  TEXT NOT NULL
) STRICT;
INSERT INTO audit_log VALUES(1,'2026-12-06T20:28:52.428Z','cli:unknown','framework.save_draft','framework:platform@2025.1','','{"framework":"platform","version":"2025.1","status":"draft","name":"Platform Engineering"}');
INSERT INTO audit_log VALUES(2,'2026-12-06T20:28:52.428Z','cli:unknown','framework.publish','framework:platform@2025.1','{"status":"draft"}','{"status":"published","effective":""}');
INSERT INTO audit_log VALUES(3,'2026-12-06T20:28:52.429Z','cli:unknown','framework.save_draft','framework:field-service@2025.2','','{"framework":"field-service","version":"2025.2","status":"draft","name":"Field Service"}');
INSERT INTO audit_log VALUES(4,'2026-12-06T20:28:52.429Z','cli:unknown','framework.publish','framework:field-service@2025.2','{"status":"draft"}','{"status":"published","effective":""}');
INSERT INTO audit_log VALUES(5,'2026-12-06T20:28:52.629Z','cli:unknown','framework.save_draft','framework:field-service@2025.3','','{"framework":"field-service","version":"2025.3","status":"draft","name":"Field Service"}');
INSERT INTO audit_log VALUES(6,'2026-12-06T20:28:52.781Z','cli:root','person.create','person:r1','','{"id":"r1","name":"Rosa Quint","email":"rosa@example.com","manager":"","hired":"2020-03-01"}');
INSERT INTO audit_log VALUES(7,'2026-12-06T20:28:52.781Z','cli:root','person.create','person:t1','','{"id":"t1","name":"Tomas Ek","email":"tomas@example.com","manager":"r1","hired":"2023-05-01"}');
INSERT INTO audit_log VALUES(8,'2026-12-06T20:28:52.781Z','cli:root','person.create','person:t2','','{"id":"t2","name":"Ines Moro","email":"ines@example.com","manager":"r1","hired":"2024-02-15"}');
INSERT INTO audit_log VALUES(9,'2026-12-06T20:28:52.781Z','cli:root','assignment.create','assignment:as-dccff5369d80f11a','','{"id":"as-dccff5369d80f11a","person":"r1","framework":"field-service","version":"2025.2","track":"lead","level":"R1","overlays":[],"from":"2020-03-01","to":"","reason":"import"}');
INSERT INTO audit_log VALUES(10,'2026-12-06T20:28:52.781Z','cli:root','assignment.create','assignment:as-aecb3f01d7111799','','{"id":"as-aecb3f01d7111799","person":"t1","framework":"field-service","version":"2025.2","track":"tech","level":"F1","overlays":[],"from":"2023-05-01","to":"","reason":"import"}');
INSERT INTO audit_log VALUES(11,'2026-12-06T20:28:52.781Z','cli:root','assignment.create','assignment:as-20969e14606c265b','','{"id":"as-20969e14606c265b","person":"t2","framework":"field-service","version":"2025.2","track":"tech","level":"F1","overlays":[],"from":"2024-02-15","to":"","reason":"import"}');
INSERT INTO audit_log VALUES(12,'2026-12-06T20:28:52.952Z','cli:root','evidence.create','evidence:ev-1','','{"id":"ev-1","person":"t1","kind":"doc","title":"Compressor teardown report","date":"2024-03-02","end":"","role":"","skill":"","signed_off_by":"","competencies":[],"url":"","note":""}');
INSERT INTO audit_log VALUES(13,'2026-12-06T20:28:53.090Z','cli:root','evidence.create','evidence:ev-2','','{"id":"ev-2","person":"t1","kind":"sme","title":"refrigeration","date":"2024-06-10","end":"","role":"","skill":"refrigeration","signed_off_by":"r1","competencies":[],"url":"","note":""}');
INSERT INTO audit_log VALUES(14,'2026-12-06T20:28:53.228Z','cli:root','evidence.create','evidence:ev-3','','{"id":"ev-3","person":"t1","kind":"role","title":"Shift lead, north crew","date":"2024-01-01","end":"","role":"shift-lead","skill":"","signed_off_by":"","competencies":[],"url":"","note":""}');
INSERT INTO audit_log VALUES(15,'2026-12-06T20:28:53.364Z','cli:root','metric.create','metric:me-03b46ca0e4885ada','','{"id":"me-03b46ca0e4885ada","person":"t1","name":"first_time_fix","period_start":"2024-01-01","period_end":"2024-03-31","value":87.5}');
INSERT INTO audit_log VALUES(16,'2026-12-06T20:28:53.527Z','cli:root','assessment.create','assessment:at-813c2d41a3040e2d','','{"id":"at-813c2d41a3040e2d","person":"t1","assessor":"r1","role":"manager","period_start":"2024-01-01","period_end":"2024-03-31","competency":"repair","rating":"meeting","note":"","framework":"field-service","version":"2025.2","level":"F1"}');
INSERT INTO audit_log VALUES(17,'2026-12-06T20:28:53.528Z','cli:root','assessment.create','assessment:at-fd2a5fca3acbf321','','{"id":"at-fd2a5fca3acbf321","person":"t1","assessor":"r1","role":"manager","period_start":"2024-01-01","period_end":"2024-03-31","competency":"safety","rating":"meeting","note":"","framework":"field-service","version":"2025.2","level":"F1"}');
INSERT INTO audit_log VALUES(18,'2026-12-06T20:28:53.688Z','cli:root','assessment.create','assessment:at-e229965350018c75','','{"id":"at-e229965350018c75","person":"t1","assessor":"t1","role":"self","period_start":"2024-01-01","period_end":"2024-03-31","competency":"repair","rating":"next","note":"Took the hardest calls","framework":"field-service","version":"2025.2","level":"F1"}');
INSERT INTO audit_log VALUES(19,'2026-12-06T20:28:53.868Z','cli:root','signoff.create','signoff:so-35d5321bf2a050a8','','{"id":"so-35d5321bf2a050a8","person":"t1","requirement":"Shows judgement on hazardous jobs","by":"r1","date":"2024-07-01","note":"Seen on the March outage"}');
INSERT INTO audit_log VALUES(20,'2026-12-06T20:28:54.024Z','cli:root','need.create','need:need-1','','{"id":"need-1","framework":"field-service","track":"tech","level":"F2","overlay":"","reason":"The north region grows","opened_by":"r1","opened":"2024-07-15","status":"open","filled_by_case":"","closed":""}');
INSERT INTO audit_log VALUES(21,'2026-12-06T20:28:54.152Z','cli:root','raise.create','raise:ra-03125e0fed2bc3df','','{"id":"ra-03125e0fed2bc3df","person":"t2","date":"2024-09-01","note":"Market adjustment","approved_by":"r1"}');
INSERT INTO audit_log VALUES(22,'2026-12-06T20:28:54.281Z','cli:root','case.create','case:case-1','','{"id":"case-1","person":"t1","framework":"field-service","version":"2025.2","target_track":"tech","target_level":"F2","target_overlay":"","opened_by":"r1","opened":"2024-08-01","status":"open","portfolio":[],"panel":[],"votes":[],"consensus":"majority","decision":null,"history":[{"date":"2024-08-01","actor":"r1","what":"opened for tech/F2 by r1"}]}');
INSERT INTO audit_log VALUES(23,'2026-12-06T20:28:59.757Z','cli:root','case.update','case:case-1','{"id":"case-1","person":"t1","framework":"field-service","version":"2025.2","target_track":"tech","target_level":"F2","target_overlay":"","opened_by":"r1","opened":"2024-08-01","status":"open","portfolio":[],"panel":[],"votes":[],"consensus":"majority","decision":null,"history":[{"date":"2024-08-01","actor":"r1","what":"opened for tech/F2 by r1"}]}','{"id":"case-1","person":"t1","framework":"field-service","version":"2025.2","target_track":"tech","target_level":"F2","target_overlay":"","opened_by":"r1","opened":"2024-08-01","status":"open","portfolio":["ev-1"],"panel":[],"votes":[],"consensus":"majority","decision":null,"history":[{"date":"2024-08-01","actor":"r1","what":"opened for tech/F2 by r1"},{"date":"2024-08-02","actor":"r1","what":"added evidence ev-1 (Compressor teardown report)"}]}');
INSERT INTO audit_log VALUES(24,'2026-12-06T20:28:59.900Z','cli:root','case.update','case:case-1','{"id":"case-1","person":"t1","framework":"field-service","version":"2025.2","target_track":"tech","target_level":"F2","target_overlay":"","opened_by":"r1","opened":"2024-08-01","status":"open","portfolio":["ev-1"],"panel":[],"votes":[],"consensus":"majority","decision":null,"history":[{"date":"2024-08-01","actor":"r1","what":"opened for tech/F2 by r1"},{"date":"2024-08-02","actor":"r1","what":"added evidence ev-1 (Compressor teardown report)"}]}','{"id":"case-1","person":"t1","framework":"field-service","version":"2025.2","target_track":"tech","target_level":"F2","target_overlay":"","opened_by":"r1","opened":"2024-08-01","status":"open","portfolio":["ev-1"],"panel":["r1","t2"],"votes":[],"consensus":"majority","decision":null,"history":[{"date":"2024-08-01","actor":"r1","what":"opened for tech/F2 by r1"},{"date":"2024-08-02","actor":"r1","what":"added evidence ev-1 (Compressor teardown report)"},{"date":"2024-08-03","actor":"r1","what":"panel: r1, t2"}]}');
INSERT INTO audit_log VALUES(25,'2026-12-06T20:29:00.174Z','cli:root','waiver.create','waiver:waiver-1','','{"id":"waiver-1","person":"t1","case_id":"case-1","requirement":"Three site reports","approver":"r1","reason":"Reports were lost in the move","granted":"2024-08-11","expires":"2025-08-01"}');
INSERT INTO audit_log VALUES(26,'2026-12-06T20:29:04.384Z','cli:root','case.update','case:case-1','{"id":"case-1","person":"t1","framework":"field-service","version":"2025.2","target_track":"tech","target_level":"F2","target_overlay":"","opened_by":"r1","opened":"2024-08-01","status":"open","portfolio":["ev-1"],"panel":["r1","t2"],"votes":[],"consensus":"majority","decision":null,"history":[{"date":"2024-08-01","actor":"r1","what":"opened for tech/F2 by r1"},{"date":"2024-08-02","actor":"r1","what":"added evidence ev-1 (Compressor teardown report)"},{"date":"2024-08-03","actor":"r1","what":"panel: r1, t2"}]}','{"id":"case-1","person":"t1","framework":"field-service","version":"2025.2","target_track":"tech","target_level":"F2","target_overlay":"","opened_by":"r1","opened":"2024-08-01","status":"portfolio","portfolio":["ev-1"],"panel":["r1","t2"],"votes":[],"consensus":"majority","decision":null,"history":[{"date":"2024-08-01","actor":"r1","what":"opened for tech/F2 by r1"},{"date":"2024-08-02","actor":"r1","what":"added evidence ev-1 (Compressor teardown report)"},{"date":"2024-08-03","actor":"r1","what":"panel: r1, t2"},{"date":"2024-08-04","actor":"r1","what":"moved to portfolio"}]}');
INSERT INTO audit_log VALUES(27,'2026-12-06T20:29:04.558Z','cli:root','case.update','case:case-1','{"id":"case-1","person":"t1","framework":"field-service","version":"2025.2","target_track":"tech","target_level":"F2","target_overlay":"","opened_by":"r1","opened":"2024-08-01","status":"portfolio","portfolio":["ev-1"],"panel":["r1","t2"],"votes":[],"consensus":"majority","decision":null,"history":[{"date":"2024-08-01","actor":"r1","what":"opened for tech/F2 by r1"},{"date":"2024-08-02","actor":"r1","what":"added evidence ev-1 (Compressor teardown report)"},{"date":"2024-08-03","actor":"r1","what":"panel: r1, t2"},{"date":"2024-08-04","actor":"r1","what":"moved to portfolio"}]}','{"id":"case-1","person":"t1","framework":"field-service","version":"2025.2","target_track":"tech","target_level":"F2","target_overlay":"","opened_by":"r1","opened":"2024-08-01","status":"peer_review","portfolio":["ev-1"],"panel":["r1","t2"],"votes":[],"consensus":"majority","decision":null,"history":[{"date":"2024-08-01","actor":"r1","what":"opened for tech/F2 by r1"},{"date":"2024-08-02","actor":"r1","what":"added evidence ev-1 (Compressor teardown report)"},{"date":"2024-08-03","actor":"r1","what":"panel: r1, t2"},{"date":"2024-08-04","actor":"r1","what":"moved to portfolio"},{"date":"2024-08-05","actor":"r1","what":"moved to peer_review"}]}');
INSERT INTO audit_log VALUES(28,'2026-12-06T20:29:04.701Z','cli:root','case.vote','case:case-1','{"id":"case-1","person":"t1","framework":"field-service","version":"2025.2","target_track":"tech","target_level":"F2","target_overlay":"","opened_by":"r1","opened":"2024-08-01","status":"peer_review","portfolio":["ev-1"],"panel":["r1","t2"],"votes":[],"consensus":"majority","decision":null,"history":[{"date":"2024-08-01","actor":"r1","what":"opened for tech/F2 by r1"},{"date":"2024-08-02","actor":"r1","what":"added evidence ev-1 (Compressor teardown report)"},{"date":"2024-08-03","actor":"r1","what":"panel: r1, t2"},{"date":"2024-08-04","actor":"r1","what":"moved to portfolio"},{"date":"2024-08-05","actor":"r1","what":"moved to peer_review"}]}','{"id":"case-1","person":"t1","framework":"field-service","version":"2025.2","target_track":"tech","target_level":"F2","target_overlay":"","opened_by":"r1","opened":"2024-08-01","status":"peer_review","portfolio":["ev-1"],"panel":["r1","t2"],"votes":[{"reviewer":"t2","choice":"for","note":"Solid reports","date":"2024-08-10"}],"consensus":"majority","decision":null,"history":[{"date":"2024-08-01","actor":"r1","what":"opened for tech/F2 by r1"},{"date":"2024-08-02","actor":"r1","what":"added evidence ev-1 (Compressor teardown report)"},{"date":"2024-08-03","actor":"r1","what":"panel: r1, t2"},{"date":"2024-08-04","actor":"r1","what":"moved to portfolio"},{"date":"2024-08-05","actor":"r1","what":"moved to peer_review"},{"date":"2024-08-10","actor":"t2","what":"voted for"}]}');
PRAGMA writable_schema=ON;
INSERT INTO sqlite_schema(type,name,tbl_name,rootpage,sql)VALUES('table','passages_fts','passages_fts',0,'CREATE VIRTUAL TABLE passages_fts USING fts5 (
  terms, content = ''passages'', content_rowid = ''id'', tokenize = ''ascii'')');
CREATE TABLE IF NOT EXISTS 'passages_fts_data'(id INTEGER PRIMARY KEY, block BLOB);
INSERT INTO passages_fts_data VALUES(1,X'418327');
INSERT INTO passages_fts_data VALUES(10,X'0000000002024100020401010101010000');
INSERT INTO passages_fts_data VALUES(137438953473,X'000000660730637573746f6d4102050105657175697041020601056669656c6441020201046b65657041020401026f6e41020a01067265706169724102080202756e41020701047369746541020b010a746563686e696369616e4102030104756e6974410209040b0a0a09070b07090f');
INSERT INTO passages_fts_data VALUES(549755813889,X'000007870230300902031d02030101320902041d02040101351a020a1d020a010238351a02091d0209010161020204050207030203020204020402050102020302040a0202010202050208010209060204020402050102020302040a0202010202050208010209020563726f73732302061d020602026e640102080502050301690202090d020518020305020503036f74681d02061d020602057070726f761e02020102020102021b02020102020102020201722302041d02040201730e020409020414020409020403016b0202020201740a020a0502040102040102030202050102050602070d020a05020401020401020302020501020506020701056265666f720202070a02061d0206020475696c640102060201791e02030102030102031b0203010203010203010663616c6962720702081c0402051d04020504016c0302071802021d020203067465676f726913020b01020b1c020b01020b020468616e6702020a03020802020402036f646502020503020403066d6d697474652002061d020603056e736973741102020102021c02020102020206757272656e741002061d0206030473746f6d24020501066465706c6f6904020a06017901020b03047369676e04020502066961676e6f730d02021d020202076f63756d656e741d02031d02030301650d02061d0206020375726503020501046561636807020a02046e67696e01020303020402047175697024020602047665726913020a1d020a020578706572690902021d02020601741802020102021c0202010202010266311102041d0204020461756c740d02031d0203020469656c640e020616020207020603037273740f02060b02021202060b02020301781a02041d020402056f6c6c6f770302020302080102060402021d02020301720202030f02050102030b02051102050102030b02050203726f6d05020901046769766505020202047265656e010207010468616c6607020b03026e640a020b1d020b03047a6172642102051d020502036561641e02061d020603026c7004020c02026f770702020102696e1302090102090202070202030102031702090102090202070202030102030303636964060203030b66726173747275637475720502070201740c02081d020801036a6f622102061d02060208756467656d656e742102031d020301046b65657001020423020401046c6173741602091d020902036561640602021102060b0403031202060b0403030402726e010209040273741a02081d0208030376656c07020308020701020703020801020818020701020703020801020802036973740d02081d020802036f636b0c02021d020201036d61691f02061d020603046e75616c0a02090302051a020903020502036565740702090302726702020802046f6e746810020301020702020301020303020316020301020702020301020303020301046e6565641d02041d0204030278741302070102071c020701020702026f740d02071d020701026f661a020608020715020608020702016e0302060202060302030c020a07020406020403020a0102030c020a070204060204020370656e0c02071d02070201721602041d020402047468657204020801020a020275740c02031d0203010570616e656c1c02041d020402066572666f726d1302040102041c020401020402066970656c696e02020d02076c6174666f726d01020203020302046f7369741c02031d02030205726f6d6f740702051c02031d02030104726174651a02051d02050207656672696765721902041d0204030467696f6e1e0205040402090102071802050404020901020703047061697224020804036f72741502041d02040304736f6c761b02031d02030404706f6e730602040403746f720a02021d020203047669657702020603020501020a0203756c650b02041d020403016e2402070404626f6f6b030204010573636f70650802021d02020205656e696f720402021902071d02070304727669630402060602061d020602046861726502020c03036966740302081402051d020503026f772102021d020202036974650802040d020306020509020b0102040d020306020503017810020201020606020216020201020606020202056f6d656f6e1f02041d02040205797374656d1802051d0205010474616c6b1602031d0203020365616d04020901020b030863686e696369616e0e02070f02080502060202030702070f020805020602036861740402070301650104050702020303020704020801020302020403020503020601020602020808020402020402020505020801020302020403020503020601020602020808020402020402020503066f726f75676805020303037265651302020202021b02020202020203696d651a02031d020302016f02020b0802051d020503026f6c01020c0204776963652302081d020803016f1402020202020202041902020202020202040104756e69740a02040202051802090302040202050201700602091002061d0206010377686f1f02051d020502036974680a02071d020705036f757404020b0204726974650602061002051d0205010279652002051d02050302617207020c02020505020301020303020504020a0d020a03020505020301020303020504020a0d020a040909090a3e0d0a0f0b19090f062d100915130c140f0b0e130e090b06090e0f0908090c090c0d0f0a0c0f11091618080909090a0c0b0707220810090b100c0c16070a200b0b0b120807240c100a10240b090c0a0d140b0f0c100c0f1a090b0c090b0f0b06090d100f090e0a1a150d0d0c0b1f08490b110b0c070c15150c0b0b080f0a');
CREATE TABLE IF NOT EXISTS 'passages_fts_idx'(segid, term, pgno, PRIMARY KEY(segid, term)) WITHOUT ROWID;
INSERT INTO passages_fts_idx VALUES(1,X'',2);
INSERT INTO passages_fts_idx VALUES(4,X'',2);
CREATE TABLE IF NOT EXISTS 'passages_fts_docsize'(id INTEGER PRIMARY KEY, sz BLOB);
INSERT INTO passages_fts_docsize VALUES(1,X'0b');
INSERT INTO passages_fts_docsize VALUES(2,X'0c');
INSERT INTO passages_fts_docsize VALUES(3,X'07');
INSERT INTO passages_fts_docsize VALUES(4,X'0b');
INSERT INTO passages_fts_docsize VALUES(5,X'0a');
INSERT INTO passages_fts_docsize VALUES(6,X'09');
INSERT INTO passages_fts_docsize VALUES(7,X'0b');
INSERT INTO passages_fts_docsize VALUES(8,X'03');
INSERT INTO passages_fts_docsize VALUES(9,X'04');
INSERT INTO passages_fts_docsize VALUES(10,X'0a');
INSERT INTO passages_fts_docsize VALUES(11,X'03');
INSERT INTO passages_fts_docsize VALUES(12,X'07');
INSERT INTO passages_fts_docsize VALUES(13,X'07');
INSERT INTO passages_fts_docsize VALUES(14,X'06');
INSERT INTO passages_fts_docsize VALUES(15,X'06');
INSERT INTO passages_fts_docsize VALUES(16,X'06');
INSERT INTO passages_fts_docsize VALUES(17,X'06');
INSERT INTO passages_fts_docsize VALUES(18,X'04');
INSERT INTO passages_fts_docsize VALUES(19,X'0a');
INSERT INTO passages_fts_docsize VALUES(20,X'0a');
INSERT INTO passages_fts_docsize VALUES(21,X'03');
INSERT INTO passages_fts_docsize VALUES(22,X'09');
INSERT INTO passages_fts_docsize VALUES(23,X'05');
INSERT INTO passages_fts_docsize VALUES(24,X'04');
INSERT INTO passages_fts_docsize VALUES(25,X'03');
INSERT INTO passages_fts_docsize VALUES(26,X'09');
INSERT INTO passages_fts_docsize VALUES(27,X'04');
INSERT INTO passages_fts_docsize VALUES(28,X'03');
INSERT INTO passages_fts_docsize VALUES(29,X'07');
INSERT INTO passages_fts_docsize VALUES(30,X'05');
INSERT INTO passages_fts_docsize VALUES(31,X'05');
INSERT INTO passages_fts_docsize VALUES(32,X'05');
INSERT INTO passages_fts_docsize VALUES(33,X'05');
INSERT INTO passages_fts_docsize VALUES(34,X'08');
INSERT INTO passages_fts_docsize VALUES(35,X'09');
INSERT INTO passages_fts_docsize VALUES(36,X'0a');
INSERT INTO passages_fts_docsize VALUES(37,X'03');
INSERT INTO passages_fts_docsize VALUES(38,X'04');
INSERT INTO passages_fts_docsize VALUES(39,X'0a');
INSERT INTO passages_fts_docsize VALUES(40,X'03');
INSERT INTO passages_fts_docsize VALUES(41,X'07');
INSERT INTO passages_fts_docsize VALUES(42,X'07');
INSERT INTO passages_fts_docsize VALUES(43,X'06');
INSERT INTO passages_fts_docsize VALUES(44,X'06');
INSERT INTO passages_fts_docsize VALUES(45,X'06');
INSERT INTO passages_fts_docsize VALUES(46,X'06');
INSERT INTO passages_fts_docsize VALUES(47,X'04');
INSERT INTO passages_fts_docsize VALUES(48,X'0a');
INSERT INTO passages_fts_docsize VALUES(49,X'0a');
INSERT INTO passages_fts_docsize VALUES(50,X'03');
INSERT INTO passages_fts_docsize VALUES(51,X'09');
INSERT INTO passages_fts_docsize VALUES(52,X'05');
INSERT INTO passages_fts_docsize VALUES(53,X'04');
INSERT INTO passages_fts_docsize VALUES(54,X'03');
INSERT INTO passages_fts_docsize VALUES(55,X'09');
INSERT INTO passages_fts_docsize VALUES(56,X'04');
INSERT INTO passages_fts_docsize VALUES(57,X'03');
INSERT INTO passages_fts_docsize VALUES(58,X'07');
INSERT INTO passages_fts_docsize VALUES(59,X'05');
INSERT INTO passages_fts_docsize VALUES(60,X'05');
INSERT INTO passages_fts_docsize VALUES(61,X'05');
INSERT INTO passages_fts_docsize VALUES(62,X'05');
INSERT INTO passages_fts_docsize VALUES(63,X'08');
INSERT INTO passages_fts_docsize VALUES(64,X'09');
INSERT INTO passages_fts_docsize VALUES(65,X'0a');
CREATE TABLE IF NOT EXISTS 'passages_fts_config'(k PRIMARY KEY, v) WITHOUT ROWID;
INSERT INTO passages_fts_config VALUES('version',4);
DELETE FROM sqlite_sequence;
INSERT INTO sqlite_sequence VALUES('audit_log',28);
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
