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
    /** Per service, per metric: no key string is built per point. */
    private final Map<String, Map<String, SeriesState>> states = new HashMap<>();

    /** A series' recent points and, per check, the run of abnormal points in progress. */
    private final class SeriesState {
        final SeriesWindow before = new SeriesWindow(window);
        final Run[] runs = new Run[checks.size()];
    }

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
        SeriesState state = states.computeIfAbsent(s.service(), k -> new HashMap<>())
                .computeIfAbsent(s.metric(), k -> new SeriesState());
        SeriesWindow before = state.before;
        boolean abnormal = false;
        for (int c = 0; c < checks.size(); c++) {
            MetricCheck check = checks.get(c);
            Finding f = check.evaluate(s, before);
            Run run = state.runs[c];
            if (f != null) {
                abnormal = true;
                if (run == null) {
                    state.runs[c] = new Run(check.name(), s, f);
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
                state.runs[c] = null;
            }
        }
        before.add(s.value());
        return abnormal;
    }

    /** Reports the runs still open, ordered by series and check so that the output is the same every time. */
    void flush(AnomalySink sink) {
        Map<String, Run> open = new TreeMap<>();
        for (Map<String, SeriesState> byMetric : states.values()) {
            for (SeriesState state : byMetric.values()) {
                for (int c = 0; c < state.runs.length; c++) {
                    Run r = state.runs[c];
                    if (r != null) {
                        open.put(r.first.series() + "|" + r.check, r);
                        state.runs[c] = null;
                    }
                }
            }
        }
        open.values().forEach(r -> sink.accept(toAnomaly(r)));
    }

    private static Anomaly toAnomaly(Run r) {
        Map<String, Object> evidence = new HashMap<>(r.peak.evidence());
        evidence.put("points", r.points);
        Instant end = r.last.time();
        return new Anomaly(r.check, r.first.service(), r.first.series(), r.first.time(), end, r.severity,
                r.peak.score(), r.peak.text(), evidence);
    }
}
