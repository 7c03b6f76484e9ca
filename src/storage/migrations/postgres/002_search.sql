-- Ladder schema 2 (PostgreSQL): search that gives the same hits on every backend. Each passage
-- keeps its folded, stemmed words (`terms`, computed by Ladder: storage/search_text.h) and its
-- position in the version (`ord`); the tsvector is the 'simple' configuration over the terms,
-- so that PostgreSQL's English stemming, stop words and file-path or hyphen tokens no longer
-- decide what matches. The terms of passages stored before this step are filled in by Ladder
-- right after it runs.

DROP INDEX passages_search;
ALTER TABLE passages DROP COLUMN search;

ALTER TABLE passages ADD COLUMN ord BIGINT NOT NULL DEFAULT 0;
ALTER TABLE passages ADD COLUMN terms TEXT NOT NULL DEFAULT '';
ALTER TABLE passages ADD COLUMN search tsvector
  GENERATED ALWAYS AS (to_tsvector('simple', terms)) STORED;
CREATE INDEX passages_search ON passages USING GIN (search);
