package dev.vigie.config;

import java.time.Duration;

/**
 * @param maxLineBytes  longer lines are cut there and flagged
 * @param quiet         a held record (last line without newline, open stack trace) is complete after this long without data
 * @param maxOpenFiles  at most this many files are held open; the others are closed and reopened by identity when they grow
 * @param closeInactive a followed file that gives nothing for this long is closed until it grows again
 */
public record IngestOptions(int maxLineBytes, Duration quiet, int maxOpenFiles, Duration closeInactive) {
    public static final IngestOptions DEFAULTS = new IngestOptions(1 << 20, Duration.ofSeconds(1), 256, Duration.ofMinutes(5));

    public IngestOptions {
        if (maxLineBytes < 1024) {
            throw new IllegalArgumentException("the maximum line length must be at least 1024 bytes");
        }
        if (maxOpenFiles < 1) {
            throw new IllegalArgumentException("at least one file must be allowed open");
        }
    }

    public IngestOptions(int maxLineBytes, Duration quiet) {
        this(maxLineBytes, quiet, DEFAULTS.maxOpenFiles, DEFAULTS.closeInactive);
    }

    public IngestOptions withOpenFiles(int max, Duration closeInactive) {
        return new IngestOptions(maxLineBytes, quiet, max, closeInactive);
    }
}
