package dev.vigie.detect;

import dev.vigie.event.Anomaly;
import dev.vigie.event.Level;
import dev.vigie.event.Severity;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * A template's lines per minute bursting over its own baseline (the mean of its last 30 minutes,
 * zeros included): at least ten lines, five times the baseline, and a Poisson tail below 1e-6 (many
 * templates are tested every minute, hence the strict level). Templates new this minute are the
 * new-template check's. One anomaly per service per minute, naming every bursting template.
 */
final class TemplateBurstCheck extends MinuteCheck {
    static final int BASELINE_MINUTES = 30;
    static final int MIN_HISTORY = 10;
    static final long MIN_COUNT = 10;
    static final double MIN_RISE = 5;
    private static final double SIGNIFICANT = 1e-6;

    /** Per service, per template, its recent minutes; a template quiet for the whole window is dropped. */
    private final Map<String, Map<String, Rolling>> histories = new HashMap<>();
    private final Map<String, Integer> minutes = new HashMap<>();

    @Override
    String name() {
        return "template_burst";
    }

    @Override
    boolean check(Minute m, AnomalySink sink) {
        Map<String, Rolling> templates = histories.computeIfAbsent(m.service, s -> new HashMap<>());
        int age = minutes.merge(m.service, 1, Integer::sum) - 1;
        Map<String, Object> bursts = new TreeMap<>();
        double worstTail = 1;
        double biggestRise = 0;
        boolean errors = false;
        for (Map.Entry<String, Long> e : m.templates.entrySet()) {
            Rolling history = templates.get(e.getKey());
            long k = e.getValue();
            if (m.newTemplates.containsKey(e.getKey()) || Math.min(age, BASELINE_MINUTES) < MIN_HISTORY || k < MIN_COUNT) {
                continue;
            }
            double baseline = history == null ? 0 : history.mean() * history.size() / Math.min(age, BASELINE_MINUTES);
            double tail = Evidence.poissonTail(k, baseline);
            double rise = Evidence.rise(k, baseline);
            if (tail < SIGNIFICANT && rise >= MIN_RISE) {
                bursts.put(e.getKey(), Map.of("count", k, "baseline_per_minute", CountExcessCheck.round(baseline),
                        "rise", CountExcessCheck.round(rise), "sample", m.templateSamples.getOrDefault(e.getKey(), ""),
                        "line", m.templateLines.getOrDefault(e.getKey(), "")));
                worstTail = Math.min(worstTail, tail);
                biggestRise = Math.max(biggestRise, rise);
                errors |= m.templateLevels.getOrDefault(e.getKey(), Level.INFO).isErrorOrWorse();
            }
        }
        update(templates, m);
        int row = inARow(m.service, !bursts.isEmpty());
        if (row == 0) {
            return false;
        }
        Severity severity = Evidence.severity(errors, true, row, biggestRise);
        Map<String, Object> evidence = new HashMap<>();
        evidence.put("templates", bursts);
        evidence.put("p_value", worstTail);
        evidence.put("minutes_in_a_row", row);
        evidence.put("window_seconds", Minute.LENGTH.toSeconds());
        sink.accept(new Anomaly(name(), m.service, null, m.from(), m.to(), severity, Evidence.score(worstTail),
                String.format(java.util.Locale.ROOT, "%s: %d template%s burst, up to %.0f× %s baseline", m.service, bursts.size(),
                        bursts.size() == 1 ? "" : "s", biggestRise, bursts.size() == 1 ? "its" : "their"), evidence));
        return true;
    }

    private static void update(Map<String, Rolling> templates, Minute m) {
        for (String t : m.templates.keySet()) {
            templates.computeIfAbsent(t, k -> new Rolling(BASELINE_MINUTES));
        }
        Iterator<Map.Entry<String, Rolling>> it = templates.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<String, Rolling> e = it.next();
            e.getValue().add(m.templates.getOrDefault(e.getKey(), 0L));
            if (e.getValue().size() == BASELINE_MINUTES && e.getValue().sum() == 0) {
                it.remove(); // quiet for the whole window: its baseline is zero, which is also what a missing one means
            }
        }
    }
}
