package dev.vigie.template;

import java.time.Instant;

/** A log template: a message with its variable parts masked, and what has been seen of it. */
public record Template(String id, String text, long count, Instant firstSeen, Instant lastSeen, String example) {
}
