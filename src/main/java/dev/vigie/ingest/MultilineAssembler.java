package dev.vigie.ingest;

import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Joins continuation lines (stack frames, "Caused by:", indented lines, a Python traceback) to the
 * record that starts them. A record is complete when the next record starts, when it reaches its
 * cap, or when the caller flushes it (end of file, quiet time).
 */
final class MultilineAssembler {
    static final int MAX_LINES = 500;
    static final int MAX_CHARS = 256 * 1024;

    private static final Pattern CONTINUATION = Pattern.compile(
            "^(?:[ \\t]+\\S.*|Caused by: .*|\\.\\.\\. \\d+ (?:more|common frames omitted)|"
                    + "Traceback \\(most recent call last\\):|"
                    + "(?:[a-zA-Z_$][\\w$]*\\.)*[A-Z][\\w$]*(?:Exception|Error|Throwable)(?:: .*)?)$");

    private final String source;
    private final String fileKey;
    private StringBuilder pending;
    private long pendingEnd;
    private int pendingLines;

    MultilineAssembler(String source, String fileKey) {
        this.source = source;
        this.fileKey = fileKey;
    }

    void line(String text, long endOffset, Consumer<RawRecord> out) {
        if (pending != null && CONTINUATION.matcher(text).matches()
                && pendingLines < MAX_LINES && pending.length() + text.length() < MAX_CHARS) {
            pending.append('\n').append(text);
            pendingEnd = endOffset;
            pendingLines++;
            return;
        }
        flush(out);
        pending = new StringBuilder(text);
        pendingEnd = endOffset;
        pendingLines = 1;
    }

    boolean hasPending() {
        return pending != null;
    }

    void flush(Consumer<RawRecord> out) {
        if (pending != null) {
            out.accept(new RawRecord(source, fileKey, pending.toString(), pendingEnd, pendingLines));
            pending = null;
        }
    }
}
