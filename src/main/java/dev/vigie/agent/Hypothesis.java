package dev.vigie.agent;

import java.util.List;

/**
 * One candidate explanation of an incident, with the evidence for and against it: an analysis ranks
 * at least two when the evidence allows, so that a loud symptom is not taken for the cause.
 *
 * @param share the hypothesis' part of the weighted evidence of all the hypotheses, in [0, 1]
 */
public record Hypothesis(String domain, String cause, double share, List<String> evidenceFor, List<String> evidenceAgainst) {
    public Hypothesis {
        evidenceFor = List.copyOf(evidenceFor);
        evidenceAgainst = List.copyOf(evidenceAgainst);
    }
}
