-- Ladder schema 2 (SQLite): search that gives the same hits on every backend. Each passage keeps
-- its folded, stemmed words (`terms`, computed by Ladder: storage/search_text.h) and its
-- position in the version (`ord`); FTS5 indexes the terms with the plain ascii tokenizer, so
-- that SQLite's own stemming and word splitting no longer decide what matches. The terms of
-- passages stored before this step are filled in by Ladder right after it runs.

DROP TRIGGER passages_ai;
DROP TRIGGER passages_ad;
DROP TABLE passages_fts;

ALTER TABLE passages ADD COLUMN ord INTEGER NOT NULL DEFAULT 0;
ALTER TABLE passages ADD COLUMN terms TEXT NOT NULL DEFAULT '';

CREATE VIRTUAL TABLE passages_fts USING fts5 (
  terms, content = 'passages', content_rowid = 'id', tokenize = 'ascii');
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
