package dev.vigie.detect;

import dev.vigie.config.DetectorSettings;
import java.util.Arrays;

/**
 * One series' anomaly score, point by point, from the points before it only.
 *
 * <p>Up to four baselines predict the point: the rolling median of the last points (which follows
 * a drift), the same time of day on the last days, the same time of week a week ago, and the same
 * point of the series' own period if {@link CycleFinder} finds one. The one whose recent absolute
 * errors are smallest is trusted, and the point's residual is measured in those errors (robust: the
 * median ignores a spike, and each error counts at most ten times the usual one). Beside it run the
 * classic checks: global z-score ({@link GlobalZScore}), rolling z-score, rate of change
 * ({@link RateOfChange}), a level shift beyond every value seen so far, and the density of unusual
 * points lately ({@link UnusualShare}).
 *
 * <p>Each check's z is divided by its own 99th percentile so far: a series whose spikes are routine
 * learns that they are, and one series' 5 σ is worth another's. The largest weighted ratio r
 * becomes the score r / (r + 1), so 0.5 means "as unusual as the 1% most unusual points so far".
 */
final class SeriesScorer {
    /** Never trust a percentile of z below this: a calm series still needs 3 σ to look odd. */
    static final double MIN_QUANTILE = 3;
    private static final double INVERSE_MIN_QUANTILE = 1 / MIN_QUANTILE;
    /** Points before a baseline's errors are trusted. */
    private static final int MIN_ERRORS = 20;
    private static final int STEP_SAMPLES = 9;
    private static final long DAY = 86_400;
    private static final int MAX_DAILY_SLOTS = 2_000;

    enum Basis {
        MEDIAN("rolling median"), DAILY("same time on recent days"), WEEKLY("same time last week"),
        CYCLE("same point of its last cycles");

        final String label;

        Basis(String label) {
            this.label = label;
        }
    }

    /**
     * In this order: {@link #score} reads the first {@link #CALIBRATED} as checks measured against
     * their own percentile, then the level shift and the density, which have their own scales.
     */
    enum Check {
        RESIDUAL, GLOBAL_Z, ROLLING_Z, CHANGE, LEVEL_SHIFT, DENSITY
    }

    private static final int CALIBRATED = 4;

    /** {@code values()} copies its array at every call: not on the per-point path. */
    private static final Check[] CHECKS = Check.values();
    /** Points after a long silence during which the baselines only re-learn. */
    private static final int RELEARN = 8;
    /** Abnormal points in a row that the checks' percentiles skip before they take a lasting change as the new usual. */
    private static final int LEARN_AFTER = 10;
    /** Normal points in a row after which the abnormal ones before them are learned. */
    private static final int QUIET = 30;

    private final DetectorSettings settings;
    private final double minSpread;
    private final double spreadFloor;
    private final RollingMedian median;
    private final SeriesWindow rolling;
    private final GlobalZScore global;
    private final RateOfChange change;
    private final TailQuantile[] quantiles = new TailQuantile[Check.values().length];
    private final double[] weights;
    private final boolean rollingWeighs;
    private SeasonalBaseline daily;
    private SeasonalBaseline weekly;
    /** A period of its own, found by {@link CycleFinder}; null when none was (or not yet). */
    private SeasonalBaseline cycle;
    private CycleFinder cycleFinder = new CycleFinder();
    private final Errors cycleErrors = new Errors();
    /**
     * The residual's percentile when the cycle is the trusted baseline: a cycle predicts what the
     * others call spikes, and its small residuals must not teach the others' percentile that those
     * spikes are rare.
     */
    private TailQuantile cycleResidual;
    /** The residual's percentile for the other baselines; {@code quantiles[0]} is it or the cycle's. */
    private final TailQuantile residual;
    /** Every value so far a whole number ≥ 0: a count, whose noise is at least its square root. */
    private boolean counts = true;
    private final Errors medianErrors = new Errors();
    private final Errors dailyErrors = new Errors();
    private final Errors weeklyErrors = new Errors();
    private final double errorAlpha;
    private final double alertScore;
    private final int warmUp;

    private final long[] firstSteps = new long[STEP_SAMPLES];
    private int stepSamples;
    private long step = -1;
    private long lastTime = Long.MIN_VALUE;
    private double high = Double.NEGATIVE_INFINITY;
    private double low = Double.POSITIVE_INFINITY;
    private long points;
    private int sinceGap = RELEARN;
    /** Abnormal and normal points in a row, and how many abnormal ones wait to be learned with their z. */
    private int abnormalRun;
    private int quietRun;
    private int waiting;
    private final double[] deferred = new double[LEARN_AFTER * CALIBRATED];
    private final TailQuantile[] deferredResidual = new TailQuantile[LEARN_AFTER];
    private final UnusualShare density;

