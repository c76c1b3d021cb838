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
        // the jump is one anomaly from its first point, said by the check that saw it most strongly, and nothing else is
        assertThat(out.get("anomalies")).singleElement().satisfies(a -> {
            assertThat(a.get("series").asText()).isEqualTo("latency/value");
            assertThat(a.get("start").asText()).isEqualTo(t.plusSeconds(60L * 200).toString());
            assertThat(a.get("end").asText()).isEqualTo(t.plusSeconds(60L * 204).toString());
            assertThat(a.get("text").asText()).matches("latency value [0-9.]+ is [0-9.]+ σ above its 60-point rolling mean [0-9.]+");
        });
    }
}
