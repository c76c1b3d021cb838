package dev.vigie.incident;

import dev.vigie.event.IncidentStatus;
import dev.vigie.event.Severity;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The objective record of one incident: what was measured, nothing inferred. It is what the
 * analysts read, and it is the same, byte for byte, every time the same input is replayed.
 */
public record FactsReport(
        String incidentId,
        String service,
        Instant start,
        Instant end,
        Severity severity,
        IncidentStatus status,
        String firstSignal,
        List<AnomalyFact> anomalies,
        List<TemplateFact> templates,
        List<String> sampleLines,
        List<MetricFact> metrics,
        boolean summarised,
        List<String> services,
        List<String> changes) {

    /**
     * @param services the services the incident spans, where it began first
     * @param changes  what changed around it: templates never seen before it, deploy and restart lines
     */
    public FactsReport {
        anomalies = List.copyOf(anomalies);
        templates = List.copyOf(templates);
        sampleLines = List.copyOf(sampleLines);
        metrics = List.copyOf(metrics);
        services = List.copyOf(services);
        changes = List.copyOf(changes);
    }

    public FactsReport(String incidentId, String service, Instant start, Instant end, Severity severity,
                       IncidentStatus status, String firstSignal, List<AnomalyFact> anomalies, List<TemplateFact> templates,
                       List<String> sampleLines, List<MetricFact> metrics, boolean summarised) {
        this(incidentId, service, start, end, severity, status, firstSignal, anomalies, templates, sampleLines, metrics,
                summarised, List.of(service), List.of());
    }

    /** What the incident is like, to find those like it: its service, first signal and main templates (not redacted). */
    public String likeness() {
        return service + " " + firstSignal + " " + String.join(" ", templates.stream().limit(5).map(TemplateFact::template).toList());
    }

    public record AnomalyFact(String check, String series, Instant start, Instant end, Severity severity,
                              double score, String text, Map<String, Object> evidence) {
    }

    /** A template with how often it appeared in the window before the incident and during it. */
    public record TemplateFact(String templateId, String template, long before, long during) {
    }

    /** A series around the incident: its baseline before, its extremes during, a few points. */
    public record MetricFact(String series, double baseline, double minDuring, double maxDuring,
                             List<Point> points) {
    }

    public record Point(Instant time, double value) {
    }
}
