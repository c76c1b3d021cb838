package dev.vigie.sim;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The event time of a replay, under the engineer's control: it runs {@code speed} times faster than
 * the wall clock, can be paused, stepped and moved forward. At {@link #MAX} speed it does not run
 * by itself: the replay advances it in steps as fast as the pipeline takes the data
 * ({@link #advanceAtMax}). Thread-safe: the cockpit controls it while the sources read it.
 */
public final class ReplayClock implements EventClock {
    public static final double MAX = Double.POSITIVE_INFINITY;

    private final Clock wall;
    /** Event time at {@link #anchor} on the wall clock. */
    private Instant position;
    private Instant anchor;
    private double speed;
    private boolean paused;

    public ReplayClock(Instant origin, double speed, Clock wall) {
        checkSpeed(speed);
        this.wall = wall;
        this.position = origin;
        this.anchor = wall.instant();
        this.speed = speed;
    }

    @Override
    public synchronized Instant now() {
        if (paused || speed == MAX) {
            return position;
        }
        long elapsedMicros = Duration.between(anchor, wall.instant()).toNanos() / 1000;
        return position.plusNanos((long) (elapsedMicros * speed) * 1000);
    }

    public synchronized double speed() {
        return speed;
    }

    public synchronized boolean paused() {
        return paused;
    }

    /** From real time (1) up; {@link #MAX}: as fast as the pipeline goes. Event time does not jump. */
    public synchronized void setSpeed(double speed) {
        checkSpeed(speed);
        rebase();
        this.speed = speed;
    }

    public synchronized void pause() {
        rebase();
        paused = true;
    }

    public synchronized void resume() {
        rebase();
        paused = false;
    }

    /** Moves event time forward by {@code d}, paused or not: the replay delivers what it holds up to there. */
    public synchronized void step(Duration d) {
        if (d.isNegative()) {
            throw new IllegalArgumentException("a replay steps forward: " + d);
        }
        rebase();
        position = position.plus(d);
    }

    /**
     * Moves event time to {@code t}. Only forward: what was replayed is already ingested, detected
     * and stored, and replaying it again would count it twice.
     */
    public synchronized void seek(Instant t) {
        rebase();
        if (t.isBefore(position)) {
            throw new IllegalArgumentException("a replay only seeks forward: it is at " + position + ", asked for " + t
                    + "; what was replayed is already ingested");
        }
        position = t;
    }

    /** At {@link #MAX} speed and not paused, moves event time forward by {@code d}; otherwise does nothing. */
    public synchronized boolean advanceAtMax(Duration d) {
        if (speed != MAX || paused) {
            return false;
        }
        position = position.plus(d);
        return true;
    }

    /** Folds the time run since the anchor into the position, so that a change applies from now on. */
    private void rebase() {
        position = now();
        anchor = wall.instant();
    }

    private static void checkSpeed(double speed) {
        if (!(speed >= 1)) {
            throw new IllegalArgumentException("replay speed is from 1 (real time) up, or max: " + speed);
        }
    }
}
