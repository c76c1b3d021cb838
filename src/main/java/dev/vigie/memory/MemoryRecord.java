package dev.vigie.memory;

import java.util.Map;
import java.util.TreeMap;

/**
 * One thing remembered, redacted: an incident (facts summary, cause, plan, feedback) or a log
 * template (text and example).
 *
 * @param id     {@code incident:INC-…} or {@code template:…}, unique in the memory
 * @param text   what is embedded and searched by words
 * @param timeMs when it began (an incident) or was first seen (a template), event time
 * @param fields what is shown of it but not searched (cause, plan, feedback...), sorted by name
 */
public record MemoryRecord(String id, Kind kind, String text, String service, String domain, long timeMs,
                           Map<String, String> fields) {
    public enum Kind {
        INCIDENT, TEMPLATE;

        String prefix() {
            return name().toLowerCase(java.util.Locale.ROOT) + ":";
        }
    }

    public MemoryRecord {
        service = service == null ? "" : service;
        domain = domain == null ? "" : domain;
        fields = java.util.Collections.unmodifiableMap(new TreeMap<>(fields));
    }

    public static String idOf(Kind kind, String ref) {
        return kind.prefix() + ref;
    }

    /** The incident's or the template's own id. */
    public String ref() {
        return id.substring(kind.prefix().length());
    }

    public String field(String name) {
        return fields.getOrDefault(name, "");
    }
}
