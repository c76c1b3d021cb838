package dev.vigie.detect;

import dev.vigie.event.Anomaly;
import dev.vigie.event.MetricSample;
import dev.vigie.event.Severity;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The abnormal stretch of one series for one kind of check, with hysteresis: it starts at an
 * abnormal point, raises its anomaly once it holds {@code minPoints} abnormal points (so a lone
 * point raises none), and ends after {@code clearPoints} normal points in a row (so a fault that
 * flaps is one anomaly). The anomaly spans the first to the last abnormal point and carries the
 * strongest finding.
 *
 * <p>It is reported as soon as it is raised, so that an incident opens while the fault lasts; then
 * updated (same id) while it grows — at most once per {@link #UPDATE_EVERY} of event time, or when
 * its severity rises, which keeps its incident open — and a last time with its final extent when
 * it ends. Its check, part of its id, is the one that raised it: after that, only a stronger
 * finding of the same check replaces the peak.
 */
final class Episode {
    static final Duration UPDATE_EVERY = Duration.ofMinutes(1);

    private final int minPoints;
    private final int clearPoints;
    private final boolean onlyOnce;
    private MetricSample first;
    private MetricSample last;
    private Finding peak;
    private Severity severity;
    /** Abnormal points so far; 0 when no episode is in progress. */
    private int abnormal;
    private int normalInARow;
    /** The version last reported, null before the anomaly is raised. */
    private Anomaly reported;

    /**
     * @param onlyOnce report when raised and never again: a forecast is worth something only before
     *                 it comes true, and what it predicted does not grow
     */
    Episode(int minPoints, int clearPoints, boolean onlyOnce) {
        this.minPoints = minPoints;
        this.clearPoints = clearPoints;
        this.onlyOnce = onlyOnce;
    }

    /** No abnormal stretch is in progress: the next finding would start one. */
    boolean idle() {
        return abnormal == 0;
    }

    /**
     * @param f the point's finding, or null when it is normal
     * @return whether the anomaly was raised at this point
     */
    boolean on(MetricSample s, Finding f, AnomalySink sink) {
        if (f != null) {
            normalInARow = 0;
            Severity before = severity;
            if (abnormal++ == 0) {
                first = s;
                peak = f;
                severity = f.severity();
            } else if (f.score() > peak.score() && (reported == null || f.check().equals(peak.check()))) {
                peak = f;
            }
            last = s;
            severity = severity.max(f.severity());
            if (abnormal == minPoints) {
                reported = anomaly();
                sink.accept(reported);
                return true;
            } else if (reported != null && !onlyOnce && (severity != before
                    || !s.time().isBefore(reported.end().plus(UPDATE_EVERY)))) {
                update(sink);
            }
        } else if (abnormal > 0 && ++normalInARow >= clearPoints) {
            flush(sink);
        }
        return false;
    }

    /** Reports the final extent of the episode in progress, if it was raised and has changed since, and forgets it. */
    void flush(AnomalySink sink) {
        if (reported != null && !onlyOnce) {
            update(sink);
        }
        abnormal = 0;
        normalInARow = 0;
        reported = null;
        first = null;
        peak = null;
    }

    private void update(AnomalySink sink) {
        Anomaly a = anomaly();
        if (!a.equals(reported)) {
            reported = a;
            sink.update(a);
        }
    }

    /** The check of the anomaly that {@link #flush} would update, or null. */
    String pending() {
        return reported != null && !onlyOnce ? peak.check() : null;
    }

    private Anomaly anomaly() {
        Map<String, Object> evidence = new HashMap<>(peak.evidence());
        evidence.put("points", abnormal);
        return new Anomaly(peak.check(), first.service(), first.series(), first.time(), last.time(), severity,
                peak.score(), peak.text(), evidence);
    }
}
