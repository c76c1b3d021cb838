package dev.vigie.pipeline.client;

import dev.vigie.event.Anomaly;
import java.util.List;

/** What a re-detection found: each anomaly in its final extent, over how many points of how many series, in how long. */
public record Redetection(List<Anomaly> anomalies, int points, int series, double millis) {
}
