package dev.vigie.event;

import java.time.Instant;

/** A log event as the explorer lists it. */
public record StoredEvent(long id, Instant time, String service, String level, String message, String templateId) {
}
