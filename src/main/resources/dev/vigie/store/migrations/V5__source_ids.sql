-- Each event names its source by a small id instead of repeating the path: rows are smaller and
-- ingestion binds one string less per line.
CREATE TABLE source_names (
    id   INTEGER PRIMARY KEY,
    path TEXT NOT NULL UNIQUE
);
INSERT INTO source_names (path) SELECT DISTINCT source FROM log_events ORDER BY source;
CREATE TABLE log_events_v5 (
    id            INTEGER PRIMARY KEY,
    time_ms       INTEGER NOT NULL,
    source_id     INTEGER NOT NULL,
    service       TEXT    NOT NULL,
    level         TEXT    NOT NULL,
    template_id   TEXT,
    message       TEXT    NOT NULL,
    notes         TEXT,
    raw           TEXT    NOT NULL,
    time_inferred INTEGER NOT NULL
);
INSERT INTO log_events_v5
    SELECT e.id, e.time_ms, s.id, e.service, e.level, e.template_id, e.message,
           CASE e.notes WHEN '{}' THEN NULL ELSE e.notes END, e.raw, e.time_inferred
    FROM log_events e JOIN source_names s ON s.path = e.source;
DROP TABLE log_events;
ALTER TABLE log_events_v5 RENAME TO log_events;
CREATE INDEX log_events_by_time ON log_events (time_ms);