    // the last point's numbers, for its reading
    private final double[] z = new double[Check.values().length];
    private final double[] ratio = new double[Check.values().length];
    private double value;
    private double expected;
    private double scale;
    private Basis basis;
    private double score;
    private double rollingMean;
    private int rollingPoints;
    private double seenLow;
    private double seenHigh;

    /** @param minSpread the smallest error believed for this series (a flat series has none) */
    SeriesScorer(DetectorSettings settings, double minSpread) {
        this.settings = settings;
        this.minSpread = minSpread;
        this.spreadFloor = Math.max(minSpread, 1e-9);
        this.global = new GlobalZScore(spreadFloor);
        this.change = new RateOfChange(spreadFloor);
        this.median = new RollingMedian(settings.robustWindow());
        this.rolling = new SeriesWindow(settings.window());
        for (int i = 0; i < quantiles.length; i++) {
            quantiles[i] = new TailQuantile(settings.quantile());
        }
        residual = quantiles[0];
        this.weights = new double[] {1, settings.globalWeight(), settings.rollingWeight(), settings.changeWeight(),
                settings.shiftWeight(), settings.densityWeight()};
        this.density = new UnusualShare(settings.quantile());
        this.rollingWeighs = settings.rollingWeight() > 0;
        this.errorAlpha = settings.errorAlpha();
        this.alertScore = settings.alertScore();
        this.warmUp = settings.warmUp();
    }

    /** @return the score of this point in [0, 1], from the points before it */
    double score(long epochSecond, double v) {
        learnStep(epochSecond);
        value = v;
        int dailySlot = daily == null ? -1 : daily.slot(epochSecond);
        int weeklySlot = weekly == null ? -1 : weekly.slot(epochSecond);
        int cycleSlot = cycle == null ? -1 : cycle.slot(epochSecond);
        // each baseline's prediction, NaN while it has none
        double byMedian = median.size() >= 8 ? median.median() : Double.NaN;
        double byDay = dailySlot >= 0 ? daily.expected(dailySlot) : Double.NaN;
        double byWeek = weeklySlot >= 0 ? weekly.expected(weeklySlot) : Double.NaN;
        double byCycle = cycleSlot >= 0 ? cycle.expected(cycleSlot) : Double.NaN;
        // the trusted baseline: the smallest recent error among those with enough of them (ties: the first)
        double best = Double.MAX_VALUE;
        double predicted = 0;
        basis = null;
        if (byMedian == byMedian && medianErrors.trusted() && medianErrors.mean < best) {
            best = medianErrors.mean;
            predicted = byMedian;
            basis = Basis.MEDIAN;
        }
        if (byDay == byDay && dailyErrors.trusted() && dailyErrors.mean < best) {
            best = dailyErrors.mean;
            predicted = byDay;
            basis = Basis.DAILY;
        }
        if (byWeek == byWeek && weeklyErrors.trusted() && weeklyErrors.mean < best) {
            best = weeklyErrors.mean;
            predicted = byWeek;
            basis = Basis.WEEKLY;
        }
        if (cycleSlot >= 0 && byCycle == byCycle && cycleErrors.trusted() && cycleErrors.mean < best) {
            best = cycleErrors.mean;
            predicted = byCycle;
            basis = Basis.CYCLE;
        }
        double[] z = this.z;
        if (basis != null) {
            expected = predicted;
            // 1.25 × mean absolute error ≈ one standard deviation for Gaussian noise
            scale = atLeast(atLeast(best * 1.2533, minSpread), 1e-9 + 1e-4 * Math.abs(predicted));
            if (counts) {
                scale = atLeast(scale, Math.sqrt(atLeast(predicted, 1))); // Poisson: a count of 4 where 1 is usual is not 20 σ
            }
            z[Check.RESIDUAL.ordinal()] = Math.abs(v - predicted) / scale;
        } else {
            z[Check.RESIDUAL.ordinal()] = 0;
        }
        medianErrors.add(v, byMedian, errorAlpha);
        dailyErrors.add(v, byDay, errorAlpha);
        weeklyErrors.add(v, byWeek, errorAlpha);
        if (cycleSlot >= 0) {
            cycleErrors.add(v, byCycle, errorAlpha);
            cycle.add(cycleSlot, v);
        }
        z[Check.GLOBAL_Z.ordinal()] = global.z(v);
        // a check that weighs nothing is not computed (the per-point rolling z-score check has its own)
        double rollingMean = rollingWeighs && rolling.size() > 1 ? rolling.mean() : Double.NaN;
        z[Check.ROLLING_Z.ordinal()] = rollingMean == rollingMean
                ? zOf(v - rollingMean, rolling.std(rollingMean), rolling.size()) : 0;
        z[Check.CHANGE.ordinal()] = change.z(v);
        seenLow = low;
        seenHigh = high;
        this.rollingMean = rollingMean;
        rollingPoints = rolling.size();
        // (inside the range seen, the usual case, there is nothing to divide)
        z[Check.LEVEL_SHIFT.ordinal()] = (v > high || v < low) && points > warmUp && high > low
                ? Math.max(v - high, low - v) / (high - low) : 0;

        // beyond every value seen is rare by construction: the level shift's distance in ranges is its own scale
        double[] w = weights;
        double[] ratio = this.ratio;
        TailQuantile[] q = quantiles;
        q[0] = basis == Basis.CYCLE ? cycleResidual : residual;
        ratio[0] = w[0] * z[0] * q[0].inverseAtLeast(INVERSE_MIN_QUANTILE);
        ratio[1] = w[1] * z[1] * q[1].inverseAtLeast(INVERSE_MIN_QUANTILE);
        ratio[2] = w[2] * z[2] * q[2].inverseAtLeast(INVERSE_MIN_QUANTILE);
        ratio[3] = w[3] * z[3] * q[3].inverseAtLeast(INVERSE_MIN_QUANTILE);
        ratio[4] = w[4] * z[4];
        // a point beyond its residual's percentile is unusual; many of them lately is the density check
        ratio[5] = w[5] * density.ratio(ratio[0] >= 1);
        z[5] = density.count();
        double r = atLeast(atLeast(atLeast(ratio[0], ratio[1]), atLeast(ratio[2], ratio[3])), atLeast(ratio[4], ratio[5]));
        double raw = r / (r + 1);
        learn(raw >= alertScore);
        remember(v);
        counts &= v >= 0 && v == Math.rint(v);
        if (cycleFinder != null) {
            findCycle(v);
        }
        if (dailySlot >= 0) {
            daily.add(dailySlot, v);
        }
        if (weeklySlot >= 0) {
            weekly.add(weeklySlot, v);
        }
        score = points <= warmUp || sinceGap < RELEARN ? 0 : raw;
        return score;
    }

