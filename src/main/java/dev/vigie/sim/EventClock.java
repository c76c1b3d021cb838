package dev.vigie.sim;

import java.time.Instant;

/** The event time a live source is at now: the wall clock, or a replay's clock running at some speed. */
public interface EventClock {
    Instant now();
}
