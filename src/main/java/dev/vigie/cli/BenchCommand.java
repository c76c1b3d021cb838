package dev.vigie.cli;

import dev.vigie.bench.IdleBenchmark;
import dev.vigie.bench.IngestBenchmark;
import dev.vigie.bench.LatencyBenchmark;
import dev.vigie.bench.MemoryBenchmark;
import dev.vigie.bench.RedetectBenchmark;
import dev.vigie.bench.ScoreBenchmark;
import dev.vigie.bench.TemplateBenchmark;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "bench", mixinStandardHelpOptions = true, description = "Benchmarks, reproducible: a seeded corpus, medians of several runs.",
        subcommands = {BenchCommand.Ingest.class, BenchCommand.Templates.class, BenchCommand.Redetect.class, BenchCommand.Score.class,
            BenchCommand.Idle.class, BenchCommand.Latency.class, BenchCommand.MemoryBench.class})
public final class BenchCommand {

    @Command(name = "memory", mixinStandardHelpOptions = true,
            description = "The memory with many incidents: hybrid search, the query's embedding, offline chat answers, indexing.")
    static final class MemoryBench implements Callable<Integer> {
        @Option(names = "--incidents", defaultValue = "100000", description = "Incidents stored (default: ${DEFAULT-VALUE})")
        int incidents;

        @Option(names = "--queries", defaultValue = "200", description = "Searches and questions timed (default: ${DEFAULT-VALUE})")
        int queries;

        @Option(names = "--indexed", defaultValue = "300", description = "New incidents learned with the real model (default: ${DEFAULT-VALUE})")
        int indexed;

        @Mixin
        Output output;

        @Override
        public Integer call() throws Exception {
            try (Scratch scratch = new Scratch("vigie-bench")) {
                MemoryBenchmark.Result r = MemoryBenchmark.run(scratch.dir, incidents, queries, indexed);
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("search_p99_ms", Math.round(r.searchP99Ms() * 10) / 10.0);
                out.put("embed_p99_ms", Math.round(r.embedP99Ms() * 10) / 10.0);
                out.put("answer_p99_ms", Math.round(r.answerP99Ms() * 10) / 10.0);
                out.put("index_per_s", Math.round(r.indexPerSecond() * 10) / 10.0);
                out.put("search_p50_ms", Math.round(r.searchP50Ms() * 10) / 10.0);
                out.put("first_search_p99_ms", Math.round(r.firstSearchP99Ms() * 10) / 10.0);
                out.put("embed_p50_ms", Math.round(r.embedP50Ms() * 10) / 10.0);
                out.put("answer_p50_ms", Math.round(r.answerP50Ms() * 10) / 10.0);
                out.put("incidents", r.incidents());
                out.put("fill_s", Math.round(r.fillSeconds()));
                output.print(out, String.format(Locale.ROOT, "%d incidents remembered (filled in %.0f s), %d queries:%n"
                                + "  hybrid search   p50 %.1f ms, p99 %.1f ms (the query's embedding apart; the first %d after opening: p99 %.1f ms)%n"
                                + "  query embedding p50 %.1f ms, p99 %.1f ms%n"
                                + "  offline answer  p50 %.1f ms, p99 %.1f ms, all included%n"
                                + "  indexing        %.1f incidents/s with the real model (%d incidents)",
                        r.incidents(), r.fillSeconds(), r.queries(), r.searchP50Ms(), r.searchP99Ms(), r.queries(), r.firstSearchP99Ms(), r.embedP50Ms(), r.embedP99Ms(),
                        r.answerP50Ms(), r.answerP99Ms(), r.indexPerSecond(), r.indexed()));
            }
            return 0;
        }
    }

    @Command(name = "latency", mixinStandardHelpOptions = true,
            description = "Milliseconds from a decisive line appended to a followed file to its anomaly stored, in one process.")
    static final class Latency implements Callable<Integer> {
        @Option(names = "--lines", defaultValue = "100", description = "Lines appended, one at a time (default: ${DEFAULT-VALUE})")
        int lines;

        @Mixin
        Output output;

