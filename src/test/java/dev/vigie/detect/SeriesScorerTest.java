package dev.vigie.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.vigie.config.DetectorSettings;
import dev.vigie.detect.SeriesScorer.Check;
import java.util.SplittableRandom;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.junit.jupiter.api.Test;

/** Each check of the combined score on a series crafted to show it. */
class SeriesScorerTest {
    static final long STEP = 300;
    static final DetectorSettings S = DetectorSettings.DEFAULTS;

    private static double[] noise(int n, double level, double sd, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = level + sd * r.nextGaussian();
        }
        return v;
    }

    private static double[] score(SeriesScorer s, double[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = s.score(i * STEP, v[i]);
        }
        return out;
    }

    private static double max(double[] v, int from, int to) {
        double m = 0;
        for (int i = from; i < to; i++) {
            m = Math.max(m, v[i]);
        }
        return m;
    }

    @Test
    void nothingIsScoredDuringWarmUpAndCalmNoiseStaysLow() {
        double[] v = noise(3000, 50, 2, 1);
        double[] s = score(new SeriesScorer(S, 0), v);
        assertThat(max(s, 0, S.warmUp())).isZero();
        // a 4 σ point that is also a new extreme may score high, as it should; more than one in a thousand may not
        assertThat(java.util.Arrays.stream(s).filter(x -> x >= S.alertScore()).count()).isLessThanOrEqualTo(3);
    }

    @Test
    void aSpikeScoresHighAndDoesNotBlindTheBaselineForTheNextOne() {
        double[] v = noise(1000, 50, 2, 2);
        v[500] = 90;
        v[540] = 90;
        SeriesScorer scorer = new SeriesScorer(S, 0);
        double[] s = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            s[i] = scorer.score(i * STEP, v[i]);
            if (i == 500) {
                SeriesScorer.Reading r = scorer.reading();
                assertThat(r.check()).isIn(Check.RESIDUAL, Check.LEVEL_SHIFT, Check.GLOBAL_Z);
                assertThat(r.basis()).isEqualTo("rolling median");
                assertThat(r.expected()).isCloseTo(50, within(2.0));
                assertThat(r.z(Check.RESIDUAL)).isGreaterThan(10);
            }
        }
        assertThat(s[500]).isGreaterThan(S.alertScore());
        assertThat(s[540]).as("the median ignored the first spike").isGreaterThan(S.alertScore());
        assertThat(max(s, 501, 540)).as("the points after a spike are normal").isLessThan(S.alertScore());
    }

    @Test
    void aDailyPatternIsLearnedAndItsBreakIsCaughtEvenInsideTheUsualRange() {
        int perDay = 288;
        double[] v = new double[perDay * 6];
        SplittableRandom r = new SplittableRandom(3);
        for (int i = 0; i < v.length; i++) {
            v[i] = 50 + 30 * Math.sin(2 * Math.PI * i / perDay) + r.nextGaussian();
        }
        int broken = perDay * 5 + perDay / 4; // the peak of day 6 stays at the daily mean
        for (int i = broken; i < broken + 24; i++) {
            v[i] = 50 + r.nextGaussian();
        }
        SeriesScorer scorer = new SeriesScorer(S, 0);
        double[] s = new double[v.length];
        String basis = null;
        for (int i = 0; i < v.length; i++) {
            s[i] = scorer.score(i * STEP, v[i]);
            if (i == broken - 1) {
                basis = scorer.reading().basis();
            }
        }
        assertThat(basis).isEqualTo("same time on recent days");
        assertThat(max(s, perDay * 3, broken)).as("days 4 and 5 follow the pattern").isLessThan(S.alertScore());
        assertThat(max(s, broken, broken + 12)).isGreaterThan(S.alertScore());
    }

    @Test
    void aLevelShiftBeyondEverySeenValueScoresFromItsFirstPoint() {
        double[] v = noise(1200, 20, 1, 4);
        for (int i = 1000; i < v.length; i++) {
            v[i] += 15;
        }
        SeriesScorer scorer = new SeriesScorer(S, 0);
        double shiftZ = 0;
        for (int i = 0; i <= 1000; i++) {
            scorer.score(i * STEP, v[i]);
        }
        SeriesScorer.Reading r = scorer.reading();
        shiftZ = r.z(Check.LEVEL_SHIFT);
        assertThat(shiftZ).isCloseTo((v[1000] - r.high()) / (r.high() - r.low()), within(1e-9));
        assertThat(r.score()).isGreaterThan(S.alertScore());
    }

    @Test
    void globalRollingAndChangeZScoresAreTheTextbookOnes() {
        double[] v = noise(400, 10, 1, 5);
        DetectorSettings d = S;
        // the rolling z-score is computed only when it weighs in the score
        DetectorSettings rollingWeighs = d.toBuilder().rollingWeight(0.5).build();
        SeriesScorer scorer = new SeriesScorer(rollingWeighs, 0);
        SeriesScorer unweighted = new SeriesScorer(S, 0);
        // the textbook: commons-math's two-moment statistics, not our own incremental ones
        SummaryStatistics all = new SummaryStatistics();
        SummaryStatistics deltas = new SummaryStatistics();
        for (int i = 0; i < v.length - 1; i++) {
            scorer.score(i * STEP, v[i]);
            unweighted.score(i * STEP, v[i]);
            all.addValue(v[i]);
            if (i > 0) {
                deltas.addValue(v[i] - v[i - 1]);
            }
        }
        double x = 17;
        scorer.score((v.length - 1) * STEP, x);
        SeriesScorer.Reading r = scorer.reading();
        assertThat(r.z(Check.GLOBAL_Z)).isCloseTo(Math.abs(x - all.getMean()) / all.getStandardDeviation(), within(1e-9));
        double delta = x - v[v.length - 2];
        assertThat(r.z(Check.CHANGE)).isCloseTo(Math.abs(delta - deltas.getMean()) / deltas.getStandardDeviation(), within(1e-9));
        SeriesWindow last = new SeriesWindow(S.window());
        for (int i = v.length - 1 - S.window(); i < v.length - 1; i++) {
            last.add(v[i]);
        }
        double mean = last.mean();
        assertThat(r.rollingMean()).isCloseTo(mean, within(1e-9));
        assertThat(r.z(Check.ROLLING_Z)).isCloseTo(Math.abs(x - mean) / last.std(mean), within(1e-9));
        unweighted.score((v.length - 1) * STEP, x);
        assertThat(unweighted.reading().z(Check.ROLLING_Z)).isNaN();
        assertThat(unweighted.reading().z(Check.GLOBAL_Z)).isEqualTo(r.z(Check.GLOBAL_Z));
    }

    @Test
    void aStretchOfMildlyUnusualPointsIsCaughtByTheirDensityThoughNoneIsFarOff() {
        double[] v = noise(2_000, 40, 1, 13);
        for (int i = 1_500; i < 1_600; i += 4) {
            v[i] = 43.5; // 3.5 σ: unusual, not alarming on its own
        }
        SeriesScorer s = new SeriesScorer(S, 0);
        double maxCalm = 0;
        double maxOther = 0;
        SeriesScorer.Reading densest = null;
        for (int i = 0; i < v.length; i++) {
            double score = s.score(i * STEP, v[i]);
            SeriesScorer.Reading r = s.reading();
            if (i < 1_500) {
                maxCalm = Math.max(maxCalm, score);
            } else if (i < 1_600) {
                double others = 0;
                for (Check c : Check.values()) {
                    if (c != Check.DENSITY) {
                        others = Math.max(others, r.ratio()[c.ordinal()]);
                    }
                }
                maxOther = Math.max(maxOther, others / (others + 1));
                if (r.check() == Check.DENSITY && (densest == null || score > densest.score())) {
                    densest = r;
                }
            }
        }
        assertThat(maxCalm).as("calm noise").isLessThan(S.alertScore());
        assertThat(maxOther).as("no point of the stretch is alarming on its own").isLessThan(S.alertScore());
        assertThat(densest).as("the density check spoke").isNotNull();
        assertThat(densest.score()).isGreaterThanOrEqualTo(S.alertScore());
        assertThat(densest.z(Check.DENSITY)).as("unusual points among the last 100: at least the usual count").isGreaterThanOrEqualTo(UnusualShare.MIN_USUAL);
        assertThat(densest.usualUnusual()).isEqualTo(UnusualShare.MIN_USUAL);
    }

    @Test
    void theDensityCountsTheLastHundredPointsAgainstTheUsualCount() {
        UnusualShare share = new UnusualShare(0.99);
        for (int i = 0; i <= UnusualShare.WINDOW; i++) {
            assertThat(share.ratio(i % 10 == 0)).as("no whole window before it yet").isZero();
        }
        assertThat(share.count()).isEqualTo(10);
        assertThat(share.ratio(true)).as("11 of 100 over the floor of 6").isEqualTo(11 / UnusualShare.MIN_USUAL);
        for (int i = 0; i < 100; i++) {
            share.ratio(false);
        }
        assertThat(share.count()).as("they have left the window").isZero();
    }

    @Test
    void spikesThatComeEveryFiftyPointsAreLearnedAsRoutine() {
        double[] v = noise(4000, 5, 0.5, 6);
        for (int i = 200; i < v.length; i += 50) {
            v[i] = 40;
        }
        double[] s = score(new SeriesScorer(S, 0), v);
        assertThat(s[200]).as("the first spike surprises").isGreaterThan(S.alertScore());
        assertThat(max(s, 3000, v.length)).as("by then they are the series' habit").isLessThan(S.alertScore());
    }

    @Test
    void aFlatSeriesGuardsItsSpreadAndAGapRestartsTheWatch() {
        double[] flat = new double[600];
        java.util.Arrays.fill(flat, 3.0);
        SeriesScorer guarded = new SeriesScorer(S, 1.0);
        for (int i = 0; i < flat.length; i++) {
            assertThat(guarded.score(i * STEP, flat[i])).isZero();
        }
        assertThat(guarded.score(600 * STEP, 3.5)).as("half the believed spread is no anomaly").isLessThan(0.5);

        SeriesScorer gapped = new SeriesScorer(S, 0);
        double[] v = noise(400, 10, 1, 7);
        for (int i = 0; i < v.length; i++) {
            gapped.score(i * STEP, v[i]);
        }
        long resume = (v.length + 100) * STEP;
        assertThat(gapped.score(resume, 30)).as("after a long silence, the first points only re-learn").isZero();
    }

    @Test
    void theSameSeriesGivesTheSameScoresAndAPrefixIsNotChangedByWhatFollows() {
        double[] v = noise(2000, 30, 3, 8);
        double[] all = score(new SeriesScorer(S, 0), v);
        double[] prefix = score(new SeriesScorer(S, 0), java.util.Arrays.copyOf(v, 1200));
        assertThat(java.util.Arrays.copyOf(all, 1200)).containsExactly(prefix);
        assertThat(score(new SeriesScorer(S, 0), v)).containsExactly(all);
    }
}
