package dev.vigie.parse;

import dev.vigie.event.Level;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds an event time, and a level, where no known format put them: a time at the start of any of
 * the first fields of the line (after a file name, a dash, a pid…), in the layouts logs print
 * (ISO and its relatives, syslog, compact {@code yyMMdd HHmmss}, {@code yyyy-MM-dd-HH.mm.ss},
 * {@code yyyyMMdd-HH:mm:ss:SSS}, logcat's {@code MM-dd HH:mm:ss.SSS}, bracketed {@code [MM.dd HH:mm:ss]},
 * epoch seconds or milliseconds in a column); a level named as such ({@code Level: Error}) or written as
 * its own word among the first fields (logcat's one letter before its tag too). Only times from 2000 to 2099 are believed.
 */
final class TimeScan {
    /** How far into a line a time or a level is looked for. */
    private static final int REACH = 160;
    private static final int LEVEL_FIELDS = 12;

    private static final Pattern COMPACT = Pattern.compile("^(\\d{2})(\\d{2})(\\d{2}) (\\d{2})(\\d{2})(\\d{2})(?![\\d:])");
    private static final Pattern DOTTED = Pattern.compile("^(\\d{4})-(\\d{2})-(\\d{2})-(\\d{2})\\.(\\d{2})\\.(\\d{2})(?:\\.(\\d{1,9}))?(?!\\d)");
    private static final Pattern PACKED = Pattern.compile("^(\\d{4})(\\d{2})(\\d{2})-(\\d{1,2}):(\\d{1,2}):(\\d{1,2})(?::(\\d{1,3}))?(?!\\d)");
    private static final Pattern MONTH_DAY = Pattern.compile("^(\\d{2})[-.](\\d{2}) (\\d{2}):(\\d{2}):(\\d{2})(?:\\.(\\d{1,6}))?(?![\\d:])");
    private static final Pattern EPOCH = Pattern.compile("^(\\d{10}|\\d{13})(?:\\.\\d{1,6})?(?![\\d.:-])");
    /** A level named as such: {@code Level: Error} (Windows events), {@code severity=warning}. */
    private static final Pattern NAMED_LEVEL = Pattern.compile("(?i)\\b(?:level|severity|lvl)\\s*[=:]\\s*\"?([a-z]{3,12})\\b");
    /** logcat's {@code pid tid L tag:}. */
    private static final Pattern LOGCAT_LEVEL = Pattern.compile("\\s\\d+\\s+\\d+\\s+([VDIWEFA])\\s+[^\\s:]+\\s*:");

    /** A time found in a line: when, the span it took, and its layout in words. */
    record Found(Instant instant, int start, int end, String layout) {
    }

    private TimeScan() {
    }

    static Found time(String line, Instant reference) {
        int reach = Math.min(line.length(), REACH);
        for (int i = 0; i < reach; i++) {
            if (i > 0 && !boundary(line.charAt(i - 1))) {
                continue;
            }
            char c = line.charAt(i);
            if (!Character.isDigit(c) && !Character.isUpperCase(c)) {
                continue;
            }
            String rest = line.substring(i);
            Instant t = at(rest, reference);
            if (t != null) {
                return new Found(t, i, i + spanOf(rest, reference), layoutOf(rest, reference) + (i == 0 ? ", first in the line" : ", further in the line"));
            }
        }
        return null;
    }

    private static boolean boundary(char c) {
        return c == ' ' || c == '\t' || c == '|' || c == '[' || c == '(' || c == ',' || c == ';' || c == '=' || c == '"';
    }

    /** The time at the very start of {@code s}, if one of the layouts reads it there and it is plausible. */
    private static Instant at(String s, Instant reference) {
        Instant t = layout(s, reference);
        if (t == null) {
            return null;
        }
        int year = t.atZone(ZoneOffset.UTC).getYear();
        return year >= 2000 && year < 2100 ? t : null;
    }

    private static Instant layout(String s, Instant reference) {
        try {
            Timestamps.Found known = Timestamps.atStart(s, reference);
            if (known != null) {
                return known.instant();
            }
            Matcher m = COMPACT.matcher(s);
            if (m.find()) {
                return LocalDateTime.of(2000 + i(m, 1), i(m, 2), i(m, 3), i(m, 4), i(m, 5), i(m, 6)).toInstant(ZoneOffset.UTC);
            }
            m = DOTTED.matcher(s);
            if (m.find()) {
                return LocalDateTime.of(i(m, 1), i(m, 2), i(m, 3), i(m, 4), i(m, 5), i(m, 6), nanos(m.group(7))).toInstant(ZoneOffset.UTC);
            }
            m = PACKED.matcher(s);
            if (m.find()) {
                return LocalDateTime.of(i(m, 1), i(m, 2), i(m, 3), i(m, 4), i(m, 5), i(m, 6),
                        m.group(7) == null ? 0 : i(m, 7) * 1_000_000).toInstant(ZoneOffset.UTC);
            }
            m = MONTH_DAY.matcher(s);
            if (m.find()) {
                int year = reference.atZone(ZoneOffset.UTC).getYear();
                LocalDateTime t = LocalDateTime.of(year, i(m, 1), i(m, 2), i(m, 3), i(m, 4), i(m, 5), nanos(m.group(6)));
                // a year-less time that would be more than a day ahead of the reference is last year's
                return t.toInstant(ZoneOffset.UTC).isAfter(reference.plusSeconds(86_400))
                        ? t.minusYears(1).toInstant(ZoneOffset.UTC) : t.toInstant(ZoneOffset.UTC);
            }
            m = EPOCH.matcher(s);
            if (m.find()) {
                return Timestamps.epoch(m.group(1));
            }
        } catch (java.time.DateTimeException | NumberFormatException e) {
            return null;
        }
        return null;
    }

    private static final String[] NAMES = {"yyMMdd HHmmss", "yyyy-MM-dd-HH.mm.ss", "yyyyMMdd-HH:mm:ss:SSS", "MM-dd HH:mm:ss (no year)",
            "epoch seconds or milliseconds"};

    /** The layout of the time at the start of {@code s}, in words. */
    private static String layoutOf(String s, Instant reference) {
        if (Timestamps.atStart(s, reference) != null) {
            return "ISO, syslog or another common time";
        }
        Pattern[] patterns = {COMPACT, DOTTED, PACKED, MONTH_DAY, EPOCH};
        for (int k = 0; k < patterns.length; k++) {
            if (patterns[k].matcher(s).find()) {
                return NAMES[k];
            }
        }
        return "unknown";
    }

    /** How many characters the time at the start of {@code s} takes. */
    private static int spanOf(String s, Instant reference) {
        Timestamps.Found known = Timestamps.atStart(s, reference);
        if (known != null) {
            return known.end();
        }
        for (Pattern p : new Pattern[] {COMPACT, DOTTED, PACKED, MONTH_DAY, EPOCH}) {
            Matcher m = p.matcher(s);
            if (m.find()) {
                return m.end();
            }
        }
        return 0;
    }

    /**
     * A level written as a word of its own among the first fields ({@code INFO}, {@code WARN},
     * {@code FATAL}…, in capitals), or logcat's one letter after the pid and tid; null when there is none.
     */
    static Level level(String text) {
        Matcher named = NAMED_LEVEL.matcher(text).region(0, Math.min(text.length(), REACH));
        if (named.find() && Level.fromToken(named.group(1)) != null) {
            return Level.fromToken(named.group(1));
        }
        Matcher logcat = LOGCAT_LEVEL.matcher(text).region(0, Math.min(text.length(), 64));
        if (logcat.find()) {
            return switch (logcat.group(1)) {
                case "V" -> Level.TRACE;
                case "D" -> Level.DEBUG;
                case "I" -> Level.INFO;
                case "W" -> Level.WARN;
                case "E" -> Level.ERROR;
                default -> Level.FATAL;
            };
        }
        String[] fields = text.length() > REACH ? text.substring(0, REACH).split("\\s+") : text.split("\\s+");
        for (int i = 0; i < Math.min(fields.length, LEVEL_FIELDS); i++) {
            String f = fields[i].replaceAll("^[\\[(<]+|[\\])>:,]+$", "");
            if (f.length() >= 3 && f.equals(f.toUpperCase(Locale.ROOT)) && f.chars().allMatch(Character::isLetter)) {
                Level l = Level.fromToken(f);
                if (l != null && !f.equals("LOG") && !f.equals("DETAIL") && !f.equals("STATEMENT") && !f.equals("HINT")) {
                    return l;
                }
            }
        }
        return null;
    }

    private static int i(Matcher m, int group) {
        return Integer.parseInt(m.group(group));
    }

    private static int nanos(String fraction) {
        return fraction == null || fraction.isEmpty() ? 0 : Integer.parseInt((fraction + "000000000").substring(0, 9));
    }
}
