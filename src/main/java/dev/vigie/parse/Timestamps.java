package dev.vigie.parse;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the time forms logs print. A time without zone is taken as UTC, so that a replay gives the
 * same instants on every machine.
 */
final class Timestamps {
    /** ISO 8601 and its common relatives: 'T' or space, '.' or ',' before the fraction, optional zone. */
    private static final Pattern ISO = Pattern.compile(
            "^(\\d{4}-\\d{2}-\\d{2})[T ](\\d{2}:\\d{2}:\\d{2})(?:[.,](\\d{1,9}))?\\s?(Z|[+-]\\d{2}:?\\d{2}|UTC|GMT)?");
    private static final DateTimeFormatter APACHE = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ROOT);

    /** A time read at the start of a text and where it ended. */
    record Found(Instant instant, int end) {
    }

    private Timestamps() {
    }

    static Found atStart(String text) {
        Matcher m = ISO.matcher(text);
        if (!m.find()) {
            return null;
        }
        try {
            String fraction = m.group(3) == null ? "" : "." + m.group(3);
            LocalDateTime local = LocalDateTime.parse(m.group(1) + "T" + m.group(2) + fraction);
            return new Found(local.toInstant(offset(m.group(4))), m.end());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static ZoneOffset offset(String zone) {
        if (zone == null || zone.equals("Z") || zone.equals("UTC") || zone.equals("GMT")) {
            return ZoneOffset.UTC;
        }
        String z = zone.length() == 5 ? zone.substring(0, 3) + ":" + zone.substring(3) : zone;
        return ZoneOffset.of(z);
    }

    /** Apache/nginx access-log time, e.g. {@code 10/Oct/2000:13:55:36 -0700}. */
    static Instant apache(String text) {
        try {
            return java.time.OffsetDateTime.parse(text, APACHE).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** A JSON time value: ISO text, or epoch seconds / milliseconds / nanoseconds by magnitude. */
    static Instant any(String text) {
        Found iso = atStart(text);
        if (iso != null) {
            return iso.instant();
        }
        try {
            double v = Double.parseDouble(text);
            return epoch(v);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static Instant epoch(double v) {
        if (v > 1e17) {
            return Instant.ofEpochSecond(0, (long) v);
        }
        if (v > 1e11) {
            return Instant.ofEpochMilli((long) v);
        }
        long seconds = (long) Math.floor(v);
        return Instant.ofEpochSecond(seconds, Math.round((v - seconds) * 1e9));
    }
}
