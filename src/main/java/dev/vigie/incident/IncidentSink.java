package dev.vigie.incident;

import dev.vigie.event.Incident;

/** Hears incidents open (as soon as their evidence qualifies) and close (quiet, or end of input). */
public interface IncidentSink {
    void opened(Incident incident);

    void closed(Incident incident);
}
