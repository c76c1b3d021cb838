package dev.vigie.agent;

import java.util.List;

/**
 * What an analyst concluded about an incident.
 *
 * @param domain   one of {@link Domain}'s names
 * @param analyst  who wrote it: {@code offline:<playbook>} or {@code ollama:<model>}
 * @param note     why this analyst answered (e.g. why the model was not used), or empty
 */
public record Analysis(String domain, String cause, List<String> steps, List<String> checks,
                       String analyst, String note) {
    public Analysis {
        steps = List.copyOf(steps);
        checks = List.copyOf(checks);
    }

    public boolean offline() {
        return analyst.startsWith("offline");
    }
}
