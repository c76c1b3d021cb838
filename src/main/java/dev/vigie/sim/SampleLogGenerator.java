package dev.vigie.sim;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Writes {@code sample-logs/}: three hours of a small production (a JSON API, nginx, cloudflared,
 * PostgreSQL, a Spring service, the kernel) with known incidents embedded at known times. Seeded:
 * the same seed writes the same bytes.
 */
public final class SampleLogGenerator {
    public static final Instant START = Instant.parse("2026-03-14T08:00:00Z");
    public static final Instant END = Instant.parse("2026-03-14T11:00:00Z");
    public static final long DEFAULT_SEED = 42;

    /** An incident embedded in the sample: where it shows, when it starts, and its domain. */
    /** @param service where it begins; {@code affected}: the other services it shows in */
    public record Embedded(String name, String service, Instant start, Instant end, String domain, List<String> affected) {
    }

    public static final List<Embedded> INCIDENTS = List.of(
            new Embedded("database connection-pool exhaustion", "api",
                    Instant.parse("2026-03-14T08:20:00Z"), Instant.parse("2026-03-14T08:26:00Z"), "database", List.of("nginx", "postgresql")),
            new Embedded("tunnel unable to reach its origin", "cloudflared",
                    Instant.parse("2026-03-14T09:05:00Z"), Instant.parse("2026-03-14T09:09:00Z"), "network", List.of("api", "nginx")),
            // billing runs out of memory (09:50:10) and the kernel kills it: one incident, begun in billing
            new Embedded("process killed for memory", "billing",
                    Instant.parse("2026-03-14T09:50:12Z"), Instant.parse("2026-03-14T09:50:13Z"), "infrastructure", List.of("kernel")),
            // the proxy answers 502/503 at once: its upstream refuses (network, as an nginx 502 towards our own pods is)
            new Embedded("burst of HTTP 502/503 from the proxy", "nginx",
                    Instant.parse("2026-03-14T10:30:00Z"), Instant.parse("2026-03-14T10:34:00Z"), "network", List.of()));

    private static final DateTimeFormatter NGINX = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter SPACED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter ISO_MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter ISO_SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter SYSLOG = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'+00:00'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private static final String[] CLIENTS = {"203.0.113.7", "198.51.100.23", "192.0.2.45", "203.0.113.88", "198.51.100.140"};
    private static final String[] AGENTS = {"Mozilla/5.0 (X11; Linux x86_64) Firefox/124.0",
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_3) Safari/605.1.15", "okhttp/4.12.0", "curl/8.5.0"};

    private record Line(long millis, String text) {
    }

    private final SplittableRandom random;
    private final Map<String, List<Line>> files = new TreeMap<>();

    public SampleLogGenerator(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** Writes the files into {@code dir} and returns their paths. */
    public List<Path> writeTo(Path dir) throws IOException {
        generate();
        Files.createDirectories(dir);
        List<Path> written = new ArrayList<>();
        for (var e : files.entrySet()) {
            Path file = dir.resolve(e.getKey());
            List<Line> lines = new ArrayList<>(e.getValue());
            lines.sort(Comparator.comparingLong(Line::millis));
            try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                for (Line l : lines) {
                    w.write(l.text());
                    w.write('\n');
                }
            }
            written.add(file);
        }
        return written;
    }

    private void generate() {
        cloudflaredStartup();
        billingStartup(START.plusMillis(300), 4242);
        for (long s = START.getEpochSecond(); s < END.getEpochSecond(); s++) {
            Instant second = Instant.ofEpochSecond(s);
            traffic(second);
            if (s % 300 == 0) {
                periodic(second);
            }
            if (s % 20 == 0) {
                billingWork(second);
            }
            if (s % 173 == 0) {
                kernelNoise(second);
            }
        }
        backgroundNoise();
        poolExhaustion();
        tunnelOutage();
        outOfMemory();
    }

    // ---- the normal day -------------------------------------------------------------------

    private void traffic(Instant second) {
        boolean originDown = within(second, INCIDENTS.get(1));
        int requests = poisson(0.8);
        for (int i = 0; i < requests; i++) {
            Instant t = second.plusMillis(random.nextInt(1000));
            request(t, originDown);
        }
    }

