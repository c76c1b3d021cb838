package dev.vigie.event;

import dev.vigie.event.IncidentStatus;
import dev.vigie.event.Severity;
import java.time.Instant;
import java.util.List;

/** An incident as listed: its window, the checks that found it and, once analysed, its domain, cause and report. */
public record StoredIncident(String id, String service, Instant start, Instant end, Severity severity,
                             IncidentStatus status, String domain, String cause, String analyst, String reportPath,
                             List<String> checks, List<String> affected) {
}