        @Override
        public Integer call() throws Exception {
            try (Scratch scratch = new Scratch("vigie-bench")) {
                Path work = scratch.dir;
                LatencyBenchmark.Result r = LatencyBenchmark.run(lines, work);
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("append_to_anomaly_p50_ms", Math.round(r.p50Ms() * 10) / 10.0);
                out.put("append_to_anomaly_p99_ms", Math.round(r.p99Ms() * 10) / 10.0);
                out.put("append_to_anomaly_max_ms", Math.round(r.maxMs() * 10) / 10.0);
                out.put("lines", r.lines());
                output.print(out, String.format(Locale.ROOT, "%d decisive lines appended one at a time, to their anomaly stored:%n"
                        + "  p50 %.1f ms, p99 %.1f ms, max %.1f ms", r.lines(), r.p50Ms(), r.p99Ms(), r.maxMs()));
            }
            return 0;
        }
    }

    @Command(name = "idle", mixinStandardHelpOptions = true,
            description = "The share of a core spent following many files that do not grow, before and after they are parked.")
    static final class Idle implements Callable<Integer> {
        @Option(names = "--files", defaultValue = "5000", description = "Files followed (default: ${DEFAULT-VALUE})")
        int files;

        @Option(names = "--seconds", defaultValue = "30", description = "Length of each measured window (default: ${DEFAULT-VALUE})")
        int seconds;

        @Option(names = "--close-inactive-seconds", defaultValue = "10",
                description = "Idle time before a file is parked, shortened to keep the run short (default: ${DEFAULT-VALUE})")
        int closeInactive;

        @Option(names = "--runs", defaultValue = "3", description = "Runs; medians are reported (default: ${DEFAULT-VALUE})")
        int runs;

        @Mixin
        Output output;

        @Override
        public Integer call() throws Exception {
            try (Scratch scratch = new Scratch("vigie-bench")) {
                Path work = scratch.dir;
                IdleBenchmark.Result r = IdleBenchmark.run(files, seconds, runs, java.time.Duration.ofSeconds(closeInactive), work);
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("files", r.files());
                out.put("core_percent_just_read", Math.round(r.openPercent() * 100) / 100.0);
                out.put("core_percent_parked", Math.round(r.parkedPercent() * 100) / 100.0);
                out.put("seconds", r.seconds());
                out.put("runs", r.runs());
                output.print(out, String.format(Locale.ROOT, "%,d idle files followed, median of %d runs of %d s:%n"
                                + "  just read (newest open):  %.2f%% of a core%n  all parked:               %.2f%% of a core",
                        r.files(), r.runs(), r.seconds(), r.openPercent(), r.parkedPercent()));
            }
            return 0;
        }
    }

    @Command(name = "ingest", mixinStandardHelpOptions = true,
            description = "Lines/s for parsing alone and for tail+parse+persist into SQLite, and the peak heap.")
    static final class Ingest implements Callable<Integer> {
        @Option(names = "--lines", defaultValue = "1000000", description = "Lines in the corpus (default: ${DEFAULT-VALUE})")
        long lines;

        @Option(names = "--runs", defaultValue = "3", description = "Runs; medians are reported (default: ${DEFAULT-VALUE})")
        int runs;

        @Mixin
        Output output;

        @Override
        public Integer call() throws Exception {
            try (Scratch scratch = new Scratch("vigie-bench")) {
                Path work = scratch.dir;
                IngestBenchmark.Result r = IngestBenchmark.run(lines, runs, work);
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("parse_lines_per_s", Math.round(r.parseLinesPerS()));
                out.put("parse_lines_per_cpu_s", Math.round(r.parseLinesPerCpuS()));
                out.put("ingest_lines_per_s", Math.round(r.ingestLinesPerS()));
                out.put("index_events_per_s", Math.round(r.indexEventsPerS()));
                out.put("peak_heap_mb", r.peakHeapMb());
                out.put("lines", r.lines());
                out.put("corpus_bytes", r.corpusBytes());
                out.put("runs", r.runs());
                output.print(out, String.format(Locale.ROOT, "%d lines (%.1f MB), median of %d runs:%n  parse only:            %,.0f lines/s (%,.0f per CPU second)%n"
                                + "  tail+parse+persist:    %,.0f lines/s%n  search index:          %,.0f events/s (beside ingestion)%n"
                                + "  peak heap:             %d MB",
                        r.lines(), r.corpusBytes() / 1e6, r.runs(), r.parseLinesPerS(), r.parseLinesPerCpuS(), r.ingestLinesPerS(),
                        r.indexEventsPerS(), r.peakHeapMb()));
            }
            return 0;
        }
    }

