package dev.vigie.detect;

import dev.vigie.config.DetectorSettings;
import dev.vigie.event.Anomaly;
import dev.vigie.event.CheckRate;
import dev.vigie.event.LogEvent;
import dev.vigie.event.MetricSample;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs every log check and metric check; the pipeline thread is its only caller. Log checks read
 * closed minutes of each service ({@link ServiceMinutes}); metric checks read points, the samples
 * it derives from the logs among them. What it finds goes to the output it was built with.
 */
public final class Detector {
    /** Where anomalies go, and the samples the detector derives from the logs, before and after its metric checks read them. */
    @FunctionalInterface
    public interface Output extends AnomalySink {
        /** A log-derived sample, before the metric checks read it. */
        default void derived(MetricSample sample) {
        }

        /** The same sample once scored: whether it is abnormal now. */
        default void scored(MetricSample sample, boolean abnormal) {
        }
    }

    private final List<MinuteCheck> logChecks = List.of(new ErrorEventCheck(), new ExceptionCheck(), new NewTemplateCheck(),
            new TemplateBurstCheck(), new ErrorRatioCheck(), new SilenceCheck());
    private final ServiceMinutes minutes = new ServiceMinutes(this::onMinute);
    private final DecisiveLineCheck decisive = new DecisiveLineCheck();
    private MetricDetector metrics;
    private final LogMetrics logMetrics = new LogMetrics();
    private final Output out;
    /** Samples of the log metrics of the minutes closed in the call in progress, scored once it is done with the minutes. */
    private final List<MetricSample> logSamples = new ArrayList<>();

    public Detector(DetectorSettings settings, Output out) {
        this.metrics = new MetricDetector(settings);
        this.out = out;
    }

    /**
     * @param newTemplate the event's template was first seen with it
     * @param offset      the byte offset just after the line in its file (-1 if unknown): with the
     *                    path, the line's id in the evidence
     */
    public void onEvent(LogEvent event, boolean newTemplate, long offset) {
        decisive.onEvent(event, out);
        minutes.onEvent(event, newTemplate, offset);
        scoreLogMetrics();
    }

    /**
     * The first line of a record still being read (its continuation lines may follow): a decisive
     * one raises its anomaly now; nothing else is counted until the record is whole.
     */
    public void onFirstLine(LogEvent event) {
        decisive.onEvent(event, out);
    }

    public void onEvent(LogEvent event) {
        onEvent(event, false, -1);
    }

    private void onMinute(Minute m) {
        for (MinuteCheck c : logChecks) {
            c.onMinute(m, out);
        }
        logMetrics.onMinute(m, logSamples::add);
    }

    /**
     * The log metrics ({@code log_errors_per_min}, requests, 5xx share, p95 request time) of the
     * minutes just closed go through the metric checks as any sample, once out of the call that
     * closed them.
     */
    private void scoreLogMetrics() {
        if (logSamples.isEmpty()) {
            return;
        }
        List<MetricSample> taken = List.copyOf(logSamples);
        logSamples.clear();
        for (MetricSample s : taken) {
            out.derived(s);
            out.scored(s, metrics.onSample(s, out));
        }
    }

    /**
     * @return whether the point is abnormal now; an anomaly is reported once it is raised, then
     *     updated while it lasts and when it ends, so that a long excursion is one fact
     */
    public boolean onSample(MetricSample sample) {
        return metrics.onSample(sample, out);
    }

    public void advance(Instant watermark) {
        minutes.advance(watermark);
        scoreLogMetrics();
    }

    /** End of input: the last minutes, their log metrics through the metric checks, then the open episodes. */
    public void flush() {
        minutes.flush();
        scoreLogMetrics();
        metrics.flush(out);
    }

    /**
     * From now on the metric checks use these settings. The new checks first read each series'
     * recent history without reporting, so that they start where the old ones stood; the old
     * checks' open anomalies end where they are, and a new check that still finds one continues it
     * under the same id.
     */
    public void reconfigure(DetectorSettings settings, List<MetricSample> history) {
        metrics.flush(out);
        MetricDetector next = new MetricDetector(settings);
        AnomalySink silent = a -> { };
        history.forEach(s -> next.onSample(s, silent));
        metrics = next;
    }

    /** How often each log check fired so far. */
    public List<CheckRate> checkRates() {
        List<CheckRate> rates = new java.util.ArrayList<>(logChecks.stream().map(MinuteCheck::rate).toList());
        rates.add(metrics.capRate());
        return rates;
    }

    /**
     * Detection re-run from scratch over a recorded history, as the simulation sliders do: each
     * anomaly in its final extent, in the order they were raised.
     */
    public static List<Anomaly> detectMetrics(DetectorSettings settings, List<MetricSample> history) {
        MetricDetector d = new MetricDetector(settings);
        Map<String, Anomaly> found = new LinkedHashMap<>();
        AnomalySink sink = a -> found.put(a.id(), a);
        for (MetricSample s : history) {
            d.onSample(s, sink);
        }
        d.flush(sink);
        return new ArrayList<>(found.values());
    }
}
