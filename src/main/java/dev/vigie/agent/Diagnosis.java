package dev.vigie.agent;

import java.util.List;

/**
 * What the offline analyst says of a set of log lines.
 *
 * @param confidence in [0, 1]: the winning playbook's share of the evidence against the best of
 *                   another domain, lowered when the evidence is thin
 * @param claims     facts the summary cites from the lines (an excerpt, a time)
 * @param grounded   how many of them were found in the lines
 */
public record Diagnosis(String domain, String cause, String severity, double confidence, String summary,
                        List<String> actions, List<String> checks, String playbook, int claims, int grounded) {
    public Diagnosis {
        actions = List.copyOf(actions);
        checks = List.copyOf(checks);
    }
}
