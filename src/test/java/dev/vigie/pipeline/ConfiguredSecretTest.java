package dev.vigie.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.vigie.FakeOllama;
import dev.vigie.SampleLogs;
import dev.vigie.TestSettings;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A secret of a kind only the settings know ({@code redact.pattern.NAME}) is stored as it was
 * logged, but never leaves the facts level: not in a prompt, a tool's answer, a report, a facts
 * file, the stored facts or a mail, even when the model repeats it.
 */
class ConfiguredSecretTest {
    /** Built at run time, like every secret in the tests. */
    private static final String SECRET = "EMP-" + 482_913;

    @Test
    void aConfiguredPatternNeverReachesAPromptAReportAFactsFileOrAMail(@TempDir Path dir) throws Exception {
        Path logs = Files.createDirectories(dir.resolve("logs"));
        String api = Files.readString(SampleLogs.DIR.resolve("api.jsonl"), StandardCharsets.UTF_8)
                .replace("Connection is not available", "Connection is not available to " + SECRET);
        Files.writeString(logs.resolve("api.jsonl"), api, StandardCharsets.UTF_8);

        GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        try (FakeOllama ollama = new FakeOllama("qwen2.5:7b")) {
            ollama.script = request -> {
                String role = FakeOllama.system(request).lines().findFirst().orElse("");
                boolean toolAnswered = request.path("messages").toString().contains("\"role\":\"tool\"");
                if (role.contains("context") && !toolAnswered) {
                    return "TOOL get_lines {\"template\":\"Connection is not available\"}";
                }
                // a model that repeats the secret it should never have seen
                return role.contains("diagnostician") ? "{\"hypotheses\":[{\"domain\":\"database\",\"cause\":\"The pool is "
                        + "exhausted for " + SECRET + ".\",\"for\":[],\"against\":[]},{\"domain\":\"application\","
                        + "\"cause\":\"A leak in " + SECRET + ".\",\"for\":[],\"against\":[]}],\"confidence\":0.6}"
                        : role.contains("specialist") ? "{\"actions\":[{\"priority\":\"P1\",\"who\":\"DBA\",\"what\":"
                        + "\"Kill the sessions of " + SECRET + "\",\"verification\":\"pool has idle connections\"}],\"checks\":[]}"
                        : role.contains("reporter") ? "## Summary\nThe pool ran dry for " + SECRET + ".\n"
                        : "{\"summary\":\"api pool exhausted for " + SECRET + "\",\"timeline\":[],\"signals\":[]}";
            };
            Map<String, String> settings = Map.of("redact.pattern.employee-id", "EMP-[0-9]{6}",
                    "ollama.url", ollama.url(), "mail.smtp.host", "127.0.0.1",
                    "mail.smtp.port", String.valueOf(smtp.getSmtp().getPort()), "mail.smtp.security", "none",
                    "mail.to", "oncall@example.com", "mail.max.per.hour", "100");
            try (Engine engine = Engine.open(TestSettings.in(dir.resolve("data"), settings), Clock.systemUTC())) {
                OnceIngest.Summary summary = OnceIngest.run(engine, List.of(logs.toString()));
                assertThat(summary.incidents()).isPositive();
                assertThat(engine.store().events("EMP", 5)).as("the facts level keeps what was logged")
                        .anySatisfy(e -> assertThat(e.message()).contains(SECRET));
                List<String> facts = engine.store().incidents().stream()
                        .map(i -> engine.store().facts(i.id()).orElse("")).toList();
                assertThat(String.join("\n", facts)).doesNotContain(SECRET).contains("<secret:employee-id>");
                assertThat(engine.store().incidents()).as("the stored causes")
                        .allSatisfy(i -> assertThat(String.valueOf(i.cause())).doesNotContain(SECRET))
                        .anySatisfy(i -> assertThat(i.analyst()).isEqualTo("ollama:qwen2.5:7b"));
            }

            String prompts = ollama.chatRequests.toString();
            assertThat(ollama.chatRequests).isNotEmpty();
            assertThat(prompts).doesNotContain(SECRET).contains("<secret:employee-id>");

            List<String> files = new ArrayList<>();
            try (Stream<Path> reports = Files.list(dir.resolve("data/reports"))) {
                for (Path f : reports.toList()) {
                    files.add(Files.readString(f, StandardCharsets.UTF_8));
                }
            }
            assertThat(files).anyMatch(f -> f.contains("<secret:employee-id>"));
            assertThat(files).noneMatch(f -> f.contains(SECRET));

            MimeMessage[] mails = smtp.getReceivedMessages();
            assertThat(mails).isNotEmpty();
            for (MimeMessage m : mails) {
                assertThat(GreenMailUtil.getWholeMessage(m)).doesNotContain(SECRET);
            }
        } finally {
            smtp.stop();
        }
    }
}
