package dev.vigie.event;

import java.time.Instant;
import java.util.List;

/** Correlated anomalies of one service over one stretch of event time. */
public record Incident(
        String id,
        String service,
        Instant start,
        Instant end,
        Severity severity,
        IncidentStatus status,
        List<Anomaly> anomalies) {

    public Incident {
        anomalies = List.copyOf(anomalies);
    }

    public static String idFor(String service, Instant start) {
        return "INC-" + Ids.of("incident", service, start.toString()).substring(0, 8);
    }
}
