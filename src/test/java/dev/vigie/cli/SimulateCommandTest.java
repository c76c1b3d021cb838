package dev.vigie.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigie.Cli;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulateCommandTest {
    @Test
    void countsTheDetectorsHitsAgainstTheScriptedScenariosAndWritesTheSeries(@TempDir Path dir) throws Exception {
        Path script = dir.resolve("faults.txt");
        Files.writeString(script, "# a storm, then a bad deploy\n+02:00 connection_storm postgresql 6m\n");
        Path csv = dir.resolve("sim.csv");
        Cli.Result r = Cli.run("simulate", "--hours", "4", "--script", script.toString(),
                "--scenario", "+03:00 bad_deploy api 5m", "--out", csv.toString(), "--json");

        assertThat(r.exitCode()).isZero();
        JsonNode out = new ObjectMapper().readTree(r.out());
        assertThat(out.get("samples").asInt()).isEqualTo(4 * 360 * 24);
        assertThat(out.get("detected").asInt()).isEqualTo(2);
        assertThat(out.get("false_alarms")).isEmpty();
        assertThat(out.get("scenarios")).hasSize(2).allSatisfy(s -> {
            assertThat(s.get("detected").asBoolean()).isTrue();
            assertThat(s.get("delay_steps").asInt()).isLessThanOrEqualTo(2);
        });
        assertThat(out.get("scenarios").get(0).get("series").asText()).isEqualTo("postgresql/active_connections");

        // the series come back through 'vigie metrics', which finds the same faults
        assertThat(Files.readAllLines(csv)).hasSize(1 + 4 * 360).first().asString()
                .startsWith("timestamp,api/requests_per_s,api/cpu_usage,");
        JsonNode replay = new ObjectMapper().readTree(Cli.run("metrics", csv.toString(), "--json").out());
        assertThat(replay.get("samples").asInt()).isEqualTo(4 * 360 * 24);
        assertThat(replay.get("anomalies").findValuesAsText("series")).contains("postgresql/active_connections", "api/error_rate");
    }

    @Test
    void aScriptLineThatCannotBeReadIsACleanError() {
        Cli.Result r = Cli.run("simulate", "--hours", "1", "--scenario", "+1h volcano api 5m");
        assertThat(r.exitCode()).isEqualTo(2);
    }
}
