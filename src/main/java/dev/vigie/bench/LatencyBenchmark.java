package dev.vigie.bench;

import dev.vigie.config.Settings;
import dev.vigie.config.SettingsLoader;
import dev.vigie.pipeline.Engine;
import dev.vigie.pipeline.LiveRuntime;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * From a decisive line appended to a followed file to its anomaly committed in SQLite, in one
 * process: the whole live path (watcher, tail thread, input queue, pipeline, detector, writer).
 * Each line is a new kind of failure, so none is routine.
 */
public final class LatencyBenchmark {
    /** Milliseconds, median and 99th percentile, over {@code lines} lines. */
    public record Result(int lines, double p50Ms, double p99Ms, double maxMs) {
    }

    private static final java.time.Instant FIRST = java.time.Instant.parse("2026-03-14T10:01:00Z");

    private LatencyBenchmark() {
    }

    public static Result run(int lines, Path work) throws IOException, InterruptedException {
        Path logs = Files.createDirectories(work.resolve("logs"));
        Path log = logs.resolve("app.log");
        StringBuilder calm = new StringBuilder();
        for (int s = 0; s < 50; s++) {
            calm.append(String.format("2026-03-14T10:00:%02dZ INFO job %d done%n", s, s));
        }
        Files.writeString(log, calm);
        Path data = work.resolve("data");
        Settings settings = new SettingsLoader(Map.of(), data, work).load(data, Map.of("sources", logs.toString(),
                "simulator.enabled", "false", "replay.dir", "", "ollama.url", "http://127.0.0.1:9"));
        double[] ms = new double[lines];
        try (LiveRuntime runtime = new LiveRuntime(Engine.open(settings, Clock.systemUTC()))) {
            runtime.start();
            waitFor(() -> runtime.store().count("log_events") >= 49);
            for (int i = 0; i < lines; i++) {
                long before = runtime.store().count("anomalies");
                String line = String.format("%s FATAL subsystem %s cannot continue%n", FIRST.plusSeconds(i), word(i));
                long start = System.nanoTime();
                Files.writeString(log, line, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
                waitFor(() -> runtime.store().count("anomalies") > before);
                ms[i] = (System.nanoTime() - start) / 1e6;
            }
        }
        Arrays.sort(ms);
        return new Result(lines, ms[(lines - 1) / 2], ms[(int) Math.ceil(lines * 0.99) - 1], ms[lines - 1]);
    }

    /** A word of letters for {@code i}: the lines differ in shape, not only in numbers. */
    private static String word(int i) {
        StringBuilder w = new StringBuilder();
        int n = i;
        do {
            w.append((char) ('a' + n % 26));
            n /= 26;
        } while (n > 0);
        return w.append("-service").toString();
    }

    private interface Condition {
        boolean met();
    }

    private static void waitFor(Condition c) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!c.met()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("nothing stored within 30 s");
            }
            TimeUnit.MILLISECONDS.sleep(1);
        }
    }
}
