package dev.vigie.memory;

/** An incident or a template changed (or removed) since the memory last learned it. */
public record MemoryChange(long seq, Kind kind, String ref) {
    public enum Kind {
        INCIDENT, TEMPLATE
    }
}
