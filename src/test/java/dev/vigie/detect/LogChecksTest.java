package dev.vigie.detect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigie.config.DetectorSettings;
import dev.vigie.event.Anomaly;
import dev.vigie.event.CheckRate;
import dev.vigie.event.Level;
import dev.vigie.event.LogEvent;
import dev.vigie.event.Severity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Each log check on crafted streams: it fires where it should, stays quiet elsewhere, and grades by evidence. */
class LogChecksTest {
    static final Instant T0 = Instant.parse("2026-03-14T08:00:00Z");

    /** Feeds events minute by minute, advancing the watermark as the pipeline does, and keeps what was found. */
    static final class Stream {
        final List<Anomaly> found = new ArrayList<>();
        final Detector detector = new Detector(DetectorSettings.DEFAULTS, found::add);
        final Set<String> seen = new HashSet<>();
        final SplittableRandom random = new SplittableRandom(1);
        long offset;

        /** {@code count} lines of one template, spread over minute {@code minute}. */
        Stream lines(String service, int minute, int count, String template, Level level) {
            for (int i = 0; i < count; i++) {
                Instant t = T0.plusSeconds(60L * minute + (60L * i) / Math.max(1, count));
                String raw = template + " #" + i;
                LogEvent e = new LogEvent(t, "/l/" + service + ".log", service, level, raw, Map.of(), raw, false, template);
                detector.onEvent(e, seen.add(service + "/" + template), offset += raw.length() + 1);
            }
            detector.advance(T0.plusSeconds(60L * minute - 120));
            return this;
        }

        /** A steady background: per minute a Poisson-ish number of lines around {@code rate} over a few templates. */
        Stream steady(String service, int fromMinute, int toMinute, int rate) {
            for (int m = fromMinute; m < toMinute; m++) {
                int n = Math.max(0, rate + random.nextInt(-rate / 3 - 1, rate / 3 + 2));
                lines(service, m, n / 2, "GET /api/items took <*> ms", Level.INFO);
                lines(service, m, n - n / 2, "served page <*>", Level.INFO);
            }
            return this;
        }

        List<Anomaly> of(String check) {
            detector.flush();
            return found.stream().filter(a -> a.check().equals(check)).toList();
        }

        long rate(String check) {
            return detector.checkRates().stream().filter(r -> r.check().equals(check)).findFirst().orElseThrow().fired();
        }
    }

    @Test
    void sustainedLargeRiseOfErrorsIsCriticalAndRoutineErrorsAreNotReported() {
        Stream s = new Stream().steady("api", 0, 30, 30);
        for (int m = 30; m < 34; m++) {
            s.steady("api", m, m + 1, 30).lines("api", m, 20, "pool exhausted", Level.ERROR);
        }
        s.steady("api", 34, 40, 30);
        List<Anomaly> errors = s.of("error_events");
        assertThat(errors).extracting(Anomaly::severity)
                .containsExactly(Severity.WARNING, Severity.WARNING, Severity.CRITICAL, Severity.CRITICAL);
        assertThat(errors.get(0).evidence()).containsEntry("count", 20L).containsKey("baseline_per_minute").containsKey("p_value");
        assertThat((List<?>) errors.get(0).evidence().get("lines")).as("the lines' ids: path@offset")
                .hasSize(3).allSatisfy(id -> assertThat(id.toString()).matches("/l/api\\.log@\\d+"));

        Stream routine = new Stream();
        for (int m = 0; m < 60; m++) {
            routine.steady("batch", m, m + 1, 20).lines("batch", m, 2, "retrying export", Level.ERROR);
        }
        assertThat(routine.of("error_events")).as("two errors a minute, every minute, are this service's normal")
                .hasSizeLessThan(5);
    }

    @Test
    void aFatalLineIsAlwaysAtLeastAWarningAndOneOddErrorIsInformation() {
        Stream s = new Stream().steady("api", 0, 20, 10).lines("api", 20, 1, "worker crashed", Level.FATAL)
                .steady("api", 21, 40, 10).lines("api", 40, 1, "odd failure", Level.ERROR).steady("api", 41, 45, 10);
        assertThat(s.of("error_events")).extracting(Anomaly::severity).containsExactly(Severity.WARNING, Severity.INFO);
    }

    @Test
    void aTemplateNeverSeenBeforeIsReportedOnlyAfterTheWarmUpAndAtMostFiveTimesAnHour() {
        Stream s = new Stream();
        s.lines("api", 0, 5, "starting up", Level.INFO).steady("api", 1, 15, 20).lines("api", 15, 1, "cache rebuilt", Level.INFO);
        for (int m = 16; m < 40; m++) {
            s.steady("api", m, m + 1, 20).lines("api", m, 1, "shape " + m, Level.INFO);
        }
        s.steady("api", 40, 45, 20).lines("api", 45, 4, "disk quota exceeded", Level.ERROR).steady("api", 46, 50, 20);
        List<Anomaly> found = s.of("new_template");
        assertThat(found).as("not during warm-up; the first five of the hour").hasSize(PER_HOUR);
        assertThat(found.get(0).text()).isEqualTo("api logged 1 line shape never seen before");
        assertThat(found.get(0).severity()).isEqualTo(Severity.INFO);
        assertThat(found.get(0).evidence()).containsKey("templates");
        assertThat(found.get(0).evidence().get("lines").toString()).contains("/l/api.log@");

        Stream errors = new Stream().steady("api", 0, 20, 20).lines("api", 20, 4, "disk quota exceeded", Level.ERROR)
                .steady("api", 21, 25, 20);
        assertThat(errors.of("new_template")).singleElement().satisfies(a -> assertThat(a.severity()).isEqualTo(Severity.WARNING));
    }

