package dev.vigie.detect;

import dev.vigie.event.Anomaly;

@FunctionalInterface
public interface AnomalySink {
    /** A new anomaly. */
    void accept(Anomaly anomaly);

    /**
     * A new version of an anomaly already accepted (the same {@link Anomaly#id()}): it has grown,
     * or it is over and this is its final extent. A sink that keeps anomalies replaces the old one.
     */
    default void update(Anomaly anomaly) {
        accept(anomaly);
    }
}
