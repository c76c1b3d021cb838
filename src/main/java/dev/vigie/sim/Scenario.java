package dev.vigie.sim;

import java.time.Instant;

/** A fault injected into one simulated service from {@code start} until {@code end}; kept as ground truth. */
public record Scenario(ScenarioKind kind, String service, Instant start, Instant end) {
    public Scenario {
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("a scenario ends after it starts: " + start + " .. " + end);
        }
    }

    public String name() {
        return kind.label() + " on " + service;
    }

    boolean activeAt(Instant t) {
        return !t.isBefore(start) && t.isBefore(end);
    }

    double elapsedSeconds(Instant t) {
        return (t.toEpochMilli() - start.toEpochMilli()) / 1000.0;
    }
}
