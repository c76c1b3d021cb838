package dev.vigie.ingest;

/**
 * One log record as read from a file: a line, or a line and its continuation lines (a stack
 * trace). {@code endOffset} is the byte offset right after it: the checkpoint once it is stored.
 * {@code flags} says what had to be repaired to read it.
 */
public record RawRecord(String source, String fileKey, String fingerprint, String text, long endOffset, int lines,
                        int flags) {
    /** A line longer than the maximum was cut. */
    public static final int TRUNCATED = 1;
    /** Bytes that were not UTF-8 were replaced by U+FFFD. */
    public static final int INVALID_UTF8 = 2;
    /**
     * Only the first line of a record still being read, handed ahead because it may be decisive (a
     * FATAL, a panic): not stored, not counted, not a checkpoint. The whole record follows.
     */
    public static final int FIRST_LINE = 4;

    public boolean has(int flag) {
        return (flags & flag) != 0;
    }
}
