package dev.vigie.incident;

import dev.vigie.event.Incident;

/**
 * Hears incidents open (as soon as their evidence qualifies), close (quiet, or end of input), and
 * fold into another when later evidence shows them to be one problem.
 */
public interface IncidentSink {
    void opened(Incident incident);

    void closed(Incident incident);

    /** {@code absorbed}, announced before, is part of {@code into} from now on: it is no incident of its own. */
    default void merged(Incident absorbed, Incident into) {
    }
}
