package dev.vigie.detect;

import dev.vigie.config.DetectorSettings;
import dev.vigie.event.Anomaly;
import dev.vigie.event.LogEvent;
import dev.vigie.event.MetricSample;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Runs every log check and metric check; the pipeline thread is its only caller. Log checks read
 * closed minutes of each service ({@link ServiceMinutes}); metric checks read points.
 */
public final class Detector {
    private final List<MinuteCheck> logChecks = List.of(new ErrorEventCheck(), new ExceptionCheck(), new NewTemplateCheck(),
            new TemplateBurstCheck(), new ErrorRatioCheck(), new SilenceCheck());
    private final ServiceMinutes minutes = new ServiceMinutes(this::onMinute);
    private final MetricDetector metrics;
    private final LogMetrics logMetrics = new LogMetrics();
    /** Samples of the log metrics of the minutes closed so far, until the caller takes them. */
    private final List<MetricSample> logSamples = new ArrayList<>();
    /** The sink of the call in progress: closed minutes are checked inside onEvent, advance and flush. */
    private AnomalySink sink;

    public Detector(DetectorSettings settings) {
        this.metrics = new MetricDetector(settings);
    }

    /**
     * @param newTemplate the event's template was first seen with it
     * @param offset      the byte offset just after the line in its file (-1 if unknown): with the
     *                    path, the line's id in the evidence
     */
    public void onEvent(LogEvent event, boolean newTemplate, long offset, AnomalySink sink) {
        this.sink = sink;
        minutes.onEvent(event, newTemplate, offset);
    }

    public void onEvent(LogEvent event, AnomalySink sink) {
        onEvent(event, false, -1, sink);
    }

    private void onMinute(Minute m) {
        for (MinuteCheck c : logChecks) {
            c.onMinute(m, sink);
        }
        logMetrics.onMinute(m, logSamples::add);
    }

    /**
     * Hands over the samples of the log metrics ({@code log_errors_per_min}, requests, 5xx share,
     * p95 request time) of the minutes closed since the last call: the caller puts them through the
     * metric checks as any sample, once it is out of the call that closed them.
     */
    public void takeLogMetrics(Consumer<MetricSample> out) {
        List<MetricSample> taken = List.copyOf(logSamples);
        logSamples.clear();
        taken.forEach(out);
    }

    /**
     * @return whether the point is abnormal now; an anomaly is reported once it is raised, then
     *     updated while it lasts and when it ends, so that a long excursion is one fact
     */
    public boolean onSample(MetricSample sample, AnomalySink sink) {
        return metrics.onSample(sample, sink);
    }

    public void advance(Instant watermark, AnomalySink sink) {
        this.sink = sink;
        minutes.advance(watermark);
    }

    /** End of input for the log checks: the open minutes that hold events are closed and checked. */
    public void flushLogs(AnomalySink sink) {
        this.sink = sink;
        minutes.flush();
    }

    /** End of input: the last minutes, their log metrics through the metric checks, then the open episodes. */
    public void flush(AnomalySink sink) {
        flushLogs(sink);
        takeLogMetrics(s -> metrics.onSample(s, sink));
        metrics.flush(sink);
    }

    /** How often each log check fired so far. */
    public List<CheckRate> checkRates() {
        return logChecks.stream().map(MinuteCheck::rate).toList();
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
