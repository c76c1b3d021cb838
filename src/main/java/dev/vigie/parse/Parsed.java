package dev.vigie.parse;

import dev.vigie.event.Level;
import java.time.Instant;
import java.util.Map;

/** What one format read out of a line; null fields were not present. */
record Parsed(Instant time, Level level, String service, String message, Map<String, String> fields) {
}
