package dev.vigie.detect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigie.config.DetectorSettings;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** What the scorer learns of a series' character: a period of its own, a drift, and whether it counts things. */
class SeriesCharacterTest {
    static final long STEP = 60;

    @Test
    void aCycleOfItsOwnIsFoundAndNoiseOrATrendHasNone() {
        SplittableRandom random = new SplittableRandom(4);
        CycleFinder batch = new CycleFinder();
        CycleFinder noise = new CycleFinder();
        CycleFinder trend = new CycleFinder();
        boolean ready = false;
        for (int i = 0; i < CycleFinder.POINTS; i++) {
            // a batch job every 20 minutes: 5 busy minutes, then 15 quiet
            ready = batch.add((i % 20 < 5 ? 80 : 20) + random.nextGaussian() * 3);
            noise.add(50 + random.nextGaussian() * 5);
            trend.add(i * 0.1 + random.nextGaussian());
        }
        assertThat(ready).isTrue();
        assertThat(batch.period()).isEqualTo(20);
        assertThat(noise.period()).isZero();
        assertThat(trend.period()).isZero();
    }

    @Test
    void theJobOnItsCycleIsUsualAndOffItIsNot() {
        SeriesScorer s = new SeriesScorer(DetectorSettings.DEFAULTS, 0);
        SplittableRandom random = new SplittableRandom(6);
        double onCycle = 0;
        int i = 0;
        for (; i < 3_000; i++) {
            double score = s.score(i * STEP, (i % 20 < 5 ? 80 : 20) + random.nextGaussian() * 3);
            if (i > 2_000) {
                onCycle = Math.max(onCycle, score);
            }
        }
        assertThat(s.reading().basis()).isEqualTo(SeriesScorer.Basis.CYCLE.label);
        assertThat(onCycle).as("the job's own bursts").isLessThan(DetectorSettings.DEFAULTS.alertScore());
        while (i % 20 != 10) {
            s.score(i * STEP, (i % 20 < 5 ? 80 : 20) + random.nextGaussian() * 3);
            i++;
        }
        assertThat(s.score(i * STEP, 80)).as("a burst in the quiet part of the cycle").isGreaterThanOrEqualTo(DetectorSettings.DEFAULTS.alertScore());
    }

    @Test
    void aSlowDriftIsFollowedAndASpikeOnItIsNotHidden() {
        SeriesScorer s = new SeriesScorer(DetectorSettings.DEFAULTS, 0);
        SplittableRandom random = new SplittableRandom(10);
        double onDrift = 0;
        int i = 0;
        for (; i < 4_000; i++) {
            // a heap that grows 3 MB an hour for days, with 2 MB of noise
            double score = s.score(i * STEP, 500 + i * 0.05 + random.nextGaussian() * 2);
            if (i > 1_000) {
                onDrift = Math.max(onDrift, score);
            }
        }
        assertThat(onDrift).as("the drift itself").isLessThan(DetectorSettings.DEFAULTS.alertScore());
        assertThat(s.reading().basis()).isEqualTo(SeriesScorer.Basis.MEDIAN.label);
        double level = 500 + i * 0.05;
        // far inside the range the drift has covered, so only a baseline that follows the drift sees it
        assertThat(s.score(i * STEP, level - 30)).as("a 15 σ drop").isGreaterThanOrEqualTo(DetectorSettings.DEFAULTS.alertScore());
    }

    @Test
    void aCountIsMeasuredAgainstAtLeastItsSquareRoot() {
        SplittableRandom random = new SplittableRandom(8);
        SeriesScorer counts = new SeriesScorer(DetectorSettings.DEFAULTS, 0);
        SeriesScorer gauge = new SeriesScorer(DetectorSettings.DEFAULTS, 0);
        for (int i = 0; i < 2_000; i++) {
            int n = 99 + random.nextInt(3); // requests a minute, steadier than chance would have them
            counts.score(i * STEP, n);
            gauge.score(i * STEP, n + 0.5); // the same, read as a gauge
        }
        counts.score(2_000 * STEP, 112);
        gauge.score(2_000 * STEP, 112.5);
        assertThat(counts.reading().scale()).as("√100").isGreaterThanOrEqualTo(10);
        assertThat(counts.reading().z(SeriesScorer.Check.RESIDUAL)).isLessThan(1.5);
        assertThat(gauge.reading().z(SeriesScorer.Check.RESIDUAL)).isGreaterThan(10);
    }
}
