package dev.vigie.detect;

import dev.vigie.event.CheckRate;
import java.util.HashMap;
import java.util.Map;

/**
 * A log check over the closed minutes of each service, in event-time order, including the minutes
 * in which a service logged nothing. It counts what it examined and what it reported, so that its
 * firing rate can be shown.
 */
abstract class MinuteCheck {
    private final Map<String, Integer> inARow = new HashMap<>();
    private long examined;
    private long fired;

    abstract String name();

    /** Looks at one minute; returns whether it reported an anomaly. */
    abstract boolean check(Minute m, AnomalySink sink);

    final void onMinute(Minute m, AnomalySink sink) {
        examined++;
        if (check(m, sink)) {
            fired++;
        }
    }

    /** Minutes in a row the finding has held for this service, this one included; 0 when it does not hold. */
    final int inARow(String service, boolean holds) {
        if (!holds) {
            inARow.remove(service);
            return 0;
        }
        return inARow.merge(service, 1, Integer::sum);
    }

    final CheckRate rate() {
        return new CheckRate(name(), examined, fired);
    }
}
