package dev.vigie.memory;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigie.Cli;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The memory in Qdrant, chosen by the settings alone: the engine connects by URL to a Qdrant server
 * on a port (the in-process fake, over the network), fills the collection, and the chat finds a
 * past incident through it.
 */
class QdrantEngineTest {
    @Test
    void theSettingsPutTheMemoryInQdrantAndTheChatFindsThroughIt(@TempDir Path dir) throws Exception {
        try (FakeQdrant qdrant = FakeQdrant.listening()) {
            Path logs = dir.resolve("logs");
            Path data = dir.resolve("data");
            Files.createDirectories(data);
            Files.writeString(data.resolve("settings.properties"), "memory.backend=qdrant\nmemory.qdrant.url=" + qdrant.url()
                    + "\nmemory.qdrant.collection=team_memory\n");
            assertThat(Cli.run("sample-logs", "--out", logs.toString()).exitCode()).isZero();
            assertThat(Cli.run("ingest", logs.toString(), "--once", "--data-dir", data.toString()).exitCode()).isZero();

            Cli.Result reindex = Cli.run("reindex", "--data-dir", data.toString(), "--json");
            assertThat(reindex.exitCode()).as(reindex.err()).isZero();
            JsonNode out = new ObjectMapper().readTree(reindex.out());
            assertThat(out.path("index").asText()).contains("Qdrant collection team_memory at " + qdrant.url());
            assertThat(qdrant.collections.get("team_memory")).hasSize(out.path("records").asInt());
            assertThat(String.join(",", qdrant.indexes.get("team_memory"))).as("payload indexes made on first use")
                    .contains("kind:", "service:", "domain:");

            Cli.Result ask = Cli.run("ask", "have we seen HikariPool before?", "--data-dir", data.toString(), "--json");
            assertThat(ask.exitCode()).as(ask.err()).isZero();
            assertThat(new ObjectMapper().readTree(ask.out()).path("citations").toString()).contains("INC-ac3f062b");
        }
    }
}
