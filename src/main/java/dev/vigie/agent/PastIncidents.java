package dev.vigie.agent;

import dev.vigie.event.SimilarIncident;
import java.util.List;

/** Past incidents like a text, from the memory, most similar first; none where there is no memory. */
@FunctionalInterface
public interface PastIncidents {
    PastIncidents NONE = (text, except, limit) -> List.of();

    /** @param except the incident asked about, left out of its own answer */
    List<SimilarIncident> like(String text, String except, int limit);
}
