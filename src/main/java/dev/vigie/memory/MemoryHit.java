package dev.vigie.memory;

/**
 * A record found, with how it ranked.
 *
 * @param score      reciprocal-rank fusion of its ranks by meaning and by words: higher first
 * @param similarity the cosine of its vector to the query's, or NaN when the query had none
 * @param byWords    whether it holds one of the query's words (not counting common ones)
 */
public record MemoryHit(MemoryRecord record, double score, double similarity, boolean byWords) {
}
