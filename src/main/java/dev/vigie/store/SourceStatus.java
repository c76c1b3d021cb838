package dev.vigie.store;

import java.time.Instant;

/** A source's checkpoint and counts, as the Settings view and {@code vigie sources} show them. */
public record SourceStatus(String source, String fileKey, long offset, long lines, long events, long rejected,
                           Instant updated) {
}