    private void request(Instant t, boolean originDown) {
        if (originDown) {
            return; // nginx is the tunnel's origin: while it is down nothing reaches it
        }
        double p = random.nextDouble();
        String method = "GET";
        String path;
        if (p < 0.45) {
            path = "/api/orders/" + (1000 + random.nextInt(9000));
        } else if (p < 0.6) {
            method = "POST";
            path = "/api/checkout";
        } else if (p < 0.75) {
            path = "/api/products?page=" + (1 + random.nextInt(20));
        } else if (p < 0.95) {
            path = "/static/app." + (random.nextBoolean() ? "js" : "css");
        } else {
            path = "/health";
        }
        int status = 200;
        double seconds = 0.004 + random.nextDouble() * 0.06;
        boolean api = path.startsWith("/api/");
        boolean pool = within(t, INCIDENTS.get(0));
        boolean burst = within(t, INCIDENTS.get(3));
        boolean billingDown = !t.isBefore(Instant.parse("2026-03-14T09:50:12Z")) && t.isBefore(Instant.parse("2026-03-14T09:50:31Z"));
        if (api && pool) {
            if (random.nextDouble() < 0.7) {
                status = random.nextDouble() < 0.6 ? 500 : 504;
                seconds = 30.0 + random.nextDouble();
                apiLine(t, "ERROR", "HikariPool-1 - Connection is not available, request timed out after 30000ms.",
                        method, path, status, (long) (seconds * 1000), "\"exception\":\"java.sql.SQLTransientConnectionException\",");
            } else {
                seconds = 1.5 + random.nextDouble() * 3;
                apiLine(t, "WARN", "slow request " + method + " " + path + " took " + (long) (seconds * 1000) + " ms",
                        method, path, status, (long) (seconds * 1000), "");
            }
        } else if (burst && (path.startsWith("/api/") || path.startsWith("/static/")) && random.nextDouble() < 0.65) {
            status = random.nextDouble() < 0.8 ? 502 : 503;
            seconds = random.nextDouble() * 0.01;
        } else if (api && billingDown && path.equals("/api/checkout")) {
            status = 503;
            apiLine(t, "ERROR", "call to billing failed: Connection refused (billing:8081)", method, path, status,
                    (long) (seconds * 1000), "");
        } else if (api) {
            if (random.nextDouble() < 0.01) {
                status = 404;
            }
            apiLine(t, "INFO", method + " " + path + " " + status + " in " + (long) (seconds * 1000) + " ms",
                    method, path, status, (long) (seconds * 1000), "");
        }
        String client = CLIENTS[random.nextInt(CLIENTS.length)];
        String agent = AGENTS[random.nextInt(AGENTS.length)];
        int bytes = status >= 500 ? 157 + random.nextInt(20) : 200 + random.nextInt(4000);
        add("nginx-access.log", t, String.format(Locale.ROOT, "%s - - [%s] \"%s %s HTTP/1.1\" %d %d \"-\" \"%s\" %.3f",
                client, NGINX.format(t), method, path, status, bytes, agent, seconds));
    }

    private void apiLine(Instant t, String level, String message, String method, String path, int status, long ms,
                         String extra) {
        add("api.jsonl", t, String.format(Locale.ROOT,
                "{\"timestamp\":\"%s\",\"level\":\"%s\",\"service\":\"api\",\"logger\":\"http\",%s\"message\":\"%s\","
                        + "\"trace_id\":\"%s\",\"method\":\"%s\",\"path\":\"%s\",\"status\":%d,\"duration_ms\":%d}",
                ISO_MILLIS.format(t), level, extra, message, hex(16), method, path, status, ms));
    }

    private void periodic(Instant t) {
        add("postgresql.log", t.plusMillis(120), String.format(Locale.ROOT,
                "%s UTC [%d] LOG:  checkpoint starting: time", SPACED.format(t.plusMillis(120)), 61));
        add("postgresql.log", t.plusMillis(2400), String.format(Locale.ROOT,
                "%s UTC [%d] LOG:  checkpoint complete: wrote %d buffers (%.1f%%); 0 WAL file(s) added, 0 removed, 1 recycled; "
                        + "write=%.3f s, sync=0.002 s, total=%.3f s",
                SPACED.format(t.plusMillis(2400)), 61, 40 + random.nextInt(400), random.nextDouble() * 3,
                random.nextDouble() * 2, 2 + random.nextDouble()));
        if (random.nextDouble() < 0.4) {
            Instant v = t.plusSeconds(30 + random.nextInt(200));
            add("postgresql.log", v, String.format(Locale.ROOT,
                    "%s UTC [%d] LOG:  automatic vacuum of table \"shop.public.orders\": index scans: 1",
                    SPACED.format(v), 3000 + random.nextInt(500)));
        }
        add("cloudflared.log", t.plusMillis(500), String.format(Locale.ROOT,
                "%s INF Tunnel connection curve preferences: [X25519MLKEM768 CurveP256] connIndex=%d event=0 ip=198.41.200.%d",
                ISO_SECONDS.format(t.plusMillis(500)), random.nextInt(4), 10 + random.nextInt(40)));
    }

