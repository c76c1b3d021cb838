package dev.vigie.sim;

import dev.vigie.event.MetricSample;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Metric series recorded as CSV, read as a stream of samples in file order: NAB's
 * {@code timestamp,value} (the series is named after the file) or a wide
 * {@code timestamp,series1,series2,…} (a column named {@code service/metric} says both, and
 * {@code service/metric{quantile=0.95,instance=db-2}} adds labels). Times
 * are ISO 8601 (without a zone: UTC), NAB's {@code 2014-07-01 00:00:00}, or epoch seconds or
 * milliseconds. Rows or cells that cannot be read are counted, never fatal; empty cells are gaps.
 */
public final class MetricCsv {
    private static final DateTimeFormatter SPACED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss[.SSSSSS][.SSS]", Locale.ROOT);

    /** What a read saw: rows, samples given, rows or cells rejected (with the first reason), empty cells. */
    public record Counts(long rows, long samples, long rejected, long empty, String firstProblem) {
    }

    private record Column(String service, String metric, Map<String, String> labels) {
    }

    private MetricCsv() {
    }

    public static List<MetricSample> readAll(Path file) throws IOException {
        List<MetricSample> out = new ArrayList<>();
        read(file, out::add);
        return out;
    }

    public static Counts read(Path file, Consumer<MetricSample> out) throws IOException {
        String stem = file.getFileName().toString().replaceFirst("\\.[^.]*$", "");
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = in.readLine();
            if (header == null) {
                throw new IllegalArgumentException(file + " is empty: a header row such as timestamp,value is needed");
            }
            // a comma inside a column's {labels} does not end the column
            String[] columns = header.strip().split(",(?![^{]*})", -1);
            if (columns.length < 2) {
                throw new IllegalArgumentException(file + ": the header needs a time column and at least one series: " + header);
            }
            Column[] series = new Column[columns.length];
            for (int c = 1; c < columns.length; c++) {
                series[c] = columnOf(columns[c].strip(), stem, columns.length == 2);
            }
            long rows = 0;
            long samples = 0;
            long rejected = 0;
            long empty = 0;
            String problem = null;
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                rows++;
                String[] cells = line.split(",", -1);
                Instant time = time(cells[0].strip());
                if (time == null || cells.length != columns.length) {
                    rejected++;
                    problem = problem != null ? problem : "row " + rows + (time == null ? ": no time in '" + cells[0] + "'"
                            : ": " + cells.length + " cells for " + columns.length + " columns");
                    continue;
                }
                for (int c = 1; c < cells.length; c++) {
                    String cell = cells[c].strip();
                    if (cell.isEmpty()) {
                        empty++;
                        continue;
                    }
                    double v;
                    try {
                        v = Double.parseDouble(cell);
                    } catch (NumberFormatException e) {
                        v = Double.NaN;
                    }
                    if (!Double.isFinite(v)) {
                        rejected++;
                        problem = problem != null ? problem : "row " + rows + ": '" + cell + "' is not a number";
                        continue;
                    }
                    out.accept(new MetricSample(time, series[c].service(), series[c].metric(), v, series[c].labels()));
                    samples++;
                }
            }
            return new Counts(rows, samples, rejected, empty, problem);
        }
    }

    /** Service and metric of a column: {@code api/cpu_usage}; else the file names the service. */
    /** A column's series: {@code service/metric}, optionally with labels {@code {k=v,k2="v2"}}; else named after the file. */
    private static Column columnOf(String column, String stem, boolean single) {
        Map<String, String> labels = new TreeMap<>();
        int brace = column.indexOf('{');
        if (brace > 0 && column.endsWith("}")) {
            for (String pair : column.substring(brace + 1, column.length() - 1).split(",")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    labels.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip().replace("\"", ""));
                }
            }
            column = column.substring(0, brace);
        }
        int slash = column.indexOf('/');
        if (slash > 0 && slash < column.length() - 1) {
            return new Column(column.substring(0, slash), column.substring(slash + 1), labels);
        }
        return new Column(stem, single && column.equalsIgnoreCase("value") ? "value" : column, labels);
    }

    /** The instant a time cell names, or null. */
    public static Instant time(String s) {
        if (s.isEmpty()) {
            return null;
        }
        if (s.chars().allMatch(c -> c >= '0' && c <= '9' || c == '.')) {
            try {
                double epoch = Double.parseDouble(s);
                // 13 digits and more are milliseconds; 10 are seconds
                return epoch >= 1e11 ? Instant.ofEpochMilli((long) epoch) : Instant.ofEpochMilli(Math.round(epoch * 1000));
            } catch (NumberFormatException e) {
                return null;
            }
        }
        try {
            // chosen by shape: a parse that fails throws, and NAB's files would throw twice per row
            if (s.length() > 10 && s.charAt(10) == ' ') {
                return LocalDateTime.parse(s, SPACED).toInstant(java.time.ZoneOffset.UTC);
            }
            boolean zoned = s.endsWith("Z") || s.lastIndexOf('+') > 10 || s.lastIndexOf('-') > 10;
            return zoned ? OffsetDateTime.parse(s).toInstant() : LocalDateTime.parse(s).toInstant(java.time.ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
