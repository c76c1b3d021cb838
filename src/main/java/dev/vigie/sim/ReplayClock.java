package dev.vigie.sim;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** Event time that starts at {@code origin} when created and runs {@code speed} times faster than the wall clock. */
public final class ReplayClock implements EventClock {
    private final Instant origin;
    private final Instant wallStart;
    private final double speed;
    private final Clock wall;

    public ReplayClock(Instant origin, double speed, Clock wall) {
        this.origin = origin;
        this.speed = speed;
        this.wall = wall;
        this.wallStart = wall.instant();
    }

    @Override
    public Instant now() {
        long elapsedMicros = Duration.between(wallStart, wall.instant()).toNanos() / 1000;
        return origin.plusNanos((long) (elapsedMicros * speed) * 1000);
    }

    public double speed() {
        return speed;
    }
}
