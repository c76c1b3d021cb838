package dev.vigie.store;

/** An incident's facts and its analysis, as stored once the analysts are done. */
public record IncidentReport(String incidentId, String factsJson, String domain, String cause, String analyst,
                             String reportPath) {
}
