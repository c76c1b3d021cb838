package dev.vigie.pipeline.client;

/** What the pipeline has seen so far. */
public record Counts(long lines, long events, long errors, long rejected, long anomalies, long incidents, long samples) {
}
