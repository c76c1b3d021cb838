package dev.vigie.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigie.TestSettings;
import dev.vigie.event.Anomaly;
import dev.vigie.event.Incident;
import dev.vigie.event.IncidentStatus;
import dev.vigie.event.Severity;
import dev.vigie.event.StoredIncident;
import dev.vigie.store.Store;
import dev.vigie.store.StoreBatch;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An incident a stop left open, or closed without its report, is finished at the next start. */
class UnfinishedIncidentTest {
    static final Instant T0 = Instant.parse("2026-03-14T08:20:00Z");

    private static Incident incident(String service, IncidentStatus status) {
        Anomaly a = new Anomaly("error_events", service, null, T0, T0.plusSeconds(120), Severity.CRITICAL, 0.99,
                service + ": 40 error events in a minute, 1.2 as a rule", Map.of("count", 40));
        return new Incident(Incident.idFor(service, T0), service, T0, T0.plusSeconds(120), Severity.CRITICAL, status, List.of(a));
    }

    @Test
    void openAndUnreportedIncidentsAreResolvedAndReportedAtTheNextStart(@TempDir Path dir) throws Exception {
        try (Store store = new Store(dir.resolve("vigie.db"), Clock.systemUTC())) {
            StoreBatch b = new StoreBatch();
            for (Incident i : List.of(incident("api", IncidentStatus.OPEN), incident("billing", IncidentStatus.RESOLVED))) {
                i.anomalies().forEach(b::anomaly);
                b.incident(i);
            }
            store.write(b);
        }
        try (Engine engine = Engine.open(TestSettings.in(dir), Clock.systemUTC())) {
            OnceIngest.run(engine, List.of());
            assertThat(engine.store().incidents()).hasSize(2).allSatisfy(i -> {
                assertThat(i.status()).isEqualTo(IncidentStatus.RESOLVED);
                assertThat(i.reportPath()).isNotNull();
                assertThat(i.analyst()).startsWith("offline");
            });
            assertThat(engine.store().incidents()).extracting(StoredIncident::checks).containsOnly(List.of("error_events"));
        }
    }
}
