package dev.vigie.event;

import java.time.Instant;

/**
 * A source's counts and last error, as the Settings view and {@code vigie sources} show them;
 * {@code timeLayout} says how its event times are read (null until known).
 */
public record SourceStatus(String source, long lines, long events, long rejected, long invalidUtf8, long truncated,
                           long timeInferred, String lastError, Instant lastErrorAt, Instant updated, String timeLayout) {
}
