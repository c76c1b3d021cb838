package dev.vigie.template;

import dev.vigie.event.Ids;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * First miner: masks variables and groups messages by what is left. Template ids are derived from
 * the template text, so they are the same in every run and after a restart. Memory grows with the
 * number of templates, not of lines.
 */
public final class TemplateMiner {
    private final Map<String, Template> byText = new HashMap<>();

    /** Seeds the miner with templates known from earlier runs. */
    public void restore(Collection<Template> known) {
        known.forEach(t -> byText.put(t.text(), t));
    }

    public Template mine(String message, Instant time) {
        String text = Masker.mask(message);
        Template previous = byText.get(text);
        Template next = previous == null
                ? new Template(Ids.of("template", text), text, 1, time, time, message)
                : new Template(previous.id(), text, previous.count() + 1,
                        min(previous.firstSeen(), time), max(previous.lastSeen(), time), previous.example());
        byText.put(text, next);
        return next;
    }

    public List<Template> templates() {
        return List.copyOf(byText.values());
    }

    public int size() {
        return byText.size();
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
