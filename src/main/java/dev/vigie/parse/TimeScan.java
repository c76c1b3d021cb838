package dev.vigie.parse;

import dev.vigie.event.Level;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds an event time, and a level, where no known format put them: a time at the start of any of
 * the first fields of the line (after a file name, a dash, a pid…), in the layouts logs print
 * (ISO and its relatives, syslog, compact {@code yyMMdd HHmmss}, {@code yyyy-MM-dd-HH.mm.ss},
 * {@code yyyyMMdd-HH:mm:ss:SSS}, logcat's {@code MM-dd HH:mm:ss.SSS}, bracketed {@code [MM.dd HH:mm:ss]},
 * glog's {@code I1120 09:30:15.250123}, epoch seconds or milliseconds in a column); a level named as
 * such ({@code Level: Error}) or written as its own word among the first fields (logcat's and glog's
 * one letter too). Only times from 2000 to 2099 are believed.
 */
final class TimeScan {
    /** How far into a line a time or a level is looked for. */
    private static final int REACH = 160;
    private static final int LEVEL_FIELDS = 12;

    private static final Pattern COMPACT = Pattern.compile("^(\\d{2})(\\d{2})(\\d{2}) (\\d{2})(\\d{2})(\\d{2})(?![\\d:])");
    private static final Pattern DOTTED = Pattern.compile("^(\\d{4})-(\\d{2})-(\\d{2})-(\\d{2})\\.(\\d{2})\\.(\\d{2})(?:\\.(\\d{1,9}))?(?!\\d)");
    private static final Pattern PACKED = Pattern.compile("^(\\d{4})(\\d{2})(\\d{2})-(\\d{1,2}):(\\d{1,2}):(\\d{1,2})(?::(\\d{1,3}))?(?!\\d)");
    private static final Pattern MONTH_DAY = Pattern.compile("^(\\d{2})[-.](\\d{2}) (\\d{2}):(\\d{2}):(\\d{2})(?:\\.(\\d{1,6}))?(?![\\d:])");
    /** glog: the level's letter, then {@code MMdd HH:mm:ss.uuuuuu}. */
    private static final Pattern GLOG = Pattern.compile("^[IWEF](\\d{2})(\\d{2}) (\\d{2}):(\\d{2}):(\\d{2})\\.(\\d{6})(?!\\d)");
    private static final Pattern EPOCH = Pattern.compile("^(\\d{10}|\\d{13})(?:\\.\\d{1,6})?(?![\\d.:-])");
    /** A level named as such: {@code Level: Error} (Windows events), {@code severity=warning}. */
    private static final Pattern NAMED_LEVEL = Pattern.compile("(?i)\\b(?:level|severity|lvl)\\s*[=:]\\s*\"?([a-z]{3,12})\\b");
    /** logcat's {@code pid tid L tag:}. */
    private static final Pattern LOGCAT_LEVEL = Pattern.compile("\\s\\d+\\s+\\d+\\s+([VDIWEFA])\\s+[^\\s:]+\\s*:");

    /** A time found in a line: when, the span it took, and its layout (an index of {@link #NAMES}). */
    record Found(Instant instant, int start, int end, int layout) {
        /** The layout in words, and where it stood: what {@code vigie sources} says. */
        String description() {
            return (start == 0 ? FIRST : FURTHER)[layout];
        }
    }

    private TimeScan() {
    }

    /** The longest time a layout writes: what is looked at from each candidate position. */
    private static final int WINDOW = 48;
    private static final Pattern[] LAYOUTS = {COMPACT, DOTTED, PACKED, MONTH_DAY, GLOG, EPOCH};
    private static final String[] NAMES = {"yyMMdd HHmmss", "yyyy-MM-dd-HH.mm.ss", "yyyyMMdd-HH:mm:ss:SSS", "MM-dd HH:mm:ss (no year)",
            "glog's LMMdd HH:mm:ss.uuuuuu (no year)", "epoch seconds or milliseconds", "ISO, syslog or another common time"};
    /** The index of the layouts {@link Timestamps#atStart} reads. */
    private static final int COMMON = 6;
    private static final String[] FIRST = java.util.Arrays.stream(NAMES).map(n -> n + ", first in the line").toArray(String[]::new);
    private static final String[] FURTHER = java.util.Arrays.stream(NAMES).map(n -> n + ", further in the line").toArray(String[]::new);

    /**
     * Where a source's times were found last: tried first on its next line, so that a source is
     * scanned once and then read at the place and in the layout it uses.
     */
    static final class Learned {
        private int position = -1;
        private int layout = -1;
        /** The place and layout being checked, the times it gave so far, and how many went back in time. */
        private long checking = -1;
        private int sampled;
        private int backwards;
        private Instant last;
        /** Places and layouts whose times did not hold, as {@link #key}: never read again for this source. */
        private final java.util.Set<Long> rejected = new java.util.HashSet<>();

        /**
         * Checks a place and layout on the first {@link #SAMPLE} times it gives: times that go back by
         * more than {@link #SLACK} (threads write a little out of order; ids or counters that happen
         * to read as times jump back and forth) in more than one line in eight are not times.
         */
        private boolean holds(Found f) {
            long key = key(f.start(), f.layout());
            if (key != checking) {
                if (checking >= 0 && sampled >= SAMPLE) {
                    return true; // a checked layout keeps its trust; a line written otherwise does not reset it
                }
                checking = key;
                sampled = 0;
                backwards = 0;
                last = null;
            }
            if (sampled >= SAMPLE) {
                return true;
            }
            if (last != null && f.instant().isBefore(last.minus(SLACK))) {
                backwards++;
            }
            last = f.instant();
            sampled++;
            if (backwards * 8 > SAMPLE) {
                rejected.add(key);
                checking = -1;
                position = -1;
                layout = -1;
                return false;
            }
            return true;
        }
    }

    static final int SAMPLE = 32;
    static final java.time.Duration SLACK = java.time.Duration.ofHours(1);

    private static long key(int position, int layout) {
        return (long) position * 16 + layout;
    }

    /**
     * A time at the start of one of the line's first fields, trying first where the source's last
     * time was found, and only at places and in layouts whose times have held on its lines so far.
     */
    static Found time(String line, Instant reference, Learned learned) {
        Found f = find(line, reference, learned);
        return f == null || learned.holds(f) ? f : null;
    }

    private static Found find(String line, Instant reference, Learned learned) {
        if (learned.position >= 0 && learned.position < line.length() && learned.layout >= 0 && learned.layout != COMMON) {
            String s = line.substring(learned.position, Math.min(line.length(), learned.position + WINDOW));
            Matcher m = LAYOUTS[learned.layout].matcher(s);
            if (m.find()) {
                try {
                    Instant t = read(learned.layout, s, m, reference);
                    if (t != null && thisCentury(t)) {
                        return new Found(t, learned.position, learned.position + m.end(), learned.layout);
                    }
                } catch (java.time.DateTimeException | NumberFormatException e) {
                    // not this time: scan the line
                }
            }
        }
        Found f = scan(line, reference, learned.rejected);
        if (f != null) {
            learned.position = f.start();
            learned.layout = f.layout();
        }
        return f;
    }

    private static Found scan(String line, Instant reference, java.util.Set<Long> rejected) {
        int reach = Math.min(line.length(), REACH);
        for (int i = 0; i < reach; i++) {
            if (i > 0 && !boundary(line.charAt(i - 1))) {
                continue;
            }
            char c = line.charAt(i);
            if (!Character.isDigit(c) && !Character.isUpperCase(c)) {
                continue;
            }
            Found f = at(line.substring(i, Math.min(line.length(), i + WINDOW)), reference);
            if (f != null && !rejected.contains(key(i, f.layout()))) {
                return new Found(f.instant(), i, i + f.end(), f.layout());
            }
        }
        return null;
    }

    private static boolean boundary(char c) {
        return c == ' ' || c == '\t' || c == '|' || c == '[' || c == '(' || c == ',' || c == ';' || c == '=' || c == '"';
    }

    /** The time at the very start of {@code s}, with its length and layout, if a layout reads one there that is plausible. */
    private static Found at(String s, Instant reference) {
        Found f = layout(s, reference);
        if (f == null) {
            return null;
        }
        return thisCentury(f.instant()) ? f : null;
    }

    private static final long Y2000 = 946_684_800L;
    private static final long Y2100 = 4_102_444_800L;

    /** From 2000 to 2099, compared in epoch seconds: a year from a time zone's rules costs an object per line. */
    private static boolean thisCentury(Instant t) {
        long s = t.getEpochSecond();
        return s >= Y2000 && s < Y2100;
    }

    private static Found layout(String s, Instant reference) {
        try {
            Timestamps.Found known = Timestamps.atStart(s, reference);
            if (known != null) {
                return new Found(known.instant(), 0, known.end(), COMMON);
            }
            for (int k = 0; k < LAYOUTS.length; k++) {
                Matcher m = LAYOUTS[k].matcher(s);
                if (m.find()) {
                    Instant t = read(k, s, m, reference);
                    return t == null ? null : new Found(t, 0, m.end(), k);
                }
            }
        } catch (java.time.DateTimeException | NumberFormatException e) {
            return null;
        }
        return null;
    }

    private static Instant read(int layout, String s, Matcher m, Instant reference) {
        return switch (layout) {
            case 0 -> LocalDateTime.of(2000 + i(s, m, 1), i(s, m, 2), i(s, m, 3), i(s, m, 4), i(s, m, 5), i(s, m, 6)).toInstant(ZoneOffset.UTC);
            case 1 -> LocalDateTime.of(i(s, m, 1), i(s, m, 2), i(s, m, 3), i(s, m, 4), i(s, m, 5), i(s, m, 6), nanos(m.group(7))).toInstant(ZoneOffset.UTC);
            case 2 -> LocalDateTime.of(i(s, m, 1), i(s, m, 2), i(s, m, 3), i(s, m, 4), i(s, m, 5), i(s, m, 6),
                    m.group(7) == null ? 0 : i(s, m, 7) * 1_000_000).toInstant(ZoneOffset.UTC);
            // year-less: in a leap year first, so that Feb 29 is a date; then the year the reference gives it
            case 3, 4 -> Timestamps.withYear(LocalDateTime.of(2000, i(s, m, 1), i(s, m, 2), i(s, m, 3), i(s, m, 4), i(s, m, 5), nanos(m.group(6))),
                    reference);
            default -> Timestamps.epoch(m.group(1));
        };
    }

    /**
     * A level written as a word of its own among the first fields ({@code INFO}, {@code WARN},
     * {@code FATAL}…, in capitals), logcat's one letter after the pid and tid, or glog's before its
     * date; null when there is none.
     */
    static Level level(String text) {
        if (mayNameLevel(text)) {
            Matcher named = NAMED_LEVEL.matcher(text).region(0, Math.min(text.length(), REACH));
            if (named.find() && Level.fromToken(named.group(1)) != null) {
                return Level.fromToken(named.group(1));
            }
        }
        if (text.length() > 21 && "IWEF".indexOf(text.charAt(0)) >= 0 && GLOG.matcher(text).region(0, 21).lookingAt()) {
            return switch (text.charAt(0)) {
                case 'I' -> Level.INFO;
                case 'W' -> Level.WARN;
                case 'E' -> Level.ERROR;
                default -> Level.FATAL;
            };
        }
        Matcher logcat = mayBeLogcat(text) ? LOGCAT_LEVEL.matcher(text).region(0, Math.min(text.length(), 64)) : null;
        if (logcat != null && logcat.find()) {
            return switch (logcat.group(1)) {
                case "V" -> Level.TRACE;
                case "D" -> Level.DEBUG;
                case "I" -> Level.INFO;
                case "W" -> Level.WARN;
                case "E" -> Level.ERROR;
                default -> Level.FATAL;
            };
        }
        // the first fields, each a run of capitals (brackets and colons around it are not part of it)
        int reach = Math.min(text.length(), REACH);
        int fields = 0;
        int i = 0;
        while (i < reach && fields < LEVEL_FIELDS) {
            while (i < reach && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < reach && !Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            fields++;
            int from = start;
            int to = i;
            while (from < to && "[(<".indexOf(text.charAt(from)) >= 0) {
                from++;
            }
            while (to > from && "])>:,".indexOf(text.charAt(to - 1)) >= 0) {
                to--;
            }
            if (to - from >= 3 && capitals(text, from, to)) {
                String word = text.substring(from, to);
                Level l = Level.fromToken(word);
                if (l != null && !NOT_LEVELS.contains(word)) {
                    return l;
                }
            }
        }
        return null;
    }

    /** A cheap look for logcat's lone level letter between spaces, before running {@link #LOGCAT_LEVEL}. */
    private static boolean mayBeLogcat(String text) {
        int reach = Math.min(text.length(), 64) - 1;
        for (int k = 1; k < reach; k++) {
            if (text.charAt(k - 1) == ' ' && text.charAt(k + 1) == ' ' && "VDIWEFA".indexOf(text.charAt(k)) >= 0) {
                return true;
            }
        }
        return false;
    }

    /** A cheap look for the field names {@link #NAMED_LEVEL} reads, before running it: a name just before an = or a colon. */
    private static boolean mayNameLevel(String text) {
        int reach = Math.min(text.length(), REACH);
        for (int k = 3; k < reach; k++) {
            char c = text.charAt(k);
            if (c == '=' || c == ':') {
                int end = k;
                while (end > 0 && text.charAt(end - 1) == ' ') {
                    end--;
                }
                if (end >= 5 && text.regionMatches(true, end - 5, "level", 0, 5) || end >= 3 && text.regionMatches(true, end - 3, "lvl", 0, 3)
                        || end >= 8 && text.regionMatches(true, end - 8, "severity", 0, 8)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** PostgreSQL's and others' words that name a kind of line, not how grave it is. */
    private static final java.util.Set<String> NOT_LEVELS = java.util.Set.of("LOG", "DETAIL", "STATEMENT", "HINT");

    private static boolean capitals(String s, int from, int to) {
        for (int k = from; k < to; k++) {
            char c = s.charAt(k);
            if (c < 'A' || c > 'Z') {
                return false;
            }
        }
        return true;
    }

    /** The digits of a group of {@code s}, read in place (a group's string costs an object). */
    private static int i(String s, Matcher m, int group) {
        int v = 0;
        for (int k = m.start(group); k < m.end(group); k++) {
            v = v * 10 + s.charAt(k) - '0';
        }
        return v;
    }

    private static int nanos(String fraction) {
        return fraction == null || fraction.isEmpty() ? 0 : Integer.parseInt((fraction + "000000000").substring(0, 9));
    }
}
