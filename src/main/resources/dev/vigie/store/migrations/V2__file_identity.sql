-- A checkpoint belongs to a content (file key + fingerprint of its first line), not to a path:
-- a renamed file keeps it, a truncated file gets a new one, and a copy can find the original's.
CREATE TABLE checkpoints (
    file_key    TEXT    NOT NULL,
    fingerprint TEXT    NOT NULL,
    path        TEXT    NOT NULL,
    offset      INTEGER NOT NULL,
    updated_ms  INTEGER NOT NULL,
    PRIMARY KEY (file_key, fingerprint)
) WITHOUT ROWID;
CREATE INDEX checkpoints_by_fingerprint ON checkpoints (fingerprint);
CREATE INDEX checkpoints_by_path ON checkpoints (path);

-- Sources are paths as the operator sees them: what was read from each and what went wrong.
CREATE TABLE source_stats (
    source        TEXT PRIMARY KEY,
    lines         INTEGER NOT NULL DEFAULT 0,
    events        INTEGER NOT NULL DEFAULT 0,
    rejected      INTEGER NOT NULL DEFAULT 0,
    invalid_utf8  INTEGER NOT NULL DEFAULT 0,
    truncated     INTEGER NOT NULL DEFAULT 0,
    time_inferred INTEGER NOT NULL DEFAULT 0,
    last_error    TEXT,
    last_error_ms INTEGER,
    updated_ms    INTEGER NOT NULL
);
INSERT INTO source_stats (source, lines, events, rejected, updated_ms)
    SELECT source, lines, events, rejected, updated_ms FROM sources;
-- the old path-keyed checkpoints cannot say which content they were for: files are read again
DROP TABLE sources;
