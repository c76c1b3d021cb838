package dev.vigie.ingest;

/** How far a file has been read and stored: the file's identity and the byte offset reached. */
public record Checkpoint(String source, String fileKey, long offset) {
}
