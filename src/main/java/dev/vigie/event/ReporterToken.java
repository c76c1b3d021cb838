package dev.vigie.event;

/** A piece of the reporter's text as the model writes it, for the cockpit to show live. */
public record ReporterToken(String incidentId, String text) {
}
