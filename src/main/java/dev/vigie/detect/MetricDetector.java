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
 * again (or at flush), with the strongest point's numbers as evidence. The combined score of each
 * series ({@link SeriesScorer}) is held to more: {@code minPoints} abnormal points in a row raise its
 * anomaly, {@code clearPoints} normal ones end it, so a flapping series raises one.
 */
final class MetricDetector {
    private final List<MetricCheck> checks;
    private final DetectorSettings settings;
    /** Per service, per metric: no key string is built per point. */
    private final Map<String, Map<String, SeriesState>> states = new HashMap<>();

    /** A series' recent points and, per check, the run of abnormal points in progress. */
    private final class SeriesState {
        final Run[] runs = new Run[checks.size()];
        final SeriesScorer scorer;
        /** The combined score's anomaly, once its episode holds minPoints abnormal points. */
        Run scored;
        MetricSample firstAbnormal;
        /** Abnormal points in the episode in progress (0: none in progress). */
        int abnormal;
        int normalInARow;

        SeriesState(String metric) {
            scorer = new SeriesScorer(settings, RollingZScoreCheck.minSpread(metric));
        }
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
        this.settings = settings;
    }

    /** @return whether any check found this point abnormal */
    boolean onSample(MetricSample s, AnomalySink sink) {
        SeriesState state = states.computeIfAbsent(s.service(), k -> new HashMap<>())
                .computeIfAbsent(s.metric(), SeriesState::new);
        SeriesWindow before = state.scorer.window();
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
        // the scorer adds the point to the window the checks above read
        return scoreCheck(state, s, sink) | abnormal;
    }

    /**
     * An episode starts at an abnormal point and lasts until {@code clearPoints} normal points in a
     * row; it raises its anomaly once it holds {@code minPoints} abnormal points, so a fault that
     * flaps (abnormal, normal, abnormal…) is one anomaly, and a lone abnormal point none.
     */
    private boolean scoreCheck(SeriesState state, MetricSample s, AnomalySink sink) {
        double score = state.scorer.score(s.time().getEpochSecond(), s.value());
        boolean abnormal = score >= settings.alertScore();
        if (abnormal) {
            state.normalInARow = 0;
            if (state.abnormal++ == 0) {
                state.firstAbnormal = s;
            }
            Run run = state.scored;
            if (run == null && state.abnormal >= settings.minPoints()) {
                state.scored = new Run(ScoreText.CHECK, state.firstAbnormal, ScoreText.finding(s, state.scorer.reading()));
                state.scored.points = state.abnormal;
                state.scored.last = s;
            } else if (run != null) {
                run.last = s;
                run.points++;
                if (score > run.peak.score()) {
                    run.peak = ScoreText.finding(s, state.scorer.reading());
                    run.severity = run.severity.max(run.peak.severity());
                }
            }
        } else if (state.abnormal > 0 && ++state.normalInARow >= settings.clearPoints()) {
            if (state.scored != null) {
                sink.accept(toAnomaly(state.scored));
                state.scored = null;
            }
            state.abnormal = 0;
        }
        return abnormal;
    }

    /** Reports the runs still open, ordered by series and check so that the output is the same every time. */
    void flush(AnomalySink sink) {
        Map<String, Run> open = new TreeMap<>();
        for (Map<String, SeriesState> byMetric : states.values()) {
            for (SeriesState state : byMetric.values()) {
                if (state.scored != null) {
                    open.put(state.scored.first.series() + "|" + state.scored.check, state.scored);
                    state.scored = null;
                }
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
