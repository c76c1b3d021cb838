package dev.vigie.detect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigie.config.DetectorSettings;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** What the scorer learns of a series' character: whether it counts things. */
class SeriesCharacterTest {
    static final long STEP = 60;

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
