-- Ladder schema 3 (PostgreSQL): API tokens have a scope. 'read' tokens may only read (GET);
-- 'write' tokens may do everything their user may do. Tokens made before scopes existed could
-- do everything, so they become 'write'.
ALTER TABLE api_tokens ADD COLUMN scope TEXT NOT NULL DEFAULT 'write';
