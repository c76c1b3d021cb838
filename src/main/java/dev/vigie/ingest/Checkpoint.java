package dev.vigie.ingest;

import java.nio.file.Path;

/**
 * How far one file's content has been read and stored: the file (its key and fingerprint), the
 * path it had, the byte offset reached, and the bytes just before that offset as they were then
 * (hex; null when not known), by which a content rewritten in place is told from the one read.
 */
public record Checkpoint(String fileKey, String fingerprint, String path, long offset, String tail) {
    public Checkpoint(String fileKey, String fingerprint, String path, long offset) {
        this(fileKey, fingerprint, path, offset, null);
    }

    /** How many of its file's first bytes the fingerprint covers; -1 for one made before fingerprints said so. */
    public int fingerprintLength() {
        return Fingerprint.length(fingerprint);
    }

    /** The same, with the bytes the file holds just before the offset now, when it is still this content at that path. */
    public Checkpoint withTailRead() {
        return new Checkpoint(fileKey, fingerprint, path, offset, Tails.before(Path.of(path), fileKey, offset));
    }
}
