-- Ladder schema 9: search also finds the descriptions of frameworks, tracks, competencies and
-- overlay roles (storage/passages.h). The tables do not change; Ladder rebuilds the passages of
-- every stored version right after this step. The statement below only marks the step.
SELECT 1;
