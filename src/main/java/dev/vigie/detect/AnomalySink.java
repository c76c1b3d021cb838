package dev.vigie.detect;

import dev.vigie.event.Anomaly;

@FunctionalInterface
public interface AnomalySink {
    void accept(Anomaly anomaly);
}
