package dev.vigie.detect;

/**
 * A log check over the closed minutes of each service, in event-time order, including the minutes
 * in which a service logged nothing. It counts what it examined and what it reported, so that its
 * firing rate can be shown.
 */
abstract class MinuteCheck {
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

    final CheckRate rate() {
        return new CheckRate(name(), examined, fired);
    }
}
