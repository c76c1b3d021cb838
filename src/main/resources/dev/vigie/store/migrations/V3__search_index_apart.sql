-- Full-text search moves to its own file (search.db), filled behind ingestion by an indexer:
-- indexing every line in the ingest transaction cost more than the ingest itself.
DROP TRIGGER log_events_fts_insert;
DROP TRIGGER log_events_fts_delete;
DROP TABLE log_events_fts;
-- queries by service filter the time index; one index less on every insert
DROP INDEX log_events_by_service;
