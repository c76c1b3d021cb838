package dev.vigie.config;

import java.time.Duration;

/**
 * @param maxLineBytes longer lines are cut there and flagged
 * @param quiet        a held record (last line without newline, open stack trace) is complete after this long without data
 */
public record IngestOptions(int maxLineBytes, Duration quiet) {
    public static final IngestOptions DEFAULTS = new IngestOptions(1 << 20, Duration.ofSeconds(1));

    public IngestOptions {
        if (maxLineBytes < 1024) {
            throw new IllegalArgumentException("the maximum line length must be at least 1024 bytes");
        }
    }
}
