package dev.vigie.bench;

import dev.vigie.config.DetectorSettings;
import dev.vigie.detect.Detector;
import dev.vigie.event.MetricSample;
import dev.vigie.sim.MetricSimulator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.stat.descriptive.rank.Median;

/**
 * {@code vigie bench redetect}: how long re-running metric detection over a buffered history takes,
 * as the simulation sliders do on every move — {@code series} simulated series of {@code points}
 * each, the median of several runs.
 */
public final class RedetectBenchmark {
    public record Result(int series, int points, int runs, double medianMs, int anomalies) {
    }

    private static final int WARM_UP_PASSES = 30;

    private RedetectBenchmark() {
    }

    public static Result run(int series, int points, int runs) {
        List<MetricSample> history = history(series, points);
        double[] ms = new double[runs];
        int anomalies = 0;
        // warm-up until the compiler is done: on two cores its threads compete with the measured runs
        for (int w = 0; w < WARM_UP_PASSES; w++) {
            Detector.detectMetrics(DetectorSettings.DEFAULTS, history);
        }
        for (int r = 0; r < runs; r++) {
            long start = System.nanoTime();
            anomalies = Detector.detectMetrics(DetectorSettings.DEFAULTS, history).size();
            ms[r] = (System.nanoTime() - start) / 1e6;
        }
        double median = new Median().evaluate(ms);
        return new Result(series, points, runs, median, anomalies);
    }

    /**
     * {@code series} series of {@code points} steps from the seeded simulator's sample day; past the
     * simulator's own series, more seeds give more (their service names get a suffix).
     */
    static List<MetricSample> history(int series, int points) {
        int perSim = new MetricSimulator(42, MetricSimulator.SAMPLE_DAY).at(Instant.EPOCH).size();
        int sims = (series + perSim - 1) / perSim;
        List<MetricSimulator> simulators = new ArrayList<>();
        for (int k = 0; k < sims; k++) {
            simulators.add(new MetricSimulator(42 + k, MetricSimulator.SAMPLE_DAY));
        }
        Instant t = MetricSimulator.alignToStep(Instant.parse("2026-03-14T00:00:00Z"));
        List<MetricSample> out = new ArrayList<>(series * points);
        for (int i = 0; i < points; i++) {
            int n = 0;
            for (int k = 0; k < sims && n < series; k++) {
                for (MetricSample s : simulators.get(k).at(t)) {
                    if (n++ >= series) {
                        break;
                    }
                    out.add(k == 0 ? s : new MetricSample(s.time(), s.service() + "-" + k, s.metric(), s.value()));
                }
            }
            t = t.plus(MetricSimulator.STEP);
        }
        return out;
    }
}
