package dev.vigie.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigie.Cli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetricsCommandTest {
    @Test
    void aRecordedSeriesIsReplayedThroughTheChecks(@TempDir Path dir) throws Exception {
        StringBuilder csv = new StringBuilder("timestamp,value\n");
        SplittableRandom random = new SplittableRandom(5);
        Instant t = Instant.parse("2026-03-14T08:00:00Z");
        for (int i = 0; i < 300; i++) {
            double v = 100 + random.nextGaussian() * 2 + (i >= 200 && i < 205 ? 80 : 0);
            csv.append(t.plusSeconds(60L * i)).append(',').append(v).append('\n');
        }
        csv.append("not a time,1\n");
        Path f = dir.resolve("latency.csv");
        Files.writeString(f, csv);
        Cli.Result r = Cli.run("metrics", f.toString(), "--json");
        assertThat(r.exitCode()).isZero();
        JsonNode out = new ObjectMapper().readTree(r.out());
        assertThat(out.get("samples").asInt()).isEqualTo(300);
        assertThat(out.get("rejected").asInt()).isEqualTo(1);
        // the rolling z-score and the combined score both see the jump, from its first point, and nothing else
        assertThat(out.get("anomalies")).hasSize(2).allSatisfy(a -> {
            assertThat(a.get("series").asText()).isEqualTo("latency/value");
            assertThat(a.get("start").asText()).isEqualTo(t.plusSeconds(60L * 200).toString());
        });
        assertThat(out.get("anomalies")).extracting(a -> a.get("check").asText())
                .containsExactlyInAnyOrder("rolling_zscore", "anomaly_score");
        assertThat(out.get("anomalies").findValuesAsText("text"))
                .anySatisfy(text -> assertThat(text).matches("latency value [0-9.]+ is [0-9.]+ σ above the expected [0-9.]+ \\(rolling median\\); anomaly score 0\\.[0-9]+"));
    }
}
