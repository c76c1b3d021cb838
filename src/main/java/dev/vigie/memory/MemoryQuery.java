package dev.vigie.memory;

import java.util.EnumSet;
import java.util.Set;

/**
 * A search of the memory: by meaning (a vector), by words (BM25), or both fused, among the records
 * that pass every filter given (null or empty: no filter).
 *
 * @param fromMs the earliest time, inclusive (Long.MIN_VALUE: none)
 * @param toMs   the latest time, inclusive (Long.MAX_VALUE: none)
 */
public record MemoryQuery(String text, float[] vector, Set<MemoryRecord.Kind> kinds, String service, String domain,
                          long fromMs, long toMs, int limit) {
    public MemoryQuery {
        kinds = kinds == null || kinds.isEmpty() ? EnumSet.allOf(MemoryRecord.Kind.class) : EnumSet.copyOf(kinds);
        if (limit < 1) {
            throw new IllegalArgumentException("a search returns at least one record");
        }
    }

    public static MemoryQuery of(String text, float[] vector, int limit) {
        return new MemoryQuery(text, vector, null, null, null, Long.MIN_VALUE, Long.MAX_VALUE, limit);
    }

    public MemoryQuery kinds(MemoryRecord.Kind first, MemoryRecord.Kind... more) {
        return new MemoryQuery(text, vector, EnumSet.of(first, more), service, domain, fromMs, toMs, limit);
    }

    public MemoryQuery service(String s) {
        return new MemoryQuery(text, vector, kinds, s, domain, fromMs, toMs, limit);
    }

    public MemoryQuery domain(String d) {
        return new MemoryQuery(text, vector, kinds, service, d, fromMs, toMs, limit);
    }

    public MemoryQuery between(long from, long to) {
        return new MemoryQuery(text, vector, kinds, service, domain, from, to, limit);
    }

    boolean hasText() {
        return text != null && !text.isBlank();
    }
}
