package dev.vigie.store;

/** How far one source was read in a batch and what came of it; offset is the new checkpoint. */
public record SourceProgress(String fileKey, long offset, long lines, long events, long rejected) {
    public SourceProgress plus(SourceProgress later) {
        return new SourceProgress(later.fileKey, later.offset, lines + later.lines, events + later.events,
                rejected + later.rejected);
    }
}
