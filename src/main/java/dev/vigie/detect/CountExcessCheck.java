package dev.vigie.detect;

import dev.vigie.event.Anomaly;
import dev.vigie.event.Level;
import dev.vigie.event.Severity;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Lines of one kind (errors, exceptions) per service per minute, against the service's own
 * baseline of the last 30 minutes. A minute is reported when its count is a clear excess over the
 * baseline (Poisson), or, for a service where such lines are rare, as information. Lines that are
 * routine for a service (its baseline is high and the count is not an excess) are not reported.
 */
class CountExcessCheck extends MinuteCheck {
    static final int BASELINE_MINUTES = 30;
    /** Fewer lines than this in a minute are never a clear excess. */
    static final int MIN_COUNT = 3;
    /** Above this baseline (per minute) such lines are routine for the service. */
    static final double ROUTINE = 0.2;
    private static final double SIGNIFICANT = 1e-3;

    private final String name;
    private final String noun;
    private final Function<Minute, Minute.Tally> tally;
    private final Map<String, Rolling> baselines = new HashMap<>();

    /** @param noun what one line is, e.g. {@code exception}: the text says "logged 3 exceptions" */
    CountExcessCheck(String name, String noun, Function<Minute, Minute.Tally> tally) {
        this.name = name;
        this.noun = noun;
        this.tally = tally;
    }

    @Override
    final String name() {
        return name;
    }

    @Override
    final boolean check(Minute m, AnomalySink sink) {
        Minute.Tally t = tally.apply(m);
        Rolling history = baselines.computeIfAbsent(m.service, s -> new Rolling(BASELINE_MINUTES));
        long k = t.count;
        double baseline = history.mean();
        history.add(k);
        double tail = Evidence.poissonTail(k, baseline);
        boolean fatal = k > 0 && m.worst == Level.FATAL;
        boolean significant = k >= MIN_COUNT && tail < SIGNIFICANT || fatal;
        int row = inARow(m.service, significant);
        if (k == 0 || !significant && baseline >= ROUTINE) {
            return false;
        }
        double rise = Evidence.rise(k, baseline);
        Severity severity = Evidence.severity(true, significant, row, rise);
        Map<String, Object> evidence = new HashMap<>();
        evidence.put("count", k);
        evidence.put("baseline_per_minute", round(baseline));
        evidence.put("rise", round(rise));
        evidence.put("p_value", tail);
        evidence.put("minutes_in_a_row", row);
        evidence.put("window_seconds", Minute.LENGTH.toSeconds());
        evidence.put("worst_level", m.worst.name());
        evidence.put("templates", t.templates);
        evidence.put("samples", List.copyOf(t.samples));
        evidence.put("lines", List.copyOf(t.lines));
        String text = m.service + " logged " + k + " " + noun + (k == 1 ? "" : "s") + " in 1 min"
                + (baseline > 0 ? String.format(java.util.Locale.ROOT, " (baseline %.1f/min)", baseline) : "");
        sink.accept(new Anomaly(name, m.service, null, m.from(), m.to(), severity, significant ? Evidence.score(tail) : 0.1,
                text, evidence));
        return true;
    }

    static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
