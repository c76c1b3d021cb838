package dev.vigie.detect;

import dev.vigie.event.Anomaly;
import dev.vigie.event.MetricSample;
import dev.vigie.event.Severity;
import java.util.HashMap;
import java.util.Map;

/**
 * The abnormal stretch of one series for one kind of check, with hysteresis: it starts at an
 * abnormal point, raises its anomaly once it holds {@code minPoints} abnormal points (so a lone
 * point raises none), and ends after {@code clearPoints} normal points in a row (so a fault that
 * flaps is one anomaly). The anomaly spans the first to the last abnormal point and carries the
 * strongest finding.
 */
final class Episode {
    private final int minPoints;
    private final int clearPoints;
    private final boolean reportWhenRaised;
    private MetricSample first;
    private MetricSample last;
    private Finding peak;
    private Severity severity;
    /** Abnormal points so far; 0 when no episode is in progress. */
    private int abnormal;
    private int normalInARow;
    private boolean reported;

    /**
     * @param reportWhenRaised report as soon as the anomaly is raised, once, instead of when it
     *                         ends: a forecast is worth something only before it comes true
     */
    Episode(int minPoints, int clearPoints, boolean reportWhenRaised) {
        this.minPoints = minPoints;
        this.clearPoints = clearPoints;
        this.reportWhenRaised = reportWhenRaised;
    }

    /** @param f the point's finding, or null when it is normal */
    void on(MetricSample s, Finding f, AnomalySink sink) {
        if (f != null) {
            normalInARow = 0;
            if (abnormal++ == 0) {
                first = s;
                peak = f;
                severity = f.severity();
            } else if (f.score() > peak.score() && !reported) {
                peak = f;
            }
            last = s;
            severity = severity.max(f.severity());
            if (reportWhenRaised && abnormal == minPoints) {
                sink.accept(anomaly());
                reported = true;
            }
        } else if (abnormal > 0 && ++normalInARow >= clearPoints) {
            flush(sink);
        }
    }

    /** Reports the episode in progress, if it was raised and not reported yet, and forgets it. */
    void flush(AnomalySink sink) {
        if (abnormal >= minPoints && !reported) {
            sink.accept(anomaly());
        }
        abnormal = 0;
        normalInARow = 0;
        reported = false;
        first = null;
        peak = null;
    }

    /** The check of the anomaly to be reported by {@link #flush}, or null. */
    String pending() {
        return abnormal >= minPoints && !reported ? peak.check() : null;
    }

    private Anomaly anomaly() {
        Map<String, Object> evidence = new HashMap<>(peak.evidence());
        evidence.put("points", abnormal);
        return new Anomaly(peak.check(), first.service(), first.series(), first.time(), last.time(), severity,
                peak.score(), peak.text(), evidence);
    }
}