    static final int PER_HOUR = NewTemplateCheck.PER_HOUR;

    @Test
    void aTemplateBurstingOverItsOwnBaselineIsFoundAndLowCountsAreNot() {
        Stream s = new Stream();
        for (int m = 0; m < 30; m++) {
            s.steady("api", m, m + 1, 30).lines("api", m, 1, "slow query on orders", Level.WARN);
        }
        s.lines("api", 30, 40, "slow query on orders", Level.WARN).steady("api", 30, 35, 30);
        List<Anomaly> bursts = s.of("template_burst");
        assertThat(bursts).singleElement().satisfies(a -> {
            assertThat(a.start()).isAfterOrEqualTo(T0.plusSeconds(30 * 60));
            assertThat(a.severity()).as("no error events: a warning").isEqualTo(Severity.WARNING);
            assertThat(a.evidence().get("templates").toString()).contains("slow query on orders").contains("line=/l/api.log@");
        });

        Stream sparse = new Stream().steady("api", 0, 30, 30);
        sparse.lines("api", 30, 6, "rare line", Level.INFO).lines("api", 31, 6, "rare line", Level.INFO).steady("api", 30, 35, 30);
        assertThat(sparse.of("template_burst")).as("six lines of a rare template are not a burst").isEmpty();
    }

    @Test
    void aRisingErrorRatioOnSteadyTrafficIsFound() {
        Stream s = new Stream();
        for (int m = 0; m < 30; m++) {
            s.steady("api", m, m + 1, 60).lines("api", m, 1, "upstream reset", Level.ERROR);
        }
        s.steady("api", 30, 31, 60).lines("api", 30, 15, "upstream reset", Level.ERROR).steady("api", 31, 35, 60);
        assertThat(s.of("error_ratio")).singleElement().satisfies(a -> {
            assertThat(a.evidence()).containsEntry("errors", 15L).containsKey("baseline_ratio").containsKey("z")
                    .containsKey("lines_in_minute");
            assertThat((List<?>) a.evidence().get("lines")).as("the ids of sampled error lines").hasSize(3);
            assertThat(a.text()).startsWith("api: ");
        });

        Stream flat = new Stream();
        for (int m = 0; m < 120; m++) {
            flat.steady("api", m, m + 1, 60).lines("api", m, 6, "upstream reset", Level.ERROR);
        }
        assertThat(flat.of("error_ratio")).as("a constant error share is this service's normal").isEmpty();
        assertThat(flat.rate("error_ratio")).isZero();
    }

    @Test
    void aSteadySourceThatStopsIsSilentAndAnIrregularOneIsNot() {
        Stream s = new Stream();
        for (int m = 0; m < 60; m++) {
            s.steady("nginx", m, m + 1, 20);
            if (m < 40) {
                s.steady("api", m, m + 1, 20);
            }
        }
        List<Anomaly> silence = s.of("silence");
        assertThat(silence).singleElement().satisfies(a -> {
            assertThat(a.service()).isEqualTo("api");
            assertThat(a.start()).isEqualTo(T0.plusSeconds(40 * 60));
            assertThat(a.severity()).isEqualTo(Severity.WARNING);
        });

        Stream irregular = new Stream();
        for (int m = 0; m < 90; m++) {
            if (m % 7 == 0 && m < 60) {
                irregular.lines("cron", m, 30, "job ran", Level.INFO);
            }
            irregular.steady("nginx", m, m + 1, 20);
        }
        assertThat(irregular.of("silence")).as("a source that logs in bursts is not steady").isEmpty();

        Stream ended = new Stream().steady("api", 0, 40, 20);
        assertThat(ended.of("silence")).as("the end of the input is not silence").isEmpty();

        // every log stops while event time goes on (a replay that ended, beside simulated metrics): no service fell silent
        Stream allStop = new Stream().steady("api", 0, 40, 20).steady("nginx", 0, 40, 20);
        allStop.detector.advance(T0.plusSeconds(60L * 60));
        assertThat(allStop.of("silence")).as("the input ended: nobody's silence").isEmpty();
    }

    @Test
    void aServiceQuietForAnHourStopsBeingExaminedUntilItLogsAgain() {
        Stream s = new Stream();
        for (int m = 0; m < 200; m++) {
            s.steady("nginx", m, m + 1, 10);
            if (m < 30 || m == 150) {
                s.steady("cron", m, m + 1, 10);
            }
        }
        s.of("error_events");
        long examined = s.detector.checkRates().get(0).examined();
        // nginx 200 minutes; cron 30, 60 empty ones, dormant until its minute at 150, then empty ones to the end (~49);
        // without dormancy cron would be examined every minute too (400)
        assertThat(examined).isBetween(200L + 30 + 60 + 1 + 40, 200L + 30 + 60 + 1 + 52);
    }

    @Test
    void everyCheckReportsItsFiringRate() {
        Stream s = new Stream().steady("api", 0, 30, 30).lines("api", 30, 20, "pool exhausted", Level.ERROR);
        s.of("error_events");
        assertThat(s.detector.checkRates()).extracting(CheckRate::check)
                .containsExactly("error_events", "exceptions", "new_template", "template_burst", "error_ratio", "silence", "metric_daily_cap");
        CheckRate errors = s.detector.checkRates().get(0);
        assertThat(errors.examined()).isEqualTo(31);
        assertThat(errors.fired()).isEqualTo(1);
        assertThat(errors.rate()).isEqualTo(1 / 31.0);
    }
}
