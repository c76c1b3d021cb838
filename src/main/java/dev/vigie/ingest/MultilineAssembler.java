package dev.vigie.ingest;

import dev.vigie.event.DecisiveText;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Joins continuation lines to the record that starts them: Java stack traces (frames,
 * "Caused by:", "... N more"), Python tracebacks, Go panics and goroutine dumps, and indented
 * lines in general. A record is complete when the next one starts, when it reaches its cap, or
 * when the caller flushes it (end of file, quiet time).
 */
final class MultilineAssembler {
    static final int MAX_LINES = 500;
    static final int MAX_CHARS = 256 * 1024;

    private static final Pattern CONTINUATION = Pattern.compile(
            "^(?:[ \\t]+\\S.*|Caused by: .*|\\.\\.\\. \\d+ (?:more|common frames omitted)|"
                    + "Traceback \\(most recent call last\\):|"
                    + "(?:[a-zA-Z_$][\\w$]*\\.)*[A-Z][\\w$]*(?:Exception|Error|Throwable|Exit|Interrupt)(?:: .*)?|"
                    + "goroutine \\d+ \\[.*\\]:)$");
    private static final Pattern GO_START = Pattern.compile("^(?:panic: |fatal error: |goroutine \\d+ \\[|SIGQUIT: quit)");
    /** What a new log record looks like: a date or time, a JSON object, a syslog priority, an access-log line. */
    private static final Pattern NEW_RECORD = Pattern.compile(
            "^(?:\\d{4}[-/]\\d{2}[-/]\\d{2}|\\d{2}:\\d{2}:\\d{2}|\\{|<\\d{1,3}>|[A-Z][a-z]{2} [ \\d]\\d \\d{2}:|\\[[A-Z][a-z]{2} "
                    + "|\\S+ \\S+ \\S+ \\[\\d{2}/|[A-Z]+[:\\s]|\\d{6} \\d{6} )");

    private final String source;
    private final String fileKey;
    private String fingerprint;
    /** Whether a record that may be decisive is announced by its first line before it is whole (live reading). */
    private boolean firstLinesAhead;
    private StringBuilder pending;
    private long pendingEnd;
    private int pendingLines;
    private int pendingFlags;
    private boolean goDump;

    MultilineAssembler(String source, String fileKey, String fingerprint) {
        this.source = source;
        this.fileKey = fileKey;
        this.fingerprint = fingerprint;
    }

    void line(String text, long endOffset, int flags, Consumer<RawRecord> out) {
        if (pending != null && continues(text) && pendingLines < MAX_LINES && pending.length() + text.length() < MAX_CHARS) {
            pending.append('\n').append(text);
            pendingEnd = endOffset;
            pendingLines++;
            pendingFlags |= flags;
            return;
        }
        flush(out);
        if (firstLinesAhead && DecisiveText.mayBe(text)) {
            out.accept(new RawRecord(source, fileKey, fingerprint, text, endOffset, 1, flags | RawRecord.FIRST_LINE));
        }
        pending = new StringBuilder(text);
        pendingEnd = endOffset;
        pendingLines = 1;
        pendingFlags = flags;
        goDump = GO_START.matcher(text).find();
    }

    private boolean continues(String text) {
        if (goDump) {
            // a Go dump holds blank lines and unindented function names: it ends only where a new record starts
            return !NEW_RECORD.matcher(text).find() || text.startsWith("goroutine ");
        }
        return CONTINUATION.matcher(text).matches();
    }

    void flush(Consumer<RawRecord> out) {
        if (pending != null) {
            out.accept(new RawRecord(source, fileKey, fingerprint, pending.toString(), pendingEnd, pendingLines, pendingFlags));
            pending = null;
            goDump = false;
        }
    }

    void firstLinesAhead() {
        firstLinesAhead = true;
    }

    /** The content's fingerprint covers more of it now (it grew): records from now on carry the new one. */
    void identified(String newFingerprint) {
        fingerprint = newFingerprint;
    }

    /** The file was renamed: records read from now on say so. */
    MultilineAssembler movedTo(String newSource) {
        MultilineAssembler moved = new MultilineAssembler(newSource, fileKey, fingerprint);
        moved.firstLinesAhead = firstLinesAhead;
        moved.pending = pending;
        moved.pendingEnd = pendingEnd;
        moved.pendingLines = pendingLines;
        moved.pendingFlags = pendingFlags;
        moved.goDump = goDump;
        return moved;
    }
}
