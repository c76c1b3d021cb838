package dev.vigie.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.vigie.config.DetectorSettings;
import dev.vigie.event.MetricSample;
import dev.vigie.event.Severity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.math3.stat.regression.SimpleRegression;
import org.junit.jupiter.api.Test;

class SaturationForecastTest {
    private static final Instant T0 = Instant.parse("2026-03-13T00:00:00Z");
    private static final int WINDOW = DetectorSettings.DEFAULTS.forecastWindow();
    private static final long SIX_HOURS = 6 * 3600;

    @Test
    void aDiskFillingAtASteadyRateIsGivenTheTimeItWillBeFull() {
        SaturationForecast f = new SaturationForecast(100, WINDOW, SIX_HOURS);
        Finding last = null;
        // from 60 % to 80 % in 3 h 20 min: 6 % an hour, and 20 % left
        for (int i = 0; i <= 1200; i++) {
            double disk = 60 + 20.0 * i / 1200;
            last = f.onPoint(sample("disk_usage", i * 10L, disk));
        }
        assertThat(last).isNotNull();
        assertThat(last.check()).isEqualTo(SaturationForecast.CHECK);
        assertThat(last.text()).isEqualTo("db disk_usage reaches 100% in about 3 h 20 min (rising 6.0 per hour, now 80.0)");
        assertThat(last.severity()).isEqualTo(Severity.WARNING);
        assertThat(((Number) last.evidence().get("eta_seconds")).longValue()).isEqualTo(12_000);
    }

    @Test
    void aCrossingBeyondTheHorizonOrAFallingSeriesIsNotForetold() {
        SaturationForecast slow = new SaturationForecast(100, WINDOW, SIX_HOURS);
        SaturationForecast falling = new SaturationForecast(100, WINDOW, SIX_HOURS);
        for (int i = 0; i <= 12 * WINDOW; i++) {
            assertThat(slow.onPoint(sample("disk_usage", i * 10L, 50 + i * 0.0001))).isNull(); // ~ a month away
            assertThat(falling.onPoint(sample("disk_usage", i * 10L, 90 - i * 0.01))).isNull();
        }
    }

    @Test
    void noiseAndAShortSwingWithinTheUsualRangePredictNothing() {
        SaturationForecast f = new SaturationForecast(100, WINDOW, SIX_HOURS);
        SplittableRandom r = new SplittableRandom(3);
        List<Finding> found = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            // a swing of ±4 every 40 minutes: steep for ten minutes, never beyond the range it keeps
            double memory = 70 + 4 * Math.sin(2 * Math.PI * i / 240.0) + 0.3 * r.nextGaussian();
            Finding x = f.onPoint(sample("memory_usage", i * 10L, memory));
            if (x != null) {
                found.add(x);
            }
        }
        assertThat(found).isEmpty();
    }

    @Test
    void aConnectionCountRacingToItsLimitIsCritical() {
        SaturationForecast f = new SaturationForecast(100, WINDOW, SIX_HOURS);
        Finding last = null;
        for (int i = 0; i < 12 * WINDOW + 40; i++) {
            double connections = i < 12 * WINDOW ? 20 + (i % 2) : 20 + 1.5 * (i - 12 * WINDOW);
            last = f.onPoint(sample("active_connections", i * 10L, connections));
        }
        assertThat(last).isNotNull();
        assertThat(last.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(last.text()).matches("db active_connections reaches 100 in about \\d min \\(rising [0-9.]+ per hour, now 78\\.5\\)");
    }

    @Test
    void theRunningFitMatchesARegressionOverTheSameWindow() {
        TrendFit fit = new TrendFit(50);
        SplittableRandom r = new SplittableRandom(11);
        List<double[]> points = new ArrayList<>();
        long t = 1_700_000_000L;
        for (int i = 0; i < 1_000; i++) {
            t += 5 + r.nextInt(10); // irregular steps
            double y = 1_000 + 0.3 * i + 5 * r.nextGaussian();
            fit.add(t, y);
            points.add(new double[] {t, y});
        }
        SimpleRegression exact = new SimpleRegression();
        points.subList(points.size() - 50, points.size()).forEach(p -> exact.addData(p[0], p[1]));
        assertThat(fit.slope()).isCloseTo(exact.getSlope(), within(1e-9));
        assertThat(fit.slopeError()).isCloseTo(exact.getSlopeStdErr(), within(1e-9));
        assertThat(fit.fittedNow()).isCloseTo(exact.predict(t), within(1e-6));
        assertThat(fit.span()).isEqualTo((long) (t - points.get(points.size() - 50)[0]));
    }

    @Test
    void durationsAreSaidAtThePrecisionAPersonPlansWith() {
        assertThat(SaturationForecast.duration(12_000)).isEqualTo("3 h 20 min");
        assertThat(SaturationForecast.duration(2_700)).isEqualTo("45 min");
        assertThat(SaturationForecast.duration(7_200)).isEqualTo("2 h");
        assertThat(SaturationForecast.duration(20)).isEqualTo("1 min");
        assertThat(SaturationForecast.duration(3 * 86_400 + 4 * 3600)).isEqualTo("3 d 4 h");
    }

    private static MetricSample sample(String metric, long second, double value) {
        return new MetricSample(T0.plusSeconds(second), "db", metric, value);
    }
}
