package dev.vigie.cli;

import dev.vigie.config.DetectorSettings;
import dev.vigie.detect.Detector;
import dev.vigie.event.Anomaly;
import dev.vigie.event.MetricSample;
import dev.vigie.event.Plural;
import dev.vigie.pipeline.client.Counts;
import dev.vigie.sim.MetricCsv;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "metrics", mixinStandardHelpOptions = true,
        description = "Replay recorded metric series (CSV: NAB's timestamp,value or timestamp,series1,series2,…) through the metric checks and list the anomalies.")
public final class MetricsCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE.csv", arity = "1..*", description = "Recorded series")
    List<Path> files;

    @Option(names = "--z", description = "Rolling z-score threshold (default: ${DEFAULT-VALUE})")
    double z = DetectorSettings.DEFAULTS.zThreshold();

    @Option(names = "--window", description = "Points in the rolling window (default: ${DEFAULT-VALUE})")
    int window = DetectorSettings.DEFAULTS.window();

    @Option(names = "--no-thresholds", description = "Leave out the static thresholds")
    boolean noThresholds;

    @Option(names = "--json", description = "Print one JSON object and nothing else")
    boolean json;

    /** One anomaly as printed. */
    record Row(String series, String check, String start, String end, String severity, double score, String text) {
    }

    @Override
    public Integer call() throws Exception {
        List<MetricSample> samples = new ArrayList<>();
        long rejected = 0;
        List<String> problems = new ArrayList<>();
        for (Path f : files) {
            MetricCsv.Counts c = MetricCsv.read(f, samples::add);
            rejected += c.rejected();
            if (c.firstProblem() != null) {
                problems.add(f + ": " + c.rejected() + " rejected, first at " + c.firstProblem());
            }
        }
        samples.sort(Comparator.comparing(MetricSample::time)); // several files: one stream in event time
        DetectorSettings settings = DetectorSettings.DEFAULTS.toBuilder().zThreshold(z).window(window).thresholds(!noThresholds).build();
        List<Anomaly> found = Detector.detectMetrics(settings, samples);
        List<Row> rows = found.stream().map(a -> new Row(a.series(), a.check(), a.start().toString(), a.end().toString(),
                a.severity().name(), Math.round(a.score() * 1000) / 1000.0, a.text())).toList();
        if (json) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("samples", samples.size());
            out.put("rejected", rejected);
            out.put("anomalies", rows);
            System.out.println(Json.write(out));
        } else {
            rows.forEach(r -> System.out.printf("%s  %-28s %-16s %-8s %s%n", r.start(), r.series(), r.check(), r.severity(), r.text()));
            System.out.printf("%s, %d rejected, %s%n", Plural.of(samples.size(), "sample"), rejected, Plural.of(rows.size(), "anomaly"));
        }
        problems.forEach(System.err::println);
        return 0;
    }
}