    @Command(name = "templates", mixinStandardHelpOptions = true,
            description = "Lines/s through the template miner on one thread, over a corpus assembled from the Loghub samples.")
    static final class Templates implements Callable<Integer> {
        @Option(names = "--lines", defaultValue = "1000000", description = "Lines in the corpus (default: ${DEFAULT-VALUE})")
        int lines;

        @Option(names = "--runs", defaultValue = "5", description = "Runs; the median is reported (default: ${DEFAULT-VALUE})")
        int runs;

        @Option(names = "--loghub", defaultValue = "../shared/bench/loghub",
                description = "The Loghub samples and their formats.json (default: ${DEFAULT-VALUE})")
        Path loghub;

        @Mixin
        Output output;

        @Override
        public Integer call() throws Exception {
            TemplateBenchmark.Result r = TemplateBenchmark.run(loghub, lines, runs, 42);
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("lines_per_s", Math.round(r.linesPerS()));
            out.put("lines_per_cpu_s", Math.round(r.linesPerCpuS()));
            out.put("templates", r.templates());
            out.put("miner_heap_kb", r.minerHeapKb());
            out.put("lines", r.lines());
            out.put("runs", r.runs());
            output.print(out, String.format(Locale.ROOT, "%d lines, median of %d runs: %,.0f lines/s (%,.0f per CPU second); %d templates, %d KB held by the miner",
                    r.lines(), r.runs(), r.linesPerS(), r.linesPerCpuS(), r.templates(), r.minerHeapKb()));
            return 0;
        }
    }

    @Command(name = "redetect", mixinStandardHelpOptions = true,
            description = "Milliseconds to re-run metric detection over a buffered history, as the simulation sliders do.")
    static final class Redetect implements Callable<Integer> {
        @Option(names = "--series", defaultValue = "10", description = "Series (default: ${DEFAULT-VALUE})")
        int series;

        @Option(names = "--points", defaultValue = "10000", description = "Points per series (default: ${DEFAULT-VALUE})")
        int points;

        @Option(names = "--runs", defaultValue = "21", description = "Runs; the median is reported (default: ${DEFAULT-VALUE})")
        int runs;

        @Mixin
        Output output;

        @Override
        public Integer call() {
            RedetectBenchmark.Result r = RedetectBenchmark.run(series, points, runs);
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("median_ms", Math.round(r.medianMs() * 100) / 100.0);
            out.put("series", r.series());
            out.put("points", r.points());
            out.put("runs", r.runs());
            out.put("anomalies", r.anomalies());
            output.print(out, String.format(Locale.ROOT, "%d series × %d points, median of %d runs: %.1f ms (%d anomalies)",
                    r.series(), r.points(), r.runs(), r.medianMs(), r.anomalies()));
            return 0;
        }
    }

    @Command(name = "score", mixinStandardHelpOptions = true,
            description = "Points per second through every metric check of the anomaly score, on one thread.")
    static final class Score implements Callable<Integer> {
        @Option(names = "--series", defaultValue = "10", description = "Series (default: ${DEFAULT-VALUE})")
        int series;

        @Option(names = "--points", defaultValue = "500000", description = "Points per series (default: ${DEFAULT-VALUE})")
        int points;

        @Option(names = "--runs", defaultValue = "7", description = "Runs; the median is reported (default: ${DEFAULT-VALUE})")
        int runs;

        @Mixin
        Output output;

        @Override
        public Integer call() {
            ScoreBenchmark.Result r = ScoreBenchmark.run(series, points, runs);
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("points_per_s", Math.round(r.medianPointsPerSecond()));
            out.put("series", r.series());
            out.put("points", r.points());
            out.put("runs", r.runs());
            out.put("threads", 1);
            output.print(out, String.format(Locale.ROOT, "%d series × %d points, one thread, median of %d runs: %,.0f points/s",
                    r.series(), r.points(), r.runs(), r.medianPointsPerSecond()));
            return 0;
        }
    }
}
