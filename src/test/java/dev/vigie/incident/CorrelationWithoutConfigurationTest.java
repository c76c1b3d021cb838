package dev.vigie.incident;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigie.event.Anomaly;
import dev.vigie.event.Incident;
import dev.vigie.event.LearnedDependency;
import dev.vigie.event.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Crafted multi-service streams: what the lines link is one incident, what they do not stays apart. */
class CorrelationWithoutConfigurationTest {
    static final Instant T0 = Instant.parse("2026-05-02T14:30:00Z");

    static Anomaly errors(String service, int second, Severity severity, String... lines) {
        return new Anomaly("error_events", service, null, T0.plusSeconds(second), T0.plusSeconds(second + 59), severity, 0.9,
                service + " errors", Map.of("samples", List.of(lines)));
    }

    static Anomaly silence(String service, int second) {
        return new Anomaly("silence", service, null, T0.plusSeconds(second), T0.plusSeconds(second + 180), Severity.WARNING, 0.7,
                service + " has logged nothing", Map.of());
    }

    final Correlator correlator = new Correlator(Duration.ofMinutes(5));
    final CorrelatorTest.Recorder sink = new CorrelatorTest.Recorder();
    final List<Incident[]> merges = new ArrayList<>();
    final IncidentSink recorder = new IncidentSink() {
        @Override
        public void opened(Incident incident) {
            sink.opened(incident);
        }

        @Override
        public void closed(Incident incident) {
            sink.closed(incident);
        }

        @Override
        public void merged(Incident absorbed, Incident into) {
            merges.add(new Incident[] {absorbed, into});
        }
    };

    private List<Incident> feed(Anomaly... anomalies) {
        for (Anomaly a : anomalies) {
            correlator.onAnomaly(a, recorder);
        }
        correlator.flush(T0.plus(Duration.ofHours(1)), recorder);
        return sink.closed;
    }

    @Test
    void aProxyItsApplicationAndTheDatabaseFailingTogetherAreOneIncidentBegunWhereTheLinesLead() {
        List<Incident> incidents = feed(
                errors("haproxy", 0, Severity.CRITICAL, "backend orders/orders-1 is DOWN, reason: Layer7 timeout, check duration: 2001ms",
                        "10.0.3.7:41822 [02/May/2026:14:30:01.120] web orders/orders-1 0/0/-1/-1/2001 503 212 - - sC-- GET /checkout"),
                errors("orders", 0, Severity.CRITICAL,
                        "ERROR o.h.engine.jdbc.spi.SqlExceptionHelper - Connection is not available, request timed out after 30000ms"),
                errors("mysql", 2, Severity.WARNING, "[Warning] Aborted connection 8812 to db: 'shop' (Got timeout reading communication packets)",
                        "[ERROR] Too many connections"));
        assertThat(incidents).singleElement().satisfies(i -> {
            assertThat(i.service()).as("haproxy names orders, whose lines point at a database: mysql").isEqualTo("orders");
            assertThat(i.services()).containsExactly("orders", "haproxy", "mysql");
        });
    }

    @Test
    void twoUnrelatedFaultsAtTheSameMinuteStayTwoIncidents() {
        List<Incident> incidents = feed(
                errors("redis", 0, Severity.CRITICAL, "# WARNING: OOM command not allowed when used memory > 'maxmemory'."),
                errors("backup", 10, Severity.CRITICAL, "rsync: write failed on \"/mnt/archive/2026-05-02.tar\": No space left on device (28)"));
        assertThat(incidents).extracting(Incident::service).containsExactlyInAnyOrder("redis", "backup");
        assertThat(incidents).allSatisfy(i -> assertThat(i.services()).hasSize(1));
    }

    @Test
    void servicesThatFallSilentAsAnotherFailsArePartOfItsIncidentAndASilenceAloneIsItsOwn() {
        List<Incident> incidents = feed(
                silence("web", 0),
                errors("tunnel", 0, Severity.CRITICAL, "ERR Unable to reach the origin service error=\"dial tcp 10.1.0.4:8080: connect: connection refused\""),
                silence("shop", 20),
                silence("cron", 1800));
        assertThat(incidents).hasSize(2);
        assertThat(incidents.get(0).service()).isEqualTo("tunnel");
        assertThat(incidents.get(0).services()).containsExactlyInAnyOrder("tunnel", "web", "shop");
        assertThat(incidents.get(1).services()).containsExactly("cron");
    }

    @Test
    void aKernelKillOfAProcessThatRanOutOfMemoryIsOneIncidentBegunInThatProcess() {
        List<Incident> incidents = feed(
                errors("invoices", 0, Severity.INFO,
                        "2026-05-02 14:30:04.200 ERROR 5150 --- [exec-3] o.a.c.c.C.[dispatcherServlet] : java.lang.OutOfMemoryError: Java heap space"),
                errors("kernel", 9, Severity.WARNING,
                        "kernel: Out of memory: Killed process 5150 (java) total-vm:8123456kB, anon-rss:4012345kB"));
        assertThat(incidents).singleElement().satisfies(i -> {
            assertThat(i.service()).isEqualTo("invoices");
            assertThat(i.services()).containsExactly("invoices", "kernel");
        });
    }

