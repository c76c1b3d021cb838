package dev.vigie.detect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigie.config.DetectorSettings;
import dev.vigie.event.Anomaly;
import dev.vigie.event.Level;
import dev.vigie.event.LogEvent;
import dev.vigie.event.MetricSample;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class LogMetricsTest {
    static final Instant T0 = Instant.parse("2026-03-14T10:00:00Z");

    private static LogEvent request(long second, int status, String requestTime) {
        Map<String, String> fields = new HashMap<>();
        fields.put("status", String.valueOf(status));
        if (requestTime != null) {
            fields.put("request_time", requestTime);
        }
        return new LogEvent(T0.plusSeconds(second), "/l/nginx-access.log", "nginx", status >= 500 ? Level.ERROR : Level.INFO,
                "GET / HTTP/1.1 " + status, fields, "raw", false, "t");
    }

    /** The log metrics as the pipeline gets them: from the detector's closed minutes, handed to its output after each call. */
    static final class Logs {
        private Consumer<MetricSample> out;
        final Detector detector = new Detector(DetectorSettings.DEFAULTS, new Detector.Output() {
            @Override
            public void accept(Anomaly a) {
            }

            @Override
            public void derived(MetricSample s) {
                out.accept(s);
            }
        });

        void onEvent(LogEvent e, Consumer<MetricSample> out) {
            this.out = out;
            detector.onEvent(e);
        }

        void advance(Instant watermark, Consumer<MetricSample> out) {
            this.out = out;
            detector.advance(watermark);
        }

        void flush(Consumer<MetricSample> out) {
            this.out = out;
            detector.flush();
        }
    }

    @Test
    void requestsErrorShareAndP95PerMinute() {
        Logs m = new Logs();
        List<MetricSample> out = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            m.onEvent(request(i, i < 5 ? 502 : 200, String.format("%.3f", (i + 1) / 100.0)), out::add);
        }
        assertThat(out).isEmpty();
        m.onEvent(request(61, 200, null), out::add);
        assertThat(out).extracting(MetricSample::metric).containsExactly(
                LogMetrics.LOG_ERRORS, LogMetrics.REQUESTS, LogMetrics.ERROR_RATIO, LogMetrics.LATENCY_P95);
        assertThat(out).extracting(MetricSample::value).containsExactly(5.0, 20.0, 25.0, 190.0);
        assertThat(out.get(0).time()).isEqualTo(T0);
        m.advance(T0.plusSeconds(121), out::add);
        assertThat(out).hasSize(7); // the second minute had no request time: no p95
    }

    @Test
    void anyLogGivesItsErrorCountPerMinuteAndOnlyAccessLinesGiveRequests() {
        Logs m = new Logs();
        List<MetricSample> out = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            m.onEvent(new LogEvent(T0.plusSeconds(i), "/l/app.log", "billing", i % 3 == 0 ? Level.ERROR : Level.INFO,
                    "charge " + i, Map.of(), "raw", false, "t"), out::add);
        }
        m.flush(out::add);
        assertThat(out).singleElement().satisfies(s -> {
            assertThat(s.series()).isEqualTo("billing/" + LogMetrics.LOG_ERRORS);
            assertThat(s.value()).isEqualTo(4);
            assertThat(s.time()).isEqualTo(T0);
        });
    }

    @Test
    void oneServerErrorInAQuietHourIsNotAnAnomalyButABurstIs() {
        List<MetricSample> ratio = new ArrayList<>();
        for (int minute = 0; minute < 90; minute++) {
            double v = minute == 40 ? 2.1 : minute >= 80 ? 60 : 0;
            ratio.add(new MetricSample(T0.plusSeconds(60L * minute), "nginx", LogMetrics.ERROR_RATIO, v));
        }
        List<Anomaly> found = Detector.detectMetrics(DetectorSettings.DEFAULTS, ratio);
        assertThat(found).extracting(Anomaly::start).containsExactly(T0.plusSeconds(60L * 80));
    }

    @Test
    void quietMinutesAreZeroesUntilTheServiceHasBeenQuietForAnHour() {
        Logs m = new Logs();
        List<MetricSample> out = new ArrayList<>();
        m.onEvent(request(0, 502, "0.1"), out::add);
        m.onEvent(request(5 * 60 + 1, 200, "0.1"), out::add); // minutes 1 to 4: nothing logged
        List<MetricSample> errors = out.stream().filter(s -> s.metric().equals(LogMetrics.LOG_ERRORS)).toList();
        assertThat(errors).extracting(MetricSample::value).containsExactly(1.0, 0.0, 0.0, 0.0, 0.0);
        assertThat(out).filteredOn(s -> s.metric().equals(LogMetrics.REQUESTS)).extracting(MetricSample::value)
                .as("a service that serves HTTP had zero requests in its quiet minutes").containsExactly(1.0, 0.0, 0.0, 0.0, 0.0);
        assertThat(out).filteredOn(s -> s.metric().equals(LogMetrics.ERROR_RATIO)).as("no share of nothing").hasSize(1);

        out.clear();
        m.advance(T0.plusSeconds(3 * 3600), out::add); // three hours later, nothing more logged
        assertThat(out).filteredOn(s -> s.metric().equals(LogMetrics.LOG_ERRORS))
                .as("minute 5, then zeroes up to an hour after its last line (5:01), then nothing")
                .hasSize(61).last().satisfies(s -> assertThat(s.time()).isEqualTo(T0.plusSeconds(65 * 60)));
        out.clear();
        m.advance(T0.plusSeconds(4 * 3600), out::add);
        assertThat(out).isEmpty();
        m.onEvent(request(5 * 3600, 200, null), out::add);
        m.advance(T0.plusSeconds(5 * 3600 + 120), out::add);
        assertThat(out).filteredOn(s -> s.metric().equals(LogMetrics.LOG_ERRORS)).as("awake again: its minute, then a zero")
                .extracting(MetricSample::time).containsExactly(T0.plusSeconds(5 * 3600), T0.plusSeconds(5 * 3600 + 60));
    }

    @Test
    void aServiceWithoutRequestsGetsNoRequestSeries() {
        Logs m = new Logs();
        List<MetricSample> out = new ArrayList<>();
        m.onEvent(new LogEvent(T0, "/l/app.log", "billing", Level.ERROR, "x", Map.of(), "raw", false, "t"), out::add);
        m.advance(T0.plusSeconds(600), out::add);
        assertThat(out).extracting(MetricSample::metric).containsOnly(LogMetrics.LOG_ERRORS);
        assertThat(out).extracting(MetricSample::value).containsExactly(1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0);
    }
}
