package dev.vigie.pipeline.client;

import dev.vigie.event.StoredIncident;
import java.util.List;
import java.util.Map;

/**
 * One incident as its page shows it.
 *
 * @param report   its report as written (Markdown); empty while it is being written
 * @param plan     the recommended steps, P1 first
 * @param feedback what people said of each step ({@code P1}... or empty for the whole analysis), the last word on each
 */
public record IncidentPage(StoredIncident incident, String report, List<String> plan, Map<String, Boolean> feedback) {
    public IncidentPage {
        plan = List.copyOf(plan);
        feedback = Map.copyOf(feedback);
    }
}
