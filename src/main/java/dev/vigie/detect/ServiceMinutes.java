package dev.vigie.detect;

import dev.vigie.event.LogEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Cuts each service's events into minutes of event time and hands every closed minute to the
 * checks, in order, with empty minutes where the service logged nothing (that is what silence and
 * baselines are made of). A minute closes when the watermark passes its end. A service that has
 * been quiet for an hour stops producing empty minutes until it logs again.
 */
final class ServiceMinutes {
    static final Duration DORMANT_AFTER = Duration.ofHours(1);

    private final Map<String, Minute> open = new TreeMap<>();
    private final Map<String, Instant> lastEvent = new HashMap<>();
    private final Consumer<Minute> closed;

    /** The newest event time of any service. */
    private Instant latest;

    ServiceMinutes(Consumer<Minute> closed) {
        this.closed = m -> {
            m.inputUntil = latest;
            closed.accept(m);
        };
    }

    void onEvent(LogEvent e, boolean newTemplate, long offset) {
        String service = e.service();
        Instant start = Minute.startOf(e.time());
        Minute m = open.get(service);
        if (m == null) {
            m = new Minute(service, start);
            open.put(service, m);
        } else if (start.isAfter(m.start)) {
            closeUpTo(service, m, start);
            m = open.get(service);
        }
        // a late event (its minute already closed) is counted in the open minute: counts stay whole
        m.add(e, newTemplate, offset);
        if (latest == null || e.time().isAfter(latest)) {
            latest = e.time();
        }
        Instant last = lastEvent.get(service);
        if (last == null || e.time().isAfter(last)) {
            lastEvent.put(service, e.time());
        }
    }

    /** Closes {@code m} and the empty minutes after it, up to the minute that starts at {@code until}. */
    private void closeUpTo(String service, Minute m, Instant until) {
        closed.accept(m);
        Instant next = m.end();
        Instant quietSince = lastEvent.getOrDefault(service, m.start);
        while (next.isBefore(until)) {
            if (!next.isBefore(quietSince.plus(DORMANT_AFTER))) {
                next = until; // dormant: no more empty minutes, the next event starts afresh
                break;
            }
            closed.accept(new Minute(service, next));
            next = next.plus(Minute.LENGTH);
        }
        open.put(service, new Minute(service, until));
    }

    /** Event time has reached {@code watermark}: every minute that ended before it is closed. */
    void advance(Instant watermark) {
        for (String service : List.copyOf(open.keySet())) { // in order: the map is sorted
            Minute m = open.get(service);
            if (!m.end().isAfter(watermark)) {
                Instant quietSince = lastEvent.getOrDefault(service, m.start);
                if (m.events == 0 && !m.start.isBefore(quietSince.plus(DORMANT_AFTER))) {
                    open.remove(service);
                    continue;
                }
                closeUpTo(service, m, Minute.startOf(watermark));
            }
        }
    }

    /** End of input: the open minutes that hold events are closed; no empty minutes are made up. */
    void flush() {
        open.values().stream().filter(m -> m.events > 0).forEach(closed);
        open.clear();
    }
}
