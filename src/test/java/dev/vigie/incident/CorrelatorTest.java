package dev.vigie.incident;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigie.event.Anomaly;
import dev.vigie.event.Incident;
import dev.vigie.event.IncidentStatus;
import dev.vigie.event.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CorrelatorTest {
    static final Instant T0 = Instant.parse("2026-03-14T08:00:00Z");

    static Anomaly anomaly(String service, int minute, Severity severity) {
        return new Anomaly("error_events", service, null, T0.plusSeconds(60L * minute), T0.plusSeconds(60L * minute + 59),
                severity, 0.5, service + " errors", Map.of());
    }

    static final class Recorder implements IncidentSink {
        final List<Incident> opened = new ArrayList<>();
        final List<Incident> closed = new ArrayList<>();

        @Override
        public void opened(Incident incident) {
            opened.add(incident);
        }

        @Override
        public void closed(Incident incident) {
            closed.add(incident);
        }
    }

    @Test
    void anomaliesOfOneServiceCloseInTimeAreOneIncident() {
        Correlator c = new Correlator(Duration.ofMinutes(5));
        Recorder r = new Recorder();
        c.onAnomaly(anomaly("api", 0, Severity.WARNING), r);
        c.onAnomaly(anomaly("db", 1, Severity.CRITICAL), r);
        c.onAnomaly(anomaly("api", 3, Severity.CRITICAL), r);
        assertThat(r.opened).extracting(Incident::service).containsExactly("api", "db");
        assertThat(c.openIncidents()).isEqualTo(2);
        c.onAnomaly(anomaly("api", 40, Severity.WARNING), r); // long after the gap: a new incident
        assertThat(r.closed).hasSize(1);
        Incident first = r.closed.get(0);
        assertThat(first.anomalies()).hasSize(2);
        assertThat(first.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(first.status()).isEqualTo(IncidentStatus.RESOLVED);
        assertThat(first.start()).isEqualTo(T0);
        assertThat(first.end()).isEqualTo(T0.plusSeconds(239));
        assertThat(first.id()).isEqualTo(Incident.idFor("api", T0));
    }

    @Test
    void aGrowingAnomalyKeepsItsIncidentOpenAndIsReplacedNotAdded() {
        Correlator c = new Correlator(Duration.ofMinutes(5));
        Recorder r = new Recorder();
        Anomaly raised = new Anomaly("score", "api", "cpu_usage", T0, T0.plusSeconds(10), Severity.WARNING, 0.8,
                "api cpu_usage is high", Map.of("points", 2));
        c.onAnomaly(raised, r);
        assertThat(r.opened).as("the incident opens while the anomaly lasts").hasSize(1);
        for (int minute = 1; minute <= 20; minute++) { // twenty minutes long, four times the gap
            Instant now = T0.plusSeconds(60L * minute);
            c.advance(now, r);
            c.onAnomaly(new Anomaly("score", "api", "cpu_usage", T0, now, Severity.WARNING, 0.8,
                    "api cpu_usage is high", Map.of("points", 6 * minute)), r);
        }
        assertThat(r.closed).as("not resolved while it grows").isEmpty();
        c.advance(T0.plusSeconds(60L * 26), r);
        assertThat(r.closed).singleElement().satisfies(i -> {
            assertThat(i.status()).isEqualTo(IncidentStatus.RESOLVED);
            assertThat(i.anomalies()).singleElement().satisfies(a -> {
                assertThat(a.end()).isEqualTo(T0.plusSeconds(1200));
                assertThat(a.evidence()).containsEntry("points", 120);
            });
        });
        // its final version, arriving late, updates the resolved incident's anomaly and reopens nothing
        c.onAnomaly(new Anomaly("score", "api", "cpu_usage", T0, T0.plusSeconds(1210), Severity.WARNING, 0.8,
                "api cpu_usage is high", Map.of("points", 121)), r);
        assertThat(r.opened).hasSize(1);
        assertThat(c.openIncidents()).isZero();
    }

    @Test
    void quietServicesCloseOnTheWatermarkAndTheRestStaysOpenAtTheEnd() {
        Correlator c = new Correlator(Duration.ofMinutes(5));
        Recorder r = new Recorder();
        c.onAnomaly(anomaly("api", 0, Severity.WARNING), r);
        c.onAnomaly(anomaly("db", 10, Severity.WARNING), r);
        c.advance(T0.plusSeconds(60 * 8), r);
        assertThat(r.closed).extracting(Incident::service).containsExactly("api");
        c.flush(T0.plusSeconds(60 * 12), r);
        assertThat(r.closed).extracting(Incident::status).containsExactly(IncidentStatus.RESOLVED, IncidentStatus.OPEN);
    }

    @Test
    void aLoneInfoFindingOpensNothing() {
        Correlator c = new Correlator(Duration.ofMinutes(5));
        Recorder r = new Recorder();
        c.onAnomaly(anomaly("api", 0, Severity.INFO), r);
        c.flush(T0.plusSeconds(3600), r);
        assertThat(r.opened).isEmpty();
        assertThat(r.closed).isEmpty();
    }

    @Test
    void servicesThatDependOnEachOtherAreOneIncidentWhereItBegan() {
        Correlator c = new Correlator(Duration.ofMinutes(5), Map.of("api", List.of("db"), "nginx", List.of("api")));
        Recorder r = new Recorder();
        c.onAnomaly(anomaly("db", 0, Severity.CRITICAL), r);
        c.onAnomaly(anomaly("api", 1, Severity.WARNING), r);
        c.onAnomaly(anomaly("nginx", 2, Severity.WARNING), r); // related to api, which is in the group now
        c.onAnomaly(anomaly("billing", 2, Severity.WARNING), r); // unrelated: its own incident
        c.flush(T0.plusSeconds(3600), r);
        assertThat(r.opened).extracting(Incident::service).containsExactly("db", "billing");
        Incident first = r.closed.stream().filter(i -> i.service().equals("db")).findFirst().orElseThrow();
        assertThat(first.services()).containsExactly("db", "api", "nginx");
        assertThat(first.anomalies()).hasSize(3);
        assertThat(first.id()).isEqualTo(Incident.idFor("db", T0));
    }

    @Test
    void aRecurrenceSoonAfterResolutionReopensTheSameIncident() {
        Correlator c = new Correlator(Duration.ofMinutes(5));
        Recorder r = new Recorder();
        c.onAnomaly(anomaly("api", 0, Severity.CRITICAL), r);
        c.advance(T0.plusSeconds(60 * 7), r); // quiet for the gap: resolved
        assertThat(r.closed).extracting(Incident::status).containsExactly(IncidentStatus.RESOLVED);
        c.onAnomaly(anomaly("api", 12, Severity.WARNING), r); // back within three gaps of the resolution
        assertThat(r.opened).extracting(Incident::status).containsExactly(IncidentStatus.OPEN, IncidentStatus.REOPENED);
        assertThat(r.opened.get(1).id()).isEqualTo(r.opened.get(0).id());
        c.advance(T0.plusSeconds(60 * 19), r);
        Incident again = r.closed.get(1);
        assertThat(again.id()).isEqualTo(r.closed.get(0).id());
        assertThat(again.status()).isEqualTo(IncidentStatus.RESOLVED);
        assertThat(again.anomalies()).hasSize(2);
        assertThat(again.end()).isEqualTo(T0.plusSeconds(60 * 12 + 59));

        c.onAnomaly(anomaly("api", 60, Severity.WARNING), r); // long after: a new incident
        assertThat(r.opened.get(2).id()).isNotEqualTo(again.id());
        assertThat(r.opened.get(2).status()).isEqualTo(IncidentStatus.OPEN);
    }

    @Test
    void theSameAnomaliesInTheSameOrderGiveTheSameIncidents() {
        Map<String, List<String>> deps = Map.of("api", List.of("db"));
        List<List<Incident>> runs = new java.util.ArrayList<>();
        for (int run = 0; run < 2; run++) {
            Correlator c = new Correlator(Duration.ofMinutes(5), deps);
            Recorder r = new Recorder();
            for (int m = 0; m < 120; m += 7) {
                c.onAnomaly(anomaly(m % 2 == 0 ? "api" : "db", m, m % 3 == 0 ? Severity.CRITICAL : Severity.WARNING), r);
                c.advance(T0.plusSeconds(60L * m), r);
            }
            c.flush(T0.plusSeconds(60 * 200), r);
            runs.add(r.closed);
        }
        assertThat(runs.get(1)).isEqualTo(runs.get(0));
    }
}
