package dev.vigie.agent;

import java.util.List;

/**
 * What an analyst concluded about an incident.
 *
 * @param domain   one of {@link Domain}'s names
 * @param analyst  who wrote it: {@code offline:<playbook>} or {@code ollama:<model>}
 * @param note     why this analyst answered (e.g. why the model was not used), or empty
 * @param claims   facts the cause and steps cite (numbers, times, metric names, quoted lines)
 * @param grounded how many of them were found in the facts; the others are marked in the text
 * @param hypotheses the explanations weighed, best first, with evidence for and against each (may be empty)
 * @param narrative  the reporter's Markdown for a CTO, or empty
 */
public record Analysis(String domain, String cause, List<String> steps, List<String> checks,
                       String analyst, String note, int claims, int grounded, List<Hypothesis> hypotheses,
                       String narrative) {
    public Analysis {
        steps = List.copyOf(steps);
        checks = List.copyOf(checks);
        hypotheses = List.copyOf(hypotheses);
    }

    public Analysis(String domain, String cause, List<String> steps, List<String> checks, String analyst, String note) {
        this(domain, cause, steps, checks, analyst, note, 0, 0, List.of(), "");
    }

    public Analysis(String domain, String cause, List<String> steps, List<String> checks, String analyst, String note,
                    int claims, int grounded, List<Hypothesis> hypotheses) {
        this(domain, cause, steps, checks, analyst, note, claims, grounded, hypotheses, "");
    }

    public boolean offline() {
        return analyst.startsWith("offline");
    }
}
