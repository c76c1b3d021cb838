package dev.vigie.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import dev.vigie.template.TemplateMiner;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The miner on the 8 labelled Loghub systems, one configuration for all, against the floors of
 * issue 4: average grouping accuracy ≥ 0.92 and parsing accuracy ≥ 0.70 (as defined in the
 * samples' README and computed by {@code ../shared/tools/loghub_score.py}).
 */
class LoghubAccuracyTest {
    static final Path LOGHUB = Path.of("..", "shared", "bench", "loghub");
    static final List<String> SYSTEMS = List.of("HDFS", "Hadoop", "Spark", "BGL", "Apache", "OpenSSH", "Linux", "HealthApp");

    record Score(double ga, double pa) {
    }

    /** The miner's two numeric defaults, and the values around them that leave-one-out chooses among. */
    static final double[] SIMILARITIES = {0.4, 0.5, 0.6, 0.7};
    static final int[] VARIANTS = {2, 3, 4, 5};

    @Test
    void everySystemIsAboveItsFloorInSampleAndLeftOut() throws Exception {
        Assumptions.assumeTrue(Files.isRegularFile(LOGHUB.resolve("formats.json")),
                "the Loghub samples are not at " + LOGHUB.toAbsolutePath() + ": skipped (they are in CI)");
        JsonNode formats = new ObjectMapper().readTree(LOGHUB.resolve("formats.json").toFile());
        // every setting of the grid on every system: [similarity][variants] → system → score
        Map<String, Map<String, Score>> grid = new LinkedHashMap<>();
        for (double similarity : SIMILARITIES) {
            for (int variants : VARIANTS) {
                Map<String, Score> scores = new LinkedHashMap<>();
                for (String system : SYSTEMS) {
                    scores.put(system, run(formats, system, new TemplateMiner(similarity, variants)));
                }
                grid.put(similarity + "/" + variants, scores);
            }
        }
        Map<String, Score> defaults = new LinkedHashMap<>();
        for (String system : SYSTEMS) {
            defaults.put(system, run(formats, system, new TemplateMiner()));
        }
        // leave one system out: the setting best on the other seven scores the eighth
        Map<String, Score> leftOut = new LinkedHashMap<>();
        Map<String, String> chosen = new LinkedHashMap<>();
        for (String out : SYSTEMS) {
            String best = choose(grid, out);
            chosen.put(out, best);
            leftOut.put(out, grid.get(best).get(out));
        }
        StringBuilder table = new StringBuilder("| system | GA | PA | left out: setting, GA, PA |\n| --- | --- | --- | --- |\n");
        for (String system : SYSTEMS) {
            Score d = defaults.get(system);
            Score l = leftOut.get(system);
            table.append(String.format(java.util.Locale.ROOT, "| %s | %.4f | %.4f | %s, %.4f, %.4f |%n", system, d.ga(), d.pa(),
                    chosen.get(system), l.ga(), l.pa()));
        }
        table.append(String.format(java.util.Locale.ROOT, "| average | %.4f | %.4f | %.4f, %.4f |%n", average(defaults, Score::ga),
                average(defaults, Score::pa), average(leftOut, Score::ga), average(leftOut, Score::pa)));
        table.append("\nsetting (similarity/variants) → average GA, PA:");
        grid.forEach((setting, scores) -> table.append(String.format(java.util.Locale.ROOT, " %s → %.4f, %.4f;", setting,
                average(scores, Score::ga), average(scores, Score::pa))));
        System.out.println(table);

        assertThat(choose(grid, null)).as("the defaults are what the same choice makes on all eight").isEqualTo("0.5/4");
        assertThat(average(defaults, Score::ga)).as(table.toString()).isGreaterThanOrEqualTo(0.92);
        assertThat(average(defaults, Score::pa)).as(table.toString()).isGreaterThanOrEqualTo(0.70);
        assertThat(average(leftOut, Score::ga)).as(table.toString()).isGreaterThanOrEqualTo(0.92);
        for (String system : SYSTEMS) {
            // Linux's ground truth splits "authentication failure; ... user=<*>" into three groups by user
            // name under one template; a miner that makes them one loses those 600 lines whatever it does
            double floor = system.equals("Linux") ? 0.65 : 0.85;
            assertThat(defaults.get(system).ga()).as(table.toString()).isGreaterThanOrEqualTo(floor);
            assertThat(leftOut.get(system).ga()).as(table.toString()).isGreaterThanOrEqualTo(floor);
        }
    }

    /**
     * The setting with the best average GA on every system but {@code out} (null: on all). A gain
     * under {@link #TIE} (a line or two in 2,000) is no reason to move: among the settings that close,
     * the one nearest the previous defaults (similarity 0.5, 3 variants) is kept.
     */
    static String choose(Map<String, Map<String, Score>> grid, String out) {
        Map<String, Double> ga = new LinkedHashMap<>();
        grid.forEach((setting, scores) -> ga.put(setting, scores.entrySet().stream().filter(e -> !e.getKey().equals(out))
                .mapToDouble(e -> e.getValue().ga()).average().orElseThrow()));
        double best = ga.values().stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        return ga.entrySet().stream().filter(e -> e.getValue() >= best - TIE).map(Map.Entry::getKey)
                .min(java.util.Comparator.comparingDouble(LoghubAccuracyTest::fromPrevious)).orElseThrow();
    }

    static final double TIE = 0.001;

    private static double fromPrevious(String setting) {
        String[] parts = setting.split("/");
        return Math.abs(Double.parseDouble(parts[0]) - 0.5) * 10 + Math.abs(Integer.parseInt(parts[1]) - 3);
    }

    private static Score run(JsonNode formats, String system, TemplateMiner miner) throws Exception {
        Path log = LOGHUB.resolve(system).resolve(system + "_2k.log");
        java.io.ByteArrayOutputStream csv = new java.io.ByteArrayOutputStream();
        LineTemplates.of(log, formats.get(system).get("log_format").asText(), miner).writeCsv(csv);
        return score(readCsv(LOGHUB.resolve(system).resolve(system + "_2k.log_structured_corrected.csv")),
                readCsv(csv.toString(StandardCharsets.UTF_8)));
    }

    private static double average(Map<String, Score> scores, java.util.function.ToDoubleFunction<Score> f) {
        return scores.values().stream().mapToDouble(f).average().orElseThrow();
    }

    /** GA and PA as the Loghub README defines them; rows are LineId → [EventId, EventTemplate]. */
    static Score score(Map<Integer, String[]> truth, Map<Integer, String[]> predicted) {
        Map<String, Integer> truthSizes = new HashMap<>();
        truth.values().forEach(r -> truthSizes.merge(r[0], 1, Integer::sum));
        Map<String, List<Integer>> groups = new HashMap<>();
        int parsed = 0;
        for (var e : truth.entrySet()) {
            String[] p = predicted.get(e.getKey());
            groups.computeIfAbsent(p == null ? "missing:" + e.getKey() : p[0], k -> new ArrayList<>()).add(e.getKey());
            if (p != null && normal(p[1]).equals(normal(e.getValue()[1]))) {
                parsed++;
            }
        }
        int grouped = 0;
        for (List<Integer> lines : groups.values()) {
            Set<String> ids = new HashSet<>();
            lines.forEach(l -> ids.add(truth.get(l)[0]));
            if (ids.size() == 1 && truthSizes.get(ids.iterator().next()) == lines.size()) {
                grouped += lines.size();
            }
        }
        return new Score((double) grouped / truth.size(), (double) parsed / truth.size());
    }

    static String normal(String template) {
        return String.join(" ", template.strip().split("\\s+"));
    }

    static Map<Integer, String[]> readCsv(Path file) throws Exception {
        return readCsv(Files.readString(file, StandardCharsets.UTF_8));
    }

    /** LineId, EventId and EventTemplate by header name, RFC 4180 quoting. */
    static Map<Integer, String[]> readCsv(String text) {
        List<List<String>> rows = CsvRows.parse(text);
        List<String> header = rows.get(0);
        int line = header.indexOf("LineId");
        int id = header.indexOf("EventId");
        int template = header.indexOf("EventTemplate");
        Map<Integer, String[]> out = new LinkedHashMap<>();
        for (List<String> row : rows.subList(1, rows.size())) {
            if (row.size() > template && !row.get(id).isBlank()) {
                out.put(Integer.parseInt(row.get(line).strip()), new String[] {row.get(id), row.get(template)});
            }
        }
        return out;
    }

    static final class CsvRows {
        static List<List<String>> parse(String text) {
            List<List<String>> rows = new ArrayList<>();
            List<String> row = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (quoted) {
                    if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else if (c == '"') {
                        quoted = false;
                    } else {
                        field.append(c);
                    }
                } else if (c == '"') {
                    quoted = true;
                } else if (c == ',') {
                    row.add(field.toString());
                    field.setLength(0);
                } else if (c == '\n') {
                    row.add(field.toString());
                    field.setLength(0);
                    rows.add(row);
                    row = new ArrayList<>();
                } else if (c != '\r') {
                    field.append(c);
                }
            }
            if (field.length() > 0 || !row.isEmpty()) {
                row.add(field.toString());
                rows.add(row);
            }
            return rows;
        }
    }
}
