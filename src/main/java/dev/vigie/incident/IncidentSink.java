package dev.vigie.incident;

import dev.vigie.event.Incident;
import dev.vigie.event.LearnedDependency;

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

    /** A resolved incident linked these services: one more incident for what is learned of them. */
    default void learned(LearnedDependency dependency) {
    }
}
