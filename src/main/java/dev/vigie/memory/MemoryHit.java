package dev.vigie.memory;

import dev.vigie.event.SimilarIncident;
import java.util.List;

/**
 * A record found, with how it ranked.
 *
 * @param score      reciprocal-rank fusion of its ranks by meaning and by words: higher first
 * @param similarity the cosine of its vector to the query's, or NaN when the query had none
 * @param byWords    whether it holds one of the query's words (not counting common ones)
 */
public record MemoryHit(MemoryRecord record, double score, double similarity, boolean byWords) {
    /** An incident found, as those who act on it read it: what it was and what was done. */
    SimilarIncident asSimilarIncident() {
        return new SimilarIncident(record.ref(), record.service(), record.domain(), record.field("cause"), record.field("start"),
                split(record.field("plan"), "\n"), split(record.field("helped"), ","), split(record.field("not_helped"), ","), similarity,
                byWords);
    }

    private static List<String> split(String s, String by) {
        return s.isEmpty() ? List.of() : List.of(s.split(by));
    }
}