    /** One baseline's running mean absolute error; each error counts at most ten times the usual one. */
    private static final class Errors {
        double mean;
        int count;

        boolean trusted() {
            return count >= MIN_ERRORS;
        }

        /** @param predicted NaN when the baseline had no prediction: nothing is learned */
        void add(double v, double predicted, double alpha) {
            if (predicted == predicted) {
                double e = Math.abs(v - predicted);
                double cap = 10 * atLeast(mean, 1e-12);
                mean = count == 0 ? e : mean + alpha * ((e < cap ? e : cap) - mean);
                count++;
            }
        }
    }

    /**
     * Adds the point's z of each check to the percentiles it is measured against. Abnormal points
     * wait until the series has been quiet for {@link #QUIET} points, so that a fault — even one that
     * flaps — does not teach the checks, while it lasts, that it is usual; then they are learned, so a
     * spike that keeps coming back becomes routine. A fault that outlasts {@link #LEARN_AFTER}
     * abnormal points is the new usual and is learned at once.
     */
    private void learn(boolean abnormal) {
        abnormalRun = abnormal ? abnormalRun + 1 : 0;
        quietRun = abnormal ? 0 : quietRun + 1;
        if (abnormal && abnormalRun <= LEARN_AFTER && waiting < LEARN_AFTER) {
            defer();
            return;
        }
        if (waiting > 0 && (abnormal || quietRun >= QUIET)) {
            learnDeferred();
        }
        for (int c = 0; c < CALIBRATED; c++) {
            if (weights[c] > 0) {
                quantiles[c].add(z[c]);
            }
        }
    }

    // The rare paths apart: learn() stays small enough to be inlined into score() by the JIT
    // (with them, it was compiled on its own and bench score lost a tenth).
    private void defer() {
        System.arraycopy(z, 0, deferred, waiting * CALIBRATED, CALIBRATED);
        deferredResidual[waiting] = quantiles[0];
        waiting++;
    }

