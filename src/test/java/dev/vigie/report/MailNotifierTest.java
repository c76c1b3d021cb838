package dev.vigie.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.vigie.HandClock;
import dev.vigie.TestSettings;
import dev.vigie.config.MailSettings;
import dev.vigie.privacy.Redactor;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Against a real SMTP server started in the test (GreenMail). */
class MailNotifierTest {
    private static final String REPORT = "# INC-1 — api: database incident\n\n| | |\n|---|---|\n| Severity | CRITICAL |\n\n"
            + "## What to do first\n\n1. Kill idle sessions\n2. Resize the pool\n\nSample lines:\n\n```\n"
            + "ERROR login for bob" + "@example.org failed with password=" + "hunter" + "22\n```\n";

    private GreenMail server;

    private GreenMail start(ServerSetup setup, GreenMailConfiguration config) {
        server = new GreenMail(setup.dynamicPort()).withConfiguration(config);
        server.start();
        return server;
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop();
        }
    }

    private static MailSettings settings(int port, String security, int perHour, String user, String password) {
        return new MailSettings("127.0.0.1", port, security, "vigie@localhost", List.of("oncall@example.com", "cto@example.com"),
                perHour, security.equals("ssl") ? "*" : "", user, password);
    }

    @Test
    void aReportArrivesAsHtmlAndPlainTextToEveryRecipientWithNothingSecretInIt() throws Exception {
        GreenMail smtp = start(ServerSetupTest.SMTP, GreenMailConfiguration.aConfig());
        MailNotifier mailer = new MailNotifier(settings(smtp.getSmtp().getPort(), "none", 12, "", ""), Redactor.standard(),
                Clock.systemUTC());

        assertThat(mailer.send(new Notification("INC-1", "resolved", "[Vigie] CRITICAL api: database incident INC-1 (resolved)", REPORT)))
                .isEqualTo(Notifier.Outcome.SENT);

        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(2); // one copy per recipient
        MimeMessage m = received[0];
        assertThat(m.getSubject()).isEqualTo("[Vigie] CRITICAL api: database incident INC-1 (resolved)");
        assertThat(m.getAllRecipients()).extracting(Object::toString).containsExactly("oncall@example.com", "cto@example.com");
        MimeMultipart parts = (MimeMultipart) m.getContent();
        assertThat(parts.getContentType()).startsWith("multipart/alternative");
        assertThat(parts.getBodyPart(0).getContentType()).startsWith("text/plain");
        assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/html");
        String text = (String) parts.getBodyPart(0).getContent();
        String html = (String) parts.getBodyPart(1).getContent();
        assertThat(text).contains("1. Kill idle sessions").contains("<email>").contains("<secret:password>");
        assertThat(html).contains("<h1>INC-1 — api: database incident</h1>", "<ol><li>Kill idle sessions</li>",
                "<td>Severity</td><td>CRITICAL</td>", "&lt;secret:password&gt;");
        assertThat(GreenMailUtil.getWholeMessage(m)).doesNotContain("hunter" + "22").doesNotContain("bob" + "@example.org");
    }

    @Test
    void oneMailPerIncidentStateAndNoMoreThanTheHourlyLimit() {
        GreenMail smtp = start(ServerSetupTest.SMTP, GreenMailConfiguration.aConfig());
        HandClock clock = new HandClock(Instant.parse("2026-11-21T10:00:00Z"));
        MailNotifier mailer = new MailNotifier(settings(smtp.getSmtp().getPort(), "none", 2, "", ""), Redactor.standard(), clock);

        assertThat(mailer.send(new Notification("INC-1", "open", "s", REPORT))).isEqualTo(Notifier.Outcome.SENT);
        assertThat(mailer.send(new Notification("INC-1", "open", "s", REPORT))).isEqualTo(Notifier.Outcome.ALREADY_SENT);
        assertThat(mailer.send(new Notification("INC-1", "resolved", "s", REPORT))).isEqualTo(Notifier.Outcome.SENT);
        assertThat(mailer.send(new Notification("INC-2", "open", "s", REPORT))).isEqualTo(Notifier.Outcome.HELD_BACK);
        assertThat(mailer.heldBack()).isEqualTo(1);
        assertThat(mailer.summary()).isEqualTo("mail: 2 sent, 1 held back");
        assertThat(smtp.getReceivedMessages()).hasSize(2 * 2);

        clock.pass(Duration.ofMinutes(61));
        assertThat(mailer.send(new Notification("INC-2", "open", "s", REPORT))).isEqualTo(Notifier.Outcome.SENT);
        assertThat(smtp.getReceivedMessages()).hasSize(3 * 2);
    }

    @Test
    void implicitTlsWithCredentialsFromTheEnvironmentAndAWrongPasswordIsAFailureNotACrash() {
        GreenMail smtps = start(ServerSetupTest.SMTPS, GreenMailConfiguration.aConfig().withUser("vigie@localhost", "vigie", "s3cret-pw"));
        int port = smtps.getSmtps().getPort();

        MailNotifier good = new MailNotifier(settings(port, "ssl", 12, "vigie", "s3cret-pw"), Redactor.standard(), Clock.systemUTC());
        assertThat(good.send(new Notification("INC-1", "resolved", "s", REPORT))).isEqualTo(Notifier.Outcome.SENT);
        assertThat(smtps.getReceivedMessages()).hasSize(2);

        MailNotifier bad = new MailNotifier(settings(port, "ssl", 12, "vigie", "not-it"), Redactor.standard(), Clock.systemUTC());
        assertThat(bad.send(new Notification("INC-2", "resolved", "s", REPORT))).isEqualTo(Notifier.Outcome.FAILED);
        assertThat(bad.failed()).isEqualTo(1);
        assertThat(bad.lastError()).contains("AuthenticationFailed").doesNotContain("not-it");
        assertThat(bad.toString()).doesNotContain("not-it");
        assertThat(settings(port, "ssl", 12, "vigie", "not-it").toString()).doesNotContain("not-it");
    }

    @Test
    void starttlsIsRequiredNeverSkipped() {
        // GreenMail's SMTP does not offer STARTTLS: the mail must fail rather than go out in clear
        GreenMail smtp = start(ServerSetupTest.SMTP, GreenMailConfiguration.aConfig());
        MailNotifier mailer = new MailNotifier(settings(smtp.getSmtp().getPort(), "starttls", 12, "", ""), Redactor.standard(),
                Clock.systemUTC());
        assertThat(mailer.send(new Notification("INC-1", "open", "s", REPORT))).isEqualTo(Notifier.Outcome.FAILED);
        assertThat(mailer.lastError()).contains("STARTTLS is required");
        assertThat(smtp.getReceivedMessages()).isEmpty();
    }

    @Test
    void anUnreachableServerIsCountedAndSaid() {
        MailNotifier mailer = new MailNotifier(settings(9, "none", 12, "", ""), Redactor.standard(), Clock.systemUTC());
        assertThat(mailer.send(new Notification("INC-1", "open", "s", REPORT))).isEqualTo(Notifier.Outcome.FAILED);
        assertThat(mailer.lastError()).isNotEmpty();
    }

    @Test
    void withoutAServerNothingIsSent(@TempDir Path dir) {
        MailSettings defaults = TestSettings.in(dir).mail();
        assertThat(new MailNotifier(defaults, Redactor.standard(), Clock.systemUTC()).send(new Notification("INC-1", "open", "s", REPORT)))
                .isEqualTo(Notifier.Outcome.DISABLED);
    }
}
