package dev.vigie.agent;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Sends work to the offline analyst while the model keeps failing: after {@code threshold}
 * failures in a row the circuit opens for {@code cooldown}; then one call is let through, and its
 * success closes the circuit again. The reason it is open is kept, for the UI and the reports.
 */
final class CircuitBreaker {
    private final int threshold;
    private final Duration cooldown;
    private final Clock clock;
    private int failuresInARow;
    private Instant openUntil = Instant.MIN;
    private String lastFailure = "";

    CircuitBreaker(int threshold, Duration cooldown, Clock clock) {
        this.threshold = threshold;
        this.cooldown = cooldown;
        this.clock = clock;
    }

    /** @return why calls are held back now, or null when a call may go */
    synchronized String heldBack() {
        Instant now = clock.instant();
        return now.isBefore(openUntil)
                ? "the model failed " + failuresInARow + " times in a row (last: " + lastFailure + "); next try after " + openUntil
                : null;
    }

    synchronized void success() {
        failuresInARow = 0;
        openUntil = Instant.MIN;
    }

    synchronized void failure(String reason) {
        failuresInARow++;
        lastFailure = reason;
        if (failuresInARow >= threshold) {
            openUntil = clock.instant().plus(cooldown);
        }
    }
}
