package dev.vigie.event;

import java.time.Instant;
import java.util.List;

/**
 * Correlated anomalies over one stretch of event time: of one service, or of services that depend
 * on each other. {@code service} is where it began; {@code services} are all it spans, that one first.
 */
public record Incident(
        String id,
        String service,
        Instant start,
        Instant end,
        Severity severity,
        IncidentStatus status,
        List<Anomaly> anomalies,
        List<String> services) {

    public Incident {
        anomalies = List.copyOf(anomalies);
        services = List.copyOf(services);
    }

    public Incident(String id, String service, Instant start, Instant end, Severity severity, IncidentStatus status,
                    List<Anomaly> anomalies) {
        this(id, service, start, end, severity, status, anomalies, List.of(service));
    }

    public static String idFor(String service, Instant start) {
        return "INC-" + Ids.of("incident", service, start.toString()).substring(0, 8);
    }
}
