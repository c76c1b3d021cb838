-- Sources and their checkpoints: a checkpoint is committed with the events read up to it.
CREATE TABLE sources (
    source     TEXT PRIMARY KEY,
    file_key   TEXT    NOT NULL,
    offset     INTEGER NOT NULL,
    lines      INTEGER NOT NULL DEFAULT 0,
    events     INTEGER NOT NULL DEFAULT 0,
    rejected   INTEGER NOT NULL DEFAULT 0,
    updated_ms INTEGER NOT NULL
);

CREATE TABLE log_events (
    id            INTEGER PRIMARY KEY,
    time_ms       INTEGER NOT NULL,
    source        TEXT    NOT NULL,
    service       TEXT    NOT NULL,
    level         TEXT    NOT NULL,
    template_id   TEXT,
    message       TEXT    NOT NULL,
    fields        TEXT    NOT NULL,
    raw           TEXT    NOT NULL,
    time_inferred INTEGER NOT NULL
);
CREATE INDEX log_events_by_time ON log_events (time_ms);
CREATE INDEX log_events_by_service ON log_events (service, time_ms);

CREATE VIRTUAL TABLE log_events_fts USING fts5(message, content='log_events', content_rowid='id');
CREATE TRIGGER log_events_fts_insert AFTER INSERT ON log_events BEGIN
    INSERT INTO log_events_fts (rowid, message) VALUES (new.id, new.message);
END;
CREATE TRIGGER log_events_fts_delete AFTER DELETE ON log_events BEGIN
    INSERT INTO log_events_fts (log_events_fts, rowid, message) VALUES ('delete', old.id, old.message);
END;

CREATE TABLE templates (
    id            TEXT PRIMARY KEY,
    template      TEXT    NOT NULL,
    count         INTEGER NOT NULL,
    first_seen_ms INTEGER NOT NULL,
    last_seen_ms  INTEGER NOT NULL,
    example       TEXT    NOT NULL
);

CREATE TABLE metric_samples (
    service TEXT    NOT NULL,
    metric  TEXT    NOT NULL,
    time_ms INTEGER NOT NULL,
    value   REAL    NOT NULL,
    PRIMARY KEY (service, metric, time_ms)
) WITHOUT ROWID;

CREATE TABLE anomalies (
    id         TEXT PRIMARY KEY,
    check_name TEXT    NOT NULL,
    service    TEXT    NOT NULL,
    series     TEXT,
    start_ms   INTEGER NOT NULL,
    end_ms     INTEGER NOT NULL,
    severity   TEXT    NOT NULL,
    score      REAL    NOT NULL,
    text       TEXT    NOT NULL,
    evidence   TEXT    NOT NULL
);
CREATE INDEX anomalies_by_time ON anomalies (start_ms);

CREATE TABLE incidents (
    id          TEXT PRIMARY KEY,
    service     TEXT    NOT NULL,
    start_ms    INTEGER NOT NULL,
    end_ms      INTEGER NOT NULL,
    severity    TEXT    NOT NULL,
    status      TEXT    NOT NULL,
    facts       TEXT,
    domain      TEXT,
    cause       TEXT,
    analyst     TEXT,
    report_path TEXT
);
CREATE INDEX incidents_by_time ON incidents (start_ms);

CREATE TABLE incident_anomalies (
    incident_id TEXT NOT NULL,
    anomaly_id  TEXT NOT NULL,
    PRIMARY KEY (incident_id, anomaly_id)
) WITHOUT ROWID;
