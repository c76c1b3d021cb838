package dev.vigie.ingest;

/**
 * How far one file's content has been read and stored: the file (its key and fingerprint), the
 * path it had, and the byte offset reached.
 */
public record Checkpoint(String fileKey, String fingerprint, String path, long offset) {
}
