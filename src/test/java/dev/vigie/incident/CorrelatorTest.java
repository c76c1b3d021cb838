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
        c.onAnomaly(anomaly("api", 20, Severity.WARNING), r); // after the gap: a new incident
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
}