    private void cloudflaredStartup() {
        Instant t = START.plusMillis(50);
        add("cloudflared.log", t, ISO_SECONDS.format(t) + " INF Starting tunnel tunnelID=6f1c0d2e-8a3b-4c5d-9e7f-0a1b2c3d4e5f");
        for (int i = 0; i < 4; i++) {
            Instant c = t.plusMillis(200L * (i + 1));
            add("cloudflared.log", c, String.format(Locale.ROOT,
                    "%s INF Registered tunnel connection connIndex=%d connection=%s event=0 ip=198.41.200.%d location=cdg0%d protocol=quic",
                    ISO_SECONDS.format(c), i, uuid(), 10 + i * 3, 1 + i % 2));
        }
    }

    private void billingStartup(Instant t, int pid) {
        spring(t, "INFO", pid, "main", "d.v.billing.BillingApplication",
                "Starting BillingApplication v2.3.1 using Java 17.0.10 with PID " + pid);
        spring(t.plusMillis(2100), "INFO", pid, "main", "o.s.b.w.embedded.tomcat.TomcatWebServer",
                "Tomcat initialized with port 8081 (http)");
        spring(t.plusMillis(4800), "INFO", pid, "main", "com.zaxxer.hikari.HikariDataSource", "HikariPool-1 - Start completed.");
        spring(t.plusMillis(10800), "INFO", pid, "main", "d.v.billing.BillingApplication",
                "Started BillingApplication in 10.8 seconds (process running for 11.4)");
    }

    private int billingPid = 4242;

    private void billingWork(Instant t) {
        if (!t.isBefore(Instant.parse("2026-03-14T09:50:12Z")) && t.isBefore(Instant.parse("2026-03-14T09:50:32Z"))) {
            return;
        }
        if (!t.isBefore(Instant.parse("2026-03-14T09:50:32Z"))) {
            billingPid = 5120;
        }
        Instant at = t.plusMillis(random.nextInt(900));
        spring(at, "INFO", billingPid, "scheduling-1", "d.v.billing.InvoiceBatchJob",
                "Processed invoice batch " + (random.nextInt(90000) + 10000) + ": " + random.nextInt(40) + " invoices in "
                        + (20 + random.nextInt(300)) + " ms");
    }

    private void kernelNoise(Instant t) {
        Instant at = t.plusMillis(random.nextInt(1000));
        add("kern.log", at, String.format(Locale.ROOT,
                "%s web-1 kernel: [%d.%06d] [UFW BLOCK] IN=eth0 OUT= MAC=52:54:00:12:34:56 SRC=%s DST=10.0.0.5 LEN=44 PROTO=TCP SPT=%d DPT=%d",
                SYSLOG.format(at), 86400 + at.getEpochSecond() - START.getEpochSecond(), random.nextInt(1_000_000),
                "45.33." + random.nextInt(255) + "." + random.nextInt(255), 1024 + random.nextInt(60000),
                new int[] {22, 23, 3389, 5432}[random.nextInt(4)]));
    }

    /** Isolated problems every real system has; none of them is an incident. */
    private void backgroundNoise() {
        for (String at : List.of("2026-03-14T08:47:13.412Z", "2026-03-14T09:31:40.077Z", "2026-03-14T10:12:05.930Z")) {
            Instant t = Instant.parse(at);
            apiLine(t, "ERROR", "payment provider call failed: read timed out after 5000 ms", "POST", "/api/checkout",
                    502, 5003, "");
        }
        Instant warn = Instant.parse("2026-03-14T08:55:02.310Z");
        spring(warn, "WARN", 4242, "scheduling-1", "d.v.billing.PaymentClient",
                "Retrying invoice export after timeout\njava.net.SocketTimeoutException: Read timed out\n"
                        + "\tat java.base/sun.nio.ch.NioSocketImpl.timedRead(NioSocketImpl.java:278)\n"
                        + "\tat java.base/java.net.Socket$SocketInputStream.read(Socket.java:1099)\n"
                        + "\tat d.v.billing.PaymentClient.export(PaymentClient.java:88)");
        Instant pg = Instant.parse("2026-03-14T10:05:44.501Z");
        add("postgresql.log", pg, SPACED.format(pg) + " UTC [3391] ERROR:  duplicate key value violates unique constraint \"orders_pkey\"\n"
                + SPACED.format(pg) + " UTC [3391] DETAIL:  Key (id)=(48213) already exists.");
    }

    // ---- the incidents -----------------------------------------------------------------------

    private void poolExhaustion() {
        Embedded e = INCIDENTS.get(0);
        Instant lock = e.start().minusSeconds(40);
        add("postgresql.log", lock, SPACED.format(lock) + " UTC [3318] LOG:  duration: 38112.504 ms  statement: "
                + "UPDATE orders SET status = 'PAID' WHERE id IN (SELECT id FROM orders WHERE status = 'PENDING' FOR UPDATE)");
        for (Instant t = e.start().plusMillis(700); t.isBefore(e.end()); t = t.plusMillis(4000 + random.nextInt(9000))) {
            String message = random.nextDouble() < 0.7 ? "sorry, too many clients already"
                    : "remaining connection slots are reserved for non-replication superuser connections";
            add("postgresql.log", t, SPACED.format(t) + " UTC [" + (4000 + random.nextInt(900)) + "] FATAL:  " + message);
        }
    }

