package dev.vigie.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigie.Cli;
import dev.vigie.store.Store;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code vigie reindex} after the sample logs: the memory is rebuilt from the database, even after being deleted. */
class ReindexCommandTest {
    @Test
    void theMemoryIsRebuiltFromTheDatabaseWithEveryIncidentAndTemplate(@TempDir Path dir) throws Exception {
        Path logs = dir.resolve("logs");
        Path data = dir.resolve("data");
        assertThat(Cli.run("sample-logs", "--out", logs.toString()).exitCode()).isZero();
        assertThat(Cli.run("ingest", logs.toString(), "--once", "--data-dir", data.toString()).exitCode()).isZero();
        long expected;
        try (Store store = new Store(data.resolve("vigie.db"), Clock.systemUTC())) {
            expected = store.incidents().size() + store.templates().size();
            // (and templates absorbed since: the memory forgets them)
            assertThat(store.memoryChanges(1_000)).as("waiting in the outbox").hasSizeGreaterThanOrEqualTo((int) expected);
        }
        for (int run = 0; run < 2; run++) {
            Cli.Result r = Cli.run("reindex", "--data-dir", data.toString(), "--json");
            assertThat(r.exitCode()).as(r.err()).isZero();
            JsonNode out = new ObjectMapper().readTree(r.out());
            assertThat(out.path("records").asLong()).isEqualTo(expected);
            assertThat(out.path("index").asText()).contains(data.resolve("memory").toString(), "all-minilm-l6-v2-q");
            try (Stream<Path> all = Files.walk(data.resolve("memory"))) {
                for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p); // the second run starts from nothing
                }
            }
        }
        try (Store store = new Store(data.resolve("vigie.db"), Clock.systemUTC())) {
            assertThat(store.memoryChanges(10)).isEmpty();
        }
    }
}
