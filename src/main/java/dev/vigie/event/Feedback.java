package dev.vigie.event;

import java.time.Instant;

/**
 * What a person said of an incident's analysis, or of one of its recommended actions.
 *
 * @param time   when it was said (wall clock: a person's act, not a fact of the logs)
 * @param useful the action helped (or the analysis was useful)
 * @param action the recommended action it is about ({@code P1}, {@code P2}...), or empty for the whole analysis
 */
public record Feedback(String incidentId, Instant time, boolean useful, String note, String action) {
    public Feedback {
        note = note == null ? "" : note.strip();
        action = action == null ? "" : action.strip().toUpperCase(java.util.Locale.ROOT);
    }

    public Feedback(String incidentId, Instant time, boolean useful, String note) {
        this(incidentId, time, useful, note, "");
    }
}
