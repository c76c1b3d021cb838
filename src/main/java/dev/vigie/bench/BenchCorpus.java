package dev.vigie.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * A seeded corpus for the ingestion benchmark, mixed as a real host's logs are: nginx access (35%),
 * a JSON API (30%), a Spring service with some stack traces (15%), syslog (10%), cloudflared (5%)
 * and logfmt (5%). Lines count as the files hold them, stack frames included.
 */
public final class BenchCorpus {
    private static final DateTimeFormatter NGINX = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter SPACED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter SYSLOG = DateTimeFormatter.ofPattern("MMM dd HH:mm:ss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final String[] PATHS = {"/api/orders/", "/api/products/", "/api/users/", "/static/app.js?v=", "/health?probe="};
    private static final String[] USERS = {"alice", "bob", "carol", "dave"};

    private BenchCorpus() {
    }

    /** Writes about {@code lines} lines into six files in {@code dir}; returns the exact number written. */
    public static long write(Path dir, long lines, long seed) throws IOException {
        Files.createDirectories(dir);
        SplittableRandom r = new SplittableRandom(seed);
        List<BufferedWriter> out = new ArrayList<>();
        for (String name : new String[] {"nginx-access.log", "api.jsonl", "billing.log", "syslog", "cloudflared.log", "worker.log"}) {
            out.add(Files.newBufferedWriter(dir.resolve(name), StandardCharsets.UTF_8));
        }
        Instant t = Instant.parse("2026-03-14T00:00:00Z");
        long written = 0;
        try {
            while (written < lines) {
                t = t.plusMillis(1 + r.nextInt(20));
                double p = r.nextDouble();
                int id = r.nextInt(100_000);
                if (p < 0.35) {
                    int status = r.nextDouble() < 0.02 ? 502 : r.nextDouble() < 0.05 ? 404 : 200;
                    out.get(0).write(String.format(Locale.ROOT, "203.0.113.%d - - [%s] \"GET %s%d HTTP/1.1\" %d %d \"-\" \"Mozilla/5.0\" %.3f%n",
                            r.nextInt(255), NGINX.format(t), PATHS[r.nextInt(PATHS.length)], id, status, 200 + r.nextInt(5000), r.nextDouble() / 10));
                    written++;
                } else if (p < 0.65) {
                    boolean error = r.nextDouble() < 0.02;
                    out.get(1).write("{\"timestamp\":\"" + t + "\",\"level\":\"" + (error ? "ERROR" : "INFO") + "\",\"service\":\"api\","
                            + "\"message\":\"" + (error ? "upstream timeout after 5000 ms" : "GET /api/orders/" + id + " 200 in " + r.nextInt(90) + " ms")
                            + "\",\"trace_id\":\"" + Long.toHexString(r.nextLong()) + "\",\"user\":\"" + USERS[r.nextInt(USERS.length)] + "\"}\n");
                    written++;
                } else if (p < 0.80) {
                    boolean trace = r.nextDouble() < 0.03;
                    out.get(2).write(SPACED.format(t) + (trace ? " ERROR" : "  INFO") + " 4242 --- [nio-8080-exec-" + r.nextInt(10)
                            + "] d.v.billing.InvoiceService               : " + (trace ? "Invoice " + id + " failed" : "Invoice " + id + " sent") + "\n");
                    written++;
                    if (trace) {
                        out.get(2).write("java.lang.IllegalStateException: no tax rate for region " + r.nextInt(30) + "\n"
                                + "\tat d.v.billing.TaxTable.rate(TaxTable.java:42)\n\tat d.v.billing.InvoiceService.send(InvoiceService.java:88)\n");
                        written += 3;
                    }
                } else if (p < 0.90) {
                    out.get(3).write(SYSLOG.format(t) + " web-1 sshd[" + (1000 + r.nextInt(9000)) + "]: "
                            + (r.nextBoolean() ? "Accepted publickey for deploy from 198.51.100." + r.nextInt(255) + " port " + (1024 + r.nextInt(60000)) + " ssh2"
                            : "Failed password for invalid user admin from 45.33." + r.nextInt(255) + "." + r.nextInt(255) + " port 22 ssh2") + "\n");
                    written++;
                } else if (p < 0.95) {
                    out.get(4).write(t.toString().substring(0, 19) + "Z INF Registered tunnel connection connIndex=" + r.nextInt(4)
                            + " connection=" + Long.toHexString(r.nextLong()) + " event=0 ip=198.41.200." + r.nextInt(255) + " location=cdg0" + r.nextInt(9) + " protocol=quic\n");
                    written++;
                } else {
                    out.get(5).write("time=" + t + " level=" + (r.nextDouble() < 0.05 ? "warn" : "info") + " msg=\"job done\" job=" + id
                            + " duration=" + r.nextInt(900) + "ms queue=default\n");
                    written++;
                }
            }
        } finally {
            for (BufferedWriter w : out) {
                w.close();
            }
        }
        return written;
    }
}
