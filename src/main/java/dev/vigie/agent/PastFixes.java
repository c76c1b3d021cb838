package dev.vigie.agent;

import dev.vigie.event.SimilarIncident;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What similar past incidents of the same domain teach a plan: a step people said helped there
 * comes first (added if the plan lacks it), one they said did not help goes last and says so.
 * Deterministic: the incidents come most similar first, and the first word on a step wins.
 */
final class PastFixes {
    /** A past incident counts when it shares a word with this one's signals or is at least this close in meaning. */
    static final double SIMILAR_ENOUGH = 0.5;

    private PastFixes() {
    }

    static List<SimilarIncident> relevant(List<SimilarIncident> similar, String domain) {
        return similar.stream().filter(s -> s.domain().equals(domain) && (s.byWords() || s.similarity() >= SIMILAR_ENOUGH)).toList();
    }

    /** What was said of one step, by the most similar incident that said anything of it. */
    private record Said(boolean helped, String incident, String step) {
    }

    /** The plan with what the past said of its steps, those that helped first and those that did not last. */
    static List<String> reorder(List<String> steps, List<SimilarIncident> similar) {
        Map<String, Said> said = new LinkedHashMap<>();
        for (SimilarIncident s : similar) {
            for (int k = 0; k < s.plan().size(); k++) {
                String id = "P" + (k + 1);
                String step = bare(s.plan().get(k));
                if (s.helped().contains(id) || s.notHelped().contains(id)) {
                    said.putIfAbsent(key(step), new Said(s.helped().contains(id), s.id(), step));
                }
            }
        }
        List<String> first = new ArrayList<>();
        List<String> middle = new ArrayList<>();
        List<String> last = new ArrayList<>();
        for (String step : steps) {
            Said w = said.remove(key(step));
            if (w == null) {
                middle.add(step);
            } else if (w.helped()) {
                first.add(bare(step) + " (helped in " + w.incident() + ")");
            } else {
                last.add(bare(step) + " (did not help in " + w.incident() + ")");
            }
        }
        List<String> out = new ArrayList<>(first);
        // what helped before and this plan lacks
        said.values().stream().filter(Said::helped).forEach(w -> out.add(w.step() + " (helped in " + w.incident() + ")"));
        out.addAll(middle);
        out.addAll(last);
        return out;
    }

    /** For the fixer's prompt: each similar incident, its cause and its plan with what people said of each step. */
    static String forPrompt(List<SimilarIncident> similar) {
        StringBuilder b = new StringBuilder();
        for (SimilarIncident s : similar) {
            b.append("- ").append(s.id()).append(" (").append(s.service()).append(", ").append(s.domain()).append("): ").append(s.cause()).append('\n');
            for (int k = 0; k < s.plan().size(); k++) {
                String id = "P" + (k + 1);
                b.append("  ").append(id).append(": ").append(s.plan().get(k))
                        .append(s.helped().contains(id) ? " [helped]" : s.notHelped().contains(id) ? " [did not help]" : "").append('\n');
            }
        }
        return b.toString();
    }

    private static final java.util.regex.Pattern SAID = java.util.regex.Pattern.compile("\\s*\\((helped|did not help) in INC-\\w+\\)$");

    /** A step as written, without what an earlier analysis added of the past. */
    private static String bare(String step) {
        return SAID.matcher(step.strip()).replaceAll("");
    }

    private static String key(String step) {
        return bare(step).toLowerCase(Locale.ROOT);
    }
}
