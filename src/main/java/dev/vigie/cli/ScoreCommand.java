package dev.vigie.cli;

import dev.vigie.bench.ReportedScores;
import dev.vigie.config.DetectorSettings;
import dev.vigie.sim.MetricCsv;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "score", mixinStandardHelpOptions = true,
        description = "Score a series in NAB's format (timestamp,value), streaming and causal, with the default "
                + "detector settings: writes timestamp,value,anomaly_score.")
public final class ScoreCommand implements Callable<Integer> {
    @Parameters(paramLabel = "SERIES.csv", description = "timestamp,value with a header row")
    Path series;

    @Option(names = "--out", description = "CSV to write (default: standard output)")
    Path out;

    @Override
    public Integer call() throws Exception {
        ReportedScores scores = new ReportedScores(DetectorSettings.DEFAULTS);
        long rows = 0;
        long unusable = 0;
        String firstProblem = null;
        if (out != null && out.getParent() != null) {
            Files.createDirectories(out.getParent());
        }
        try (BufferedReader in = Files.newBufferedReader(series, StandardCharsets.UTF_8);
             Writer w = out == null ? new BufferedWriter(new OutputStreamWriter(unclosed(System.out), StandardCharsets.UTF_8))
                     : Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            if (in.readLine() == null) {
                System.err.println(series + " is empty");
                return 1;
            }
            w.write("timestamp,value,anomaly_score\n");
            String line;
            while ((line = in.readLine()) != null) {
                rows++;
                int comma = line.indexOf(',');
                String time = comma < 0 ? line.strip() : line.substring(0, comma).strip();
                String cell = comma < 0 ? "" : line.substring(comma + 1).strip();
                Instant t = MetricCsv.time(time);
                double value = parse(cell);
                double score = 0;
                // a row without a time or a number is kept in the output with score 0 and counted
                if (t == null || Double.isNaN(value)) {
                    unusable++;
                    if (firstProblem == null) {
                        firstProblem = "row " + (rows + 1) + ": " + (t == null ? "no time in '" + time + "'" : "no number in '" + cell + "'");
                    }
                } else {
                    score = scores.next(t.getEpochSecond(), value);
                }
                w.write(time);
                w.write(',');
                w.write(cell);
                w.write(',');
                w.write(String.format(Locale.ROOT, "%.6f", score));
                w.write('\n');
            }
        }
        if (unusable > 0) {
            System.err.printf(Locale.ROOT, "%d of %d rows could not be scored (first: %s)%n", unusable, rows, firstProblem);
        }
        return 0;
    }

    /** Standard output flushed, never closed, when the writer is. */
    private static OutputStream unclosed(OutputStream s) {
        return new FilterOutputStream(s) {
            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }

    private static double parse(String cell) {
        try {
            double v = Double.parseDouble(cell);
            return Double.isFinite(v) ? v : Double.NaN;
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
