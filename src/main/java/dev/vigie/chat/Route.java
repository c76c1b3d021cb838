package dev.vigie.chat;

/** What a question needs, decided without a model. */
public enum Route {
    /** About a time or a span: events and incidents around it. */
    TIME,
    /** What keeps happening: aggregates over templates and incidents. */
    RECURRENCE,
    /** Like a text or a pasted line: the memory, by meaning and by words. */
    SIMILARITY,
    /** One incident named by its id: its report and facts. */
    INCIDENT,
    /** Anything else: the memory's hybrid search. */
    HYBRID,
    /** Nothing asked. */
    HELP
}
