-- A stored event keeps its raw text (which holds every field the line carried, re-derivable by
-- parsing) and only what Vigie noted while reading it: cut, invalid UTF-8, absurd or missing time.
ALTER TABLE log_events RENAME COLUMN fields TO notes;
