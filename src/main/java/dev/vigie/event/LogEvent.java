package dev.vigie.event;

import java.time.Instant;
import java.util.Map;

/**
 * One parsed log record. {@code time} is event time, read from the line; when the line had none
 * usable, {@code timeInferred} says that {@code time} was borrowed (previous line, or ingest time).
 * {@code templateId} is null until the template stage has mined the message.
 */
public record LogEvent(
        Instant time,
        String source,
        String service,
        Level level,
        String message,
        Map<String, String> fields,
        String raw,
        boolean timeInferred,
        String templateId) {

    public LogEvent {
        // the parser builds a fresh map per event and hands it over: wrapped, not copied (hot path)
        fields = java.util.Collections.unmodifiableMap(fields);
    }

    public LogEvent withTemplateId(String id) {
        return new LogEvent(time, source, service, level, message, fields, raw, timeInferred, id);
    }

    /** What Vigie noted while reading the line, as opposed to what the line says: kept when the event is stored. */
    public static final java.util.Set<String> NOTE_KEYS = java.util.Set.of("truncated", "invalid_utf8", "time_absurd", "level_inferred");

    public Map<String, String> notes() {
        if (fields.isEmpty()) {
            return Map.of();
        }
        Map<String, String> notes = null; // most events have none: nothing allocated for them
        for (String k : NOTE_KEYS) {
            String v = fields.get(k);
            if (v != null) {
                if (notes == null) {
                    notes = new java.util.TreeMap<>();
                }
                notes.put(k, v);
            }
        }
        return notes == null ? Map.of() : notes;
    }

    /** A stack trace or exception is part of the record (multi-line Java/Python traces, or an exception field). */
    public boolean hasException() {
        return fields.containsKey("exception") || ExceptionMarkers.present(raw);
    }
}
