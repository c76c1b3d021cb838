-- Services found linked in incidents (one named the other, pointed at its kind...), and in how many:
-- once a pair has been linked often enough, its anomalies that start together are one incident even
-- without lines that say so (two metric anomalies, say).
CREATE TABLE learned_dependencies (
    service     TEXT    NOT NULL,
    depends_on  TEXT    NOT NULL,
    incidents   INTEGER NOT NULL,
    first_ms    INTEGER NOT NULL,
    last_ms     INTEGER NOT NULL,
    PRIMARY KEY (service, depends_on)
) WITHOUT ROWID;
