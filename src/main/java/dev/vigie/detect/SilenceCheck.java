package dev.vigie.detect;

import dev.vigie.event.Anomaly;
import dev.vigie.event.Severity;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * A service that logged steadily and stopped: at least 25 of its last 30 minutes had lines, at two
 * or more a minute, then nothing for long enough that chance does not explain it (the Poisson
 * probability of so many empty minutes in a row is below 1e-4, and three minutes at least), while
 * other services go on logging: when every log stops at once, the input ended (a finished replay, a
 * stopped collector), which is no service's silence. One report per silence; it ends when the
 * service logs again.
 */
final class SilenceCheck extends MinuteCheck {
    static final int BASELINE_MINUTES = 30;
    static final int STEADY_MINUTES = 25;
    static final double STEADY_RATE = 2;
    static final int MIN_SILENT_MINUTES = 3;
    private static final double UNLIKELY = 1e-4;

    private final Map<String, Rolling> history = new HashMap<>();
    private final Map<String, Silence> silences = new HashMap<>();

    /** A silence in progress: from when, the rate before it, and whether it was reported. */
    private static final class Silence {
        final Instant since;
        final double rate;
        final boolean steady;
        int minutes;
        boolean reported;

        Silence(Instant since, double rate, boolean steady) {
            this.since = since;
            this.rate = rate;
            this.steady = steady;
        }
    }

    @Override
    String name() {
        return "silence";
    }

    @Override
    boolean check(Minute m, AnomalySink sink) {
        Rolling h = history.computeIfAbsent(m.service, s -> new Rolling(BASELINE_MINUTES));
        if (m.events > 0) {
            silences.remove(m.service);
            h.add(m.events);
            return false;
        }
        Silence s = silences.get(m.service);
        if (s == null) {
            boolean steady = h.size() == BASELINE_MINUTES && h.nonZero() >= STEADY_MINUTES && h.mean() >= STEADY_RATE;
            s = new Silence(m.start, h.mean(), steady);
            silences.put(m.service, s);
        }
        h.add(0);
        s.minutes++;
        double chance = Math.exp(-s.rate * s.minutes);
        boolean othersGoOn = m.inputUntil != null && !m.inputUntil.isBefore(m.end());
        if (!s.steady || s.reported || s.minutes < MIN_SILENT_MINUTES || chance >= UNLIKELY || !othersGoOn) {
            return false;
        }
        s.reported = true;
        Map<String, Object> evidence = new HashMap<>();
        evidence.put("silent_minutes", (long) s.minutes);
        evidence.put("rate_before_per_minute", CountExcessCheck.round(s.rate));
        evidence.put("chance", chance);
        sink.accept(new Anomaly(name(), m.service, null, s.since, m.end(), Severity.WARNING, Evidence.score(chance),
                String.format(java.util.Locale.ROOT, "%s has logged nothing for %d min after %.1f lines/min", m.service, s.minutes,
                        s.rate), evidence));
        return true;
    }
}
