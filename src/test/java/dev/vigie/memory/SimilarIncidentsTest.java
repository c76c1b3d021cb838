package dev.vigie.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigie.event.IncidentStatus;
import dev.vigie.event.Severity;
import dev.vigie.event.StoredIncident;
import dev.vigie.incident.FactsReport;
import dev.vigie.privacy.Redactor;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Among 1,000 synthetic incidents of twelve kinds (two causes in each of the six domains, each
 * written several ways, on any of eight services, with their own numbers, hosts and times), each
 * one's nearest neighbours by the real embedding model share its domain and cause.
 */
class SimilarIncidentsTest {
    record Kind(String domain, String cause, String[] causes, String[] templates, String step) {
    }

    static final List<Kind> KINDS = List.of(
            new Kind("database", "pool", new String[] {"the connection pool is exhausted: %s waits %d s for a connection",
                    "no database connection available in %s after %d ms", "all %s connections are in use, requests queue for %d s"},
                    new String[] {"HikariPool-1 - Connection is not available, request timed out after <*>ms",
                            "Timeout waiting for idle object in pool <*>"}, "find what holds the connections"),
            new Kind("database", "deadlock", new String[] {"transactions deadlock on table %s (%d victims)",
                    "deadlock detected while updating %s, %d transactions rolled back"},
                    new String[] {"ERROR: deadlock detected Detail: Process <*> waits for ShareLock on transaction <*>"},
                    "order the updates the same way in every transaction"),
            new Kind("network", "timeout", new String[] {"calls to %s time out after %d s: connect timed out",
                    "the route to %s drops packets, connections time out (%d s)"},
                    new String[] {"java.net.SocketTimeoutException: connect timed out to <*>:443"}, "check the route and firewall to the peer"),
            new Kind("network", "dns", new String[] {"name resolution fails for %s (%d lookups)", "DNS cannot resolve %s, %d requests failed"},
                    new String[] {"java.net.UnknownHostException: <*>: Name or service not known"}, "check the resolver configuration"),
            new Kind("application", "npe", new String[] {"a NullPointerException in %s breaks %d requests",
                    "the handler %s throws NullPointerException on %d calls"},
                    new String[] {"java.lang.NullPointerException: Cannot invoke <*> because <*> is null"}, "roll back the last deploy"),
            new Kind("application", "heap", new String[] {"the JVM of %s runs out of heap (%d MB)", "OutOfMemoryError in %s after the heap reached %d MB"},
                    new String[] {"java.lang.OutOfMemoryError: Java heap space"}, "take a heap dump and raise -Xmx"),
            new Kind("security", "bruteforce", new String[] {"repeated failed logins for %s from one address (%d attempts)",
                    "a password guessing attack on %s: %d failures"},
                    new String[] {"Failed password for invalid user <*> from <*> port <*> ssh2"}, "block the address and check the accounts"),
            new Kind("security", "certificate", new String[] {"the TLS certificate of %s has expired (%d days)",
                    "handshakes with %s fail: certificate expired %d days ago"},
                    new String[] {"javax.net.ssl.SSLHandshakeException: PKIX path validation failed: certificate expired"}, "renew the certificate"),
            new Kind("infrastructure", "disk", new String[] {"the disk of %s is full (%d GB used)", "no space left on device on %s, %d GB written"},
                    new String[] {"write failed: No space left on device"}, "free space on the volume"),
            new Kind("infrastructure", "cpu", new String[] {"the CPU of %s is saturated at %d%%", "%s runs at %d%% CPU, requests queue"},
                    new String[] {"load average is <*>, CPU at <*>%"}, "find the process using the CPU"),
            new Kind("integration", "badgateway", new String[] {"the upstream %s answers 502 Bad Gateway (%d errors)",
                    "%s behind the proxy returns bad gateway on %d requests"},
                    new String[] {"upstream prematurely closed connection while reading response header from upstream"}, "restart the upstream"),
            new Kind("integration", "ratelimit", new String[] {"the payment provider rate-limits %s: HTTP 429 on %d calls",
                    "%s is throttled by the partner API, %d requests refused with 429 Too Many Requests"},
                    new String[] {"HTTP 429 Too Many Requests from <*>"}, "slow the calls down and ask for a higher quota"));
    static final String[] SERVICES = {"api", "checkout", "billing", "auth", "search", "orders", "gateway", "worker"};
    static final String[] THINGS = {"db-1", "orders", "pay.example.com", "10.0.4.7", "UserService", "/var", "node-3", "inventory"};

    @TempDir
    Path dir;

    @Test
    void eachIncidentFindsOthersOfItsDomainAndCause() throws Exception {
        SplittableRandom random = new SplittableRandom(17);
        MemoryDocuments documents = new MemoryDocuments(null, Redactor.standard());
        List<MemoryRecord> records = new ArrayList<>();
        List<String> causes = new ArrayList<>();
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        for (int i = 0; i < 1_000; i++) {
            Kind k = KINDS.get(random.nextInt(KINDS.size()));
            String service = SERVICES[random.nextInt(SERVICES.length)];
            String cause = String.format(k.causes()[random.nextInt(k.causes().length)], THINGS[random.nextInt(THINGS.length)],
                    5 + random.nextInt(500));
            String template = k.templates()[random.nextInt(k.templates().length)];
            Instant start = t0.plusSeconds(3_600L * i + random.nextInt(3_600));
            String id = String.format("INC-%04d", i);
            FactsReport facts = new FactsReport(id, service, start, start.plusSeconds(600), Severity.CRITICAL, IncidentStatus.RESOLVED,
                    start + " error_events: " + service + " logged " + (10 + random.nextInt(90)) + " ERROR events in 1 min",
                    List.of(), List.of(new FactsReport.TemplateFact("t", template, 0, 20)), List.of(), List.of(), false);
            StoredIncident incident = new StoredIncident(id, service, start, start.plusSeconds(600), Severity.CRITICAL,
                    IncidentStatus.RESOLVED, k.domain(), cause, "offline:test", null, List.of("error_events"), List.of());
            // half analysed, with their plan; half not yet, as a new incident is when it is compared
            records.add(documents.incident(incident, facts, i % 2 == 0 ? List.of(k.step()) : List.of(), List.of()));
            causes.add(k.domain() + "/" + k.cause());
        }
        Embedder embedder = MemoryTest.MINI_LM;
        List<float[]> vectors = embedder.embedAll(records.stream().map(MemoryRecord::text).toList());
        int right = 0;
        int asked = 0;
        try (VectorStore store = new LuceneVectorStore(dir.resolve("memory"))) {
            List<VectorStore.Entry> entries = new ArrayList<>();
            for (int i = 0; i < records.size(); i++) {
                entries.add(new VectorStore.Entry(records.get(i), vectors.get(i)));
            }
            store.upsert(entries);
            store.commit(Map.of());
            for (int i = 0; i < records.size(); i++) {
                for (MemoryHit h : store.search(MemoryQuery.of(null, vectors.get(i), 6))) {
                    if (!h.record().id().equals(records.get(i).id())) {
                        asked++;
                        int j = Integer.parseInt(h.record().ref().substring(4));
                        right += causes.get(j).equals(causes.get(i)) ? 1 : 0;
                    }
                }
            }
        }
        double precision = (double) right / asked;
        System.out.printf("similar incidents: %d of %d nearest neighbours share the domain and cause (%.4f)%n", right, asked, precision);
        assertThat(precision).isGreaterThanOrEqualTo(0.95);
    }
}
