package dev.vigie;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigie.incident.FactsJson;
import dev.vigie.incident.FactsReport;
import dev.vigie.sim.SampleLogGenerator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code vigie ingest --once} over the committed sample logs finds each embedded incident at its time. */
class EndToEndTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final Duration TOLERANCE = Duration.ofMinutes(2);

    @TempDir
    static Path dataDir;
    static JsonNode summary;
    static JsonNode incidents;

    @BeforeAll
    static void ingestOnce() throws Exception {
        Cli.Result ingest = Cli.run("ingest", SampleLogs.DIR.toString(), "--once", "--json", "--data-dir", dataDir.toString());
        assertThat(ingest.exitCode()).isZero();
        summary = JSON.readTree(ingest.out());
        Cli.Result list = Cli.run("incidents", "--json", "--data-dir", dataDir.toString());
        assertThat(list.exitCode()).isZero();
        incidents = JSON.readTree(list.out());
    }

    @Test
    void ingestPrintsOnlyItsCountsAsOneJsonObject() throws Exception {
        long fileLines = 0;
        try (Stream<Path> files = Files.list(SampleLogs.DIR)) {
            for (Path f : files.toList()) {
                fileLines += Files.readAllLines(f).size();
            }
        }
        assertThat(summary.fieldNames()).toIterable().containsExactly("lines", "events", "rejected", "anomalies", "incidents");
        assertThat(summary.get("lines").asLong()).isEqualTo(fileLines);
        assertThat(summary.get("events").asLong()).isGreaterThan(fileLines * 9 / 10).isLessThanOrEqualTo(fileLines);
        assertThat(summary.get("rejected").asLong()).isZero();
        assertThat(summary.get("incidents").asLong()).isEqualTo(incidents.size());
    }

    @Test
    void findsEachEmbeddedIncidentAtItsTimeWithItsDomain() {
        assertThat(incidents).as("one incident per embedded problem").hasSize(SampleLogGenerator.INCIDENTS.size());
        for (SampleLogGenerator.Embedded expected : SampleLogGenerator.INCIDENTS) {
            List<JsonNode> matching = new ArrayList<>();
            incidents.forEach(i -> {
                Instant start = Instant.parse(i.get("start").asText());
                if (i.get("service").asText().equals(expected.service())
                        && Duration.between(expected.start(), start).abs().compareTo(TOLERANCE) <= 0) {
                    matching.add(i);
                }
            });
            assertThat(matching).as(expected.name()).hasSize(1);
            assertThat(matching.get(0).get("domain").asText()).as(expected.name()).isEqualTo(expected.domain());
            List<String> affected = new ArrayList<>();
            matching.get(0).get("affected").forEach(s -> affected.add(s.asText()));
            assertThat(affected).as(expected.name() + ": the other services it shows in").containsAll(expected.affected());
        }
    }

    @Test
    void eachEmbeddedIncidentIsFoundByTheRightChecks() {
        Map<String, List<String>> expected = Map.of(
                "database connection-pool exhaustion", List.of("error_events", "error_ratio", "exceptions", "template_burst"),
                "tunnel unable to reach its origin", List.of("error_events", "template_burst"),
                "process killed for memory", List.of("error_events"),
                "burst of HTTP 502/503 from the proxy", List.of("error_events", "error_ratio", "rolling_zscore"));
        for (SampleLogGenerator.Embedded e : SampleLogGenerator.INCIDENTS) {
            List<String> checks = new ArrayList<>();
            incidents.forEach(i -> {
                if (i.get("service").asText().equals(e.service())
                        && Duration.between(e.start(), Instant.parse(i.get("start").asText())).abs().compareTo(TOLERANCE) <= 0) {
                    i.get("checks").forEach(c -> checks.add(c.asText()));
                }
            });
            assertThat(checks).as(e.name()).containsAll(expected.get(e.name()));
        }
    }

    @Test
    void noIncidentAwayFromTheEmbeddedOnes() {
        incidents.forEach(i -> {
            Instant start = Instant.parse(i.get("start").asText());
            assertThat(SampleLogGenerator.INCIDENTS).as("incident %s at %s", i.get("id"), start)
                    .anyMatch(e -> Duration.between(e.start(), start).abs().compareTo(TOLERANCE) <= 0);
        });
    }

    @Test
    void everyIncidentHasAMarkdownReportWrittenOffline() throws Exception {
        for (JsonNode i : incidents) {
            Path report = Path.of(i.get("report").asText());
            assertThat(report).exists();
            String md = Files.readString(report);
            assertThat(md).startsWith("# " + i.get("id").asText())
                    .contains("## Summary", "## Impact", "## Timeline", "## Root cause", "## Action plan",
                            "## What we do not know", "Written offline");
            // what a model would read fits a small model's context
            FactsReport facts = FactsJson.read(Files.readString(Path.of(report.toString().replace(".md", ".facts.json"))));
            assertThat(FactsJson.estimatedTokens(facts)).as(i.get("id").asText()).isLessThanOrEqualTo(2_000);
            assertThat(i.get("cause").asText()).isNotBlank();
        }
    }

    @Test
    void aSecondRunOverUnchangedFilesReadsNothing() throws Exception {
        Cli.Result again = Cli.run("ingest", SampleLogs.DIR.toString(), "--once", "--json", "--data-dir", dataDir.toString());
        JsonNode second = JSON.readTree(again.out());
        assertThat(second.get("lines").asLong()).isZero();
        assertThat(second.get("events").asLong()).isZero();
        assertThat(second.get("incidents").asLong()).isZero();
    }

    @Test
    void theCommittedSampleLogsAreWhatTheSeededGeneratorWrites(@TempDir Path fresh) throws Exception {
        List<Path> written = new SampleLogGenerator(SampleLogGenerator.DEFAULT_SEED).writeTo(fresh);
        assertThat(written).hasSize(6);
        for (Path p : written) {
            assertThat(Files.mismatch(p, SampleLogs.DIR.resolve(p.getFileName()))).as(p.getFileName().toString()).isEqualTo(-1L);
        }
    }

    @Test
    void commandLineSettingsWinOverTheEnvironment(@TempDir Path other) throws Exception {
        // surefire sets VIGIE_OLLAMA_URL to a closed port; --ollama-url must win over it
        Cli.Result r = Cli.run("ingest", SampleLogs.DIR.resolve("kern.log").toString(), "--once", "--data-dir", other.toString(),
                "--ollama-url", "http://127.0.0.2:9");
        assertThat(r.exitCode()).isZero();
        String report = Files.readString(Path.of(JSON.readTree(Cli.run("incidents", "--json", "--data-dir", other.toString()).out())
                .get(0).get("report").asText()));
        assertThat(report).contains("no Ollama at http://127.0.0.2:9");
    }

    @Test
    void aMistypedFormatIsAClearErrorAndReadsNothing(@TempDir Path other) {
        Cli.Result r = Cli.run("ingest", SampleLogs.DIR.toString(), "--once", "--data-dir", other.toString(), "--log-format", "jsn");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(other.resolve("vigie.db")).doesNotExist();
    }

    @Test
    void badInputIsCountedPerSourceAndStopsNothing(@TempDir Path logs, @TempDir Path data) throws Exception {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        bytes.write("2026-03-14T08:00:00Z INFO fine\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        bytes.write(new byte[] {0, 1, 2, 3, 4, 5, 6, 7, 8, '\n'});
        bytes.write(new byte[] {'2', '0', '2', '6', '-', '0', '3', '-', '1', '4', 'T', '0', '8', ':', '0', '0', ':', '0', '1', 'Z',
            ' ', 'b', 'a', 'd', ' ', (byte) 0xC3, (byte) 0x28, '\n'});
        bytes.write(("2026-03-14T08:00:02Z INFO " + "x".repeat(2 << 20) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        bytes.write("{\"level\":\"ERROR\",\"msg\":\"truncated json\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Files.write(logs.resolve("app.log"), bytes.toByteArray());

        JsonNode run = JSON.readTree(Cli.run("ingest", logs.toString(), "--once", "--json", "--data-dir", data.toString()).out());
        assertThat(run.get("lines").asLong()).isEqualTo(5);
        assertThat(run.get("events").asLong()).isEqualTo(4);
        assertThat(run.get("rejected").asLong()).isEqualTo(1);
        JsonNode source = JSON.readTree(Cli.run("sources", "--json", "--data-dir", data.toString()).out()).get(0);
        assertThat(source.get("source").asText()).endsWith("app.log");
        assertThat(source.get("rejected").asLong()).isEqualTo(1);
        assertThat(source.get("invalidUtf8").asLong()).as("the bad byte, and the binary line's NUL").isEqualTo(2);
        assertThat(source.get("truncated").asLong()).isEqualTo(1);
        assertThat(source.get("lastError").isNull()).isTrue();
        assertThat(Cli.run("sources", "--data-dir", data.toString()).out()).contains("2 lines not UTF-8 were stored with U+FFFD")
                .containsPattern("times: \\S");
    }
}
