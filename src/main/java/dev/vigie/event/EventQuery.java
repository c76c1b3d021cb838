package dev.vigie.event;

import java.time.Instant;
import java.util.Set;

/**
 * Which stored log events to list, newest first: every field narrows, null or empty means any.
 *
 * @param words    every one of them in the message (full-text; events not indexed yet are not found)
 * @param levels   level names ({@code ERROR}...)
 * @param template a template id or its first characters (the chat cites eight)
 * @param beforeId only events listed after this one (the next page), or 0
 */
public record EventQuery(String words, String service, Set<String> levels, String template, Instant from, Instant to,
                         long beforeId, int limit) {
    public EventQuery {
        levels = levels == null ? Set.of() : Set.copyOf(levels);
    }

    public static EventQuery newest(int limit) {
        return new EventQuery(null, null, Set.of(), null, null, null, 0, limit);
    }

    public EventQuery withWords(String w) {
        return new EventQuery(w, service, levels, template, from, to, beforeId, limit);
    }

    public EventQuery withTemplate(String t) {
        return new EventQuery(words, service, levels, t, from, to, beforeId, limit);
    }

    public boolean hasWords() {
        return words != null && !words.isBlank();
    }
}
