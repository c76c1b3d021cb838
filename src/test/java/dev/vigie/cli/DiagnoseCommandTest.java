package dev.vigie.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigie.Cli;
import dev.vigie.FakeOllama;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiagnoseCommandTest {
    private static final Path CASES = Path.of("../shared/bench/incidents/cases.jsonl");

    @Test
    void offlineItPrintsTheWholeAnswerAsOneJsonObject(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("incident.log");
        Files.writeString(f, """
                2025/04/29 05:52:13 [crit] 1021#1021: *882711 pwrite() "/var/lib/nginx/body/0000041187" failed (28: No space left on device)
                10.0.5.33 - - [29/Apr/2025:05:52:13 +0000] "POST /api/v1/uploads HTTP/1.1" 500 177 "-" "okhttp/4.12.0" 0.412 -
                2025-04-29 05:52:30,118 ERROR ingest.spool failed to flush batch 20250429-0552 (4182 records)
                OSError: [Errno 28] No space left on device
                """);
        JsonNode out = new ObjectMapper().readTree(Cli.run("diagnose", f.toString(), "--offline", "--json").out());
        assertThat(out.get("domain").asText()).isEqualTo("infrastructure");
        assertThat(out.get("analyst").asText()).isEqualTo("offline");
        assertThat(out.get("severity").asText()).isEqualTo("critical");
        assertThat(out.get("confidence").asDouble()).isBetween(0.5, 1.0);
        assertThat(out.get("cause").asText()).contains("full");
        assertThat(out.get("summary").asText()).contains("No space left on device");
        assertThat(out.get("actions")).isNotEmpty();
        assertThat(out.get("grounding").get("claims").asInt()).isPositive();
        assertThat(out.get("grounding").get("grounded").asInt()).isEqualTo(out.get("grounding").get("claims").asInt());
    }

    @Test
    void withoutAModelTheOfflineAnalystAnswersAndSaysWhy(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("incident.log");
        Files.writeString(f, "2025-07-01T10:29:00Z ERROR orders: pq: deadlock detected\n");
        JsonNode out = new ObjectMapper().readTree(Cli.run("diagnose", f.toString(), "--json", "--data-dir",
                dir.resolve("data").toString(), "--ollama-url", "http://127.0.0.1:9").out());
        assertThat(out.get("analyst").asText()).isEqualTo("offline");
        assertThat(out.get("domain").asText()).isEqualTo("database");
        assertThat(out.get("note").asText()).startsWith("written offline: ").contains("127.0.0.1:9");
    }

    @Test
    void withAModelTheWholeTeamAnswersAndNamesTheModel(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("incident.log");
        Files.writeString(f, "2025-07-01T10:29:00Z ERROR orders: pq: deadlock detected\n"
                + "2025-07-01T10:29:00Z ERROR orders: failed to reserve stock: pq: deadlock detected\n");
        try (FakeOllama ollama = new FakeOllama("qwen2.5:7b")) {
            ollama.script = request -> {
                String role = FakeOllama.system(request).lines().findFirst().orElse("");
                return role.contains("diagnostician") ? "{\"hypotheses\":[{\"domain\":\"database\",\"cause\":\"Two "
                        + "transactions deadlock on stock rows.\",\"for\":[\"\\\"deadlock detected\\\"\"],\"against\":[]},"
                        + "{\"domain\":\"application\",\"cause\":\"A retry loop in orders.\",\"for\":[],\"against\":[]}],"
                        + "\"confidence\":0.7}"
                        : role.contains("specialist") ? "{\"actions\":[{\"priority\":\"P1\",\"who\":\"DBA\",\"what\":"
                        + "\"Lock stock rows in one order\",\"verification\":\"no more deadlock lines\"}],\"checks\":[]}"
                        : role.contains("reporter") ? "## Summary\nOrders deadlock on stock rows.\n"
                        : "{\"summary\":\"orders logged deadlocks.\",\"timeline\":[],\"signals\":[]}";
            };
            JsonNode out = new ObjectMapper().readTree(Cli.run("diagnose", f.toString(), "--json", "--data-dir",
                    dir.resolve("data").toString(), "--ollama-url", ollama.url()).out());
            assertThat(out.get("analyst").asText()).isEqualTo("qwen2.5:7b");
            assertThat(out.get("domain").asText()).isEqualTo("database");
            assertThat(out.get("confidence").asDouble()).isEqualTo(0.7);
            assertThat(out.get("summary").asText()).isEqualTo("Orders deadlock on stock rows.");
            assertThat(out.get("actions").get(0).asText()).startsWith("P1 (DBA): Lock stock rows in one order");
            assertThat(out.get("hypotheses")).hasSize(2);
            assertThat(out.get("grounding").get("claims").asInt()).isEqualTo(out.get("grounding").get("grounded").asInt());
        }
    }

    @Test
    void theDomainIsRightForNineCasesInTenOfThePublicSet() throws Exception {
        Assumptions.assumeTrue(Files.isRegularFile(CASES), "the incident set is not here (" + CASES.toAbsolutePath() + ")");
        JsonNode out = new ObjectMapper().readTree(Cli.run("diagnose", "--score", CASES.toString(), "--json").out());
        assertThat(out.get("cases").asInt()).isGreaterThanOrEqualTo(42);
        assertThat(out.get("accuracy").asDouble()).as("wrong: %s", out.get("wrong")).isGreaterThanOrEqualTo(0.9);
    }
}
