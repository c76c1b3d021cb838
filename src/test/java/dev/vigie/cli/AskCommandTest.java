package dev.vigie.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigie.Cli;
import dev.vigie.SampleLogs;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code vigie ask} and {@code vigie feedback} headless, after the sample logs. */
class AskCommandTest {
    @Test
    void askAnswersAsJsonAndAFeedbackIsShownWithTheFixItIsAbout(@TempDir Path data) throws Exception {
        assertThat(Cli.run("ingest", SampleLogs.DIR.toString(), "--once", "--data-dir", data.toString()).exitCode()).isZero();

        Cli.Result helped = Cli.run("feedback", "INC-ac3f062b", "p1", "helped", "--data-dir", data.toString());
        assertThat(helped.exitCode()).as(helped.err()).isZero();
        assertThat(helped.out()).startsWith("INC-ac3f062b P1 (See who holds connections").contains("helped, recorded");
        assertThat(Cli.run("feedback", "INC-ac3f062b", "P2", "not-helped", "--data-dir", data.toString()).exitCode()).isZero();
        Cli.Result wrong = Cli.run("feedback", "INC-ac3f062b", "P9", "helped", "--data-dir", data.toString());
        assertThat(wrong.exitCode()).isEqualTo(2);
        assertThat(wrong.err()).contains("INC-ac3f062b has no action P9: its plan has P1 to P3");
        assertThat(Cli.run("feedback", "INC-ac3f062b", "P1", "maybe", "--data-dir", data.toString()).err())
                .contains("helped or not-helped");

        Cli.Result en = Cli.run("ask", "have", "we", "seen", "HikariPool", "before,", "and", "what", "fixed", "it?",
                "--data-dir", data.toString(), "--json");
        assertThat(en.exitCode()).as(en.err()).isZero();
        JsonNode answer = new ObjectMapper().readTree(en.out());
        assertThat(answer.path("route").asText()).isEqualTo("similarity");
        assertThat(answer.path("language").asText()).isEqualTo("en");
        assertThat(answer.path("answer").asText()).contains("P1: See who holds connections (pg_stat_activity / SHOW PROCESSLIST) "
                + "and terminate idle ones (helped)", "(did not help)");
        assertThat(answer.path("citations").toString()).contains("INC-ac3f062b");

        JsonNode fr = new ObjectMapper().readTree(Cli.run("ask", "qu'est-ce qui a planté à 9h06 ?", "--data-dir", data.toString(),
                "--json").out());
        assertThat(fr.path("language").asText()).isEqualTo("fr");
        assertThat(fr.path("citations").toString()).contains("INC-3c2c35ca");
    }
}
