package dev.vigie.detect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigie.event.Anomaly;
import dev.vigie.event.MetricSample;
import dev.vigie.event.Severity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An abnormal stretch is reported when it is raised, updated while it lasts, and once more when it ends. */
class EpisodeTest {
    static final Instant T0 = Instant.parse("2026-03-14T08:00:00Z");

    /** What a sink heard, in order: "new" or "update" with the anomaly. */
    record Heard(String kind, Anomaly anomaly) {
    }

    static final class Recorder implements AnomalySink {
        final List<Heard> heard = new ArrayList<>();

        @Override
        public void accept(Anomaly a) {
            heard.add(new Heard("new", a));
        }

        @Override
        public void update(Anomaly a) {
            heard.add(new Heard("update", a));
        }
    }

    private static MetricSample at(int step) {
        return new MetricSample(T0.plusSeconds(10L * step), "api", "cpu_usage", 95);
    }

    private static Finding finding(String check, double score, Severity severity) {
        return new Finding(check, severity, score, () -> check + " " + score, Map.of());
    }

    @Test
    void aLongFaultIsReportedWhenRaisedThenUpdatedEveryMinuteAndAtItsEndAlwaysAsOneAnomaly() {
        Episode e = new Episode(2, 6, false);
        Recorder r = new Recorder();
        for (int step = 0; step < 30; step++) { // five minutes abnormal at 10 s
            e.on(at(step), finding("score", 0.8, Severity.WARNING), r);
            if (step == 1) {
                assertThat(r.heard).as("raised at its second abnormal point, while it lasts")
                        .singleElement().satisfies(h -> {
                            assertThat(h.kind()).isEqualTo("new");
                            assertThat(h.anomaly().start()).isEqualTo(T0);
                            assertThat(h.anomaly().end()).isEqualTo(T0.plusSeconds(10));
                        });
            }
        }
        assertThat(r.heard).as("one update per minute of event time, not one per point").hasSize(5);
        for (int step = 30; step < 36; step++) {
            e.on(at(step), null, r);
        }
        Heard last = r.heard.get(r.heard.size() - 1);
        assertThat(last.kind()).isEqualTo("update");
        assertThat(last.anomaly().end()).as("its final extent").isEqualTo(T0.plusSeconds(290));
        assertThat(last.anomaly().evidence()).containsEntry("points", 30);
        assertThat(r.heard).extracting(h -> h.anomaly().id()).containsOnly(r.heard.get(0).anomaly().id());
        assertThat(r.heard).filteredOn(h -> h.kind().equals("new")).hasSize(1);
    }

    @Test
    void aRiseInSeverityIsReportedAtOnce() {
        Episode e = new Episode(2, 6, false);
        Recorder r = new Recorder();
        e.on(at(0), finding("score", 0.8, Severity.WARNING), r);
        e.on(at(1), finding("score", 0.8, Severity.WARNING), r);
        e.on(at(2), finding("score", 0.95, Severity.CRITICAL), r);
        assertThat(r.heard).extracting(Heard::kind).containsExactly("new", "update");
        assertThat(r.heard.get(1).anomaly().severity()).isEqualTo(Severity.CRITICAL);
        assertThat(r.heard.get(1).anomaly().score()).isEqualTo(0.95);
    }

    @Test
    void theCheckThatRaisedItKeepsItsIdAndALonePointRaisesNothing() {
        Episode e = new Episode(2, 6, false);
        Recorder r = new Recorder();
        e.on(at(0), finding("rolling_zscore", 0.8, Severity.WARNING), r);
        e.on(at(1), finding("rolling_zscore", 0.8, Severity.WARNING), r);
        e.on(at(2), finding("score", 0.99, Severity.WARNING), r); // stronger, but another check
        e.flush(r);
        assertThat(r.heard).extracting(h -> h.anomaly().check()).containsOnly("rolling_zscore");
        assertThat(r.heard.get(r.heard.size() - 1).anomaly().end()).isEqualTo(T0.plusSeconds(20));

        Recorder lone = new Recorder();
        Episode once = new Episode(2, 6, false);
        once.on(at(0), finding("score", 0.9, Severity.WARNING), lone);
        for (int step = 1; step < 8; step++) {
            once.on(at(step), null, lone);
        }
        assertThat(lone.heard).isEmpty();
    }

    @Test
    void aForecastIsReportedOnceWhenRaised() {
        Episode e = new Episode(2, 6, true);
        Recorder r = new Recorder();
        for (int step = 0; step < 30; step++) {
            e.on(at(step), finding("forecast", 0.9, step < 20 ? Severity.WARNING : Severity.CRITICAL), r);
        }
        e.flush(r);
        assertThat(r.heard).extracting(Heard::kind).containsExactly("new");
    }
}
