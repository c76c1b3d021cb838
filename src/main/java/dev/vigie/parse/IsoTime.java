package dev.vigie.parse;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Hand-written readers for the two time forms most lines carry (ISO 8601 and the access-log form),
 * an order of magnitude cheaper than the general regexes; anything unusual is left to those.
 */
final class IsoTime {
    private static final String MONTHS = "JanFebMarAprMayJunJulAugSepOctNovDec";

    private IsoTime() {
    }

    /** {@code yyyy-MM-dd[T ]HH:mm:ss[.fraction][Z|±hh:mm|±hhmm| UTC]} at the start, or null. */
    static Timestamps.Found read(String s) {
        int n = s.length();
        if (n < 19 || !(s.charAt(4) == '-' || s.charAt(4) == '/') || s.charAt(7) != s.charAt(4)
                || !(s.charAt(10) == 'T' || s.charAt(10) == ' ') || s.charAt(13) != ':' || s.charAt(16) != ':') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int second = digits(s, 17, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31 || hour < 0 || hour > 23 || minute < 0 || minute > 59
                || second < 0 || second > 60) {
            return null;
        }
        int i = 19;
        long nanos = 0;
        if (i < n && (s.charAt(i) == '.' || s.charAt(i) == ',')) {
            int start = ++i;
            while (i < n && i - start < 9 && Character.isDigit(s.charAt(i))) {
                nanos = nanos * 10 + (s.charAt(i++) - '0');
            }
            if (i == start) {
                return null;
            }
            for (int k = i - start; k < 9; k++) {
                nanos *= 10;
            }
            while (i < n && Character.isDigit(s.charAt(i))) {
                i++; // digits past nanoseconds
            }
        }
        int offsetSeconds = 0;
        if (i < n) {
            char c = s.charAt(i);
            if (c == 'Z') {
                i++;
            } else if ((c == '+' || c == '-') && i + 3 <= n && Character.isDigit(s.charAt(i + 1))) {
                int hh = digits(s, i + 1, 2);
                int j = i + 3;
                if (j < n && s.charAt(j) == ':') {
                    j++;
                }
                int mm = j + 2 <= n ? digits(s, j, 2) : -1;
                if (hh < 0 || mm < 0) {
                    return null;
                }
                offsetSeconds = (c == '-' ? -1 : 1) * (hh * 3600 + mm * 60);
                i = j + 2;
            } else if (c == ' ' && s.startsWith(" UTC", i) && (i + 4 == n || !Character.isLetter(s.charAt(i + 4)))) {
                i += 4;
            }
        }
        long epochDay;
        try {
            epochDay = LocalDate.of(year, month, day).toEpochDay();
        } catch (java.time.DateTimeException e) {
            return null;
        }
        long epochSecond = epochDay * 86_400 + hour * 3600L + minute * 60L + Math.min(second, 59) - offsetSeconds;
        return new Timestamps.Found(Instant.ofEpochSecond(epochSecond, nanos), i);
    }

    /** {@code dd/MMM/yyyy:HH:mm:ss ±hhmm}, or null. */
    static Instant clf(String s) {
        if (s.length() != 26 || s.charAt(2) != '/' || s.charAt(6) != '/' || s.charAt(11) != ':' || s.charAt(20) != ' ') {
            return null;
        }
        int month = MONTHS.indexOf(s.substring(3, 6));
        int day = digits(s, 0, 2);
        int year = digits(s, 7, 4);
        int hour = digits(s, 12, 2);
        int minute = digits(s, 15, 2);
        int second = digits(s, 18, 2);
        int hh = digits(s, 22, 2);
        int mm = digits(s, 24, 2);
        char sign = s.charAt(21);
        if (month < 0 || month % 3 != 0 || day < 1 || year < 0 || hour < 0 || minute < 0 || second < 0 || hh < 0 || mm < 0
                || (sign != '+' && sign != '-')) {
            return null;
        }
        try {
            long epochDay = LocalDate.of(year, month / 3 + 1, day).toEpochDay();
            int offset = (sign == '-' ? -1 : 1) * (hh * 3600 + mm * 60);
            return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3600L + minute * 60L + Math.min(second, 59) - offset);
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    /** syslog's {@code Mmm dd HH:mm:ss} (day padded with a space or not), the year from the reference, or null. */
    static Timestamps.Found syslog(String s, Instant reference) {
        if (s.length() < 15 || s.charAt(3) != ' ') {
            return null;
        }
        int month = MONTHS.indexOf(s.substring(0, 3));
        if (month < 0 || month % 3 != 0) {
            return null;
        }
        int i = 4;
        if (s.charAt(i) == ' ') {
            i++;
        }
        int dayEnd = s.indexOf(' ', i);
        if (dayEnd < 0 || dayEnd - i < 1 || dayEnd - i > 2 || dayEnd + 9 > s.length() || s.charAt(dayEnd + 3) != ':'
                || s.charAt(dayEnd + 6) != ':') {
            return null;
        }
        int day = digits(s, i, dayEnd - i);
        int hour = digits(s, dayEnd + 1, 2);
        int minute = digits(s, dayEnd + 4, 2);
        int second = digits(s, dayEnd + 7, 2);
        int end = dayEnd + 9;
        if (day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 60
                || (end < s.length() && (s.charAt(end) == '.' || Character.isDigit(s.charAt(end))))) {
            return null; // fractions and odd shapes: the general reader
        }
        int year = reference.atZone(java.time.ZoneOffset.UTC).getYear();
        for (int y = year + 1; y >= year - 1; y--) {
            try {
                long epochDay = LocalDate.of(y, month / 3 + 1, day).toEpochDay();
                Instant t = Instant.ofEpochSecond(epochDay * 86_400 + hour * 3600L + minute * 60L + Math.min(second, 59));
                if (!t.isAfter(reference.plusSeconds(86_400))) {
                    return new Timestamps.Found(t, end);
                }
            } catch (java.time.DateTimeException e) {
                // Feb 29 in a year without it: the year before
            }
        }
        return null;
    }

    /** The number written by {@code count} digits at {@code from}, or -1. */
    private static int digits(String s, int from, int count) {
        int v = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }
}
