package dev.vigie.config;

import java.util.List;

/**
 * Where incident reports are e-mailed, if anywhere. Credentials come from the environment only
 * ({@code VIGIE_SMTP_USERNAME}, {@code VIGIE_SMTP_PASSWORD}), never from the settings file, and
 * never appear in {@link #toString()}.
 *
 * @param host       SMTP server; empty: no e-mail
 * @param security   {@code starttls} (required), {@code ssl} (implicit TLS) or {@code none}
 * @param trust      hosts whose certificate is trusted without a chain ({@code *} for all), for a
 *                   relay with a private certificate; empty: the JDK's trust store only
 * @param maxPerHour mails sent at most in any hour; more are counted as held back
 */
public record MailSettings(String host, int port, String security, String from, List<String> to, int maxPerHour,
                           String trust, String username, String password) {
    public MailSettings {
        to = List.copyOf(to);
        if (!List.of("starttls", "ssl", "none").contains(security)) {
            throw new IllegalArgumentException("mail.smtp.security is starttls, ssl or none; got '" + security + "'");
        }
    }

    public boolean enabled() {
        return !host.isBlank() && !to.isEmpty();
    }

    @Override
    public String toString() {
        return "MailSettings[" + host + ":" + port + " " + security + ", from " + from + " to " + to + ", " + maxPerHour
                + "/h, credentials " + (username.isEmpty() ? "none" : "from the environment") + "]";
    }
}
