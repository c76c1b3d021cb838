-- What a person said of an incident's analysis and recommendations: useful or not, and why.
CREATE TABLE feedback (
    id          INTEGER PRIMARY KEY,
    incident_id TEXT    NOT NULL,
    time_ms     INTEGER NOT NULL,
    useful      INTEGER NOT NULL,
    note        TEXT    NOT NULL
);
CREATE INDEX feedback_by_incident ON feedback (incident_id);
