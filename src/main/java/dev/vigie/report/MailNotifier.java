package dev.vigie.report;

import dev.vigie.config.MailSettings;
import dev.vigie.privacy.Redactor;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Date;
import java.util.Deque;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * E-mails incident reports over SMTP (Jakarta Mail), as HTML and plain text: at most one mail per
 * incident and state, at most {@code maxPerHour} in any hour (more are held back and counted), the
 * text redacted once more on the way out. A failed send is counted and said, never thrown at the
 * pipeline. Credentials are never logged. Thread-safe.
 */
public final class MailNotifier implements Notifier {
    private static final Logger LOG = LoggerFactory.getLogger(MailNotifier.class);
    private static final Duration HOUR = Duration.ofHours(1);
    private static final String TIMEOUT_MS = "10000";

    private final MailSettings settings;
    private final Redactor redactor;
    private final Clock clock;
    private final Session session;
    private final Set<String> sent = new HashSet<>();
    private final Deque<Instant> lastHour = new ArrayDeque<>();
    private long sentCount;
    private long heldBack;
    private long failed;
    private String lastError = "";

    public MailNotifier(MailSettings settings, Redactor redactor, Clock clock) {
        this.settings = settings;
        this.redactor = redactor;
        this.clock = clock;
        this.session = settings.enabled() ? session(settings) : null;
    }

    /** The report is also the plain-text part. */
    @Override
    public synchronized Outcome send(Notification n) {
        String incidentId = n.incidentId();
        String state = n.state();
        if (session == null) {
            return Outcome.DISABLED;
        }
        if (sent.contains(incidentId + "|" + state)) {
            return Outcome.ALREADY_SENT;
        }
        Instant now = clock.instant();
        while (!lastHour.isEmpty() && !lastHour.peekFirst().isAfter(now.minus(HOUR))) {
            lastHour.removeFirst();
        }
        if (lastHour.size() >= settings.maxPerHour()) {
            heldBack++;
            LOG.warn("mail for {} ({}) held back: {} mails in the last hour", incidentId, state, lastHour.size());
            return Outcome.HELD_BACK;
        }
        try {
            MimeMessage m = message(n.subject(), redactor.redact(n.markdown()));
            try (Transport t = session.getTransport()) {
                t.connect();
                t.sendMessage(m, m.getAllRecipients());
            }
            sent.add(incidentId + "|" + state);
            lastHour.addLast(now);
            sentCount++;
            return Outcome.SENT;
        } catch (MessagingException | RuntimeException e) {
            failed++;
            lastError = e.getClass().getSimpleName() + ": " + e.getMessage();
            LOG.warn("mail for {} ({}) not sent: {}", incidentId, state, lastError);
            return Outcome.FAILED;
        }
    }

    @Override
    public synchronized String summary() {
        return String.format(java.util.Locale.ROOT, "mail: %d sent%s%s", sentCount, heldBack == 0 ? "" : ", " + heldBack + " held back",
                failed == 0 ? "" : ", " + failed + " failed (" + lastError + ")");
    }

    public synchronized long heldBack() {
        return heldBack;
    }

    public synchronized long failed() {
        return failed;
    }

    public synchronized String lastError() {
        return lastError;
    }

    private MimeMessage message(String subject, String markdown) throws MessagingException {
        MimeMessage m = new MimeMessage(session);
        m.setFrom(new InternetAddress(settings.from()));
        for (String to : settings.to()) {
            m.addRecipient(Message.RecipientType.TO, new InternetAddress(to));
        }
        m.setSubject(redactor.redact(subject), StandardCharsets.UTF_8.name());
        m.setSentDate(Date.from(clock.instant()));
        MimeBodyPart text = new MimeBodyPart();
        text.setText(markdown, StandardCharsets.UTF_8.name());
        MimeBodyPart html = new MimeBodyPart();
        html.setContent(MarkdownHtml.render(markdown), "text/html; charset=UTF-8");
        // plain text first: "alternative" parts go from the simplest to the richest
        m.setContent(new MimeMultipart("alternative", text, html));
        return m;
    }

    private static Session session(MailSettings s) {
        boolean ssl = s.security().equals("ssl");
        String p = ssl ? "mail.smtps." : "mail.smtp.";
        Properties props = new Properties();
        props.put("mail.transport.protocol", ssl ? "smtps" : "smtp");
        props.put(p + "host", s.host());
        props.put(p + "port", String.valueOf(s.port()));
        props.put(p + "connectiontimeout", TIMEOUT_MS);
        props.put(p + "timeout", TIMEOUT_MS);
        props.put(p + "writetimeout", TIMEOUT_MS);
        if (s.security().equals("starttls")) {
            props.put(p + "starttls.enable", "true");
            props.put(p + "starttls.required", "true");
        }
        if (ssl) {
            props.put(p + "ssl.enable", "true");
        }
        if (!s.trust().isEmpty()) {
            props.put(p + "ssl.trust", s.trust());
        }
        props.put(p + "ssl.checkserveridentity", String.valueOf(s.trust().isEmpty()));
        Authenticator auth = null;
        if (!s.username().isEmpty()) {
            props.put(p + "auth", "true");
            auth = new Authenticator() {
                @Override
                protected PasswordAuthentication getPasswordAuthentication() {
                    return new PasswordAuthentication(s.username(), s.password());
                }
            };
        }
        return Session.getInstance(props, auth);
    }
}
