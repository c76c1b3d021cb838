package dev.vigie.agent;

import java.util.List;

/**
 * What the offline analyst says of a set of log lines.
 *
 * @param confidence in [0, 1]: the winning playbook's share of the evidence against the best of
 *                   another domain, lowered when the evidence is thin
 * @param claims     facts the summary cites from the lines (an excerpt, a time)
 * @param grounded   how many of them were found in the lines
 * @param hypotheses the explanations weighed, best first, with evidence for and against each
 * @param firstSignal the first line that shows a warning or worse: what happened first
 */
public record Diagnosis(String domain, String cause, String severity, double confidence, String summary,
                        List<String> actions, List<String> checks, String playbook, int claims, int grounded,
                        List<Hypothesis> hypotheses, String firstSignal) {
    public Diagnosis {
        actions = List.copyOf(actions);
        checks = List.copyOf(checks);
        hypotheses = List.copyOf(hypotheses);
    }
}