    private void tunnelOutage() {
        Embedded e = INCIDENTS.get(1);
        for (Instant t = e.start().plusSeconds(2); t.isBefore(e.end()); t = t.plusMillis(1500 + random.nextInt(3500))) {
            add("cloudflared.log", t, String.format(Locale.ROOT,
                    "%s ERR Unable to reach the origin service. The service may be down or it may not be responding to "
                            + "traffic from cloudflared error=\"dial tcp 127.0.0.1:8080: connect: connection refused\" "
                            + "cfRay=%s-CDG connIndex=%d event=1 ingressRule=0 originService=http://localhost:8080",
                    ISO_SECONDS.format(t), hex(16), random.nextInt(4)));
        }
        Instant back = e.end().plusSeconds(3);
        add("cloudflared.log", back, ISO_SECONDS.format(back) + " INF Origin service is reachable again originService=http://localhost:8080");
    }

    private void outOfMemory() {
        Instant kill = INCIDENTS.get(2).start();
        for (Instant t = kill.minus(Duration.ofMinutes(12)); t.isBefore(kill); t = t.plusSeconds(45 + random.nextInt(30))) {
            spring(t, "WARN", 4242, "scheduling-1", "d.v.billing.HeapMonitor",
                    "Heap usage " + (88 + random.nextInt(10)) + "% after full GC");
        }
        Instant oome = kill.minusMillis(1800);
        spring(oome, "ERROR", 4242, "http-nio-8081-exec-7", "o.a.c.c.C.[.[.[/].[dispatcherServlet]",
                "Servlet.service() for servlet [dispatcherServlet] threw exception\n"
                        + "java.lang.OutOfMemoryError: Java heap space\n"
                        + "\tat java.base/java.util.Arrays.copyOf(Arrays.java:3537)\n"
                        + "\tat d.v.billing.InvoiceRenderer.render(InvoiceRenderer.java:142)\n"
                        + "\tat d.v.billing.InvoiceController.pdf(InvoiceController.java:57)");
        long uptime = 86400 + kill.getEpochSecond() - START.getEpochSecond();
        add("kern.log", kill, SYSLOG.format(kill) + " web-1 kernel: [" + uptime + ".114201] java invoked oom-killer: "
                + "gfp_mask=0x140cca(GFP_HIGHUSER_MOVABLE|__GFP_COMP), order=0, oom_score_adj=0");
        Instant killed = kill.plusMillis(310);
        add("kern.log", killed, SYSLOG.format(killed) + " web-1 kernel: [" + uptime + ".424518] Out of memory: Killed process "
                + "4242 (java) total-vm:8123456kB, anon-rss:4012345kB, file-rss:0kB, shmem-rss:0kB, UID:1001 pgtables:9000kB oom_score_adj:0");
        Instant reaped = kill.plusMillis(520);
        add("kern.log", reaped, SYSLOG.format(reaped) + " web-1 kernel: [" + uptime + ".634017] oom_reaper: reaped process 4242 "
                + "(java), now anon-rss:0kB, file-rss:0kB, shmem-rss:0kB");
        billingStartup(kill.plusSeconds(8), 5120);
    }

    // ---- helpers ----------------------------------------------------------------------------

    private void spring(Instant t, String level, int pid, String thread, String logger, String message) {
        add("billing.log", t, String.format(Locale.ROOT, "%s %5s %d --- [%15s] %-40s : %s",
                SPACED.format(t), level, pid, thread.length() > 15 ? thread.substring(thread.length() - 15) : thread,
                logger, message));
    }

    private void add(String file, Instant t, String text) {
        files.computeIfAbsent(file, k -> new ArrayList<>()).add(new Line(t.toEpochMilli(), text));
    }

    private static boolean within(Instant t, Embedded e) {
        return !t.isBefore(e.start()) && t.isBefore(e.end());
    }

    private int poisson(double mean) {
        double l = Math.exp(-mean);
        int k = 0;
        double p = 1;
        do {
            k++;
            p *= random.nextDouble();
        } while (p > l);
        return k - 1;
    }

    private String hex(int n) {
        StringBuilder b = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            b.append(Character.forDigit(random.nextInt(16), 16));
        }
        return b.toString();
    }

    private String uuid() {
        return hex(8) + "-" + hex(4) + "-4" + hex(3) + "-a" + hex(3) + "-" + hex(12);
    }
}
