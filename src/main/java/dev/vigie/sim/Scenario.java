package dev.vigie.sim;

import java.time.Instant;

/**
 * A fault injected into one simulated series: from {@code start} the value moves by up to
 * {@code delta}, reaching it after {@code ramp} seconds, until {@code end}. Kept as ground truth.
 */
public record Scenario(String name, String service, String metric, Instant start, Instant end, double delta,
                       long rampSeconds) {

    double effectAt(Instant t) {
        if (t.isBefore(start) || !t.isBefore(end)) {
            return 0;
        }
        double elapsed = (t.toEpochMilli() - start.toEpochMilli()) / 1000.0;
        return rampSeconds <= 0 ? delta : delta * Math.min(1.0, elapsed / rampSeconds);
    }
}
