package dev.vigie.parse;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Month;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the time forms logs print. A time without zone is taken as UTC, so that a replay gives the
 * same instants on every machine. Forms without a year (syslog) or without a date (Logback's
 * default) take them from a reference instant: the latest such instant not after it by more than a day.
 */
final class Timestamps {
    /** ISO 8601 and its relatives: '-' or '/' in the date, 'T' or space, '.' or ',' before the fraction, optional zone. */
    private static final Pattern ISO = Pattern.compile(
            "^(\\d{4})[-/](\\d{2})[-/](\\d{2})[T ](\\d{2}):(\\d{2}):(\\d{2})(?:[.,](\\d{1,9}))?(?: ?(Z|[+-]\\d{2}:?\\d{2}|UTC|GMT)\\b)?");
    /** Spark's {@code 17/06/09 20:10:40}. */
    private static final Pattern SHORT_YEAR = Pattern.compile("^(\\d{2})/(\\d{2})/(\\d{2}) (\\d{2}):(\\d{2}):(\\d{2})");
    /** syslog's {@code Mar  4 14:30:01}, no year. */
    private static final Pattern SYSLOG = Pattern.compile(
            "^([A-Z][a-z]{2}) {1,2}(\\d{1,2}) (\\d{2}):(\\d{2}):(\\d{2})(?:\\.(\\d{1,9}))?");
    /** Apache error log's {@code Fri Mar 14 14:30:01.123456 2025}. */
    private static final Pattern CTIME = Pattern.compile(
            "^[A-Z][a-z]{2} ([A-Z][a-z]{2}) {1,2}(\\d{1,2}) (\\d{2}):(\\d{2}):(\\d{2})(?:\\.(\\d{1,9}))? (\\d{4})");
    /** Apache/nginx access log's {@code 10/Oct/2000:13:55:36 -0700}. */
    private static final Pattern CLF = Pattern.compile(
            "^(\\d{2})/([A-Z][a-z]{2})/(\\d{4}):(\\d{2}):(\\d{2}):(\\d{2})(?: ([+-]\\d{4}))?");
    /** Time of day only, Logback's default pattern. */
    private static final Pattern TIME_ONLY = Pattern.compile("^(\\d{2}):(\\d{2}):(\\d{2})[.,](\\d{3})\\b");
    /** Loghub's forms: HDFS {@code 081109 203615}, BGL {@code 2005-06-03-15.42.50.675872}, HealthApp {@code 20171223-22:15:29:606}. */
    private static final Pattern COMPACT = Pattern.compile("^(\\d{2})(\\d{2})(\\d{2}) (\\d{2})(\\d{2})(\\d{2})$");
    private static final Pattern DOTTED = Pattern.compile("^(\\d{4})-(\\d{2})-(\\d{2})-(\\d{2})\\.(\\d{2})\\.(\\d{2})(?:\\.(\\d{1,9}))?$");
    private static final Pattern PACKED = Pattern.compile("^(\\d{4})(\\d{2})(\\d{2})-(\\d{1,2}):(\\d{1,2}):(\\d{1,2}):(\\d{1,3})$");
    private static final Pattern EPOCH = Pattern.compile("^\\d{9,19}(?:\\.\\d+)?$");

    /** A time read at the start of a text and where it ended. */
    record Found(Instant instant, int end) {
    }

    private Timestamps() {
    }

    /** A time at the very start of {@code text}, in any of the forms that begin log lines. */
    static Found atStart(String text, Instant reference) {
        if (text.isEmpty() || !(Character.isDigit(text.charAt(0)) || Character.isUpperCase(text.charAt(0)))) {
            return null;
        }
        try {
            if (Character.isDigit(text.charAt(0))) {
                Found iso = IsoTime.read(text);
                if (iso != null) {
                    return iso;
                }
            }
            if (Character.isDigit(text.charAt(0))) {
                Matcher m = ISO.matcher(text);
                if (m.find()) {
                    LocalDateTime t = LocalDateTime.of(i(m, 1), i(m, 2), i(m, 3), i(m, 4), i(m, 5), i(m, 6), nanos(m.group(7)));
                    return new Found(t.toInstant(offset(m.group(8))), m.end());
                }
                m = SHORT_YEAR.matcher(text);
                if (m.find()) {
                    return new Found(LocalDateTime.of(2000 + i(m, 1), i(m, 2), i(m, 3), i(m, 4), i(m, 5), i(m, 6))
                            .toInstant(ZoneOffset.UTC), m.end());
                }
                m = TIME_ONLY.matcher(text);
                if (m.find()) {
                    LocalTime time = LocalTime.of(i(m, 1), i(m, 2), i(m, 3), i(m, 4) * 1_000_000);
                    LocalDate day = reference.atZone(ZoneOffset.UTC).toLocalDate();
                    Instant t = LocalDateTime.of(day, time).toInstant(ZoneOffset.UTC);
                    return new Found(t.isAfter(reference.plusSeconds(3600)) ? t.minusSeconds(86_400) : t, m.end());
                }
                return null;
            }
            Matcher m = CTIME.matcher(text);
            if (m.find()) {
                return new Found(LocalDateTime.of(i(m, 7), month(m.group(1)), i(m, 2), i(m, 3), i(m, 4), i(m, 5),
                        nanos(m.group(6))).toInstant(ZoneOffset.UTC), m.end());
            }
            Found fast = IsoTime.syslog(text, reference);
            if (fast != null) {
                return fast;
            }
            m = SYSLOG.matcher(text);
            if (m.find()) {
                LocalDateTime t = LocalDateTime.of(2000, month(m.group(1)), i(m, 2), i(m, 3), i(m, 4), i(m, 5), nanos(m.group(6)));
                return new Found(withYear(t, reference), m.end());
            }
        } catch (java.time.DateTimeException e) {
            return null; // a date that does not exist, e.g. 2025-02-30
        }
        return null;
    }

