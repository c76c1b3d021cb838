package dev.vigie.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringWriter;
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

    @Test
    void averageAccuracyIsAboveTheFloors() throws Exception {
        Assumptions.assumeTrue(Files.isRegularFile(LOGHUB.resolve("formats.json")),
                "the Loghub samples are not at " + LOGHUB.toAbsolutePath() + ": skipped (they are in CI)");
        JsonNode formats = new ObjectMapper().readTree(LOGHUB.resolve("formats.json").toFile());
        Map<String, Score> scores = new LinkedHashMap<>();
        for (String system : SYSTEMS) {
            Path log = LOGHUB.resolve(system).resolve(system + "_2k.log");
            StringWriter csv = new StringWriter();
            LineTemplates.of(log, formats.get(system).get("log_format").asText()).writeCsv(csv);
            scores.put(system, score(readCsv(LOGHUB.resolve(system).resolve(system + "_2k.log_structured_corrected.csv")),
                    readCsv(csv.toString())));
        }
        double ga = scores.values().stream().mapToDouble(Score::ga).average().orElseThrow();
        double pa = scores.values().stream().mapToDouble(Score::pa).average().orElseThrow();
        assertThat(ga).as("average GA %s", scores).isGreaterThanOrEqualTo(0.92);
        assertThat(pa).as("average PA %s", scores).isGreaterThanOrEqualTo(0.70);
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
