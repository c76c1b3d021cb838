-- How each source's event times are read: the format that read them, or the layout found in its lines.
ALTER TABLE source_stats ADD COLUMN time_layout TEXT;
