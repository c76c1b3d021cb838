-- Until a replay learnt to resume, a second launch replayed its recordings from the first record
-- into the same spool, and every replayed record was stored twice. Keep the first copy of each
-- record read from a replay spool (same source, time and text); other sources are left alone.
DELETE FROM log_events
WHERE source_id IN (SELECT id FROM source_names WHERE path LIKE '%/replay/%')
  AND id NOT IN (SELECT min(id) FROM log_events
                 WHERE source_id IN (SELECT id FROM source_names WHERE path LIKE '%/replay/%')
                 GROUP BY source_id, time_ms, raw);
