package dev.vigie.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigie.event.SourceStatus;
import dev.vigie.store.Store;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile JSON at {@code -Xmx256m}, in a process of its own: lines of a megabyte of distinct words,
 * lines nested four hundred thousand deep. Every line is stored once, with its own time, and memory
 * stays bounded (the miner, the batches, the evidence and the search index cap what they hold).
 */
class HostileInputTest {
    private static final int LINES = 60;

    @Test
    void megabyteAndDeeplyNestedJsonLinesAreStoredWithTheirTimesInABoundedHeap(@TempDir Path dir) throws Exception {
        Path logs = Files.createDirectories(dir.resolve("logs"));
        SplittableRandom random = new SplittableRandom(7);
        try (BufferedWriter wide = Files.newBufferedWriter(logs.resolve("wide.jsonl"), StandardCharsets.UTF_8);
             BufferedWriter deep = Files.newBufferedWriter(logs.resolve("deep.jsonl"), StandardCharsets.UTF_8)) {
            for (int i = 0; i < LINES; i++) {
                StringBuilder words = new StringBuilder();
                for (int w = 0; w < 120_000; w++) {
                    words.append(" w").append(random.nextInt(100_000));
                }
                String time = String.format("2026-03-14T08:%02d:%02dZ", i / 60, i % 60);
                wide.write("{\"timestamp\":\"" + time + "\",\"level\":\"ERROR\",\"service\":\"api\",\"message\":\"payload" + words + "\"}\n");
                deep.write("{\"timestamp\":\"" + time + "\",\"level\":\"WARN\",\"message\":\"deep\",\"payload\":" + "[".repeat(400_000)
                        + "]".repeat(400_000) + "}\n");
            }
        }
        Path data = dir.resolve("data");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "-Xmx256m", "-cp", System.getProperty("java.class.path"), "dev.vigie.Vigie",
                "ingest", logs.toString(), "--once", "--data-dir", data.toString(), "--ollama-url", "http://127.0.0.1:9")
                .redirectErrorStream(true).redirectOutput(dir.resolve("out.txt").toFile()).start();
        assertThat(p.waitFor(240, TimeUnit.SECONDS)).as("finishes").isTrue();
        assertThat(p.exitValue()).as(Files.readString(dir.resolve("out.txt"))).isZero();
        try (Store store = new Store(data.resolve("vigie.db"), Clock.systemUTC())) {
            assertThat(store.count("log_events")).isEqualTo(2 * LINES);
            assertThat(store.sources()).hasSize(2).allSatisfy(s -> {
                assertThat(s.events()).isEqualTo(LINES);
                assertThat(s.timeInferred()).as("each line keeps its own time").isZero();
            });
            assertThat(store.sources()).extracting(SourceStatus::rejected).containsOnly(0L);
        }
    }
}
