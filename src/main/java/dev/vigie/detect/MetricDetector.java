package dev.vigie.detect;

import dev.vigie.event.Anomaly;
import dev.vigie.event.MetricSample;
import dev.vigie.event.Severity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Runs the metric checks on each point and turns consecutive abnormal points of one series and
 * check into one anomaly from the first to the last of them, reported when the series is normal
 * again (or at flush), with the strongest point's numbers as evidence.
 */
final class MetricDetector {
    private final List<MetricCheck> checks;
    private final int window;
    private final Map<String, SeriesWindow> windows = new HashMap<>();
    private final Map<String, Run> runs = new TreeMap<>();

    private static final class Run {
        final String check;
        final MetricSample first;
        MetricSample last;
        Finding peak;
        Severity severity;
        int points;

        Run(String check, MetricSample first, Finding finding) {
            this.check = check;
            this.first = first;
            this.last = first;
            this.peak = finding;
            this.severity = finding.severity();
            this.points = 1;
        }
    }

    MetricDetector(DetectorSettings settings) {
        List<MetricCheck> list = new ArrayList<>();
        if (settings.thresholds()) {
            list.add(new StaticThresholdCheck(StaticThresholdCheck.DEFAULTS));
        }
        list.add(new RollingZScoreCheck(settings.zThreshold()));
        this.checks = List.copyOf(list);
        this.window = settings.window();
    }

    /** @return whether any check found this point abnormal */
    boolean onSample(MetricSample s, AnomalySink sink) {
        SeriesWindow before = windows.computeIfAbsent(s.series(), k -> new SeriesWindow(window));
        boolean abnormal = false;
        for (MetricCheck check : checks) {
            String key = s.series() + "|" + check.name();
            Finding f = check.evaluate(s, before);
            Run run = runs.get(key);
            if (f != null) {
                abnormal = true;
                if (run == null) {
                    runs.put(key, new Run(check.name(), s, f));
                } else {
                    run.last = s;
                    run.points++;
                    run.severity = run.severity.max(f.severity());
                    if (f.score() > run.peak.score()) {
                        run.peak = f;
                    }
                }
            } else if (run != null) {
                sink.accept(toAnomaly(run));
                runs.remove(key);
            }
        }
        before.add(s.value());
        return abnormal;
    }

    void flush(AnomalySink sink) {
        runs.values().forEach(r -> sink.accept(toAnomaly(r)));
        runs.clear();
    }

    private static Anomaly toAnomaly(Run r) {
        Map<String, Object> evidence = new HashMap<>(r.peak.evidence());
        evidence.put("points", r.points);
        Instant end = r.last.time();
        return new Anomaly(r.check, r.first.service(), r.first.series(), r.first.time(), end, r.severity,
                r.peak.score(), r.peak.text(), evidence);
    }
}
