package dev.vigie.event;

import java.time.Instant;

/**
 * What a person said of an incident's analysis and its recommendations.
 *
 * @param time when it was said (wall clock: a person's act, not a fact of the logs)
 */
public record Feedback(String incidentId, Instant time, boolean useful, String note) {
    public Feedback {
        note = note == null ? "" : note.strip();
    }
}
