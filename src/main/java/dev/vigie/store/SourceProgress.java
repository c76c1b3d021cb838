package dev.vigie.store;

/** What one source gave in a batch: lines read, events made, and what had to be rejected or repaired. */
public record SourceProgress(long lines, long events, long rejected, long invalidUtf8, long truncated,
                             long timeInferred) {
}
