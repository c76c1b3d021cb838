package dev.vigie.store;

import java.util.List;

/**
 * Incidents of one domain on one service, how many, and the newest of them.
 *
 * @param domain null for incidents not analysed yet
 */
public record IncidentGroup(String domain, String service, long count, List<String> newest) {
    public IncidentGroup {
        newest = List.copyOf(newest);
    }
}