    /** A whole text that is a time, as in a JSON field or a header-format field: any known form, or epoch. */
    static Instant any(String text, Instant reference) {
        String s = text.strip();
        if (s.isEmpty()) {
            return null;
        }
        char c = s.charAt(0);
        if (Character.isDigit(c)) {
            Found iso = IsoTime.read(s);
            if (iso != null) {
                return iso.instant();
            }
            if (EPOCH.matcher(s).matches()) {
                return epoch(s);
            }
        }
        try {
            Matcher m = COMPACT.matcher(s);
            if (m.matches()) {
                return LocalDateTime.of(2000 + i(m, 1), i(m, 2), i(m, 3), i(m, 4), i(m, 5), i(m, 6)).toInstant(ZoneOffset.UTC);
            }
            m = DOTTED.matcher(s);
            if (m.matches()) {
                return LocalDateTime.of(i(m, 1), i(m, 2), i(m, 3), i(m, 4), i(m, 5), i(m, 6), nanos(m.group(7)))
                        .toInstant(ZoneOffset.UTC);
            }
            m = PACKED.matcher(s);
            if (m.matches()) {
                return LocalDateTime.of(i(m, 1), i(m, 2), i(m, 3), i(m, 4), i(m, 5), i(m, 6), i(m, 7) * 1_000_000)
                        .toInstant(ZoneOffset.UTC);
            }
            m = CLF.matcher(s);
            if (m.find()) {
                LocalDateTime t = LocalDateTime.of(i(m, 3), month(m.group(2)), i(m, 1), i(m, 4), i(m, 5), i(m, 6));
                return t.toInstant(m.group(7) == null ? ZoneOffset.UTC : ZoneOffset.of(m.group(7)));
            }
        } catch (java.time.DateTimeException e) {
            return null;
        }
        Found f = atStart(s, reference);
        return f == null ? null : f.instant();
    }

    /** Apache/nginx access-log time, e.g. {@code 10/Oct/2000:13:55:36 -0700}. */
    static Instant clf(String text) {
        Instant fast = IsoTime.clf(text);
        return fast != null ? fast : any(text, Instant.EPOCH);
    }

    /** Epoch seconds, milliseconds, microseconds or nanoseconds, told apart by magnitude, read exactly; null past what a long holds. */
    static Instant epoch(String digits) {
        try {
            return epochExact(digits);
        } catch (NumberFormatException | java.time.DateTimeException e) {
            return null;
        }
    }

    private static Instant epochExact(String digits) {
        int dot = digits.indexOf('.');
        String whole = dot < 0 ? digits : digits.substring(0, dot);
        long v = Long.parseLong(whole);
        if (whole.length() >= 18) {
            return Instant.ofEpochSecond(0, v);
        }
        if (whole.length() >= 15) {
            return Instant.ofEpochSecond(v / 1_000_000, (v % 1_000_000) * 1000);
        }
        if (whole.length() >= 12) {
            return Instant.ofEpochMilli(v);
        }
        return Instant.ofEpochSecond(v, dot < 0 ? 0 : nanos(digits.substring(dot + 1)));
    }

    /** The year that puts a year-less time latest without being more than a day after the reference. */
    static Instant withYear(LocalDateTime noYear, Instant reference) {
        int year = reference.atZone(ZoneOffset.UTC).getYear();
        for (int y = year + 1; y >= year - 1; y--) {
            try {
                Instant t = noYear.withYear(y).toInstant(ZoneOffset.UTC);
                if (!t.isAfter(reference.plusSeconds(86_400))) {
                    return t;
                }
            } catch (java.time.DateTimeException e) {
                // Feb 29 in a year without it: try the next
            }
        }
        return noYear.withYear(year - 1).toInstant(ZoneOffset.UTC);
    }

    private static int i(Matcher m, int group) {
        return Integer.parseInt(m.group(group));
    }

    private static int nanos(String fraction) {
        if (fraction == null || fraction.isEmpty()) {
            return 0;
        }
        return Integer.parseInt((fraction + "000000000").substring(0, 9));
    }

    private static Month month(String abbreviation) {
        for (Month m : Month.values()) {
            if (m.name().substring(0, 3).equalsIgnoreCase(abbreviation)) {
                return m;
            }
        }
        throw new java.time.DateTimeException("not a month: " + abbreviation);
    }

    private static ZoneOffset offset(String zone) {
        if (zone == null || zone.equals("Z") || zone.equals("UTC") || zone.equals("GMT")) {
            return ZoneOffset.UTC;
        }
        String z = zone.length() == 5 ? zone.substring(0, 3) + ":" + zone.substring(3) : zone;
        return ZoneOffset.of(z);
    }
}
