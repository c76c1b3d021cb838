package dev.vigie.event;

import java.util.Map;

/**
 * A stored log event with all that was kept of it: the line as read (a whole stack trace for a
 * multi-line record), its source and what parsing noted.
 *
 * @param timeInferred its time was not in the line and was taken from the lines around it
 */
public record EventDetail(StoredEvent event, String source, String raw, Map<String, String> notes, boolean timeInferred) {
    public EventDetail {
        notes = Map.copyOf(notes);
    }
}
