package dev.vigie.detect;

import dev.vigie.event.Anomaly;
import dev.vigie.event.DecisiveText;
import dev.vigie.event.LogEvent;
import dev.vigie.event.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A decisive line (FATAL, a panic, a kill for memory, a segfault…) is an anomaly by itself, raised
 * on the line, not when its minute closes. Unless it is routine for its service: a line of the same
 * shape already seen {@value #ROUTINE_AFTER} times in the hour before is left to the minute checks,
 * so that a source that logs FATAL all day does not flood. The same line heard twice (early, from
 * its first line, then whole) is raised once, and so are several at one instant of one service.
 */
final class DecisiveLineCheck {
    static final int ROUTINE_AFTER = 3;
    private static final Duration ROUTINE_WINDOW = Duration.ofHours(1);
    private static final int REMEMBERED = 10_000;
    private static final int SHAPES_PER_SERVICE = 1_000;

    /** Per service and shape, when it was seen within the window. */
    private final Map<String, Map<String, Deque<Instant>>> seen = new HashMap<>();
    private final Set<String> raised = new LinkedHashSet<>();

    /** @return whether the event raised an anomaly */
    boolean onEvent(LogEvent e, AnomalySink sink) {
        if (!DecisiveText.decisive(e.level(), e.message())) {
            return false;
        }
        String line = e.raw() == null || e.raw().isEmpty() ? e.message() : e.raw();
        String firstLine = line.lines().findFirst().orElse("");
        // one per service and instant (an anomaly's id is its check, service and start): the first one, which set it off
        if (!raised.add(e.service() + '|' + e.time())) {
            return false;
        }
        if (raised.size() > REMEMBERED) {
            raised.remove(raised.iterator().next());
        }
        Map<String, Deque<Instant>> shapes = seen.computeIfAbsent(e.service(), s -> new HashMap<>());
        if (shapes.size() > SHAPES_PER_SERVICE) {
            shapes.clear(); // bounded: a service with that many distinct decisive shapes has them all routine anyway
        }
        Deque<Instant> times = shapes.computeIfAbsent(shape(e.message()), s -> new ArrayDeque<>());
        while (!times.isEmpty() && times.peekFirst().isBefore(e.time().minus(ROUTINE_WINDOW))) {
            times.pollFirst();
        }
        boolean routine = times.size() >= ROUTINE_AFTER;
        times.addLast(e.time());
        if (times.size() > ROUTINE_AFTER + 1) {
            times.pollFirst();
        }
        if (routine) {
            return false;
        }
        String shown = firstLine.length() > 200 ? firstLine.substring(0, 200) + "…" : firstLine;
        sink.accept(new Anomaly("decisive_line", e.service(), null, e.time(), e.time(), Severity.CRITICAL, 1.0,
                e.service() + " logged a decisive line: " + shown,
                Map.of("level", e.level().name(), "samples", List.of(line.length() > 500 ? line.substring(0, 500) : line))));
        return true;
    }

    /** The message with what varies (numbers, hex ids) taken out: lines of one shape are one kind of failure. */
    static String shape(String message) {
        String first = message.lines().findFirst().orElse("");
        String s = first.toLowerCase(Locale.ROOT).replaceAll("0x[0-9a-f]+|[0-9a-f]{8,}|\\d+", "#");
        return s.length() > 160 ? s.substring(0, 160) : s;
    }
}
