package dev.vigie.detect;

import dev.vigie.event.Anomaly;
import dev.vigie.event.Level;
import dev.vigie.event.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Templates never seen before, once the service is past its warm-up (ten minutes and fifty lines:
 * before that every template is new). Information; a warning when a new template is logged at
 * ERROR or worse three times or more in its first minute (one odd error line is not an incident). At most five reports per service per hour: a service that keeps printing new
 * shapes is not news every minute.
 */
final class NewTemplateCheck extends MinuteCheck {
    static final Duration WARM_UP = Duration.ofMinutes(10);
    static final long WARM_UP_LINES = 50;
    static final int PER_HOUR = 5;

    private final Map<String, Instant> firstSeen = new HashMap<>();
    private final Map<String, Long> lines = new HashMap<>();
    private final Map<String, Deque<Instant>> reported = new HashMap<>();

    @Override
    String name() {
        return "new_template";
    }

    @Override
    boolean check(Minute m, AnomalySink sink) {
        Instant since = firstSeen.computeIfAbsent(m.service, s -> m.start);
        long before = lines.getOrDefault(m.service, 0L);
        lines.put(m.service, before + m.events);
        boolean warm = !m.start.isBefore(since.plus(WARM_UP)) && before >= WARM_UP_LINES;
        if (m.newTemplates.isEmpty() || !warm) {
            return false;
        }
        Deque<Instant> recent = reported.computeIfAbsent(m.service, s -> new ArrayDeque<>());
        while (!recent.isEmpty() && !recent.peekFirst().isAfter(m.start.minus(Duration.ofHours(1)))) {
            recent.removeFirst();
        }
        if (recent.size() >= PER_HOUR) {
            return false;
        }
        recent.addLast(m.start);
        boolean errors = m.newTemplates.keySet().stream()
                .anyMatch(t -> m.templateLevels.getOrDefault(t, Level.INFO).isErrorOrWorse()
                        && m.templates.getOrDefault(t, 0L) >= CountExcessCheck.MIN_COUNT);
        Map<String, Object> evidence = new HashMap<>();
        evidence.put("templates", new TreeMap<>(m.newTemplates));
        Map<String, String> lines = new TreeMap<>();
        m.newTemplates.keySet().forEach(t -> lines.put(t, m.templateLines.getOrDefault(t, "")));
        evidence.put("lines", lines);
        evidence.put("count", (long) m.newTemplates.size());
        evidence.put("service_lines_before", before);
        int n = m.newTemplates.size();
        sink.accept(new Anomaly(name(), m.service, null, m.from(), m.to(), errors ? Severity.WARNING : Severity.INFO,
                errors ? 0.6 : 0.3, m.service + " logged " + n + " line shape" + (n == 1 ? "" : "s") + " never seen before"
                        + (errors ? ", repeatedly at ERROR or worse" : ""), evidence));
        return true;
    }
}
