package dev.vigie.bench;

import com.sun.management.OperatingSystemMXBean;
import dev.vigie.config.IngestOptions;
import dev.vigie.ingest.CheckpointSource;
import dev.vigie.ingest.SourcePaths;
import dev.vigie.ingest.Tailing;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * What following many idle files costs: the share of one core the process uses while thousands of
 * files that do not grow are followed, first while the newest are still open, then once every one
 * has been idle past the inactive time and is parked. Medians of several runs.
 */
public final class IdleBenchmark {
    /** @param openPercent of one core, files just read; @param parkedPercent of one core, all parked */
    public record Result(int files, int seconds, int runs, double openPercent, double parkedPercent) {
    }

    private IdleBenchmark() {
    }

    public static Result run(int files, int seconds, int runs, Duration closeInactive, Path work) throws IOException, InterruptedException {
        double[] open = new double[runs];
        double[] parked = new double[runs];
        for (int run = 0; run < runs; run++) {
            Path dir = Files.createDirectories(work.resolve("run-" + run));
            for (int i = 0; i < files; i++) {
                Files.writeString(dir.resolve("app-" + i + ".log"), "2026-03-14T08:00:00Z INFO worker " + i + " started\n");
            }
            CountDownLatch read = new CountDownLatch(files);
            IngestOptions options = IngestOptions.DEFAULTS.withOpenFiles(IngestOptions.DEFAULTS.maxOpenFiles(), closeInactive);
            try (Tailing tailing = new Tailing(new SourcePaths(List.of(dir.toString())), CheckpointSource.NONE, options,
                    r -> read.countDown(), (source, error) -> { })) {
                tailing.start();
                if (!read.await(10, TimeUnit.MINUTES)) {
                    throw new IllegalStateException("the files were not read within 10 minutes");
                }
                open[run] = cpuPercent(seconds);
                // every file idle past the inactive time, and a rescan after it: all parked
                TimeUnit.MILLISECONDS.sleep(closeInactive.toMillis() + 11_000);
                parked[run] = cpuPercent(seconds);
            }
        }
        return new Result(files, seconds, runs, median(open), median(parked));
    }

    /** The process's CPU time over a wall-clock window, as a percentage of one core. */
    private static double cpuPercent(int seconds) throws InterruptedException {
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu = os.getProcessCpuTime();
        long wall = System.nanoTime();
        TimeUnit.SECONDS.sleep(seconds);
        return 100.0 * (os.getProcessCpuTime() - cpu) / (System.nanoTime() - wall);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
