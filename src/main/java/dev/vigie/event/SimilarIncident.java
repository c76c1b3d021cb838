package dev.vigie.event;

import java.util.List;

/**
 * A past incident like the one asked about, with what was done about it.
 *
 * @param plan      its recommended steps, P1 first
 * @param helped    the steps people said helped ({@code P1}...)
 * @param notHelped the steps people said did not help
 * @param byWords   whether it holds one of the words looked for
 */
public record SimilarIncident(String id, String service, String domain, String cause, String start, List<String> plan,
                              List<String> helped, List<String> notHelped, double similarity, boolean byWords) {
    public SimilarIncident {
        plan = List.copyOf(plan);
        helped = List.copyOf(helped);
        notHelped = List.copyOf(notHelped);
    }
}
