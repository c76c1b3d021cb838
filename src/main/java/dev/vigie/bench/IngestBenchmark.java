package dev.vigie.bench;

import dev.vigie.bench.BenchCorpus;
import dev.vigie.config.IngestOptions;
import dev.vigie.event.LogEvent;
import dev.vigie.ingest.Checkpoint;
import dev.vigie.ingest.RawRecord;
import dev.vigie.ingest.RecordStream;
import dev.vigie.ingest.SourcePaths;
import dev.vigie.parse.LogParser;
import dev.vigie.store.SourceProgress;
import dev.vigie.store.Store;
import dev.vigie.store.StoreBatch;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.apache.commons.math3.stat.descriptive.rank.Median;

/**
 * {@code vigie bench ingest}: lines per second for parsing alone (one thread, records in memory),
 * for tail + parse + persist (files to SQLite, events and checkpoints committed together, a reader
 * thread and a writer thread as in the live runtime), and for the search index catching up; each
 * the median of several runs; and the peak heap.
 */
public final class IngestBenchmark {
    static final int PARSE_SAMPLE = 200_000;
    static final int COMMIT_EVERY = 10_000;
    private static final java.lang.management.ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    /** Medians over {@code runs}. */
    /**
     * @param parseLinesPerCpuS parse throughput per second of the parsing thread's CPU time: on a
     *                          shared VM, wall-clock rates also measure the neighbours (steal time)
     */
    public record Result(long lines, long corpusBytes, int runs, double parseLinesPerS, double parseLinesPerCpuS,
                         double ingestLinesPerS, double indexEventsPerS, long peakHeapMb) {
    }

    private IngestBenchmark() {
    }

    public static Result run(long lines, int runs, Path workDir) throws IOException {
        resetPeaks();
        Path corpus = workDir.resolve("corpus");
        long written = BenchCorpus.write(corpus, lines, 42);
        long bytes;
        try (var files = Files.list(corpus)) {
            bytes = files.mapToLong(p -> p.toFile().length()).sum();
        }
        List<RawRecord> sample = sample(corpus);
        double[] parse = new double[runs];
        double[] parseCpu = new double[runs];
        double[] ingest = new double[runs];
        double[] index = new double[runs];
        for (int i = 0; i < runs; i++) {
            double[] p = parse(sample, written);
            parse[i] = p[0];
            parseCpu[i] = p[1];
            Path data = workDir.resolve("data-" + i);
            ingest[i] = ingest(corpus, data);
            index[i] = index(data);
        }
        return new Result(written, bytes, runs, median(parse), median(parseCpu), median(ingest), median(index), peakHeapMb());
    }

    /** Parses the sample over and over until as many lines as the corpus holds have been parsed: lines per wall second and per CPU second. */
    private static double[] parse(List<RawRecord> sample, long lines) {
        LogParser parser = new LogParser(Clock.systemUTC());
        long blackhole = 0;
        for (RawRecord r : sample) { // warm-up, and the sources' formats are sniffed
            blackhole += parser.parse(r).message().length();
        }
        long done = 0;
        long start = System.nanoTime();
        long cpuStart = CPU.getCurrentThreadCpuTime();
        while (done < lines) {
            for (RawRecord r : sample) {
                LogEvent e = parser.parse(r);
                blackhole += e == null ? 0 : e.message().length();
                done += r.lines();
                if (done >= lines) {
                    break;
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (CPU.getCurrentThreadCpuTime() - cpuStart) / 1e9;
        if (blackhole == 42) {
            System.err.print(""); // keeps the JIT from dropping the work
        }
        return new double[] {done / seconds, done / cpuSeconds};
    }

    /**
     * As the live runtime does it: this thread reads and parses, a writer thread commits batches
     * (events with the checkpoints of the sources they came from), through a small bounded queue.
     */
    private static double ingest(Path corpus, Path dataDir) throws IOException {
        long start = System.nanoTime();
        long lines = 0;
        try (Store store = new Store(dataDir.resolve("vigie.db"), Clock.systemUTC())) {
            BlockingQueue<StoreBatch> toWriter = new ArrayBlockingQueue<>(4);
            StoreBatch end = new StoreBatch();
            Thread writer = new Thread(() -> {
                try {
                    for (StoreBatch b = toWriter.take(); b != end; b = toWriter.take()) {
                        store.write(b);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "bench-store");
            writer.start();
            LogParser parser = new LogParser(Clock.systemUTC());
            StoreBatch batch = new StoreBatch();
            int pending = 0;
            try {
                for (RecordStream s : RecordStream.open(new SourcePaths(List.of(corpus.toString())), store,
                        IngestOptions.DEFAULTS, (p, e) -> { })) {
                    try (s) {
                        RawRecord r;
                        while ((r = s.next()) != null) {
                            LogEvent e = parser.parse(r);
                            if (e != null) {
                                batch.event(e);
                            }
                            batch.checkpoint(new Checkpoint(r.fileKey(), r.fingerprint(), r.source(), r.endOffset()));
                            batch.progress(r.source(), new SourceProgress(r.lines(), e == null ? 0 : 1, 0, 0, 0, 0));
                            lines += r.lines();
                            if (++pending == COMMIT_EVERY) {
                                toWriter.put(batch);
                                batch = new StoreBatch();
                                pending = 0;
                            }
                        }
                    }
                }
                toWriter.put(batch);
                toWriter.put(end);
                writer.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
        }
        return lines / ((System.nanoTime() - start) / 1e9);
    }

    /** The search index catching up with everything stored: events/s (it runs beside ingestion, on its own thread). */
    private static double index(Path dataDir) throws IOException {
        try (Store store = new Store(dataDir.resolve("vigie.db"), Clock.systemUTC())) {
            long events = store.count("log_events");
            long start = System.nanoTime();
            store.indexAll();
            return events / ((System.nanoTime() - start) / 1e9);
        }
    }

    private static List<RawRecord> sample(Path corpus) throws IOException {
        List<RawRecord> out = new ArrayList<>();
        List<RecordStream> streams = RecordStream.open(new SourcePaths(List.of(corpus.toString())),
                dev.vigie.ingest.CheckpointSource.NONE, IngestOptions.DEFAULTS, (p, e) -> { });
        // round-robin over the files, so the sample is mixed as the corpus is
        boolean any = true;
        while (any && out.size() < PARSE_SAMPLE) {
            any = false;
            for (RecordStream s : streams) {
                for (int k = 0; k < 50 && out.size() < PARSE_SAMPLE; k++) {
                    RawRecord r = s.next();
                    if (r == null) {
                        break;
                    }
                    out.add(r);
                    any = true;
                }
            }
        }
        for (RecordStream s : streams) {
            s.close();
        }
        return out;
    }

    private static double median(double[] values) {
        return new Median().evaluate(values);
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
    }

    private static long peakHeapMb() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak / (1024 * 1024);
    }
}
