package dev.vigie.bench;

import dev.vigie.event.IncidentStatus;
import dev.vigie.event.Severity;
import dev.vigie.incident.FactsJson;
import dev.vigie.incident.FactsReport;
import dev.vigie.report.IncidentReport;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Seeded incidents of twelve kinds (two causes in each of the six domains, each written several
 * ways), on any of eight services, with their own numbers and hosts, one an hour: for the memory's
 * benchmark and its similarity test.
 */
public final class SyntheticIncidents {
    /** A kind of incident: its domain, its cause's phrasings (a thing and a number to fill in), a log template and its fix. */
    public record Kind(String domain, String cause, List<String> phrasings, String template, String step) {
    }

    public static final List<Kind> KINDS = List.of(
            new Kind("database", "pool", List.of("the connection pool is exhausted: %s waits %d s for a connection",
                    "no database connection available in %s after %d ms", "all %s connections are in use, requests queue for %d s"),
                    "HikariPool-1 - Connection is not available, request timed out after <*>ms", "find what holds the connections"),
            new Kind("database", "deadlock", List.of("transactions deadlock on table %s (%d victims)",
                    "deadlock detected while updating %s, %d transactions rolled back"),
                    "ERROR: deadlock detected Detail: Process <*> waits for ShareLock on transaction <*>",
                    "order the updates the same way in every transaction"),
            new Kind("network", "timeout", List.of("calls to %s time out after %d s: connect timed out",
                    "the route to %s drops packets, connections time out (%d s)"),
                    "java.net.SocketTimeoutException: connect timed out to <*>:443", "check the route and firewall to the peer"),
            new Kind("network", "dns", List.of("name resolution fails for %s (%d lookups)", "DNS cannot resolve %s, %d requests failed"),
                    "java.net.UnknownHostException: <*>: Name or service not known", "check the resolver configuration"),
            new Kind("application", "npe", List.of("a NullPointerException in %s breaks %d requests",
                    "the handler %s throws NullPointerException on %d calls"),
                    "java.lang.NullPointerException: Cannot invoke <*> because <*> is null", "roll back the last deploy"),
            new Kind("application", "heap", List.of("the JVM of %s runs out of heap (%d MB)", "OutOfMemoryError in %s after the heap reached %d MB"),
                    "java.lang.OutOfMemoryError: Java heap space", "take a heap dump and raise -Xmx"),
            new Kind("security", "bruteforce", List.of("repeated failed logins for %s from one address (%d attempts)",
                    "a password guessing attack on %s: %d failures"),
                    "Failed password for invalid user <*> from <*> port <*> ssh2", "block the address and check the accounts"),
            new Kind("security", "certificate", List.of("the TLS certificate of %s has expired (%d days)",
                    "handshakes with %s fail: certificate expired %d days ago"),
                    "javax.net.ssl.SSLHandshakeException: PKIX path validation failed: certificate expired", "renew the certificate"),
            new Kind("infrastructure", "disk", List.of("the disk of %s is full (%d GB used)", "no space left on device on %s, %d GB written"),
                    "write failed: No space left on device", "free space on the volume"),
            new Kind("infrastructure", "cpu", List.of("the CPU of %s is saturated at %d%%", "%s runs at %d%% CPU, requests queue"),
                    "load average is <*>, CPU at <*>%", "find the process using the CPU"),
            new Kind("integration", "badgateway", List.of("the upstream %s answers 502 Bad Gateway (%d errors)",
                    "%s behind the proxy returns bad gateway on %d requests"),
                    "upstream prematurely closed connection while reading response header from upstream", "restart the upstream"),
            new Kind("integration", "ratelimit", List.of("the payment provider rate-limits %s: HTTP 429 on %d calls",
                    "%s is throttled by the partner API, %d requests refused with 429 Too Many Requests"),
                    "HTTP 429 Too Many Requests from <*>", "slow the calls down and ask for a higher quota"));
    public static final List<String> SERVICES = List.of("api", "checkout", "billing", "auth", "search", "orders", "gateway", "worker");
    public static final List<String> THINGS = List.of("db-1", "orders", "pay.example.com", "10.0.4.7", "UserService", "/var", "node-3", "inventory");
    public static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    /** One generated incident, the kind it was made of, and its report as the analysts would have stored it. */
    public record Incident(int kind, String cause, IncidentReport report) {
        public Kind kindOf() {
            return KINDS.get(kind);
        }
    }

    private SyntheticIncidents() {
    }

    public static String cause(Kind k, SplittableRandom random) {
        return String.format(Locale.ROOT, k.phrasings().get(random.nextInt(k.phrasings().size())), THINGS.get(random.nextInt(THINGS.size())),
                5 + random.nextInt(500));
    }

    /** {@code n} incidents, the {@code i}-th starting about {@code i} hours after {@link #START}, ids from {@code firstId}. */
    public static List<Incident> generate(int n, int firstId, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Incident> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int kind = random.nextInt(KINDS.size());
            Kind k = KINDS.get(kind);
            String service = SERVICES.get(random.nextInt(SERVICES.size()));
            String cause = cause(k, random);
            Instant start = START.plusSeconds(3_600L * (firstId + i) + random.nextInt(3_000));
            String id = String.format("INC-%08x", firstId + i);
            FactsReport facts = new FactsReport(id, service, start, start.plusSeconds(600), Severity.CRITICAL, IncidentStatus.RESOLVED,
                    start + " error_events: " + service + " logged " + (10 + random.nextInt(90)) + " ERROR events in 1 min",
                    List.of(), List.of(new FactsReport.TemplateFact("t" + kind, k.template(), 0, 20)), List.of(), List.of(), false);
            out.add(new Incident(kind, cause, new IncidentReport(id, service, start, start.plusSeconds(600), Severity.CRITICAL,
                    IncidentStatus.RESOLVED, FactsJson.write(facts), k.domain(), cause, "offline:synthetic", null, List.of(k.step()))));
        }
        return out;
    }
}
