package dev.vigie.bench;

import dev.vigie.config.DetectorSettings;
import dev.vigie.detect.SeriesScore;
import java.util.SplittableRandom;
import org.apache.commons.math3.stat.descriptive.rank.Median;

/**
 * {@code vigie bench score}: points per second through the full check set of the series scorer,
 * on one thread — seeded series at a 5-minute step with a daily pattern, noise and a few spikes, so
 * that every baseline and check is exercised. The median of several runs.
 */
public final class ScoreBenchmark {
    public record Result(int series, int points, int runs, double medianPointsPerSecond, double checksum) {
    }

    private static final long STEP = 300;

    private ScoreBenchmark() {
    }

    public static Result run(int series, int points, int runs) {
        double[][] data = new double[series][points];
        SplittableRandom r = new SplittableRandom(42);
        for (double[] v : data) {
            double level = 10 + 90 * r.nextDouble();
            for (int i = 0; i < points; i++) {
                v[i] = level * (1 + 0.3 * Math.sin(2 * Math.PI * i / 288)) + level * 0.05 * r.nextGaussian()
                        + (r.nextInt(500) == 0 ? level : 0);
            }
        }
        double checksum = 0;
        for (int w = 0; w < 3; w++) {
            checksum = pass(data); // warm-up
        }
        double[] rates = new double[runs];
        for (int k = 0; k < runs; k++) {
            long start = System.nanoTime();
            checksum = pass(data);
            rates[k] = (double) series * points / ((System.nanoTime() - start) / 1e9);
        }
        double median = new Median().evaluate(rates);
        return new Result(series, points, runs, median, checksum);
    }

    private static double pass(double[][] data) {
        double sum = 0;
        for (double[] v : data) {
            SeriesScore scorer = new SeriesScore(DetectorSettings.DEFAULTS);
            for (int i = 0; i < v.length; i++) {
                sum += scorer.next(i * STEP, v[i]);
            }
        }
        return sum;
    }
}
