-- Ladder schema 5: framework versions are kept as their canonical JSON (docs/format.md, "JSON"),
-- the form `ladder export --to json` prints, instead of a form of storage's own. The tables do
-- not change; Ladder rewrites the documents stored before this step right after it runs
-- (storage/framework_document.h). The statement below only marks the step.
SELECT 1;
