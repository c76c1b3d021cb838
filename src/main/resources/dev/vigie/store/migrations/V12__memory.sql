-- What an analysis recommended, one step a line (P1 first), so that the memory can say what fixed what.
ALTER TABLE incidents ADD COLUMN plan TEXT;
-- Feedback may be about one recommended action (P1, P2...); empty: about the analysis as a whole.
ALTER TABLE feedback ADD COLUMN action TEXT NOT NULL DEFAULT '';
-- What the memory (the vector index) has yet to learn: a row per incident or template changed,
-- written by triggers in the same transaction as the change, so an index that is down, lost or
-- corrupt misses nothing. A newer change of an item replaces its row and takes a higher seq (by a
-- delete and an insert: a trigger's OR REPLACE gives way to the conflict clause of the statement
-- that fired it).
CREATE TABLE memory_outbox (
    seq  INTEGER PRIMARY KEY AUTOINCREMENT,
    kind TEXT NOT NULL,
    ref  TEXT NOT NULL,
    UNIQUE (kind, ref)
);
CREATE TRIGGER memory_incident_insert AFTER INSERT ON incidents BEGIN
    DELETE FROM memory_outbox WHERE kind = 'incident' AND ref = new.id;
    INSERT INTO memory_outbox (kind, ref) VALUES ('incident', new.id);
END;
CREATE TRIGGER memory_incident_update AFTER UPDATE ON incidents BEGIN
    DELETE FROM memory_outbox WHERE kind = 'incident' AND ref = new.id;
    INSERT INTO memory_outbox (kind, ref) VALUES ('incident', new.id);
END;
CREATE TRIGGER memory_incident_delete AFTER DELETE ON incidents BEGIN
    DELETE FROM memory_outbox WHERE kind = 'incident' AND ref = old.id;
    INSERT INTO memory_outbox (kind, ref) VALUES ('incident', old.id);
END;
CREATE TRIGGER memory_feedback AFTER INSERT ON feedback BEGIN
    DELETE FROM memory_outbox WHERE kind = 'incident' AND ref = new.incident_id;
    INSERT INTO memory_outbox (kind, ref) VALUES ('incident', new.incident_id);
END;
CREATE TRIGGER memory_template_insert AFTER INSERT ON templates BEGIN
    DELETE FROM memory_outbox WHERE kind = 'template' AND ref = new.id;
    INSERT INTO memory_outbox (kind, ref) VALUES ('template', new.id);
END;
-- a template's count changes with every batch: only a new text or a merge is news to the memory
CREATE TRIGGER memory_template_update AFTER UPDATE OF template, example, merged_into ON templates
WHEN old.template IS NOT new.template OR old.merged_into IS NOT new.merged_into BEGIN
    DELETE FROM memory_outbox WHERE kind = 'template' AND ref = new.id;
    INSERT INTO memory_outbox (kind, ref) VALUES ('template', new.id);
END;
-- what an older version stored is remembered at the next start
INSERT INTO memory_outbox (kind, ref) SELECT 'incident', id FROM incidents ORDER BY start_ms, id;
INSERT INTO memory_outbox (kind, ref) SELECT 'template', id FROM templates WHERE merged_into IS NULL ORDER BY id;
-- "what happened then?": the incidents that end after a moment are few, those that start before it many
CREATE INDEX incidents_by_end ON incidents (end_ms);
