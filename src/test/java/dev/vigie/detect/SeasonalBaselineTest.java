package dev.vigie.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SeasonalBaselineTest {
    @Test
    void theExpectedValueIsTheMedianOfTheSameSlotOnTheLastDaysWhateverHowManyThereAre() {
        SplittableRandom random = new SplittableRandom(5);
        for (int depth = 1; depth <= 6; depth++) {
            for (int trial = 0; trial < 2_000; trial++) {
                SeasonalBaseline b = SeasonalBaseline.of(86_400, 3_600, depth, 2_000);
                int slot = b.slot(0);
                int days = 1 + random.nextInt(depth);
                double[] seen = new double[days];
                for (int i = 0; i < days; i++) {
                    seen[i] = random.nextInt(5) == 0 ? 7 : random.nextDouble() * 100; // ties too
                    b.add(slot, seen[i]);
                }
                Arrays.sort(seen);
                double median = (days & 1) == 1 ? seen[days / 2] : (seen[days / 2 - 1] + seen[days / 2]) / 2;
                assertThat(b.expected(slot)).as("depth %d, %s", depth, Arrays.toString(seen)).isEqualTo(median);
            }
        }
    }
}
