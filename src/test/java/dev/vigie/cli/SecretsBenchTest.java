package dev.vigie.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigie.Cli;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The redactor on the labelled secret-bearing lines of ../shared/bench/secrets: every secret out, every clean line intact. */
class SecretsBenchTest {
    private static final Path SET = Path.of("../shared/bench/secrets/lines.jsonl.gz");

    @Test
    void everySecretIsRemovedAndEveryLineWithoutOneIsUnchanged() throws Exception {
        Assumptions.assumeTrue(Files.isRegularFile(SET), "the secrets set is not here (" + SET.toAbsolutePath() + ")");
        Cli.Result r = Cli.run("redact", "--score", SET.toString(), "--json");
        assertThat(r.exitCode()).isZero();
        JsonNode out = new ObjectMapper().readTree(r.out());
        assertThat(out.get("secrets").asInt()).isPositive();
        assertThat(out.get("lines_with_a_secret_left")).as("lines where a secret survived").isEmpty();
        assertThat(out.get("clean_lines_altered")).as("lines without a secret that were changed").isEmpty();
        assertThat(out.get("recall").asDouble()).isEqualTo(1.0);
        assertThat(out.get("clean_unchanged").asDouble()).isEqualTo(1.0);
    }
}
