package dev.vigie.detect;

import dev.vigie.event.Anomaly;
import dev.vigie.event.LogEvent;
import dev.vigie.event.MetricSample;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Runs every log check and metric check; the pipeline thread is its only caller. */
public final class Detector {
    private final List<LogCheck> logChecks = List.of(new ErrorEventCheck(), new ExceptionCheck());
    private final MetricDetector metrics;

    public Detector(DetectorSettings settings) {
        this.metrics = new MetricDetector(settings);
    }

    public void onEvent(LogEvent event, AnomalySink sink) {
        for (LogCheck c : logChecks) {
            c.onEvent(event, sink);
        }
    }

    /**
     * @return whether the point is abnormal now; the anomaly itself is reported when the series is
     *     normal again, so that a long excursion is one fact
     */
    public boolean onSample(MetricSample sample, AnomalySink sink) {
        return metrics.onSample(sample, sink);
    }

    public void advance(Instant watermark, AnomalySink sink) {
        for (LogCheck c : logChecks) {
            c.advance(watermark, sink);
        }
    }

    public void flush(AnomalySink sink) {
        for (LogCheck c : logChecks) {
            c.flush(sink);
        }
        metrics.flush(sink);
    }

    /** Detection re-run from scratch over a recorded history, as the simulation sliders do. */
    public static List<Anomaly> detectMetrics(DetectorSettings settings, List<MetricSample> history) {
        MetricDetector d = new MetricDetector(settings);
        List<Anomaly> found = new ArrayList<>();
        for (MetricSample s : history) {
            d.onSample(s, found::add);
        }
        d.flush(found::add);
        return found;
    }
}
