package dev.vigie.memory;

import dev.vigie.event.Feedback;
import dev.vigie.event.StoredIncident;
import dev.vigie.template.Template;
import java.util.List;
import java.util.Optional;

/**
 * Where the memory learns from: the database, which keeps what changed in an outbox written in the
 * same transaction as each change (the store implements it; the memory comes before the store in
 * the flow).
 */
public interface MemorySource {
    /** The oldest changes the memory has yet to learn, at most {@code max}. */
    List<MemoryChange> memoryChanges(int max);

    /** The newest change waiting for the memory, 0 when none. */
    long newestMemoryChange();

    /** The memory has learned every change up to {@code seq}. */
    void memoryLearned(long seq);

    List<StoredIncident> incidents();

    Optional<StoredIncident> incident(String id);

    /** The incident's facts as JSON, if it has been reported. */
    Optional<String> facts(String incidentId);

    /** The recommended steps of its analysis, P1 first; empty before it is analysed. */
    List<String> plan(String incidentId);

    List<Feedback> feedback(String incidentId);

    /** The templates in use. */
    List<Template> templates();

    Optional<Template> template(String id);
}
