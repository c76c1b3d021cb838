package dev.vigie.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The pieces of the metric score, each against a brute-force or known answer. */
class ScoringPartsTest {
    @Test
    void rollingMedianMatchesSortingTheWindow() {
        RollingMedian m = new RollingMedian(7);
        SplittableRandom r = new SplittableRandom(1);
        double[] all = new double[500];
        for (int i = 0; i < all.length; i++) {
            all[i] = Math.floor(r.nextDouble() * 20); // ties on purpose
            m.add(all[i]);
            double[] w = Arrays.copyOfRange(all, Math.max(0, i - 6), i + 1);
            Arrays.sort(w);
            double median = w.length % 2 == 1 ? w[w.length / 2] : (w[w.length / 2 - 1] + w[w.length / 2]) / 2;
            assertThat(m.median()).isEqualTo(median);
        }
    }

    @Test
    void tailQuantileIsWithinAQuarterOctaveAboveTheTrueOne() {
        TailQuantile q = new TailQuantile(0.99);
        SplittableRandom r = new SplittableRandom(2);
        double[] v = new double[20_000];
        for (int i = 0; i < v.length; i++) {
            v[i] = Math.abs(r.nextGaussian());
            q.add(v[i]);
        }
        Arrays.sort(v);
        double exact = v[(int) (0.99 * v.length)];
        assertThat(q.value(0)).isBetween(exact, exact * 1.25 * 1.01);
        assertThat(new TailQuantile(0.99).value(3)).isEqualTo(3);
        assertThat(q.inverseAtLeast(1 / 3.0)).isEqualTo(Math.min(1 / q.value(0), 1 / 3.0));
        assertThat(new TailQuantile(0.99).inverseAtLeast(0.25)).isEqualTo(0.25);
    }

    @Test
    void theGlobalZScoreKeepsTheTwoPassMeanAndSpreadFarFromZero() {
        GlobalZScore g = new GlobalZScore(1e-9);
        assertThat(g.z(5)).as("no history").isZero();
        double[] v = {1e9 + 1, 1e9 + 2, 1e9 + 4, 1e9 + 7};
        Arrays.stream(v).forEach(g::add);
        double std = Math.sqrt((6.25 + 2.25 + 0.25 + 12.25) / 3);
        assertThat(g.mean()).isCloseTo(1e9 + 3.5, within(1e-6));
        assertThat(g.std()).isCloseTo(std, within(1e-6));
        assertThat(g.z(1e9 + 3.5 + 2 * std)).isCloseTo(2, within(1e-6));
        GlobalZScore flat = new GlobalZScore(0.5);
        flat.add(3);
        flat.add(3);
        assertThat(flat.z(4)).as("a flat history: one step of the floor").isEqualTo(2);
    }

    @Test
    void theRateOfChangeIsTheZScoreOfTheStep() {
        RateOfChange r = new RateOfChange(1e-9);
        double[] v = {10, 11, 10, 11, 10, 11};
        for (double x : v) {
            r.add(x);
        }
        // steps +1 −1 +1 −1 +1: mean 0.2, sample std √1.2
        assertThat(r.z(10)).as("a step of −1").isCloseTo((1 + 0.2) / Math.sqrt(1.2), within(1e-9));
        assertThat(r.z(21)).isCloseTo((10 - 0.2) / Math.sqrt(1.2), within(1e-9));
        assertThat(new RateOfChange(1e-9).z(100)).as("a first point has no step").isZero();
    }

    @Test
    void seasonalBaselineAnswersTheMedianOfTheSameSlotOnRecentDays() {
        SeasonalBaseline daily = SeasonalBaseline.of(86_400, 3_600, 3, 2_000);
        int noon = daily.slot(12 * 3_600);
        assertThat(daily.expected(noon)).as("nothing seen yet").isNaN();
        daily.add(noon, 10);
        assertThat(daily.expected(noon)).isEqualTo(10);
        daily.add(noon, 50);
        assertThat(daily.expected(noon)).isEqualTo(30);
        daily.add(noon, 12);
        assertThat(daily.expected(noon)).isEqualTo(12);
        daily.add(noon, 60);
        assertThat(daily.expected(noon)).as("the three most recent days: 50, 12, 60").isEqualTo(50);
        assertThat(daily.slot(86_400 + 12 * 3_600)).isEqualTo(noon);
        assertThat(SeasonalBaseline.of(86_400, 7, 3, 2_000)).as("a day is not a whole number of 7 s steps").isNull();
        assertThat(SeasonalBaseline.of(86_400, 10, 3, 2_000)).as("8,640 slots is too many").isNull();
    }

    @Test
    void aDeeperSeasonalBaselineAnswersTheMedianOfAllItsDays() {
        SeasonalBaseline fiveDays = SeasonalBaseline.of(86_400, 3_600, 5, 2_000);
        int noon = fiveDays.slot(12 * 3_600);
        for (double v : new double[] {9, 1, 7, 3}) {
            fiveDays.add(noon, v);
        }
        assertThat(fiveDays.expected(noon)).as("four days: between 3 and 7").isEqualTo(5);
        fiveDays.add(noon, 100);
        fiveDays.add(noon, 2);
        assertThat(fiveDays.expected(noon)).as("the last five: 1, 7, 3, 100, 2").isEqualTo(3);
    }
}
