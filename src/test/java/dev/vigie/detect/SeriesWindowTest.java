package dev.vigie.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SeriesWindowTest {
    @Test
    void runningMeanAndSpreadEqualTheDirectOnesEvenFarFromZero() {
        SplittableRandom random = new SplittableRandom(3);
        SeriesWindow w = new SeriesWindow(60);
        Deque<Double> last = new ArrayDeque<>();
        for (int i = 0; i < 10_000; i++) {
            double v = 1e9 + random.nextGaussian() * 0.5 + (i > 5_000 ? 1e6 : 0);
            w.add(v);
            last.addLast(v);
            if (last.size() > 60) {
                last.removeFirst();
            }
            if (i % 997 == 1 || i == 9_999) {
                double mean = last.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
                double var = last.stream().mapToDouble(x -> (x - mean) * (x - mean)).sum() / (last.size() - 1);
                assertThat(w.mean()).isCloseTo(mean, within(1e-6));
                assertThat(w.std(w.mean())).isCloseTo(Math.sqrt(var), within(Math.sqrt(var) * 1e-3));
            }
        }
        assertThat(w.size()).isEqualTo(60);
    }
}
