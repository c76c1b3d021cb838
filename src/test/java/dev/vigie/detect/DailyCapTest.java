package dev.vigie.detect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigie.config.DetectorSettings;
import dev.vigie.event.Anomaly;
import dev.vigie.event.MetricSample;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DailyCapTest {
    static final Instant T0 = Instant.parse("2026-03-02T00:00:00Z");

    @Test
    void aBurstySeriesAlarmsAtMostFourTimesADayYetAWorseFaultGetsThrough() {
        MetricDetector detector = new MetricDetector(DetectorSettings.DEFAULTS.toBuilder().thresholds(false).build());
        List<Anomaly> raised = new ArrayList<>();
        AnomalySink sink = raised::add;
        SplittableRandom random = new SplittableRandom(9);
        int step = 60;
        int day = 86_400 / step;
        for (int i = 0; i < 3 * day; i++) {
            // a count of requests with a burst of growing size every two hours of the third day
            double value = 20 + random.nextInt(6);
            int minuteOfDay = i % day;
            if (i >= 2 * day && minuteOfDay % 120 >= 60 && minuteOfDay % 120 < 63 && minuteOfDay < 22 * 60) {
                value = 300; // a burst of three minutes every two hours
            }
            if (i >= 2 * day + 23 * 60 && i < 2 * day + 23 * 60 + 3) {
                value = 5_000; // a fault far beyond the day's bursts
            }
            detector.onSample(new MetricSample(T0.plusSeconds((long) i * step), "api", "requests", value), sink);
        }
        List<Instant> thirdDay = raised.stream().filter(a -> !a.start().isBefore(T0.plusSeconds(2L * 86_400)))
                .map(Anomaly::start).distinct().toList();
        Instant third = T0.plusSeconds(2L * 86_400);
        assertThat(thirdDay).as("four bursts, then only the fault stronger than any of them")
                .containsExactly(third.plusSeconds(3_600), third.plusSeconds(3 * 3_600), third.plusSeconds(5 * 3_600),
                        third.plusSeconds(7 * 3_600), third.plusSeconds(23 * 3_600));
        assertThat(detector.capRate().fired()).as("the seven other bursts, each counted once").isEqualTo(7);
        assertThat(detector.capRate().examined()).isEqualTo(raised.stream().map(Anomaly::id).distinct().count() + 7);
    }

    @Test
    void theCapCountsEachDayAfresh() {
        DailyCap cap = new DailyCap();
        long t = T0.getEpochSecond();
        for (int i = 0; i < DailyCap.MAX; i++) {
            assertThat(cap.allows(t + i, 0.8)).isTrue();
            cap.seen(t + i, 0.8);
            cap.raised(t + i);
        }
        assertThat(cap.allows(t + 100, 0.85)).as("past the cap, hardly further than the furthest").isFalse();
        assertThat(cap.allows(t + 100, 0.9)).as("clearly further than any that day").isTrue();
        assertThat(cap.allows(t + 86_400, 0.5)).as("the next day").isTrue();
    }
}
