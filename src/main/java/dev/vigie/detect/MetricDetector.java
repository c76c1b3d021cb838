package dev.vigie.detect;

import dev.vigie.config.DetectorSettings;
import dev.vigie.event.CheckRate;
import dev.vigie.event.MetricSample;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Runs the metric checks on each point, each kind in its own {@link Episode} per series: static
 * thresholds (a configured limit, a fact from its first point); the statistical checks — rolling
 * z-score and the combined score of {@link SeriesScorer} — together, so that one fault is one
 * anomaly said by whichever weighed most; and, for saturating metrics, the forecast of when the
 * ceiling will be reached. Each anomaly is reported as soon as it is raised; all but the forecast
 * are updated while they last (see {@link Episode}).
 */
final class MetricDetector {
    private final StaticThresholdCheck thresholds;
    private final RollingZScoreCheck rollingZ;
    private final DetectorSettings settings;
    /** Statistical anomalies raised, and stretches the daily cap held back. */
    private long raised;
    private long heldBack;
    /** Per service, per metric (with its labels): no key string is built per point of an unlabelled series. */
    private final Map<String, Map<String, SeriesState>> states = new HashMap<>();

    private final class SeriesState {
        final SeriesScorer scorer;
        final StaticThresholdCheck.Limits limits;
        final double minSpread;
        final SaturationForecast forecast;
        /** Points beyond a static threshold: a configured limit is a fact from its first point. */
        final Episode overLimit = new Episode(1, settings.clearPoints(), false);
        /** The rolling z-score and the combined score: one fault, one anomaly. */
        final Episode statistical = new Episode(settings.minPoints(), settings.clearPoints(), false);
        final Episode predicted;
        final DailyCap cap = new DailyCap();
        boolean held;

        SeriesState(String metric) {
            minSpread = RollingZScoreCheck.minSpread(metric);
            scorer = new SeriesScorer(settings, minSpread);
            limits = thresholds == null ? null : thresholds.limitsOf(metric);
            Double ceiling = SaturationForecast.CEILINGS.get(metric);
            forecast = ceiling == null ? null
                    : new SaturationForecast(ceiling, settings.forecastWindow(), settings.forecastMinutes() * 60L);
            predicted = ceiling == null ? null : new Episode(settings.minPoints(), settings.clearPoints(), true);
        }
    }

    MetricDetector(DetectorSettings settings) {
        this.thresholds = settings.thresholds() ? new StaticThresholdCheck(StaticThresholdCheck.DEFAULTS) : null;
        this.rollingZ = new RollingZScoreCheck(settings.zThreshold());
        this.settings = settings;
    }

    /** @return whether any check found this point abnormal */
    boolean onSample(MetricSample s, AnomalySink sink) {
        if (!Double.isFinite(s.value())) {
            return false; // the sources count what they could not read; a NaN would poison every statistic
        }
        SeriesState state = state(s);
        // the threshold and the rolling z read the window before the scorer adds the point to it
        Finding limit = state.limits == null ? null : thresholds.evaluate(s, state.limits);
        state.overLimit.on(s, limit, sink);
        Finding f = rollingZ.evaluate(s, state.scorer.window(), state.minSpread);
        double score = state.scorer.score(s.time().getEpochSecond(), s.value());
        if (score >= settings.alertScore()) {
            Finding scored = ScoreText.finding(s, state.scorer.reading());
            if (f == null || scored.score() >= f.score()) {
                f = scored;
            }
        }
        // a worse stretch is one further from what was expected, in the series' units: scores near 1 do not compare
        long t = s.time().getEpochSecond();
        double deviation = state.scorer.deviation();
        boolean held = f != null && state.statistical.idle() && !state.cap.allows(t, deviation);
        if (held) {
            heldBack += state.held ? 0 : 1; // a stretch held back is counted once
            f = null;
        }
        state.held = held;
        if (f != null) {
            state.cap.seen(t, deviation);
        }
        if (state.statistical.on(s, f, sink)) {
            raised++;
            state.cap.raised(t);
        }
        Finding forecast = state.forecast == null ? null : state.forecast.onPoint(s);
        if (state.predicted != null) {
            state.predicted.on(s, forecast, sink);
        }
        return limit != null || f != null || forecast != null;
    }

    /** Stretches of a series past its {@link DailyCap}, among all it started: said beside the log checks' rates. */
    CheckRate capRate() {
        return new CheckRate("metric_daily_cap", raised + heldBack, heldBack);
    }

    /** (get before computeIfAbsent: a constructor reference to an inner class is a new object at each call) */
    private SeriesState state(MetricSample s) {
        Map<String, SeriesState> byMetric = states.get(s.service());
        if (byMetric == null) {
            byMetric = new HashMap<>();
            states.put(s.service(), byMetric);
        }
        // labelled series of one metric are apart; the name with labels is built only when there are some
        String key = s.labels().isEmpty() ? s.metric() : s.name();
        SeriesState state = byMetric.get(key);
        if (state == null) {
            state = new SeriesState(s.metric());
            byMetric.put(key, state);
        }
        return state;
    }

    /** Reports the final extent of the episodes still open, ordered by series and check so that the output is the same every time. */
    void flush(AnomalySink sink) {
        Map<String, Episode> open = new TreeMap<>();
        states.forEach((service, byMetric) -> byMetric.forEach((metric, state) -> {
            for (Episode e : new Episode[] {state.overLimit, state.statistical, state.predicted}) {
                if (e != null && e.pending() != null) {
                    open.put(service + "/" + metric + "|" + e.pending(), e);
                }
            }
        }));
        open.values().forEach(e -> e.flush(sink));
    }
}
