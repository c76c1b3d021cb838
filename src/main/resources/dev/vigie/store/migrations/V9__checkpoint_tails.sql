-- The bytes a file held just before its checkpoint's offset, as hex: a file rewritten in place, or a
-- new file on an old one's inode with the same first line, no longer holds them and is read from its
-- start. Existing checkpoints have none and are trusted, so an upgrade reads nothing again.
ALTER TABLE checkpoints ADD COLUMN tail TEXT;