    private void learnDeferred() {
        for (int k = 0; k < waiting; k++) {
            deferredResidual[k].add(deferred[k * CALIBRATED]);
            for (int c = 1; c < CALIBRATED; c++) {
                if (weights[c] > 0) {
                    quantiles[c].add(deferred[k * CALIBRATED + c]);
                }
            }
        }
        waiting = 0;
    }

    /** The last points before the next one: the rolling z-score's window, shared with the per-point checks. */
    SeriesWindow window() {
        return rolling;
    }

    /** How far the last point was from what its trusted baseline expected, in its own units (0 while none is trusted). */
    double deviation() {
        return basis == null ? 0 : Math.abs(value - expected);
    }

    /** The numbers behind the last score, strongest check first. */
    Reading reading() {
        int top = 0;
        for (int c = 1; c < ratio.length; c++) {
            if (ratio[c] > ratio[top]) {
                top = c;
            }
        }
        // (not on the per-point path: read only for a point that raises or grows an anomaly)
        double[] zs = z.clone();
        if (!rollingWeighs) {
            zs[Check.ROLLING_Z.ordinal()] = Double.NaN; // not computed
        }
        return new Reading(score, CHECKS[top], value, basis == null ? null : basis.label, expected, scale,
                zs, ratio.clone(), rollingMean, rollingPoints, seenLow, seenHigh, density.usual());
    }

    /**
     * @param check    the check with the largest weighted ratio
     * @param basis    the baseline trusted for the residual, or null while none is
     * @param z        per {@link Check}, its z (the level shift: how far beyond the range, in ranges; the
     *                 density: unusual points among the last 100); NaN for a check that weighs nothing and
     *                 was not computed
     * @param ratio    per {@link Check}, its weighted z over its own 99th percentile
     * @param low      the lowest value seen before this point (after the first 20)
     * @param usualUnusual how many of the last 100 points are unusual as a rule
     */
    record Reading(double score, Check check, double value, String basis, double expected, double scale, double[] z,
                   double[] ratio, double rollingMean, int rollingPoints, double low, double high, double usualUnusual) {
        double z(Check c) {
            return z[c.ordinal()];
        }
    }

    /**
     * {@code Math.max} for values that are never NaN nor negative zero (errors, spreads, ratios): a
     * compare that the branch predictor learns, where {@code Math.max} pays for NaN and signed zeros
     * at every call. Some fifteen calls a point: 12–16% of the scorer's time, measured.
     */
    static double atLeast(double a, double b) {
        return a >= b ? a : b;
    }

    private double zOf(double deviation, double std, long count) {
        if (count < 2) {
            return 0;
        }
        return Math.abs(deviation) / Math.max(std, spreadFloor);
    }

    private void remember(double v) {
        median.add(v);
        rolling.add(v);
        global.add(v);
        change.add(v);
        points++;
        if (sinceGap < RELEARN) {
            sinceGap++;
        }
        if (points > 20) {
            high = Math.max(high, v);
            low = Math.min(low, v);
        }
    }

    /** Feeds the finder; once it has its points, a period that is neither the day nor the week becomes a baseline. */
    private void findCycle(double v) {
        if (!cycleFinder.add(v)) {
            return;
        }
        int period = cycleFinder.period();
        cycleFinder = null;
        if (period > 0 && step > 0 && period * step != DAY && period * step != 7 * DAY) {
            cycle = SeasonalBaseline.of(period * step, step, settings.seasonDays(), MAX_DAILY_SLOTS);
            cycleResidual = new TailQuantile(settings.quantile());
        }
    }

    private void learnStep(long t) {
        if (lastTime != Long.MIN_VALUE) {
            long d = t - lastTime;
            if (step < 0 && d > 0) {
                firstSteps[stepSamples++] = d;
                if (stepSamples == STEP_SAMPLES) {
                    long[] sorted = firstSteps.clone();
                    Arrays.sort(sorted);
                    step = sorted[STEP_SAMPLES / 2];
                    daily = SeasonalBaseline.of(DAY, step, settings.seasonDays(), MAX_DAILY_SLOTS);
                    weekly = SeasonalBaseline.of(7 * DAY, step, 1, 7 * MAX_DAILY_SLOTS);
                }
            } else if (step > 0 && d > 30 * step) {
                sinceGap = 0; // the baselines are stale after a long silence: let them catch up first
            }
        }
        lastTime = t;
    }
}