    @Test
    void anIncidentAnnouncedBeforeItsLinkArrivedIsFoldedIntoTheOlderOne() {
        correlator.onAnomaly(errors("gateway", 0, Severity.CRITICAL, "upstream timed out (110: Connection timed out) while reading response header"), recorder);
        correlator.onAnomaly(errors("payments", 5, Severity.CRITICAL, "ERROR PaymentClient - POST /charge failed: read timeout"), recorder);
        assertThat(sink.opened).hasSize(2); // nothing links them yet
        // later gateway lines name payments: the two were one problem
        correlator.onAnomaly(errors("gateway", 30, Severity.CRITICAL,
                "connect() failed (111: Connection refused) while connecting to upstream, upstream: \"http://payments:9000/charge\""), recorder);
        assertThat(merges).singleElement().satisfies(m -> {
            assertThat(m[0].service()).isEqualTo("payments");
            assertThat(m[1].id()).isEqualTo(sink.opened.get(0).id());
            assertThat(m[1].services()).containsExactlyInAnyOrder("gateway", "payments");
        });
        correlator.flush(T0.plus(Duration.ofHours(1)), recorder);
        assertThat(sink.closed).singleElement().satisfies(i -> assertThat(i.id()).isEqualTo(sink.opened.get(0).id()));
    }

    @Test
    void linkedLinesThatDoNotStartTogetherAreTwoIncidents() {
        List<Incident> incidents = feed(
                errors("gateway", 0, Severity.CRITICAL, "upstream: \"http://payments:9000/charge\" 502"),
                errors("payments", 240, Severity.CRITICAL, "ERROR payments: ledger write failed"));
        assertThat(incidents).hasSize(2);
    }

    static Anomaly metric(String service, int second) {
        return new Anomaly("rolling_zscore", service, service + "/latency_ms_p95", T0.plusSeconds(second), T0.plusSeconds(second + 60),
                Severity.CRITICAL, 0.9, service + " latency is high", Map.of());
    }

    @Test
    void servicesLinkedInTwoIncidentsAreLinkedAfterwardsOnTheirTimingAloneAndTheLessonIsKept() {
        List<LearnedDependency> learned = new ArrayList<>();
        IncidentSink learning = new IncidentSink() {
            @Override
            public void opened(Incident incident) {
            }

            @Override
            public void closed(Incident incident) {
                sink.closed.add(incident);
            }

            @Override
            public void learned(LearnedDependency d) {
                learned.add(d);
            }
        };
        for (int hour = 0; hour < 2; hour++) {
            int at = 3600 * hour;
            correlator.onAnomaly(errors("orders", at, Severity.CRITICAL, "ERROR com.mysql.cj.jdbc.exceptions.CommunicationsException: "
                    + "Communications link failure"), learning);
            correlator.onAnomaly(errors("mysql", at + 5, Severity.WARNING, "[Warning] Aborted connection 88 to db: 'shop'"), learning);
            correlator.advance(T0.plusSeconds(at + 1800), learning);
        }
        assertThat(sink.closed).hasSize(2).allSatisfy(i -> assertThat(i.services()).containsExactlyInAnyOrder("orders", "mysql"));
        assertThat(learned).last().satisfies(d -> {
            assertThat(d.service() + " → " + d.dependsOn()).isEqualTo("orders → mysql");
            assertThat(d.incidents()).isEqualTo(2);
        });

        // two metric anomalies say nothing of each other: what was learned links them
        correlator.onAnomaly(metric("orders", 7200), learning);
        correlator.onAnomaly(metric("mysql", 7230), learning);
        correlator.flush(T0.plusSeconds(9000), learning);
        assertThat(sink.closed).hasSize(3);
        assertThat(sink.closed.get(2).services()).containsExactlyInAnyOrder("orders", "mysql");

        // a fresh correlator that is given the lesson links them at once; one that is not keeps them apart
        Correlator taught = new Correlator(Duration.ofMinutes(5));
        taught.restore(List.of(learned.get(learned.size() - 1)));
        Correlator untaught = new Correlator(Duration.ofMinutes(5));
        CorrelatorTest.Recorder a = new CorrelatorTest.Recorder();
        CorrelatorTest.Recorder b = new CorrelatorTest.Recorder();
        for (Anomaly m : List.of(metric("orders", 0), metric("mysql", 30))) {
            taught.onAnomaly(m, a);
            untaught.onAnomaly(m, b);
        }
        taught.flush(T0.plusSeconds(3600), a);
        untaught.flush(T0.plusSeconds(3600), b);
        assertThat(a.closed).hasSize(1);
        assertThat(b.closed).hasSize(2);
    }
}
