package dev.vigie.memory;

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

    static SimilarIncident of(MemoryHit h) {
        MemoryRecord r = h.record();
        return new SimilarIncident(r.ref(), r.service(), r.domain(), r.field("cause"), r.field("start"),
                split(r.field("plan"), "\n"), split(r.field("helped"), ","), split(r.field("not_helped"), ","), h.similarity(),
                h.byWords());
    }

    private static List<String> split(String s, String by) {
        return s.isEmpty() ? List.of() : List.of(s.split(by));
    }
}
