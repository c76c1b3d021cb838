package dev.vigie.ingest;

/**
 * One log record as read from a file: a line, or a line and its continuation lines (a stack
 * trace). {@code endOffset} is the byte offset right after it: the checkpoint once it is stored.
 */
public record RawRecord(String source, String fileKey, String text, long endOffset, int lines) {
}
